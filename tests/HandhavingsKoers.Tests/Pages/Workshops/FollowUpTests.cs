using System.Net;
using System.Text;
using System.Text.Json;
using HandhavingsKoers.Tests.Infrastructure;
using HandhavingsKoers.Web.Data;
using HandhavingsKoers.Tests.Pdf;
using HandhavingsKoers.Web;

namespace HandhavingsKoers.Tests.Pages.Workshops;

/// <summary>
/// "Waar staan we?" and follow-up sessions, through the real pages: a chain of three sessions of one gemeente over
/// two editions, with scores, team actions and what became of them.
/// </summary>
public class FollowUpTests : AppTest
{
    public FollowUpTests()
    {
    }

    protected FollowUpTests(StorageProvider provider)
        : base(provider)
    {
    }

    [Fact]
    public async Task Three_sessions_in_a_chain_show_the_trend_per_topic_and_carry_the_team_actions()
    {
        using var facilitator = App.NewUser();

        // ---- Session 1, March: the 2024 praatplaat.
        var first = await facilitator.StartWorkshopAsync("Gemeente Zuidwolde", "Startsessie", "2026-03-10");
        using var anna = App.NewUser();
        using var bram = App.NewUser();
        using var chris = App.NewUser();
        await anna.JoinAsync(first.JoinCode, "Anna");
        await bram.JoinAsync(first.JoinCode, "Bram");
        await chris.JoinAsync(first.JoinCode);
        await facilitator.MoveRoomAsync(first, "vertrouwen");
        await anna.ScoreAsync(first.ParticipantUrl("vertrouwen"), 2);
        await bram.ScoreAsync(first.ParticipantUrl("vertrouwen"), 3);
        var scored = await chris.ScoreAsync(first.ParticipantUrl("vertrouwen"), 3);
        Assert.Equal(HttpStatusCode.OK, scored.Status);
        Assert.Contains("Uw score is bewaard", scored.Text, StringComparison.Ordinal);

        // Before the reveal the room sees how many scored, not how: the facilitator sees the distribution alone.
        var waiting = await anna.OpenAsync(first.ParticipantUrl("vertrouwen"));
        Assert.Null(waiting.Document.QuerySelector(".score-table"));
        Assert.Contains("3 van de 3 deelnemers hebben een score gegeven", Squash(waiting.Text), StringComparison.Ordinal);
        Assert.Equal("2", ((AngleSharp.Html.Dom.IHtmlInputElement)waiting.Document.QuerySelector("input[name=score]:checked")!).Value);
        var facilitatorView = await facilitator.OpenAsync(first.FacilitatorUrl("vertrouwen"));
        Assert.Equal([0, 1, 2, 0, 0], Counts(facilitatorView));
        Assert.Contains("alleen u ziet dit nu", facilitatorView.Text, StringComparison.Ordinal);
        var earlySummary = (await anna.OpenAsync(first.SummaryUrl)).Document.QuerySelector("#paneel-vertrouwen")!.ParentElement!;
        Assert.Null(earlySummary.QuerySelector(".score-table"));
        Assert.Contains("De scores van deze stap laat de begeleider later zien.", earlySummary.TextContent, StringComparison.Ordinal);

        await facilitator.PressAsync(first.FacilitatorUrl("vertrouwen"), "RevealScores");
        var revealed = await anna.OpenAsync(first.ParticipantUrl("vertrouwen"));
        Assert.Equal([0, 1, 2, 0, 0], Counts(revealed));
        Assert.Contains("Mediaan: 3 – We zijn ermee bezig (3 scores)", Squash(revealed.Text), StringComparison.Ordinal);

        // Changing your mind replaces your score; it is never counted twice.
        await anna.ScoreAsync(first.ParticipantUrl("vertrouwen"), 1);
        Assert.Equal([1, 0, 2, 0, 0], Counts(await bram.OpenAsync(first.ParticipantUrl("vertrouwen"))));

        await facilitator.MoveRoomAsync(first, "gepaste-sanctionering");
        await anna.ScoreAsync(first.ParticipantUrl("gepaste-sanctionering"), 1);
        await bram.ScoreAsync(first.ParticipantUrl("gepaste-sanctionering"), 2);

        // Team actions, from the facilitator; a missing owner is refused with a message and stores nothing.
        await facilitator.MoveRoomAsync(first, "acties");
        var refused = await facilitator.AddTeamActionAsync(first, "Brieven herschrijven in B1", "", "2026-06-01");
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains(Messages.OwnerRequired, refused.Errors);
        Assert.Equal("Brieven herschrijven in B1", refused.Document.QuerySelector("#TeamAction_Text")!.TextContent);
        Assert.Equal(0, App.Count("select count(*) from TeamActions"));
        var added = await facilitator.AddTeamActionAsync(first, "Brieven herschrijven in B1", "Teamleider handhaving", "2026-06-01");
        Assert.Equal("De teamactie is toegevoegd.", added.Document.QuerySelector(".notice-success[role=status]")?.TextContent);
        await facilitator.AddTeamActionAsync(first, "Eerst bellen, dan pas een brief", "Consulenten", "1-5-2026");
        var actionsPage = await anna.OpenAsync(first.ParticipantUrl("acties"));
        Assert.Equal(["Eerst bellen, dan pas een brief", "Brieven herschrijven in B1"],
            actionsPage.Document.QuerySelectorAll(".team-action .note-text").Select(e => e.TextContent));
        Assert.Contains("Wie: Consulenten · Klaar op: 1 mei 2026", Squash(actionsPage.Text), StringComparison.Ordinal);
        await facilitator.PressAsync(first.FacilitatorUrl("afronding"), "Close");

        // Only the facilitator of a session may start its follow-up.
        Assert.Equal(HttpStatusCode.Forbidden, (await anna.OpenAsync($"/w/{first.Id}/vervolg")).Status);

        // ---- Session 2, June: the renewed koers. It opens with last time's team actions.
        var second = await facilitator.StartFollowUpAsync(first, "Vervolgsessie zomer", "2026-06-10", "koers-2026-2029");
        var welcome = await facilitator.OpenAsync(second.FacilitatorUrl("welkom"));
        Assert.Contains("Deze sessie is een vervolg op “Startsessie” van 10 maart 2026.", welcome.Text, StringComparison.Ordinal);
        Assert.Equal(["Eerst bellen, dan pas een brief", "Brieven herschrijven in B1"],
            welcome.Document.QuerySelectorAll("li.previous-action > .note-text").Select(e => e.TextContent));
        Assert.Equal(["Nog niet besproken", "Nog niet besproken"], welcome.Document.QuerySelectorAll("li.previous-action .status").Select(e => e.TextContent));
        var noStatus = await facilitator.ReviewAsync(second, "Brieven herschrijven in B1", status: "", note: "x");
        Assert.Equal(HttpStatusCode.BadRequest, noStatus.Status);
        await facilitator.ReviewAsync(second, "Eerst bellen, dan pas een brief", "Done", "Alle consulenten doen het nu.");
        await facilitator.ReviewAsync(second, "Brieven herschrijven in B1", "Busy");

        using var dirk = App.NewUser();
        using var eva = App.NewUser();
        var dirkWelcome = await dirk.JoinAsync(second.JoinCode, "Dirk");
        await eva.JoinAsync(second.JoinCode);
        Assert.Equal(["Gedaan", "Mee bezig"], dirkWelcome.Document.QuerySelectorAll("li.previous-action .status").Select(e => e.TextContent));
        Assert.Contains("Alle consulenten doen het nu.", dirkWelcome.Text, StringComparison.Ordinal);
        Assert.Empty(dirkWelcome.Document.QuerySelectorAll("form.review-form"));

        await facilitator.MoveRoomAsync(second, "vertrouwen");
        await dirk.ScoreAsync(second.ParticipantUrl("vertrouwen"), 4);
        var beside = await eva.ScoreAsync(second.ParticipantUrl("vertrouwen"), 4);
        Assert.Contains("Vorige keer (10 maart 2026): mediaan 3 – We zijn ermee bezig, 3 scores.", Squash(beside.Text), StringComparison.Ordinal);

        // Another edition's topic compares with its counterpart: passend handhaven with gepaste sanctionering.
        await facilitator.MoveRoomAsync(second, "passend-handhaven");
        var mapped = await dirk.ScoreAsync(second.ParticipantUrl("passend-handhaven"), 2);
        Assert.Contains("Vorige keer (10 maart 2026, bij “Gepaste sanctionering”): mediaan tussen 1 en 2, 2 scores.", Squash(mapped.Text), StringComparison.Ordinal);

        await facilitator.MoveRoomAsync(second, "acties");
        await facilitator.AddTeamActionAsync(second, "Risicoprofielen laten toetsen", "Privacy officer", "2026-10-01");

        // ---- Session 3, November: back to the 2024 praatplaat.
        var third = await facilitator.StartFollowUpAsync(second, "Vervolgsessie najaar", "2026-11-22", "praatplaat-2024");
        var thirdWelcome = await facilitator.OpenAsync(third.FacilitatorUrl("welkom"));
        // The letters were still "mee bezig" in June: carried over again, before June's own action (decision 0022).
        Assert.Equal(["Brieven herschrijven in B1", "Risicoprofielen laten toetsen"], thirdWelcome.Document.QuerySelectorAll("li.previous-action > .note-text").Select(e => e.TextContent));
        using var fenna = App.NewUser();
        await fenna.JoinAsync(third.JoinCode, "Fenna");
        await facilitator.MoveRoomAsync(third, "vertrouwen");
        await fenna.ScoreAsync(third.ParticipantUrl("vertrouwen"), 5);

        // The projector ends with the radar of what the room has seen: revealed steps only while the workshop runs.
        await facilitator.MoveRoomAsync(third, "afronding");
        var closing = await facilitator.OpenAsync($"/w/{third.Id}/presenteren");
        Assert.Equal(["Vertrouwen", "3", "4", "–"], Row(closing.Document.QuerySelector(".stage-radar .trend-table")!, "Vertrouwen"));
        await facilitator.PressAsync(third.FacilitatorUrl("vertrouwen"), "RevealScores");
        closing = await facilitator.OpenAsync($"/w/{third.Id}/presenteren");
        Assert.Equal(["Vertrouwen", "3", "4", "5"], Row(closing.Document.QuerySelector(".stage-radar .trend-table")!, "Vertrouwen"));
        Assert.NotNull(closing.Document.QuerySelector(".stage-radar svg[role=img]"));

        // The summary shows the trend across all three sessions; a topic a session did not have shows a dash.
        var summary = await facilitator.OpenAsync(third.SummaryUrl);
        var trend = summary.Document.QuerySelector(".trend-table")!;
        Assert.Equal(["Onderwerp", "10 mrt 2026", "10 jun 2026", "Nu (22 nov 2026)"],
            trend.QuerySelectorAll("thead th").Select(th => Squash(th.TextContent)));
        Assert.Equal(["Vertrouwen", "3", "4", "5"], Row(trend, "Vertrouwen"));
        Assert.Equal(["Gepaste sanctionering", "1,5", "2", "–"], Row(trend, "Gepaste sanctionering"));
        Assert.Equal(["Doenvermogen", "–", "–", "–"], Row(trend, "Doenvermogen"));
        var radar = summary.Document.QuerySelector(".radar-chart svg[role=img]")!;
        Assert.StartsWith("Radardiagram van de mediaan per onderwerp", radar.GetAttribute("aria-label"), StringComparison.Ordinal);
        Assert.Equal(2, radar.QuerySelectorAll($"circle[fill=\"{HandhavingsKoers.Web.Reports.Charts.RadarChart.Earlier}\"]").Length); // the previous session: two scored topics, no neighbours, so dots without a line
        Assert.Equal(["Brieven herschrijven in B1", "Risicoprofielen laten toetsen"], summary.Document.QuerySelectorAll("#vorige-titel ~ table tbody td.note-text").Select(e => e.TextContent));

        // The exports carry the same: JSON with the chain, CSV and Markdown with scores and actions.
        using var json = JsonDocument.Parse(await facilitator.Client.GetStringAsync(third.SummaryUrl + "?handler=Json"));
        var root = json.RootElement;
        Assert.Equal(3, root.GetProperty("sessions").GetArrayLength());
        var vertrouwen = root.GetProperty("trend").EnumerateArray().First(r => r.GetProperty("topic").GetString() == "Vertrouwen");
        Assert.Equal([3.0, 4, 5], vertrouwen.GetProperty("medians").EnumerateArray().Select(m => m.GetDouble()));
        Assert.Equal("Risicoprofielen laten toetsen", root.GetProperty("previousActions")[1].GetProperty("text").GetString());
        var markdown = await facilitator.Client.GetStringAsync(third.SummaryUrl + "?handler=Markdown");
        Assert.Contains("| Vertrouwen | 3 | 4 | 5 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Risicoprofielen laten toetsen | Privacy officer | 1 oktober 2026 | Nog niet besproken |", markdown, StringComparison.Ordinal);
        var secondCsv = Encoding.UTF8.GetString(await facilitator.Client.GetByteArrayAsync(second.SummaryUrl + "?handler=Csv"));
        Assert.Contains("Actie van vorige keer;Gedaan: Alle consulenten doen het nu.;klaar op 2026-05-01;Eerst bellen, dan pas een brief;Consulenten", secondCsv, StringComparison.Ordinal);
        Assert.Contains("Teamactie;;klaar op 2026-10-01;Risicoprofielen laten toetsen;Privacy officer", secondCsv, StringComparison.Ordinal);
        Assert.Contains("Vertrouwen;Waar staan we?;4 We doen het vaak;2;", secondCsv, StringComparison.Ordinal);

        // Scores are anonymous: no export says who gave which.
        var firstJson = await facilitator.Client.GetStringAsync(first.SummaryUrl + "?handler=Json");
        Assert.DoesNotContain("Anna", firstJson, StringComparison.Ordinal);
        Assert.DoesNotContain("participantId", firstJson, StringComparison.OrdinalIgnoreCase);

        // And the PDF: the trend, last time's actions and the radar as a figure with its alternative text.
        using var pdfResponse = await facilitator.Client.GetAsync(third.SummaryUrl + "?handler=Pdf");
        var pdf = new PdfInspector(await pdfResponse.Content.ReadAsByteArrayAsync());
        Assert.Contains(pdf.Elements, e => e.Tag == "Figure" && e.Alt!.StartsWith("Radardiagram", StringComparison.Ordinal));
        if (pdf.ExtractText(raw: true) is { } text)
        {
            var flat = Squash(text);
            Assert.Contains("Wat is er gebeurd met de acties van vorige keer?", flat, StringComparison.Ordinal);
            Assert.Contains("Risicoprofielen laten toetsen", flat, StringComparison.Ordinal);
            Assert.Contains("Vertrouwen: 10 mrt 2026 3 · 10 jun 2026 4 · nu 5", flat, StringComparison.Ordinal);
            Assert.Contains("Gepaste sanctionering: 10 mrt 2026 1,5 · 10 jun 2026 2 · nu –", flat, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Scores_follow_the_rules_of_the_step_and_bad_ones_change_nothing()
    {
        using var facilitator = App.NewUser();
        using var participant = App.NewUser();
        var workshop = await facilitator.StartWorkshopAsync();
        await participant.JoinAsync(workshop.JoinCode, "Sanne");

        // Not before the room is there, and never on a step without a question.
        var early = await participant.OpenAsync(workshop.ParticipantUrl("vertrouwen"));
        Assert.Equal(HttpStatusCode.Forbidden, early.Status);
        await facilitator.MoveRoomAsync(workshop, "vertrouwen");
        var page = await participant.OpenAsync(workshop.ParticipantUrl("vertrouwen"));
        var form = page.Form("form.score-form");
        var first = (AngleSharp.Html.Dom.IHtmlInputElement)form.QuerySelector("input[name=score]")!;
        first.Value = "6"; // as a tampered form would send it
        first.IsChecked = true;
        var outOfRange = await participant.SubmitAsync(form);
        Assert.Equal(HttpStatusCode.BadRequest, outOfRange.Status);
        Assert.Contains(Messages.ScoreOutOfRange, outOfRange.Errors);
        var none = await participant.SubmitAsync((await participant.OpenAsync(workshop.ParticipantUrl("vertrouwen"))).Form("form.score-form"));
        Assert.Contains(Messages.ScoreOutOfRange, none.Errors);
        Assert.Equal(0, App.Count("select count(*) from Scores"));

        await participant.ScoreAsync(workshop.ParticipantUrl("vertrouwen"), 4);
        Assert.Equal(1, App.Count("select count(*) from Scores where Value = 4"));

        // A locked step takes no scores; the old one stays.
        await facilitator.PressAsync(workshop.FacilitatorUrl("vertrouwen"), "Lock");
        var locked = await participant.OpenAsync(workshop.ParticipantUrl("vertrouwen"));
        Assert.Null(locked.Document.QuerySelector("form.score-form"));
        Assert.Contains("Uw score: 4 – We doen het vaak", Squash(locked.Text), StringComparison.Ordinal);
        await facilitator.PressAsync(workshop.FacilitatorUrl("vertrouwen"), "Unlock");

        // Taking a score back removes it.
        var withScore = await participant.OpenAsync(workshop.ParticipantUrl("vertrouwen"));
        var removeButton = (AngleSharp.Html.Dom.IHtmlElement)withScore.Document.QuerySelector("form.score-form button[name=remove]")!;
        var removed = await participant.SubmitAsync(withScore.Form("form.score-form"), button: removeButton);
        Assert.Contains("Uw score is weggehaald", removed.Text, StringComparison.Ordinal);
        Assert.Equal(0, App.Count("select count(*) from Scores"));

        // Team action dates: typed the Dutch way or picked; not before the workshop, not nonsense.
        await facilitator.MoveRoomAsync(workshop, "acties");
        foreach (var (date, message) in new[] { ("31-02-2027", Messages.DueDateFormat), ("2026-11-21", Messages.DueDateBeforeWorkshop), ("", Messages.DueDateRequired), ("2040-01-01", Messages.DueDateTooFar) })
        {
            var bad = await facilitator.AddTeamActionAsync(workshop, "Iets doen", "Teamleider", date);
            Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
            Assert.Contains(message, bad.Errors);
            Assert.Equal(message, bad.Document.QuerySelector("#TeamAction_DueDate-fout")!.TextContent.Replace("Fout: ", "", StringComparison.Ordinal));
        }

        Assert.Equal(0, App.Count("select count(*) from TeamActions"));
        await facilitator.AddTeamActionAsync(workshop, "Iets doen", "Teamleider", "22-11-2026");
        Assert.Equal(1, App.Count("select count(*) from TeamActions where DueDate = '2026-11-22'"));

        // A follow-up cannot be dated before the session it follows.
        var form2 = (await facilitator.OpenAsync($"/w/{workshop.Id}/vervolg")).Form("form[method=post]");
        var tooEarly = await facilitator.SubmitAsync(form2, new Dictionary<string, string> { ["Input.Title"] = "Vervolg", ["Input.Date"] = "2026-01-01" });
        Assert.Equal(HttpStatusCode.BadRequest, tooEarly.Status);
        Assert.Contains(Messages.FollowUpBeforePrevious, tooEarly.Errors);
        Assert.Equal(1, App.Count("select count(*) from Workshops"));
    }

    [Fact]
    public async Task Starting_a_follow_up_takes_the_facilitator_to_the_new_sessions_page()
    {
        using var facilitator = App.NewUser();
        var first = await facilitator.StartWorkshopAsync("Gemeente Zuidwolde", "Startsessie", "2026-03-10");
        var form = (await facilitator.OpenAsync($"/w/{first.Id}/vervolg")).Form("form[method=post]");
        var started = await facilitator.SubmitWithoutRedirectAsync(form, new Dictionary<string, string> { ["Input.Title"] = "Vervolgsessie", ["Input.Date"] = "2026-06-10" });

        // A new session's facilitator page, not the first one's.
        Assert.Matches("^/w/[0-9a-f-]{36}/begeleider$", started.Location);
        Assert.DoesNotContain(first.Id.ToString(), started.Location!, StringComparison.Ordinal);
        var landed = await facilitator.AssertRedirectedAsync(started, started.Location!);
        Assert.Equal("Welkom", landed.Heading);
        Assert.Contains("Deze sessie is een vervolg op “Startsessie” van 10 maart 2026.", landed.Text, StringComparison.Ordinal);
        Assert.Equal(2, App.Count("select count(*) from Workshops"));
    }

    private static List<int> Counts(Page page) =>
        page.Document.QuerySelectorAll(".score-table .score-count").Select(td => int.Parse(td.TextContent, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    private static List<string> Row(AngleSharp.Dom.IElement table, string topic) =>
        table.QuerySelectorAll("tbody tr").First(tr => tr.QuerySelector("th")!.TextContent == topic)
            .Children.Select(c => Squash(c.TextContent)).ToList();

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>The follow-up session and its report, on PostgreSQL.</summary>
[OnPostgreSql]
public sealed class FollowUpOnPostgreSqlTests() : FollowUpTests(StorageProvider.PostgreSql);
