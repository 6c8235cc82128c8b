using System.Net;
using AngleSharp.Html.Dom;
using HandhavingsKoers.Tests.Infrastructure;
using HandhavingsKoers.Web.Data;

namespace HandhavingsKoers.Tests.Pages.Present;

/// <summary>
/// The projector (<c>/w/{id}/presenteren</c>, and its stage alone with <c>?handler=Stage</c>): only the facilitator
/// opens it, and it shows what the whole room may see, nothing more. Hiding and revealing are done with the
/// facilitator page's own forms.
/// </summary>
public class PresenterTests : RoomTest
{
    public PresenterTests()
    {
    }

    protected PresenterTests(StorageProvider provider)
        : base(provider)
    {
    }

    private string PresenterUrl => $"/w/{Workshop.Id}/presenteren";

    private string StageUrl => PresenterUrl + "?handler=Stage";

    [Fact]
    public async Task Only_the_facilitator_opens_the_presenter()
    {
        using var stranger = App.NewUser();
        foreach (var (user, url) in new[] { (Participant, PresenterUrl), (Participant, StageUrl), (stranger, PresenterUrl), (stranger, StageUrl) })
        {
            var refused = await user.OpenAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
            Assert.Contains("Deze pagina is alleen voor de begeleider van de workshop.", refused.Text, StringComparison.Ordinal);
            Assert.Null(refused.Document.QuerySelector(".stage"));
        }

        // The facilitator of another workshop is a stranger here too.
        using var otherFacilitator = App.NewUser();
        await otherFacilitator.StartWorkshopAsync("Gemeente Noorddorp", "Andere sessie");
        Assert.Equal(HttpStatusCode.Forbidden, (await otherFacilitator.OpenAsync(PresenterUrl)).Status);

        foreach (var url in new[] { $"/w/{Guid.NewGuid()}/presenteren", $"/w/{Guid.NewGuid()}/presenteren?handler=Stage" })
        {
            var unknown = await Facilitator.OpenAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
            Assert.Contains("Deze workshop bestaat niet", unknown.Text, StringComparison.Ordinal);
        }

        var own = await Facilitator.OpenAsync(PresenterUrl);
        Assert.Equal(HttpStatusCode.OK, own.Status);
        Assert.NotNull(own.Document.QuerySelector("#stage .stage"));
    }

    [Fact]
    public async Task The_stage_shows_the_rooms_current_step_and_the_join_code()
    {
        // On the welcome step the join code is large, with the address to go to.
        await Facilitator.MoveRoomAsync(Workshop, "welkom");
        var welcome = await Facilitator.OpenAsync(PresenterUrl);
        Assert.Equal("Welkom", welcome.Heading);
        Assert.Equal(Workshop.JoinCode, welcome.Document.QuerySelector(".join-code-large")!.TextContent.Replace(" ", "", StringComparison.Ordinal));
        Assert.Contains($"http://localhost/doemee/{Workshop.JoinCode}", welcome.Text, StringComparison.Ordinal);
        Assert.Contains("1 deelnemer", welcome.Document.QuerySelector("#stage-count")!.TextContent, StringComparison.Ordinal);

        // On a principle: its question, and the code in the corner for latecomers.
        await Facilitator.MoveRoomAsync(Workshop, "vertrouwen");
        var principle = await Facilitator.OpenAsync(PresenterUrl);
        Assert.Equal("Vertrouwen", principle.Heading);
        Assert.Equal("Stap 2 van 10 · Gemeente Zuidwolde", principle.Document.QuerySelector(".stage-counter")?.TextContent);
        Assert.Equal("Hoe verhoudt het werken vanuit vertrouwen zich tot naleving?", principle.Document.QuerySelector(".stage-question")!.TextContent.Trim());
        Assert.Contains(Workshop.JoinCode, principle.Document.QuerySelector(".join-corner")!.TextContent.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);

        // The facilitator looking at another step on their own page does not move the projector; moving the room does.
        await Facilitator.OpenAsync(Workshop.FacilitatorUrl("preventie"));
        Assert.Equal("Vertrouwen", (await Facilitator.OpenAsync(PresenterUrl)).Heading);
        await Facilitator.MoveRoomAsync(Workshop, "preventie");
        Assert.Equal("Preventie", (await Facilitator.OpenAsync(PresenterUrl)).Heading);
        var stage = await Facilitator.OpenAsync(StageUrl);
        Assert.Equal(HttpStatusCode.OK, stage.Status);
        Assert.Equal("preventie", stage.Document.QuerySelector(".stage")!.GetAttribute("data-step"));
        Assert.Equal("Preventie", stage.Heading);
    }

    [Fact]
    public async Task During_silent_writing_the_stage_holds_no_note_text_only_the_count_until_the_reveal()
    {
        using var piet = App.NewUser();
        await piet.JoinAsync(Workshop.JoinCode, "Piet");
        string[] texts = ["Geschreven voor het stil schrijven", "Stil geschreven door Sanne", "Stil geschreven door Piet", "Stil geschreven door de begeleider"];
        await Participant.AddNoteAsync(Workshop.ParticipantUrl("vertrouwen"), "Already", texts[0]);

        var facilitatorPage = await Facilitator.OpenAsync(Workshop.FacilitatorUrl("vertrouwen"));
        await Facilitator.SubmitAsync(facilitatorPage.FormWith("form[action$='handler=Hide'] button"));
        await Participant.AddNoteAsync(Workshop.ParticipantUrl("vertrouwen"), "Already", texts[1]);
        await piet.AddNoteAsync(Workshop.ParticipantUrl("vertrouwen"), "Todo", texts[2]);
        await Facilitator.AddNoteAsync(Workshop.FacilitatorUrl("vertrouwen"), "Todo", texts[3]);

        // Not one note leaves the server for the projector, not even the one written before the facilitator hid them.
        var page = await Facilitator.OpenAsync(PresenterUrl);
        var stageHtml = await Facilitator.Client.GetStringAsync(StageUrl);
        foreach (var html in new[] { page.Document.DocumentElement.OuterHtml, stageHtml })
        {
            Assert.All(texts, text => Assert.DoesNotContain(text, html, StringComparison.Ordinal));
            Assert.DoesNotContain("geschreven", html, StringComparison.Ordinal);
        }

        Assert.Empty(page.Document.QuerySelectorAll(".stage-notes"));
        Assert.Equal("Stil schrijven. Er zijn al 4 notities. Ze komen straks samen in beeld.", page.Document.QuerySelector(".stage-hidden")?.TextContent);

        // The facilitator reveals: every note is on the stage, under its prompt.
        var hidden = await Facilitator.OpenAsync(Workshop.FacilitatorUrl("vertrouwen"));
        await Facilitator.SubmitAsync(hidden.FormWith("form[action$='handler=Reveal'] button"));
        var revealed = await Facilitator.OpenAsync(StageUrl);
        Assert.Null(revealed.Document.QuerySelector(".stage-hidden"));
        var columns = revealed.Document.QuerySelectorAll(".stage-columns section").ToList();
        Assert.Equal(2, columns.Count);
        // The stage shows the newest note of each column first.
        Assert.Equal([texts[1], texts[0]], columns[0].QuerySelectorAll(".stage-notes li").Select(li => li.TextContent));
        Assert.Equal([texts[3], texts[2]], columns[1].QuerySelectorAll(".stage-notes li").Select(li => li.TextContent));
    }

    [Fact]
    public async Task One_note_or_one_participant_is_said_in_the_singular()
    {
        using var piet = App.NewUser();
        await piet.JoinAsync(Workshop.JoinCode, "Piet");
        var facilitatorPage = await Facilitator.OpenAsync(Workshop.FacilitatorUrl("vertrouwen"));
        await Facilitator.SubmitAsync(facilitatorPage.FormWith("form[action$='handler=Hide'] button"));
        await Participant.AddNoteAsync(Workshop.ParticipantUrl("vertrouwen"), "Already", "Wij bellen eerst");

        var stage = await Facilitator.OpenAsync(StageUrl);
        Assert.Equal("Stil schrijven. Er is al 1 notitie. Die komt straks in beeld.", stage.Document.QuerySelector(".stage-hidden")?.TextContent);
        var facilitatorStatus = (await Facilitator.OpenAsync(Workshop.FacilitatorUrl("vertrouwen"))).Document.QuerySelector("#step-status .notice")?.TextContent;
        Assert.Equal("Stil schrijven: de zaal ziet de notities van anderen nog niet (1 notitie).", facilitatorStatus);
        var pietStatus = (await piet.OpenAsync(Workshop.ParticipantUrl("vertrouwen"))).Document.QuerySelector("#step-status .notice")?.TextContent;
        Assert.Equal("Stil schrijven: u ziet alleen uw eigen notities. De begeleider laat straks alles zien. Er is al 1 andere notitie.", pietStatus);

        // Waar staan we? One score of two participants, and of one.
        await Participant.ScoreAsync(Workshop.ParticipantUrl("vertrouwen"), 4);
        var scores = (await Participant.OpenAsync(Workshop.ParticipantUrl("vertrouwen"))).Document.QuerySelector("#scores-result p")?.TextContent;
        Assert.Equal("1 van de 2 deelnemers heeft een score gegeven. De begeleider laat de uitkomst straks aan iedereen zien.", scores);
        using var other = App.NewUser();
        using var solo = App.NewUser();
        var oneOfOne = await other.StartWorkshopAsync();
        await solo.JoinAsync(oneOfOne.JoinCode, "Solo");
        await other.MoveRoomAsync(oneOfOne, "vertrouwen");
        scores = (await solo.OpenAsync(oneOfOne.ParticipantUrl("vertrouwen"))).Document.QuerySelector("#scores-result p")?.TextContent;
        Assert.Equal("0 van de 1 deelnemer heeft een score gegeven. De begeleider laat de uitkomst straks aan iedereen zien.", scores);

        // The Markdown report after the reveal: one score.
        await Facilitator.PressAsync(Workshop.FacilitatorUrl("vertrouwen"), "RevealScores");
        var markdown = await Participant.Client.GetStringAsync($"{Workshop.SummaryUrl}?handler=Markdown");
        Assert.Contains("(1 score)", markdown, StringComparison.Ordinal);

        // The actions step: one of two has written theirs.
        await Facilitator.MoveRoomAsync(Workshop, "acties");
        var actions = await Participant.OpenAsync(Workshop.ParticipantUrl("acties"));
        await Participant.SubmitAsync(actions.FormWith("#actie-1"), new Dictionary<string, string> { ["Actions[0]"] = "Een", ["Actions[1]"] = "Twee", ["Actions[2]"] = "Drie" });
        stage = await Facilitator.OpenAsync(StageUrl);
        Assert.Equal("1 van de 2 deelnemers heeft drie zaken opgeschreven.", stage.Document.QuerySelector(".stage-hidden")?.TextContent);
    }

    [Fact]
    public async Task Scores_reach_the_stage_only_after_the_facilitator_reveals_them()
    {
        using var piet = App.NewUser();
        await piet.JoinAsync(Workshop.JoinCode, "Piet");
        await Participant.ScoreAsync(Workshop.ParticipantUrl("vertrouwen"), 4);
        await piet.ScoreAsync(Workshop.ParticipantUrl("vertrouwen"), 2);

        // Before the reveal: how many scored, not how.
        var before = await Facilitator.OpenAsync(PresenterUrl);
        Assert.Equal("Waar staan we? 2 scores gegeven. De uitkomst komt straks in beeld.", before.Document.QuerySelector(".stage-score-count")?.TextContent);
        Assert.Null(before.Document.QuerySelector(".score-table"));
        var stageBefore = await Facilitator.Client.GetStringAsync(StageUrl);
        Assert.DoesNotContain("score-table", stageBefore, StringComparison.Ordinal);
        Assert.DoesNotContain("Mediaan", stageBefore, StringComparison.Ordinal);

        await Facilitator.PressAsync(Workshop.FacilitatorUrl("vertrouwen"), "RevealScores");
        var after = await Facilitator.OpenAsync(StageUrl);
        Assert.Null(after.Document.QuerySelector(".stage-score-count"));
        Assert.Equal([0, 1, 0, 1, 0], after.Document.QuerySelectorAll(".stage-scores .score-table .score-count").Select(td => int.Parse(td.TextContent, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("Mediaan: 3 – We zijn ermee bezig (2 scores)", after.Document.QuerySelector(".stage-scores .score-median")?.TextContent);

        // Hidden again, they leave the stage again.
        await Facilitator.PressAsync(Workshop.FacilitatorUrl("vertrouwen"), "HideScores");
        var hiddenAgain = await Facilitator.OpenAsync(StageUrl);
        Assert.Null(hiddenAgain.Document.QuerySelector(".score-table"));
        Assert.NotNull(hiddenAgain.Document.QuerySelector(".stage-score-count"));
    }

    [Fact]
    public async Task The_closing_step_shows_the_radar_of_what_the_room_has_seen()
    {
        await Participant.ScoreAsync(Workshop.ParticipantUrl("vertrouwen"), 4);
        await Facilitator.MoveRoomAsync(Workshop, "afronding");

        // Scores the room has not seen stay off the radar; with none revealed there is no radar.
        var unrevealed = await Facilitator.OpenAsync(PresenterUrl);
        Assert.Equal("Bedankt voor het meedoen!", unrevealed.Document.QuerySelector(".stage-question")?.TextContent);
        Assert.Null(unrevealed.Document.QuerySelector(".stage-radar"));

        await Facilitator.PressAsync(Workshop.FacilitatorUrl("vertrouwen"), "RevealScores");
        var closing = await Facilitator.OpenAsync(PresenterUrl);
        var radar = closing.Document.QuerySelector(".stage-radar");
        Assert.NotNull(radar);
        Assert.Equal("Waar staan we?", radar.QuerySelector("h2")?.TextContent);
        Assert.StartsWith("Radardiagram van de mediaan per onderwerp", radar.QuerySelector("svg[role=img]")!.GetAttribute("aria-label"), StringComparison.Ordinal);
        var vertrouwen = radar.QuerySelectorAll(".trend-table tbody tr").Single(tr => tr.QuerySelector("th")!.TextContent == "Vertrouwen");
        Assert.Equal("4", vertrouwen.QuerySelector("td")?.TextContent);
    }

    [Fact]
    public async Task The_presenters_own_buttons_come_back_to_the_presenter()
    {
        var page = await Facilitator.OpenAsync(PresenterUrl);
        var controls = page.Form("#presenter-controls");
        var hidden = await Facilitator.SubmitWithoutRedirectAsync(controls, button: (IHtmlElement)controls.QuerySelector("button[formaction$='handler=Hide']")!);
        var landed = await Facilitator.AssertRedirectedAsync(hidden, PresenterUrl);
        Assert.Equal("Stil schrijven. Er zijn al 0 notities. Ze komen straks samen in beeld.", landed.Document.QuerySelector(".stage-hidden")?.TextContent);

        controls = landed.Form("#presenter-controls");
        var moved = await Facilitator.SubmitWithoutRedirectAsync(controls, button: (IHtmlElement)controls.QuerySelector("button[name=target][value=menselijke-maat]")!);
        landed = await Facilitator.AssertRedirectedAsync(moved, PresenterUrl);
        Assert.Equal("Menselijke maat", landed.Heading);
    }
}

/// <summary>The projector, on PostgreSQL.</summary>
[OnPostgreSql]
public sealed class PresenterOnPostgreSqlTests() : PresenterTests(StorageProvider.PostgreSql);
