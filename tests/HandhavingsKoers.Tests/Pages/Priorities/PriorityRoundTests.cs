using System.Net;
using AngleSharp;
using AngleSharp.Html.Dom;
using HandhavingsKoers.Tests.Infrastructure;
using HandhavingsKoers.Tests.Pages.Conclude;
using HandhavingsKoers.Web;

namespace HandhavingsKoers.Tests.Pages.Priorities;

/// <summary>
/// The prioritising round through the plain forms (no JavaScript): the facilitator opens it, participants give and
/// take back dots with buttons, the counts stay on the server until the reveal, and every broken rule is refused
/// with a Dutch message while nothing changes.
/// </summary>
public sealed class PriorityRoundTests : RoomTest
{
    private string PrioritiesUrl => $"/w/{Workshop.Id}/prioriteren";

    private string DotsUrl => $"/w/{Workshop.Id}/stippen";

    private long DotCount => App.Count("select count(*) from Dots");

    [Fact]
    public async Task Dots_are_placed_by_button_stay_hidden_until_the_reveal_and_then_rank_the_notes()
    {
        using var piet = App.NewUser();
        await piet.JoinAsync(Workshop.JoinCode, "Piet");
        await Participant.AddNoteAsync(Workshop.ParticipantUrl("vertrouwen"), "Todo", "Vaker samen op pad");
        await Participant.AddNoteAsync(Workshop.ParticipantUrl("vertrouwen"), "Todo", "Betere uitleg in brieven");
        await piet.AddNoteAsync(Workshop.ParticipantUrl("vertrouwen"), "Already", "Wij bellen eerst");

        await OpenRoundAsync(dots: 4);

        // The participant's step page points to the round.
        var step = await Participant.OpenAsync(Workshop.ParticipantUrl("vertrouwen"));
        Assert.Contains(step.Document.QuerySelectorAll("a"), a => a.GetAttribute("href") == DotsUrl);

        // Only "Wat moeten we nog doen?" notes are in the round.
        var before = await Participant.OpenAsync(DotsUrl);
        Assert.Equal("U heeft nog 4 stippen.", before.Document.QuerySelector("#stippen-over")!.TextContent);
        Assert.Equal(["Vaker samen op pad", "Betere uitleg in brieven"], ItemTexts(before));

        var afterOne = await PlaceAsync(Participant, "Vaker samen op pad");
        Assert.Equal(HttpStatusCode.OK, afterOne.Status);
        Assert.Equal("U heeft nog 3 stippen.", afterOne.Document.QuerySelector("#stippen-over")!.TextContent);
        Assert.Contains("Uw stippen: 1", Item(afterOne, "Vaker samen op pad").TextContent, StringComparison.Ordinal);

        // Each button says which note it is for.
        var button = Item(afterOne, "Betere uitleg in brieven").QuerySelector("button")!;
        Assert.Equal("Stip geven: Betere uitleg in brieven", button.TextContent.Trim());

        await PlaceAsync(piet, "Vaker samen op pad");
        await PlaceAsync(piet, "Betere uitleg in brieven");
        Assert.Equal(3, DotCount);

        // Before the reveal: Sanne's page holds her own dots only, no count of anyone's; nor does the projector.
        var hidden = await Participant.OpenAsync(DotsUrl);
        Assert.Empty(hidden.Document.QuerySelectorAll(".dot-count"));
        Assert.DoesNotContain("2 stippen", hidden.Document.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("1 stip<", hidden.Document.DocumentElement.OuterHtml, StringComparison.Ordinal);
        var stage = await Facilitator.OpenAsync($"/w/{Workshop.Id}/presenteren?handler=Stage");
        Assert.Empty(stage.Document.QuerySelectorAll(".stage-ranking"));
        Assert.Contains("De uitslag komt straks in beeld.", stage.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Wat de zaal het belangrijkst vond", await DownloadAsync(Facilitator, "Markdown"), StringComparison.Ordinal);
        Assert.DoesNotContain("\"dots\"", await DownloadAsync(Participant, "Json"), StringComparison.Ordinal);
        Assert.DoesNotContain("stip", await DownloadAsync(Participant, "Csv"), StringComparison.Ordinal);

        // The facilitator sees the counts as they come in.
        var facilitatorPage = await Facilitator.OpenAsync(PrioritiesUrl);
        Assert.Equal("2 stippen", Item(facilitatorPage, "Vaker samen op pad").QuerySelector(".dot-count")!.TextContent);

        // After the reveal everyone sees the ranking, most dots first; the projector shows it too.
        await PressAsync("Reveal");
        var revealed = await Participant.OpenAsync(DotsUrl);
        Assert.Equal(["Vaker samen op pad", "Betere uitleg in brieven"], ItemTexts(revealed));
        Assert.Equal(["2 stippen", "1 stip"], revealed.Document.QuerySelectorAll(".dot-count").Select(c => c.TextContent).ToList());
        stage = await Facilitator.OpenAsync($"/w/{Workshop.Id}/presenteren?handler=Stage");
        var ranking = stage.Document.QuerySelectorAll(".stage-ranking li").Select(li => li.TextContent).ToList();
        Assert.StartsWith("2 stippen", ranking[0], StringComparison.Ordinal);
        Assert.Contains("Vaker samen op pad", ranking[0], StringComparison.Ordinal);

        // Votes are anonymous: no name appears beside a dot anywhere.
        Assert.DoesNotContain("Piet", revealed.Text, StringComparison.Ordinal);

        // Taking back works while the round is open.
        var takenBack = await TakeBackAsync(Participant, "Vaker samen op pad");
        Assert.Equal("U heeft nog 4 stippen.", takenBack.Document.QuerySelector("#stippen-over")!.TextContent);
        Assert.Equal(2, DotCount);

        // The report carries the ranking.
        var markdown = await DownloadAsync(Participant, "Markdown");
        Assert.Contains("## Wat de zaal het belangrijkst vond", markdown, StringComparison.Ordinal);
        Assert.Contains("1. Vaker samen op pad — **1 stip** (Vertrouwen)", markdown, StringComparison.Ordinal);
        Assert.Contains("\"dots\": 1", await DownloadAsync(Participant, "Json"), StringComparison.Ordinal);
        Assert.Contains("Wat de zaal het belangrijkst vond;Vertrouwen;1 stip;Vaker samen op pad", await DownloadAsync(Participant, "Csv"), StringComparison.Ordinal);
        var summary = await Participant.OpenAsync(Workshop.SummaryUrl);
        Assert.NotNull(summary.Document.GetElementById("prioriteiten-titel"));
    }

    [Fact]
    public async Task One_participant_one_dot_and_one_dot_each_are_said_in_the_singular()
    {
        await Participant.AddNoteAsync(Workshop.ParticipantUrl("vertrouwen"), "Todo", "Vaker samen op pad");
        await OpenRoundAsync(dots: 1);

        var before = await Facilitator.OpenAsync(PrioritiesUrl);
        Assert.Contains("1 stip per deelnemer · één stip per notitie", before.Text, StringComparison.Ordinal);
        Assert.Equal("De stemronde is open. 0 van de 1 deelnemer heeft gestemd, met in totaal 0 stippen.", RoundStatus(before));

        await PlaceAsync(Participant, "Vaker samen op pad");
        Assert.Equal("De stemronde is open. 1 van de 1 deelnemer heeft gestemd, met in totaal 1 stip.", RoundStatus(await Facilitator.OpenAsync(PrioritiesUrl)));
        var stage = await Facilitator.OpenAsync($"/w/{Workshop.Id}/presenteren?handler=Stage");
        Assert.Equal("Zet uw stippen op uw telefoon. 1 van de 1 deelnemer heeft al gestemd. De uitslag komt straks in beeld.", stage.Document.QuerySelector(".stage-hidden")?.TextContent);

        await PressAsync("Close");
        Assert.Equal("De stemronde is gesloten. 1 deelnemer heeft gestemd, met in totaal 1 stip.", RoundStatus(await Facilitator.OpenAsync(PrioritiesUrl)));
    }

    [Fact]
    public async Task A_dot_too_many_or_a_second_dot_on_one_note_is_refused_and_nothing_changes()
    {
        await Participant.AddNoteAsync(Workshop.ParticipantUrl("vertrouwen"), "Todo", "Eerste");
        await Participant.AddNoteAsync(Workshop.ParticipantUrl("vertrouwen"), "Todo", "Tweede");
        await Participant.AddNoteAsync(Workshop.ParticipantUrl("vertrouwen"), "Todo", "Derde");
        await OpenRoundAsync(dots: 2);

        // A stale page (two tabs, a double click): the second dot on the same note is refused.
        var page = await Participant.OpenAsync(DotsUrl);
        var placeFirst = PlaceForm(page, "Eerste");
        await Participant.SubmitAsync(placeFirst);
        var twice = await Participant.SubmitAsync(placeFirst);
        Assert.Equal(HttpStatusCode.BadRequest, twice.Status);
        Assert.Contains(twice.Errors, e => e.Contains("maar één stip per persoon", StringComparison.Ordinal));
        Assert.Equal(1, DotCount);

        // With both dots used, the buttons to give one are gone; a stale one is refused.
        var thirdForm = PlaceForm(page, "Derde");
        var second = await PlaceAsync(Participant, "Tweede");
        Assert.Equal("U heeft al uw stippen gezet. Wilt u iets veranderen? Neem dan eerst een stip terug.", second.Document.QuerySelector("#stippen-over")!.TextContent);
        Assert.DoesNotContain(second.Document.QuerySelectorAll("button"), b => b.TextContent.StartsWith("Stip geven", StringComparison.Ordinal));
        var tooMany = await Participant.SubmitAsync(thirdForm);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.Status);
        Assert.Contains(tooMany.Errors, e => e.Contains("al uw 2 stippen gezet", StringComparison.Ordinal));
        Assert.Equal(2, DotCount);

        // Taking back a dot that is not there is refused too.
        var takeBack = TakeBackForm(await Participant.OpenAsync(DotsUrl), "Eerste");
        await Participant.SubmitAsync(takeBack);
        var again = await Participant.SubmitAsync(takeBack);
        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        Assert.Contains(again.Errors, e => e.Contains("geen stip op deze notitie", StringComparison.Ordinal));
        Assert.Equal(1, DotCount);
    }

    [Fact]
    public async Task A_double_tap_places_one_dot_when_one_per_note_is_the_rule()
    {
        await Participant.AddNoteAsync(Workshop.ParticipantUrl("vertrouwen"), "Todo", "Snel getikt");
        await OpenRoundAsync(dots: 3);
        var form = PlaceForm(await Participant.OpenAsync(DotsUrl), "Snel getikt");

        // Two posts of the same button at once, as a double tap on a slow connection sends them.
        var answers = await Task.WhenAll(Participant.SubmitAsync(form), Participant.SubmitAsync(form));

        Assert.Contains(answers, a => a.Status == HttpStatusCode.OK);
        Assert.Equal(1, DotCount);
    }

    [Fact]
    public async Task When_the_facilitator_allows_it_several_dots_go_on_one_note()
    {
        await Participant.AddNoteAsync(Workshop.ParticipantUrl("vertrouwen"), "Todo", "Heel belangrijk");
        await OpenRoundAsync(dots: 3, allowSeveral: true);
        await PlaceAsync(Participant, "Heel belangrijk");
        await PlaceAsync(Participant, "Heel belangrijk");
        var page = await PlaceAsync(Participant, "Heel belangrijk");
        Assert.Contains("Uw stippen: 3", Item(page, "Heel belangrijk").TextContent, StringComparison.Ordinal);
        Assert.Equal(3, DotCount);
    }

    [Fact]
    public async Task Dots_before_a_round_after_it_closed_or_in_a_closed_workshop_are_refused()
    {
        await Participant.AddNoteAsync(Workshop.ParticipantUrl("vertrouwen"), "Todo", "Samen op pad");

        // No round yet: the page says so and offers no buttons.
        var none = await Participant.OpenAsync(DotsUrl);
        Assert.Contains("Er is nu geen stemronde.", none.Text, StringComparison.Ordinal);
        Assert.Empty(none.Document.QuerySelectorAll("form.dot-form"));

        await OpenRoundAsync(dots: 3);
        var form = PlaceForm(await Participant.OpenAsync(DotsUrl), "Samen op pad");

        // The facilitator starts over: the round is gone, a dot from the old page is refused.
        await PressAsync("StartOver");
        var noRound = await Participant.SubmitAsync(form);
        Assert.Equal(HttpStatusCode.BadRequest, noRound.Status);
        Assert.Contains(noRound.Errors, e => e.Contains("Er is geen stemronde", StringComparison.Ordinal));

        // The round is closed: no buttons, and a stale form is refused.
        await OpenRoundAsync(dots: 3);
        form = PlaceForm(await Participant.OpenAsync(DotsUrl), "Samen op pad");
        await PressAsync("Close");
        Assert.Empty((await Participant.OpenAsync(DotsUrl)).Document.QuerySelectorAll("form.dot-form"));
        var closedRound = await Participant.SubmitAsync(form);
        Assert.Equal(HttpStatusCode.BadRequest, closedRound.Status);
        Assert.Contains(closedRound.Errors, e => e.Contains("De stemronde is gesloten", StringComparison.Ordinal));

        // A closed workshop accepts no dots.
        await PressAsync("StartOver");
        await OpenRoundAsync(dots: 3);
        form = PlaceForm(await Participant.OpenAsync(DotsUrl), "Samen op pad");
        await Facilitator.PressAsync(Workshop.FacilitatorUrl("vertrouwen"), "Close");
        var closedWorkshop = await Participant.SubmitAsync(form);
        Assert.Equal(HttpStatusCode.BadRequest, closedWorkshop.Status);
        Assert.Contains(closedWorkshop.Errors, e => e.Contains("Deze workshop is afgesloten", StringComparison.Ordinal));
        Assert.Equal(0, DotCount);
    }

    [Fact]
    public async Task A_note_outside_the_round_gets_no_dot()
    {
        await Participant.AddNoteAsync(Workshop.ParticipantUrl("vertrouwen"), "Todo", "In de ronde");
        await Participant.AddNoteAsync(Workshop.ParticipantUrl("vertrouwen"), "Already", "Gaat al goed");
        await Facilitator.AddNoteAsync(Workshop.FacilitatorUrl("menselijke-maat"), "Todo", "Ander principe");
        using var other = App.NewUser();
        var otherWorkshop = await other.StartWorkshopAsync();
        await other.AddNoteAsync(otherWorkshop.FacilitatorUrl("vertrouwen"), "Todo", "Andere workshop");

        // The room is on the other principle, so Sanne may read its note; it is just not in this round.
        await Facilitator.MoveRoomAsync(Workshop, "menselijke-maat");
        await OpenRoundAsync(dots: 3, scope: "vertrouwen");
        var page = await Participant.OpenAsync(DotsUrl);
        Assert.Equal(["In de ronde"], ItemTexts(page));

        foreach (var (sql, message) in new[]
        {
            ("select Id from Notes where Text = 'Gaat al goed'", "doet niet mee in de stemronde"),
            ("select Id from Notes where Text = 'Ander principe'", "doet niet mee in de stemronde"),
            ("select Id from Notes where Text = 'Andere workshop'", "bestaat niet meer"),
        })
        {
            var refused = await Participant.SubmitAsync(PlaceForm(page, "In de ronde"), new Dictionary<string, string> { ["noteId"] = NoteId(sql) });
            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
            Assert.Contains(refused.Errors, e => e.Contains(message, StringComparison.Ordinal));
        }

        // A note id that is not one at all is a bad request, not an error of ours.
        var garbage = await Participant.SubmitAsync(PlaceForm(page, "In de ronde"), new Dictionary<string, string> { ["noteId"] = "niet-een-id" });
        Assert.Equal(HttpStatusCode.BadRequest, garbage.Status);
        Assert.Equal(0, DotCount);
    }

    [Fact]
    public async Task Only_the_facilitator_opens_reveals_merges_or_enters_paper_dots()
    {
        await Participant.AddNoteAsync(Workshop.ParticipantUrl("vertrouwen"), "Todo", "Samen op pad");
        Assert.Equal(HttpStatusCode.Forbidden, (await Participant.OpenAsync(PrioritiesUrl)).Status);

        await OpenRoundAsync(dots: 3);
        foreach (var handler in new[] { "Reveal", "Close", "StartOver", "Merge", "Unmerge", "Paper", "Open" })
        {
            // Sanne's own (valid) antiforgery token, posted to the facilitator's page.
            var form = PlaceForm(await Participant.OpenAsync(DotsUrl), "Samen op pad");
            form.Action = $"{PrioritiesUrl}?handler={handler}";
            var refused = await Participant.SubmitAsync(form);
            Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
            Assert.Contains("alleen voor de begeleider", refused.Text, StringComparison.Ordinal);
        }

        Assert.Equal(0, App.Count("select count(*) from PriorityRounds where RevealedAt is not null or ClosedAt is not null"));
        Assert.Empty((await Participant.OpenAsync(DotsUrl)).Document.QuerySelectorAll(".dot-count"));

        // Nor does the projector open for a participant.
        Assert.Equal(HttpStatusCode.Forbidden, (await Participant.OpenAsync($"/w/{Workshop.Id}/presenteren")).Status);
    }

    [Fact]
    public async Task Bad_round_settings_are_refused_with_a_Dutch_message()
    {
        foreach (var dots in new[] { "0", "11", "" })
        {
            var page = await Facilitator.OpenAsync(PrioritiesUrl);
            var refused = await Facilitator.SubmitAsync(Form(page, "Open"), new Dictionary<string, string> { ["DotsPerParticipant"] = dots });
            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
            Assert.Contains(refused.Errors, e => e.Contains("Kies 1 tot 10 stippen per deelnemer", StringComparison.Ordinal));
        }

        var unknown = await Facilitator.OpenAsync(PrioritiesUrl);
        var scope = (IHtmlSelectElement)Form(unknown, "Open").Elements["Scope"]!;
        var option = (IHtmlOptionElement)unknown.Document.CreateElement("option");
        option.Value = "bestaat-niet";
        scope.AddOption(option);
        scope.Value = "bestaat-niet";
        var refusedScope = await Facilitator.SubmitAsync(Form(unknown, "Open"));
        Assert.Equal(HttpStatusCode.BadRequest, refusedScope.Status);
        Assert.Contains(refusedScope.Errors, e => e.Contains("Kies een van de principes", StringComparison.Ordinal));
        Assert.Equal(0, App.Count("select count(*) from PriorityRounds"));
    }

    [Fact]
    public async Task Merged_notes_keep_their_originals_under_them_add_up_their_dots_and_can_be_undone()
    {
        using var piet = App.NewUser();
        await piet.JoinAsync(Workshop.JoinCode, "Piet");
        await Participant.AddNoteAsync(Workshop.ParticipantUrl("vertrouwen"), "Todo", "Meer samen op pad");
        await piet.AddNoteAsync(Workshop.ParticipantUrl("vertrouwen"), "Todo", "Vaker met de ondernemer mee");
        await piet.AddNoteAsync(Workshop.ParticipantUrl("vertrouwen"), "Todo", "Brieven in B1");
        await OpenRoundAsync(dots: 3);
        await PlaceAsync(Participant, "Meer samen op pad");
        await PlaceAsync(piet, "Vaker met de ondernemer mee");
        await PlaceAsync(piet, "Brieven in B1");

        var merged = await MergeAsync(["Meer samen op pad", "Vaker met de ondernemer mee"], "Samen op pad met ondernemers");
        Assert.Equal(HttpStatusCode.OK, merged.Status);
        var item = Item(merged, "Samen op pad met ondernemers");
        Assert.Equal("2 stippen", item.QuerySelector(".dot-count")!.TextContent);
        Assert.Equal(["Meer samen op pad", "Vaker met de ondernemer mee"], item.QuerySelectorAll(".merged-text").Select(m => m.TextContent).ToList());
        Assert.Equal(["Samen op pad met ondernemers", "Brieven in B1"], ItemTexts(merged));

        // On the step page the merged note stands once, with the originals under it.
        var step = await Participant.OpenAsync(Workshop.ParticipantUrl("vertrouwen"));
        Assert.Equal(["Samen op pad met ondernemers", "Brieven in B1"], step.Notes("Todo").Order().Reverse().ToList());
        Assert.Equal(2, step.NoteItem("Samen op pad met ondernemers").QuerySelectorAll(".merged-text").Length);

        // The dots on the originals count for it; a new dot goes on the merged note.
        await PressAsync("Reveal");
        var markdown = await DownloadAsync(Facilitator, "Markdown");
        Assert.Contains("1. Samen op pad met ondernemers — **2 stippen** (Vertrouwen)", markdown, StringComparison.Ordinal);
        Assert.Contains("  - Vaker met de ondernemer mee", markdown, StringComparison.Ordinal);
        var csv = await DownloadAsync(Facilitator, "Csv");
        Assert.Contains("(samengevoegd in de notitie erboven);Meer samen op pad", csv, StringComparison.Ordinal);
        var json = await DownloadAsync(Facilitator, "Json");
        Assert.Contains("\"mergedFrom\": [", json, StringComparison.Ordinal);

        // Undo: the originals come back with their own dots, the merged note is gone.
        var page = await Facilitator.OpenAsync(PrioritiesUrl);
        var undo = (IHtmlFormElement)Item(page, "Samen op pad met ondernemers").QuerySelector("form")!;
        var undone = await Facilitator.SubmitAsync(undo);
        Assert.Equal(HttpStatusCode.OK, undone.Status);
        Assert.Equal(["Brieven in B1", "Meer samen op pad", "Vaker met de ondernemer mee"], ItemTexts(undone).Order().ToList());
        Assert.Equal("1 stip", Item(undone, "Meer samen op pad").QuerySelector(".dot-count")!.TextContent);
        Assert.Equal(0, App.Count("select count(*) from Notes where MergedIntoId is not null or IsMerge = 1"));
        Assert.Equal(3, DotCount);
    }

    [Fact]
    public async Task A_dot_on_a_note_merged_later_moves_onto_the_merged_note_where_its_owner_sees_it_and_can_take_it_back()
    {
        using var piet = App.NewUser();
        await piet.JoinAsync(Workshop.JoinCode, "Piet");
        await Participant.AddNoteAsync(Workshop.ParticipantUrl("vertrouwen"), "Todo", "Meer samen op pad");
        await Participant.AddNoteAsync(Workshop.ParticipantUrl("vertrouwen"), "Todo", "Vaker met de ondernemer mee");
        await OpenRoundAsync(dots: 3);
        await PlaceAsync(Participant, "Meer samen op pad");
        await PlaceAsync(piet, "Vaker met de ondernemer mee");
        await MergeAsync(["Meer samen op pad", "Vaker met de ondernemer mee"], "Samen op pad");

        // Sanne sees her dot on the merged note and still has two left.
        var page = await Participant.OpenAsync(DotsUrl);
        Assert.Equal("U heeft nog 2 stippen.", page.Document.QuerySelector("#stippen-over")!.TextContent);
        Assert.Contains("Uw stippen: 1", Item(page, "Samen op pad").TextContent, StringComparison.Ordinal);

        // One dot per note: she already has hers on it, so the page offers no second, and a crafted post is refused.
        Assert.DoesNotContain(Item(page, "Samen op pad").QuerySelectorAll("form"), f => f.GetAttribute("action")!.Contains("handler=Place", StringComparison.Ordinal));
        var crafted = TakeBackForm(page, "Samen op pad");
        crafted.Action = crafted.Action.Replace("handler=TakeBack", "handler=Place", StringComparison.Ordinal);
        var second = await Participant.SubmitAsync(crafted);
        Assert.Equal(HttpStatusCode.BadRequest, second.Status);
        Assert.Contains(Messages.OneDotPerNote, second.Errors);

        // She takes it back from the merged note; Piet's stays.
        var back = await TakeBackAsync(Participant, "Samen op pad");
        Assert.Equal(HttpStatusCode.OK, back.Status);
        Assert.Equal("U heeft nog 3 stippen.", back.Document.QuerySelector("#stippen-over")!.TextContent);
        Assert.Equal(1, DotCount);
        await PressAsync("Reveal");
        Assert.Equal("1 stip", Item(await Facilitator.OpenAsync(PrioritiesUrl), "Samen op pad").QuerySelector(".dot-count")!.TextContent);
    }

    [Fact]
    public async Task Undoing_a_merge_loses_no_vote_each_dot_goes_back_and_those_given_to_the_merged_note_go_to_the_oldest_original()
    {
        using var piet = App.NewUser();
        using var fatima = App.NewUser();
        await piet.JoinAsync(Workshop.JoinCode, "Piet");
        await fatima.JoinAsync(Workshop.JoinCode, "Fatima");
        await Participant.AddNoteAsync(Workshop.ParticipantUrl("vertrouwen"), "Todo", "Meer samen op pad");
        await piet.AddNoteAsync(Workshop.ParticipantUrl("vertrouwen"), "Todo", "Vaker met de ondernemer mee");
        await OpenRoundAsync(dots: 3);
        await PlaceAsync(Participant, "Meer samen op pad");
        await PlaceAsync(piet, "Vaker met de ondernemer mee");
        await MergeAsync(["Meer samen op pad", "Vaker met de ondernemer mee"], "Samen op pad");

        // Votes given to the merged note itself: Fatima's dot and a table's tally on paper.
        await PlaceAsync(fatima, "Samen op pad");
        await PaperAsync(FormIds("Samen op pad"), "4");
        Assert.Equal("7 stippen", Item(await Facilitator.OpenAsync(PrioritiesUrl), "Samen op pad").QuerySelector(".dot-count")!.TextContent);

        var undo = (IHtmlFormElement)Item(await Facilitator.OpenAsync(PrioritiesUrl), "Samen op pad").QuerySelector("form")!;
        var undone = await Facilitator.SubmitAsync(undo);
        Assert.Equal(HttpStatusCode.OK, undone.Status);

        // Every vote is still there: the oldest original (whose wording the merge started from) gets the merged note's.
        Assert.Equal(3, DotCount);
        Assert.Equal("6 stippen", Item(undone, "Meer samen op pad").QuerySelector(".dot-count")!.TextContent);
        Assert.Equal("1 stip", Item(undone, "Vaker met de ondernemer mee").QuerySelector(".dot-count")!.TextContent);

        // Each owner sees their own dot again and can take it back.
        Assert.Contains("Uw stippen: 1", Item(await piet.OpenAsync(DotsUrl), "Vaker met de ondernemer mee").TextContent, StringComparison.Ordinal);
        Assert.Contains("Uw stippen: 1", Item(await fatima.OpenAsync(DotsUrl), "Meer samen op pad").TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await TakeBackAsync(Participant, "Meer samen op pad")).Status);
        Assert.Equal(2, DotCount);
    }

    [Fact]
    public async Task A_kernpunt_on_a_merged_note_moves_to_the_oldest_original_when_the_merge_is_undone()
    {
        await Participant.AddNoteAsync(Workshop.ParticipantUrl("vertrouwen"), "Todo", "Meer samen op pad");
        await Participant.AddNoteAsync(Workshop.ParticipantUrl("vertrouwen"), "Todo", "Vaker met de ondernemer mee");
        await MergeAsync(["Meer samen op pad", "Vaker met de ondernemer mee"], "Samen op pad");
        await Facilitator.CloseAsync(Workshop);
        await Facilitator.ConcludeAsync(Workshop, "vertrouwen", "Samen op pad werkt.", ["Samen op pad"]);
        await Facilitator.ReopenAsync(Workshop);

        var undo = (IHtmlFormElement)Item(await Facilitator.OpenAsync(PrioritiesUrl), "Samen op pad").QuerySelector("form")!;
        Assert.Equal(HttpStatusCode.OK, (await Facilitator.SubmitAsync(undo)).Status);

        Assert.Equal(1, App.Count("select count(*) from KeyPoints k join Notes n on n.Id = k.NoteId where n.Text = 'Meer samen op pad'"));
        Assert.Equal(1, App.Count("select count(*) from KeyPoints"));
        await Facilitator.CloseAsync(Workshop);
        var conclude = await Facilitator.OpenAsync(Workshop.ConcludeUrl());
        Assert.True(conclude.KeyPoint("Meer samen op pad").IsChecked);
    }

    [Fact]
    public async Task Starting_over_leaves_no_dot_even_one_placed_while_the_round_was_removed()
    {
        await Participant.AddNoteAsync(Workshop.ParticipantUrl("vertrouwen"), "Todo", "Samen op pad");
        await OpenRoundAsync(dots: 3);
        await PlaceAsync(Participant, "Samen op pad");
        await PressAsync("StartOver");
        Assert.Equal(0, DotCount);

        // The facilitator starts over between the read and the write of a dot: the dot is refused, not kept for the next round.
        await OpenRoundAsync(dots: 3);
        var place = PlaceForm(await Participant.OpenAsync(DotsUrl), "Samen op pad");
        Meddler.BeforeNextSave("delete from PriorityRounds");
        var refused = await Participant.SubmitAsync(place);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains(Messages.RoundNotOpen, refused.Errors);
        Assert.Equal(0, DotCount);

        await OpenRoundAsync(dots: 3);
        Assert.Equal("U heeft nog 3 stippen.", (await Participant.OpenAsync(DotsUrl)).Document.QuerySelector("#stippen-over")!.TextContent);
    }

    /// <summary>The public link shows the room's ranking, as the PDF it offers does (it was left out of the page).</summary>
    [Fact]
    public async Task The_public_report_shows_the_revealed_ranking_without_names()
    {
        using var piet = App.NewUser();
        await piet.JoinAsync(Workshop.JoinCode, "Piet");
        await Participant.AddNoteAsync(Workshop.ParticipantUrl("vertrouwen"), "Todo", "Brieven in B1");
        await piet.AddNoteAsync(Workshop.ParticipantUrl("vertrouwen"), "Todo", "Vaker bellen");
        await OpenRoundAsync(dots: 3, allowSeveral: true);
        await PlaceAsync(Participant, "Vaker bellen");
        await PlaceAsync(piet, "Vaker bellen");
        await PlaceAsync(piet, "Brieven in B1");
        await PressAsync("Close");
        await PressAsync("Reveal");
        await Facilitator.CloseAsync(Workshop);
        var link = await Facilitator.PublishAsync(Workshop);

        using var stranger = App.CreateDefaultClient();
        var html = await stranger.GetStringAsync(link);
        var document = await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html));
        var ranking = document.QuerySelectorAll("ol.ranking > li .note-text").Select(t => t.TextContent).ToList();
        Assert.Contains("Wat de zaal het belangrijkst vond", document.QuerySelectorAll("h2").Select(h => h.TextContent));
        Assert.Equal(["Vaker bellen", "Brieven in B1"], ranking);
        Assert.Equal(["2 stippen", "1 stip"], document.QuerySelectorAll("ol.ranking .dot-count").Select(d => d.TextContent).ToList());
        Assert.DoesNotContain("Piet", document.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Sanne", document.Body!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>
    /// After merging, "Verslag afronden" offers the merged note as a kernpunt and not its originals too: otherwise the
    /// same point could be chosen twice and stand twice in the PDF, the Word file and the public report.
    /// </summary>
    [Fact]
    public async Task After_a_merge_the_conclusion_offers_the_merged_note_as_kernpunt_and_refuses_an_original()
    {
        await Participant.AddNoteAsync(Workshop.ParticipantUrl("vertrouwen"), "Todo", "Brieven in B1");
        await Facilitator.AddNoteAsync(Workshop.FacilitatorUrl("vertrouwen"), "Todo", "Brieven in B1-taal schrijven");
        await Participant.AddNoteAsync(Workshop.ParticipantUrl("vertrouwen"), "Todo", "Vaker bellen");
        Assert.Equal(HttpStatusCode.OK, (await MergeAsync(["Brieven in B1", "Brieven in B1-taal schrijven"], "Brieven in eenvoudige taal")).Status);
        await Facilitator.CloseAsync(Workshop);

        var page = await Facilitator.OpenAsync(Workshop.ConcludeUrl());
        var offered = page.Document.QuerySelectorAll("label").Select(l => l.TextContent).ToList();
        Assert.Contains("Brieven in eenvoudige taal", offered);
        Assert.Contains("Vaker bellen", offered);
        Assert.DoesNotContain("Brieven in B1", offered);
        Assert.DoesNotContain("Brieven in B1-taal schrijven", offered);

        // An original's id put into the form by hand (an old page, a crafted post): refused, nothing saved.
        var box = page.KeyPoint("Vaker bellen");
        box.IsChecked = true;
        box.Value = NoteId("select Id from Notes where Text = 'Brieven in B1'");
        var refused = await Facilitator.SubmitAsync(page.ConcludeForm(), new Dictionary<string, string> { ["Panels[vertrouwen].Conclusion"] = "Duidelijke brieven" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains(refused.Errors, e => e.Contains("samengevoegd met een andere", StringComparison.Ordinal));
        Assert.Equal(0, App.Count("select count(*) from PanelConclusions"));

        var saved = await Facilitator.ConcludeAsync(Workshop, "vertrouwen", "Duidelijke brieven", ["Brieven in eenvoudige taal"]);
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Equal(1, App.Count("select count(*) from KeyPoints k join Notes n on n.Id = k.NoteId where n.Text = 'Brieven in eenvoudige taal'"));
    }

    [Fact]
    public async Task A_merge_across_steps_or_workshops_or_of_one_note_is_refused_and_nothing_changes()
    {
        await Participant.AddNoteAsync(Workshop.ParticipantUrl("vertrouwen"), "Todo", "Hier");
        await Facilitator.AddNoteAsync(Workshop.FacilitatorUrl("menselijke-maat"), "Todo", "Daar");
        using var other = App.NewUser();
        var otherWorkshop = await other.StartWorkshopAsync();
        await other.AddNoteAsync(otherWorkshop.FacilitatorUrl("vertrouwen"), "Todo", "Elders");

        var acrossSteps = await MergeAsync(["Hier", "Daar"], "");
        Assert.Equal(HttpStatusCode.BadRequest, acrossSteps.Status);
        Assert.Contains(acrossSteps.Errors, e => e.Contains("hetzelfde principe en dezelfde vraag", StringComparison.Ordinal));

        var one = await MergeAsync(["Hier"], "");
        Assert.Equal(HttpStatusCode.BadRequest, one.Status);
        Assert.Contains(one.Errors, e => e.Contains("minstens twee notities", StringComparison.Ordinal));

        // Another workshop's note, its id put into the form by hand.
        var page = await Facilitator.OpenAsync(PrioritiesUrl);
        var form = Form(page, "Merge");
        Check(page, "Hier");
        Check(page, "Daar").Value = NoteId("select Id from Notes where Text = 'Elders'");
        var acrossWorkshops = await Facilitator.SubmitAsync(form);
        Assert.Equal(HttpStatusCode.BadRequest, acrossWorkshops.Status);
        Assert.Contains(acrossWorkshops.Errors, e => e.Contains("bestaat niet meer", StringComparison.Ordinal));

        Assert.Equal(3, NoteCount);
        Assert.Equal(0, App.Count("select count(*) from Notes where MergedIntoId is not null or IsMerge = 1"));
    }

    [Fact]
    public async Task Paper_dots_count_with_the_phones_and_are_kept_within_bounds()
    {
        await Participant.AddNoteAsync(Workshop.ParticipantUrl("vertrouwen"), "Todo", "Samen op pad");
        await OpenRoundAsync(dots: 3);
        await PlaceAsync(Participant, "Samen op pad");
        var field = FormIds("Samen op pad");

        foreach (var bad in new[] { "1000", "-1", "drie", "2.5" })
        {
            var refused = await PaperAsync(field, bad);
            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
            Assert.Contains(refused.Errors, e => e.Contains("van 0 tot 999", StringComparison.Ordinal));
            Assert.Equal("true", refused.Document.GetElementById(field)!.GetAttribute("aria-invalid"));
            Assert.Equal(0, App.Count("select coalesce(sum(PaperDots), 0) from Notes"));
        }

        var saved = await PaperAsync(field, "999");
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Equal("1000 stippen", Item(saved, "Samen op pad").QuerySelector(".dot-count")!.TextContent);

        await PressAsync("Reveal");
        var revealed = await Participant.OpenAsync(DotsUrl);
        Assert.Equal("1000 stippen", Item(revealed, "Samen op pad").QuerySelector(".dot-count")!.TextContent);
    }

    [Fact]
    public async Task A_top_note_becomes_a_team_action_through_the_existing_form()
    {
        await Participant.AddNoteAsync(Workshop.ParticipantUrl("vertrouwen"), "Todo", "Brieven in B1");
        await OpenRoundAsync(dots: 3);
        var page = await Facilitator.OpenAsync(PrioritiesUrl);
        var link = Item(page, "Brieven in B1").QuerySelectorAll("a").Single(a => a.TextContent.StartsWith("Maak er een teamactie van", StringComparison.Ordinal));
        var actions = await Facilitator.OpenAsync(link.GetAttribute("href")!);
        var form = actions.Form("#teamactie-formulier");
        Assert.Equal("Brieven in B1", ((IHtmlTextAreaElement)form.Elements["TeamAction.Text"]!).Value);
        var done = await Facilitator.SubmitAsync(form, new Dictionary<string, string> { ["TeamAction.Owner"] = "Teamleider", ["TeamAction.DueDate"] = "2027-03-01" });
        Assert.Equal(HttpStatusCode.OK, done.Status);
        Assert.Equal(1, App.Count("select count(*) from TeamActions where Text = 'Brieven in B1'"));
    }

    [Fact]
    public async Task After_the_workshop_is_closed_the_round_cannot_be_revealed_closed_or_wiped()
    {
        await Participant.AddNoteAsync(Workshop.ParticipantUrl("vertrouwen"), "Todo", "Samen op pad");
        await OpenRoundAsync(dots: 3);
        await PlaceAsync(Participant, "Samen op pad");
        var page = await Facilitator.OpenAsync(PrioritiesUrl);
        await Facilitator.PressAsync(Workshop.FacilitatorUrl("vertrouwen"), "Close");

        foreach (var handler in new[] { "Reveal", "Close", "StartOver" })
        {
            var refused = await Facilitator.SubmitAsync(Form(page, handler));
            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
            Assert.Contains(refused.Errors, e => e.Contains("Deze workshop is afgesloten", StringComparison.Ordinal));
        }

        Assert.Equal(1, App.Count("select count(*) from PriorityRounds where RevealedAt is null and ClosedAt is null"));
        Assert.Equal(1, DotCount);
    }

    [Fact]
    public async Task A_double_click_on_open_or_start_over_shows_the_page_again_not_an_error()
    {
        var page = await Facilitator.OpenAsync(PrioritiesUrl);
        var open = Form(page, "Open");

        // The other click's round is saved between this one's read and its write.
        Meddler.BeforeNextSave("insert into PriorityRounds (WorkshopId, StepKey, DotsPerParticipant, AllowSeveralPerNote, OpenedAt) select Id, null, 3, 0, '2026-11-30 12:00:00' from Workshops");
        var second = await Facilitator.SubmitAsync(open);
        Assert.Equal(HttpStatusCode.BadRequest, second.Status);
        Assert.Contains(Messages.RoundChangedMeanwhile, second.Errors);
        Assert.Equal(1, App.Count("select count(*) from PriorityRounds"));

        // Start over twice: the other press removed the round first.
        var startOver = Form(await Facilitator.OpenAsync(PrioritiesUrl), "StartOver");
        Meddler.BeforeNextSave("delete from PriorityRounds");
        var again = await Facilitator.SubmitAsync(startOver);
        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        Assert.Contains(Messages.RoundChangedMeanwhile, again.Errors);

        // (The simulated other press ran inside this one's transaction, so its delete is rolled back with it.)
    }

    [Fact]
    public async Task A_double_take_back_or_a_dot_on_a_note_deleted_meanwhile_is_refused_with_a_Dutch_message()
    {
        await Participant.AddNoteAsync(Workshop.ParticipantUrl("vertrouwen"), "Todo", "Blijft");
        await Participant.AddNoteAsync(Workshop.ParticipantUrl("vertrouwen"), "Todo", "Gaat weg");
        await OpenRoundAsync(dots: 3);
        await PlaceAsync(Participant, "Blijft");

        // The other tap took the dot back between this one's read and its write.
        var takeBack = TakeBackForm(await Participant.OpenAsync(DotsUrl), "Blijft");
        Meddler.BeforeNextSave("delete from Dots");
        var twice = await Participant.SubmitAsync(takeBack);
        Assert.Equal(HttpStatusCode.BadRequest, twice.Status);
        Assert.Contains(Messages.NoDotToTakeBack, twice.Errors);

        // The note is deleted between the read and the write of a dot.
        var place = PlaceForm(await Participant.OpenAsync(DotsUrl), "Gaat weg");
        Meddler.BeforeNextSave("delete from Notes where Text = 'Gaat weg'");
        var gone = await Participant.SubmitAsync(place);
        Assert.Equal(HttpStatusCode.BadRequest, gone.Status);
        Assert.Contains(Messages.NoteNotFound, gone.Errors);
        Assert.Equal(0, DotCount);
    }

    [Fact]
    public async Task A_note_edited_during_a_merge_or_a_paper_tally_shows_the_page_again_with_a_message()
    {
        await Participant.AddNoteAsync(Workshop.ParticipantUrl("vertrouwen"), "Todo", "Meer samen op pad");
        await Participant.AddNoteAsync(Workshop.ParticipantUrl("vertrouwen"), "Todo", "Vaker mee met de ondernemer");
        await OpenRoundAsync(dots: 3);
        const string edit = "update Notes set Version = Version + 1, Text = Text || ' (aangepast)' where Text = 'Meer samen op pad'";

        var page = await Facilitator.OpenAsync(PrioritiesUrl);
        Check(page, "Meer samen op pad");
        Check(page, "Vaker mee met de ondernemer");
        Meddler.BeforeNextSave(edit);
        var merge = await Facilitator.SubmitAsync(Form(page, "Merge"), new Dictionary<string, string> { ["Wording"] = "Samen op pad" });
        Assert.Equal(HttpStatusCode.BadRequest, merge.Status);
        Assert.Contains(Messages.NotesChangedMeanwhile, merge.Errors);
        Assert.Equal(0, App.Count("select count(*) from Notes where MergedIntoId is not null or IsMerge = 1"));

        var field = FormIds("Meer samen op pad (aangepast)");
        Meddler.BeforeNextSave(edit.Replace("'Meer samen op pad'", "'Meer samen op pad (aangepast)'", StringComparison.Ordinal));
        var paper = await PaperAsync(field, "4");
        Assert.Equal(HttpStatusCode.BadRequest, paper.Status);
        Assert.Contains(Messages.NotesChangedMeanwhile, paper.Errors);
        Assert.Equal(0, App.Count("select coalesce(sum(PaperDots), 0) from Notes"));
    }

    private async Task OpenRoundAsync(int dots, bool allowSeveral = false, string scope = "")
    {
        var page = await Facilitator.OpenAsync(PrioritiesUrl);
        var form = Form(page, "Open");
        ((IHtmlInputElement)form.Elements["AllowSeveral"]!).IsChecked = allowSeveral;
        var opened = await Facilitator.SubmitAsync(form, new Dictionary<string, string>
        {
            ["DotsPerParticipant"] = dots.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Scope"] = scope,
        });
        Assert.True(opened.Status == HttpStatusCode.OK, $"{opened.Status}: {string.Join("; ", opened.Errors)} {string.Join(" ", opened.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))}");
        Assert.Contains("De stemronde is geopend.", opened.Text, StringComparison.Ordinal);
    }

    private async Task<Page> PressAsync(string handler) => await Facilitator.SubmitAsync(Form(await Facilitator.OpenAsync(PrioritiesUrl), handler));

    private async Task<Page> MergeAsync(string[] texts, string wording)
    {
        var page = await Facilitator.OpenAsync(PrioritiesUrl);
        foreach (var text in texts)
        {
            Check(page, text);
        }

        return await Facilitator.SubmitAsync(Form(page, "Merge"), new Dictionary<string, string> { ["Wording"] = wording });
    }

    private async Task<Page> PaperAsync(string field, string value)
    {
        var page = await Facilitator.OpenAsync(PrioritiesUrl);
        var input = (IHtmlInputElement)page.Document.GetElementById(field)!;

        // As a request without the browser's own checks would send it (an old browser, a crafted post).
        input.RemoveAttribute("min");
        input.RemoveAttribute("max");
        input.Type = "text";
        input.Value = value;
        return await Facilitator.SubmitAsync((IHtmlFormElement)input.Closest("form")!);
    }

    private string FormIds(string text) => $"papier-{NoteId($"select Id from Notes where Text = '{text}'").Replace("-", "", StringComparison.Ordinal)}";

    /// <summary>Ticks the note's box in the merge form (found by its label) and returns it.</summary>
    private static IHtmlInputElement Check(Page page, string text)
    {
        var label = page.Document.QuerySelectorAll("#samenvoegen label").First(l => l.TextContent == text);
        var box = (IHtmlInputElement)page.Document.GetElementById(label.GetAttribute("for")!)!;
        box.IsChecked = true;
        return box;
    }

    private string NoteId(string sql)
    {
        using var connection = App.OpenDatabase();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Guid.Parse((string)command.ExecuteScalar()!).ToString();
    }

    private async Task<Page> PlaceAsync(User user, string text) => await user.SubmitAsync(PlaceForm(await user.OpenAsync(DotsUrl), text));

    private async Task<Page> TakeBackAsync(User user, string text) => await user.SubmitAsync(TakeBackForm(await user.OpenAsync(DotsUrl), text));

    private static IHtmlFormElement PlaceForm(Page page, string text) =>
        (IHtmlFormElement)Item(page, text).QuerySelectorAll("form").Single(f => f.GetAttribute("action")!.Contains("handler=Place", StringComparison.Ordinal));

    private static IHtmlFormElement TakeBackForm(Page page, string text) =>
        (IHtmlFormElement)Item(page, text).QuerySelectorAll("form").Single(f => f.GetAttribute("action")!.Contains("handler=TakeBack", StringComparison.Ordinal));

    private static IHtmlFormElement Form(Page page, string handler) =>
        page.Document.QuerySelectorAll("form").OfType<IHtmlFormElement>().FirstOrDefault(f => f.Action.Contains($"handler={handler}", StringComparison.Ordinal))
        ?? throw new InvalidOperationException($"No form for {handler} on {page.Address}:\n{page.Text}");

    private static AngleSharp.Dom.IElement Item(Page page, string text) =>
        page.Document.QuerySelectorAll("li.ranking-item").FirstOrDefault(li => li.QuerySelector(".note-text")?.TextContent == text)
        ?? throw new InvalidOperationException($"No note '{text}' on {page.Address}:\n{page.Text}");

    private static List<string> ItemTexts(Page page) =>
        page.Document.QuerySelectorAll("li.ranking-item > .note-text").Select(n => n.TextContent).ToList();

    private static string RoundStatus(Page page) => page.Document.QuerySelector("#ronde-status p")!.TextContent;

    private async Task<string> DownloadAsync(User user, string format) =>
        await user.Client.GetStringAsync($"{Workshop.SummaryUrl}?handler={format}");
}
