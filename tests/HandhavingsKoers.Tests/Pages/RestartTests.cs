using System.Net;
using HandhavingsKoers.Tests.Infrastructure;
using HandhavingsKoers.Web.Data;

namespace HandhavingsKoers.Tests.Pages;

/// <summary>Everything typed is still there after the server restarts on the same data file.</summary>
public class RestartTests
{
    private readonly StorageProvider _provider;

    public RestartTests()
        : this(StorageProvider.Sqlite)
    {
    }

    protected RestartTests(StorageProvider provider) => _provider = provider;

    [Fact]
    public async Task A_workshop_survives_a_restart_of_the_server_with_its_people_still_recognised()
    {
        var folder = AppFactory.NewFolder();
        var postgres = _provider == StorageProvider.PostgreSql ? PostgresServer.Shared.CreateDatabase() : null;
        Journey.StartedWorkshop workshop;
        string participantCookie;

        await using (var first = new AppFactory(folder, postgres: postgres))
        {
            using var facilitator = first.NewUser();
            using var participant = first.NewUser();
            workshop = await facilitator.StartWorkshopAsync("Gemeente Herstart", "Voor de herstart");
            var joined = await participant.JoinAsync(workshop.JoinCode, "Ali");
            Assert.Equal(HttpStatusCode.OK, joined.Status);
            await facilitator.MoveRoomAsync(workshop, "preventie");
            await participant.AddNoteAsync(workshop.ParticipantUrl("preventie"), "Already", "Wij bellen nieuwe klanten na twee weken.");
            await facilitator.AddNoteAsync(workshop.FacilitatorUrl("preventie"), "Todo", "Brief over inkomstenwijziging verduidelijken.");
            await participant.ScoreAsync(workshop.ParticipantUrl("preventie"), 4);
            await facilitator.PressAsync(workshop.FacilitatorUrl("preventie"), "RevealScores");
            await facilitator.AddTeamActionAsync(workshop, "Brief herschrijven", "Teamleider", "2027-01-15");

            // The participant's browser keeps its cookie across the restart, as a real browser would.
            participantCookie = (await participant.Client.GetAsync(workshop.ParticipantUrl())).RequestMessage!.Headers.GetValues("Cookie").Single();
        }

        await using var second = new AppFactory(folder, postgres: postgres) { OwnsDatabase = true };
        Assert.Equal(1, second.Count("select count(*) from Workshops"));

        // The participant comes back with the same browser cookie and sees the room where it was.
        using var returning = second.NewUser();
        returning.Client.DefaultRequestHeaders.Add("Cookie", participantCookie);
        var page = await returning.OpenAsync(workshop.ParticipantUrl());
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Preventie", page.Heading);
        Assert.Equal(["Wij bellen nieuwe klanten na twee weken."], page.Notes("Already"));
        Assert.Equal(["Brief over inkomstenwijziging verduidelijken."], page.Notes("Todo"));
        Assert.Contains("Door u", page.NoteItem("Wij bellen nieuwe klanten na twee weken.").TextContent, StringComparison.Ordinal);
        Assert.Equal("4", ((AngleSharp.Html.Dom.IHtmlInputElement)page.Document.QuerySelector("input[name=score]:checked")!).Value);
        Assert.Contains("Mediaan: 4", page.Text, StringComparison.Ordinal);

        // The facilitator link still works after the restart.
        using var facilitatorAgain = second.NewUser();
        var facilitatorPage = await facilitatorAgain.OpenAsync(workshop.FacilitatorLink);
        Assert.Equal(HttpStatusCode.OK, facilitatorPage.Status);
        Assert.Equal("Preventie", facilitatorPage.Heading);

        var summary = await returning.OpenAsync(workshop.SummaryUrl);
        Assert.Contains("Wij bellen nieuwe klanten na twee weken.", summary.Text, StringComparison.Ordinal);
        var facilitatorSummary = await facilitatorAgain.OpenAsync(workshop.SummaryUrl);
        Assert.Contains("Brief herschrijven", facilitatorSummary.Document.QuerySelector("#teamacties-titel ~ table")!.TextContent, StringComparison.Ordinal);
    }
}

/// <summary>
/// The same on PostgreSQL: the workshop, the participant's cookie and the forms survive because the rows and the
/// data-protection keys are in the database, not in the app's folder.
/// </summary>
[OnPostgreSql]
public sealed class RestartOnPostgreSqlTests() : RestartTests(StorageProvider.PostgreSql);
