using System.Net;
using HandhavingsKoers.Tests.Infrastructure;

namespace HandhavingsKoers.Tests.Security;

/// <summary>
/// A beheerder link's key, and a facilitator key made on the gemeente page, never reach a log, even with ASP.NET
/// Core's own logging at Information; the operator's command writes the link to the console only.
/// </summary>
public sealed class BeheerderKeyInLogsTests
{
    [Fact]
    public async Task No_log_line_holds_a_beheerder_key_or_a_facilitator_key_made_by_a_beheerder()
    {
        var folder = AppFactory.NewFolder();
        await using var app = new AppFactory(folder, settings: new Dictionary<string, string?>
        {
            ["Serilog:MinimumLevel:Default"] = "Verbose",
            ["Serilog:MinimumLevel:Override:Microsoft"] = "Information",
            ["Serilog:MinimumLevel:Override:System"] = "Information",
        });
        var gemeente = await app.AddGemeenteAsync("Zuidwaarde");
        using var beheerder = app.NewUser();
        Assert.Equal(HttpStatusCode.OK, (await beheerder.OpenAsync(gemeente.Link)).Status);
        var (id, facilitatorLink, page) = await beheerder.StartSessionAsync(gemeente, "Sessie");
        var reissued = GemeenteJourney.NewFacilitatorLink(await beheerder.SubmitAsync(page.HandlerForm("Reissue", id)))!;
        using var stranger = app.NewUser();
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.OpenAsync($"{gemeente.Url}?SLEUTEL=Fout{gemeente.Key[4..]}")).Status);

        var log = app.ReadLog();
        Assert.Contains("Request starting", log, StringComparison.Ordinal); // ASP.NET Core's request lines are on
        Assert.Contains("Operator: created gemeente Zuidwaarde", log, StringComparison.Ordinal);
        Assert.Contains("re-issued by beheerder link", log, StringComparison.Ordinal);
        foreach (var key in new[] { gemeente.Key, gemeente.Key[4..], Key(facilitatorLink), Key(reissued) })
        {
            Assert.DoesNotContain(key, log, StringComparison.Ordinal);
        }

        Assert.Contains($"/gemeente/{gemeente.Id}?sleutel=[redacted]", log, StringComparison.Ordinal);
    }

    private static string Key(string link) => link[(link.IndexOf("sleutel=", StringComparison.Ordinal) + "sleutel=".Length)..];
}
