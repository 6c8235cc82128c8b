using System.Net;
using HandhavingsKoers.Tests.Infrastructure;

namespace HandhavingsKoers.Tests.Pages.Workshops;

/// <summary>Starting a workshop: every missing or wrong field is named at once and nothing is stored.</summary>
public sealed class StartTests : RoomTest
{
    [Fact]
    public async Task Starting_a_workshop_with_missing_fields_says_what_is_missing_and_stores_nothing()
    {
        using var visitor = App.NewUser();
        var form = (await visitor.OpenAsync("/starten")).Form("form[method=post]");
        var page = await visitor.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Gemeente"] = "  ",
            ["Input.Title"] = new string('t', 151),
            ["Input.Date"] = "geen datum",
        });

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Vul de naam van uw gemeente in.", page.Errors);
        Assert.Contains("De titel mag maximaal 150 tekens zijn.", page.Errors);
        Assert.Contains(page.Errors, e => e.Contains("niet geldig", StringComparison.Ordinal));
        Assert.Equal(1, App.Count("select count(*) from Workshops"));
    }
}
