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

    [Fact]
    public async Task Starting_a_workshop_takes_its_facilitator_to_its_page_with_the_secret_link()
    {
        using var visitor = App.NewUser();
        var form = (await visitor.OpenAsync("/starten")).Form("form[method=post]");
        var started = await visitor.SubmitWithoutRedirectAsync(form, new Dictionary<string, string>
        {
            ["Input.Gemeente"] = "Gemeente Noorddorp",
            ["Input.Title"] = "Tweede sessie",
            ["Input.Date"] = "2026-11-23",
        });

        // The new workshop's own facilitator page: its id is the one just stored.
        Assert.Matches("^/w/[0-9a-f-]{36}/begeleider$", started.Location);
        var id = Guid.Parse(started.Location!.Split('/')[2]);
        Assert.Equal(1, App.Count($"select count(*) from Workshops where Id = '{id.ToString().ToUpperInvariant()}' and Gemeente = 'Gemeente Noorddorp'"));
        var landed = await visitor.AssertRedirectedAsync(started, $"/w/{id}/begeleider");
        Assert.Equal("Welkom", landed.Heading);
        Assert.Contains($"/w/{id}/begeleider?sleutel=", ((AngleSharp.Html.Dom.IHtmlInputElement)landed.Document.QuerySelector("#begeleiderslink")!).Value, StringComparison.Ordinal);
    }
}
