using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using HandhavingsKoers.Tests.Infrastructure;
using HandhavingsKoers.Web;
using HandhavingsKoers.Web.Data;
using HandhavingsKoers.Web.Maintenance;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HandhavingsKoers.Tests.Pages.Workshops;

/// <summary>
/// Following team actions between sessions (issue 17, decision 0022) through the real pages, without JavaScript: the
/// "Acties volgen" page for the facilitator and the beheerder, a follow-up opening with every action not done yet
/// (carried over twice with its first date and history), and kept figures that outlive a session deleted by retention.
/// </summary>
public class FollowActionsTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 10, 9, 0, 0, TimeSpan.Zero));

    public FollowActionsTests()
        : this(StorageProvider.Sqlite)
    {
    }

    protected FollowActionsTests(StorageProvider provider)
    {
        App = AppFactory.Fresh(provider, services: s => s.AddSingleton<TimeProvider>(_clock));
    }

    private AppFactory App { get; }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await App.DisposeAsync();

    [Fact]
    public async Task The_facilitator_follows_actions_after_closing_and_a_follow_up_carries_the_open_ones_with_their_age_and_history()
    {
        using var facilitator = App.NewUser();
        var first = await facilitator.StartWorkshopAsync("Gemeente Zuidwolde", "Startsessie", "2025-03-10");
        using var anna = App.NewUser();
        await anna.JoinAsync(first.JoinCode, "Anna");
        await facilitator.MoveRoomAsync(first, "acties");
        await facilitator.AddTeamActionAsync(first, "Brieven herschrijven in B1", "Teamleider", "2025-06-01");
        await facilitator.AddTeamActionAsync(first, "Eerst bellen, dan een brief", "Consulenten", "2025-09-01");
        await facilitator.PressAsync(first.FacilitatorUrl("afronding"), "Close");

        // Participants and strangers may not follow the actions; the facilitator may, after closing.
        var actionsUrl = $"/w/{first.Id}/acties";
        Assert.Equal(HttpStatusCode.Forbidden, (await anna.OpenAsync(actionsUrl)).Status);
        using var stranger = App.NewUser();
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.OpenAsync(actionsUrl)).Status);
        Assert.Contains(Messages.NotActionFollower, (await anna.OpenAsync(actionsUrl)).Text, StringComparison.Ordinal);
        var closingPage = await facilitator.OpenAsync(first.FacilitatorUrl("afronding"));
        Assert.True(closingPage.Document.QuerySelector($"a[href='{actionsUrl}']") is not null, closingPage.Status + closingPage.Text);

        // A month later: "mee bezig", with a note.
        _clock.Advance(TimeSpan.FromDays(40));
        var busy = await SetStatusAsync(facilitator, actionsUrl, "Brieven herschrijven in B1", "Busy", "Wacht op de huisstijl");
        Assert.True(busy.Status == HttpStatusCode.OK, string.Join("; ", busy.Errors));
        Assert.Equal("De status is opgeslagen.", busy.Document.QuerySelector(".notice-success")?.TextContent);
        var item = Item(busy, "Brieven herschrijven in B1");
        Assert.Equal("Mee bezig", item.QuerySelector(".status")!.TextContent);
        Assert.Contains("sinds 1 maand open", item.TextContent, StringComparison.Ordinal);
        Assert.Equal(["19 april 2025: Mee bezig – Wacht op de huisstijl"], item.QuerySelectorAll(".action-history li").Select(li => Squash(li.TextContent)));

        // Bad input: a clear Dutch message, nothing changes, never a 500.
        var noStatus = await SetStatusAsync(facilitator, actionsUrl, "Eerst bellen, dan een brief", "", "");
        Assert.Equal(HttpStatusCode.BadRequest, noStatus.Status);
        Assert.Contains(Messages.ActionStatusRequired, noStatus.Errors);
        var tampered = await facilitator.OpenAsync(actionsUrl);
        var radio = (IHtmlInputElement)Item(tampered, "Eerst bellen, dan een brief").QuerySelector("input[name=status]")!;
        radio.Value = "Vergeten"; // as a tampered form would send it
        radio.IsChecked = true;
        var strange = await facilitator.SubmitAsync((IHtmlFormElement)radio.Form!);
        Assert.Equal(HttpStatusCode.BadRequest, strange.Status);
        var longPage = await facilitator.OpenAsync(actionsUrl);
        var longForm = Item(longPage, "Eerst bellen, dan een brief").QuerySelectorAll("form").OfType<IHtmlFormElement>().First(f => f.Action.Contains("handler=Status", StringComparison.Ordinal));
        longForm.QuerySelector("[name=note]")!.RemoveAttribute("maxlength"); // as a tampered form would send it
        var tooLong = await facilitator.SubmitAsync(longForm, new Dictionary<string, string> { ["status"] = "Done", ["note"] = new string('x', 501) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.Status);
        Assert.Equal(1, App.Count("select count(*) from ActionStatusChanges"));
        Assert.Equal(1, App.Count("select count(*) from TeamActions where Status = 'NotStarted'"));

        // Editing: text, owner and date; a date that is no date, an empty text, an unknown action.
        var edited = await EditAsync(facilitator, actionsUrl, "Eerst bellen, dan een brief", new() { ["owner"] = "Team toezicht", ["due"] = "2025-10-01" });
        Assert.Equal(HttpStatusCode.OK, edited.Status);
        Assert.Contains("Wie: Team toezicht · Klaar op: 1 oktober 2025", Squash(Item(edited, "Eerst bellen, dan een brief").TextContent), StringComparison.Ordinal);
        var badDate = await EditAsync(facilitator, actionsUrl, "Eerst bellen, dan een brief", new() { ["due"] = "31-02-2026" });
        Assert.Equal(HttpStatusCode.BadRequest, badDate.Status);
        Assert.NotEmpty(badDate.Errors);
        var empty = await EditAsync(facilitator, actionsUrl, "Eerst bellen, dan een brief", new() { ["text"] = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        var tooFar = await EditAsync(facilitator, actionsUrl, "Eerst bellen, dan een brief", new() { ["due"] = "2035-01-01" });
        Assert.Contains(Messages.DueDateTooFar, tooFar.Errors);
        var unknown = await EditAsync(facilitator, actionsUrl, "Eerst bellen, dan een brief", new() { ["actionId"] = Guid.NewGuid().ToString() });
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal(1, App.Count("select count(*) from TeamActions where Owner = 'Team toezicht' and DueDate = '2025-10-01'"));

        // ---- Follow-up B: it opens with both actions, the busy one with its note and age.
        _clock.Advance(TimeSpan.FromDays(60));
        var stale = await facilitator.OpenAsync(actionsUrl); // left open in a tab while B starts
        var staleForm = Item(stale, "Brieven herschrijven in B1").QuerySelectorAll("form").OfType<IHtmlFormElement>().First(f => f.Action.Contains("handler=Status", StringComparison.Ordinal));
        var second = await facilitator.StartFollowUpAsync(first, "Vervolg zomer", "2025-06-18");
        var welcome = await facilitator.OpenAsync(second.FacilitatorUrl("welkom"));
        Assert.Equal(["Brieven herschrijven in B1", "Eerst bellen, dan een brief"],
            welcome.Document.QuerySelectorAll("li.previous-action > .note-text").Select(e => e.TextContent));
        Assert.Equal(["Mee bezig", "Nog niet besproken"], welcome.Document.QuerySelectorAll("li.previous-action .status").Select(e => e.TextContent));
        Assert.Contains("sinds 3 maanden open", welcome.Text, StringComparison.Ordinal);

        // A's page now only shows its actions and points to B, which carries them on; a form left open there changes nothing.
        var changes = App.Count("select count(*) from ActionStatusChanges");
        var readOnly = await facilitator.OpenAsync(actionsUrl);
        Assert.Contains("Deze acties lopen door in de vervolgsessie “Vervolg zomer” (18 juni 2025).", readOnly.Text, StringComparison.Ordinal);
        Assert.Empty(readOnly.Document.QuerySelectorAll("li.previous-action form"));
        var refusedLate = await facilitator.SubmitAsync(staleForm, new Dictionary<string, string> { ["status"] = "Done" });
        Assert.Equal(HttpStatusCode.Conflict, refusedLate.Status);
        Assert.Contains(HandhavingsKoers.Web.Texts.Format(Messages.ActionsFollowedUp, "Vervolg zomer"), refusedLate.Text, StringComparison.Ordinal);
        Assert.Equal(changes, App.Count("select count(*) from ActionStatusChanges"));

        // In B the team says: the letters are still busy, calling first is done.
        await facilitator.ReviewAsync(second, "Brieven herschrijven in B1", "Busy", "Drukker dan gedacht");
        await facilitator.ReviewAsync(second, "Eerst bellen, dan een brief", "Done");
        await facilitator.PressAsync(second.FacilitatorUrl("afronding"), "Close");

        // ---- Follow-up C, a year after A: only the open action, carried over twice, with A's date and whole history.
        _clock.Advance(TimeSpan.FromDays(240));
        var third = await facilitator.StartFollowUpAsync(second, "Vervolg voorjaar", "2026-02-15");
        var thirdWelcome = await facilitator.OpenAsync(third.FacilitatorUrl("welkom"));
        Assert.Equal(["Brieven herschrijven in B1"], thirdWelcome.Document.QuerySelectorAll("li.previous-action > .note-text").Select(e => e.TextContent));
        Assert.Contains("sinds 11 maanden open", thirdWelcome.Text, StringComparison.Ordinal);
        Assert.Contains("Meegenomen uit een eerdere sessie, afgesproken op 10 maart 2025.", thirdWelcome.Text, StringComparison.Ordinal);
        var thirdActions = await facilitator.OpenAsync($"/w/{third.Id}/acties");
        Assert.Equal(["19 april 2025: Mee bezig – Wacht op de huisstijl", "18 juni 2025: Mee bezig – Drukker dan gedacht"],
            Item(thirdActions, "Brieven herschrijven in B1").QuerySelectorAll(".action-history li").Select(li => Squash(li.TextContent)));
        Assert.Equal(1, App.Count($"select count(distinct ActionKey) from PreviousActions where Text = 'Brieven herschrijven in B1'"));
    }

    [Fact]
    public async Task Acties_volgen_says_when_retention_deletes_the_session_and_warns_that_a_published_report_shows_every_change()
    {
        using var facilitator = App.NewUser();
        var session = await StartWithOneTeamActionAsync(facilitator);
        var actionsUrl = $"/w/{session.Id}/acties";
        Assert.DoesNotContain("verwijderd", (await facilitator.OpenAsync(actionsUrl)).Text, StringComparison.Ordinal); // still open

        await facilitator.PressAsync(session.FacilitatorUrl("afronding"), "Close");
        var closed = await facilitator.OpenAsync(actionsUrl);
        Assert.Contains("Deze sessie wordt op 10 maart 2026 verwijderd, met haar acties. Start het vervolg vóór die datum", closed.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("openbaar gepubliceerd", closed.Text, StringComparison.Ordinal);

        await Conclude.ConcludeSteps.PublishAsync(facilitator, session);
        var published = await facilitator.OpenAsync(actionsUrl);
        Assert.Contains("Deze sessie is openbaar gepubliceerd. Wat u hier verandert, ziet iedereen met de openbare link meteen", published.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_team_action_removed_in_the_room_takes_its_status_history_along()
    {
        using var facilitator = App.NewUser();
        var session = await StartWithOneTeamActionAsync(facilitator);
        var busy = await SetStatusAsync(facilitator, $"/w/{session.Id}/acties", "Brieven herschrijven in B1", "Busy", "Jan belt de drukker");
        Assert.Equal(HttpStatusCode.OK, busy.Status);
        Assert.Equal(1, App.Count("select count(*) from ActionStatusChanges"));

        var room = await facilitator.OpenAsync(session.FacilitatorUrl("acties"));
        var remove = room.Document.QuerySelectorAll("form").OfType<IHtmlFormElement>().First(f => f.Action.Contains("handler=RemoveTeamAction", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await facilitator.SubmitAsync(remove)).Status);
        Assert.Equal(0, App.Count("select count(*) from TeamActions"));
        Assert.Equal(0, App.Count("select count(*) from ActionStatusChanges"));
    }

    [Fact]
    public async Task A_beheerder_follows_the_actions_of_their_own_gemeente_only()
    {
        var gemeente = await App.AddGemeenteAsync("Zuidwaarde");
        var other = await App.AddGemeenteAsync("Noordwaarde");
        using var beheerder = App.NewUser();
        await beheerder.OpenAsync(gemeente.Link);
        var (sessionId, facilitatorLink, _) = await beheerder.StartSessionAsync(gemeente, "Teamsessie", "2025-03-10");
        using var facilitator = App.NewUser();
        await facilitator.OpenAsync(facilitatorLink);
        var session = new Journey.StartedWorkshop(sessionId, "", facilitatorLink, null!);
        await facilitator.MoveRoomAsync(session, "acties");
        await facilitator.AddTeamActionAsync(session, "Handhavingsbeleid herzien", "Beleidsadviseur", "2025-12-01");
        await facilitator.PressAsync(session.FacilitatorUrl("afronding"), "Close");

        // From the gemeente's page, per chain.
        var list = await beheerder.OpenAsync(gemeente.Url);
        var url = $"/gemeente/{gemeente.Id}/acties/{sessionId}";
        Assert.NotNull(list.Document.QuerySelector($"a[href='{url}']"));
        var marked = await SetStatusAsync(beheerder, url, "Handhavingsbeleid herzien", "Dropped", "Landelijk geregeld");
        Assert.Equal(HttpStatusCode.OK, marked.Status);
        Assert.Equal("Vervallen", Item(marked, "Handhavingsbeleid herzien").QuerySelector(".status")!.TextContent);
        Assert.Equal(1, App.Count("select count(*) from TeamActions where Status = 'Dropped'"));

        // Another gemeente's beheerder: 403 at this gemeente's address, 404 for this session at their own.
        using var stranger = App.NewUser();
        await stranger.OpenAsync(other.Link);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.OpenAsync(url)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.OpenAsync($"/gemeente/{other.Id}/acties/{sessionId}")).Status);
        using var nobody = App.NewUser();
        Assert.Equal(HttpStatusCode.Forbidden, (await nobody.OpenAsync(url)).Status);
    }

    [Fact]
    public async Task Kept_figures_keep_the_trend_whole_after_retention_deleted_the_earlier_session()
    {
        using var facilitator = App.NewUser();
        var first = await facilitator.StartWorkshopAsync("Gemeente Zuidwolde", "Startsessie", "2025-03-10");
        using var anna = App.NewUser();
        using var bram = App.NewUser();
        using var chris = App.NewUser();
        await anna.JoinAsync(first.JoinCode, "AnnaUniek");
        await bram.JoinAsync(first.JoinCode, "BramUniek");
        await chris.JoinAsync(first.JoinCode);
        await facilitator.MoveRoomAsync(first, "vertrouwen");
        await anna.AddNoteAsync(first.ParticipantUrl("vertrouwen"), "Already", "NotitieUniek over vertrouwen");
        await anna.ScoreAsync(first.ParticipantUrl("vertrouwen"), 2);
        await bram.ScoreAsync(first.ParticipantUrl("vertrouwen"), 3);
        await chris.ScoreAsync(first.ParticipantUrl("vertrouwen"), 3);
        await facilitator.PressAsync(first.FacilitatorUrl("vertrouwen"), "RevealScores");
        await facilitator.MoveRoomAsync(first, "acties");
        await facilitator.AddTeamActionAsync(first, "Brieven herschrijven in B1", "Teamleider", "2025-06-01");
        await facilitator.PressAsync(first.FacilitatorUrl("afronding"), "Close");

        _clock.Advance(TimeSpan.FromDays(30));
        var second = await facilitator.StartFollowUpAsync(first, "Vervolg", "2025-04-10");
        using var dirk = App.NewUser();
        await dirk.JoinAsync(second.JoinCode, "Dirk");
        await facilitator.MoveRoomAsync(second, "vertrouwen");
        await dirk.ScoreAsync(second.ParticipantUrl("vertrouwen"), 4);
        await facilitator.PressAsync(second.FacilitatorUrl("vertrouwen"), "RevealScores");

        // Thirteen months after A closed, the real retention service deletes it: its own loop runs as the clock moves
        // on (and closes the idle B), and one more pass here makes sure it has.
        _clock.Advance(TimeSpan.FromDays(13 * 31));
        await App.Services.GetRequiredService<RetentionService>().DeleteExpiredAsync(CancellationToken.None);
        Assert.Equal(1, App.Count("select count(*) from Workshops"));
        Assert.Equal(0, App.Count($"select count(*) from Workshops where Title = 'Startsessie'"));

        // No name or note of A remains; its figures do, anonymous.
        Assert.Equal(0, App.Count("select count(*) from Participants where DisplayName in ('AnnaUniek', 'BramUniek')"));
        Assert.Equal(0, App.Count("select count(*) from Notes where Text like '%NotitieUniek%'"));
        Assert.Equal(0, App.Count("select count(*) from Scores where Value in (2, 3)"));
        Assert.Equal(1, App.Count("select count(*) from KeptTopics where TopicKey = 'vertrouwen' and Counts = '0,1,2,0,0' and Median = 3"));

        // B's summary still shows A's median in the trend, and says it comes from kept figures.
        var summary = await facilitator.OpenAsync(second.SummaryUrl);
        var trend = summary.Document.QuerySelector(".trend-table")!;
        Assert.Equal(["Vertrouwen", "3", "4"], Row(trend, "Vertrouwen"));
        Assert.Contains("10 mrt 2025 uit bewaarde cijfers van 9 apr 2025", Squash(summary.Document.QuerySelector(".kept-figures")!.TextContent), StringComparison.Ordinal);

        // The exports too: the distribution in JSON, the notice in Markdown.
        using var json = JsonDocument.Parse(await facilitator.Client.GetStringAsync(second.SummaryUrl + "?handler=Json"));
        var kept = json.RootElement.GetProperty("sessions")[0];
        Assert.Equal([0, 1, 2, 0, 0], kept.GetProperty("scores").GetProperty("vertrouwen").GetProperty("counts").EnumerateArray().Select(c => c.GetInt32()));
        Assert.True(kept.TryGetProperty("keptAt", out var keptAt) && keptAt.ValueKind == JsonValueKind.String);
        var markdown = await facilitator.Client.GetStringAsync(second.SummaryUrl + "?handler=Markdown");
        Assert.Contains("uit bewaarde cijfers van", markdown, StringComparison.Ordinal);
        using var word = await facilitator.Client.GetAsync(second.SummaryUrl + "?handler=Word");
        Assert.Equal(HttpStatusCode.OK, word.StatusCode);
        using var pdf = await facilitator.Client.GetAsync(second.SummaryUrl + "?handler=Pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);

        // And A's action, kept with B, now open for more than a year.
        var welcome = await facilitator.OpenAsync(second.FacilitatorUrl("welkom"));
        Assert.Contains("Brieven herschrijven in B1", welcome.Text, StringComparison.Ordinal);
        Assert.Contains("sinds 14 maanden open", welcome.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_follow_up_asks_about_last_times_actions_in_the_words_of_acties_volgen()
    {
        // The same action, the same question: between sessions on "Acties volgen" and in the follow-up's welcome.
        using var facilitator = App.NewUser();
        var first = await StartWithOneTeamActionAsync(facilitator);
        await facilitator.PressAsync(first.FacilitatorUrl("afronding"), "Close");
        var actions = await facilitator.OpenAsync($"/w/{first.Id}/acties");
        var between = Words(Item(actions, "Brieven herschrijven in B1").QuerySelectorAll("form").OfType<IHtmlFormElement>().First(f => f.Action.Contains("handler=Status", StringComparison.Ordinal)));

        var second = await facilitator.StartFollowUpAsync(first, "Vervolg zomer", "2025-06-18");
        var welcome = await facilitator.OpenAsync(second.FacilitatorUrl("welkom"));
        var form = Item(welcome, "Brieven herschrijven in B1").QuerySelector("form") as IHtmlFormElement;
        Assert.NotNull(form);
        Assert.Equal(between, Words(form));
        Assert.Equal(["Hoe staat het ermee?", "Korte toelichting (niet verplicht)", "Status opslaan", "Nog niet begonnen", "Mee bezig", "Gedaan", "Vervallen"], between);

        // And both say the same when it is saved.
        var saved = await facilitator.SubmitAsync(form, new Dictionary<string, string> { ["status"] = "Busy" });
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Equal("De status is opgeslagen.", saved.Document.QuerySelector(".notice-success")?.TextContent);
    }

    /// <summary>What a status form says to a person: its question, the note's label, its button and its choices (without the hidden text for screen readers).</summary>
    private static string[] Words(IHtmlFormElement form)
    {
        static string Visible(AngleSharp.Dom.IElement element) =>
            Squash(string.Concat(element.ChildNodes.Where(n => n is not AngleSharp.Dom.IElement { ClassName: "visually-hidden" }).Select(n => n.TextContent)));
        var note = form.QuerySelector("[name=note]")!;
        return [
            Visible(form.QuerySelector("legend")!),
            Visible(form.QuerySelector($"label[for='{note.Id}']")!),
            Visible(form.QuerySelector("button[type=submit]")!),
            .. form.QuerySelectorAll("input[name=status] + label").Select(Visible),
        ];
    }

    private static IHtmlElement Item(Page page, string text) =>
        (IHtmlElement)page.Document.QuerySelectorAll("li.previous-action").First(li => li.QuerySelector(".note-text")?.TextContent == text);

    /// <summary>A session on its actions step with one team action, "Brieven herschrijven in B1".</summary>
    private static async Task<Journey.StartedWorkshop> StartWithOneTeamActionAsync(User facilitator)
    {
        var session = await facilitator.StartWorkshopAsync("Gemeente Zuidwolde", "Startsessie", "2025-03-10");
        await facilitator.MoveRoomAsync(session, "acties");
        await facilitator.AddTeamActionAsync(session, "Brieven herschrijven in B1", "Teamleider", "2025-06-01");
        return session;
    }

    private static async Task<Page> SetStatusAsync(User user, string url, string actionText, string status, string note)
    {
        var page = await user.OpenAsync(url);
        var form = Item(page, actionText).QuerySelectorAll("form").OfType<IHtmlFormElement>().First(f => f.Action.Contains("handler=Status", StringComparison.Ordinal));
        return await user.SubmitAsync(form, new Dictionary<string, string> { ["status"] = status, ["note"] = note });
    }

    private static async Task<Page> EditAsync(User user, string url, string actionText, Dictionary<string, string> values)
    {
        var page = await user.OpenAsync(url);
        var form = Item(page, actionText).QuerySelectorAll("form").OfType<IHtmlFormElement>().First(f => f.Action.Contains("handler=Edit", StringComparison.Ordinal));
        return await user.SubmitAsync(form, values);
    }

    private static string[] Row(AngleSharp.Dom.IElement table, string topic) =>
        table.QuerySelectorAll("tbody tr").First(tr => tr.QuerySelector("th,td")!.TextContent.Trim() == topic)
            .QuerySelectorAll("th,td").Select(c => Squash(c.TextContent)).ToArray();

    private static string Squash(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
}

[OnPostgreSql]
public sealed class FollowActionsOnPostgreSqlTests() : FollowActionsTests(StorageProvider.PostgreSql);
