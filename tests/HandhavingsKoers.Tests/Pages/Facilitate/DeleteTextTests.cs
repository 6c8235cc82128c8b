using HandhavingsKoers.Tests.Infrastructure;

namespace HandhavingsKoers.Tests.Pages.Facilitate;

/// <summary>What "Workshop verwijderen" says about deleting by itself follows the retention setting, in good Dutch.</summary>
public sealed class DeleteTextTests
{
    [Theory]
    [InlineData(null, "Afgesloten workshops worden na 12 maanden vanzelf verwijderd.")] // the default
    [InlineData("1", "Afgesloten workshops worden na 1 maand vanzelf verwijderd.")]
    [InlineData("0", null)] // retention off: nothing is deleted by itself, so the page does not say it is
    public async Task The_delete_text_says_when_closed_workshops_go_by_themselves(string? months, string? sentence)
    {
        var settings = months is null ? null : new Dictionary<string, string?> { ["Retention:MonthsAfterClosing"] = months };
        await using var app = new AppFactory(AppFactory.NewFolder(), settings: settings);
        using var facilitator = app.NewUser();
        var workshop = await facilitator.StartWorkshopAsync();

        var text = (await facilitator.OpenAsync(workshop.FacilitatorUrl())).Text;

        Assert.Contains("Verwijderen kan niet ongedaan worden gemaakt.", text, StringComparison.Ordinal);
        if (sentence is null)
        {
            Assert.DoesNotContain("vanzelf verwijderd", text, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains(sentence, text, StringComparison.Ordinal);
        }
    }
}
