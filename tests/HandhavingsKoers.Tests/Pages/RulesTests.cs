using System.Net;
using AngleSharp.Html.Dom;
using HandhavingsKoers.Tests.Infrastructure;

namespace HandhavingsKoers.Tests.Pages;

/// <summary>Every rule of the workshop, each with its refusal: a Dutch message, nothing stored, never a 500.</summary>
public sealed class RulesTests : AppTest
{
    private User _facilitator = null!;
    private User _participant = null!;
    private Journey.StartedWorkshop _workshop = null!;

    public override async Task InitializeAsync()
    {
        _facilitator = App.NewUser();
        _participant = App.NewUser();
        _workshop = await _facilitator.StartWorkshopAsync();
        await _participant.JoinAsync(_workshop.JoinCode, "Sanne");
        await _facilitator.MoveRoomAsync(_workshop, "vertrouwen");
    }

    public override async Task DisposeAsync()
    {
        _facilitator.Dispose();
        _participant.Dispose();
        await base.DisposeAsync();
    }

    private long NoteCount => App.Count("select count(*) from Notes");

    [Theory]
    [InlineData("", "Schrijf eerst iets op.")]
    [InlineData("   \n\t  ", "Schrijf eerst iets op.")]
    [InlineData("kleur\u001b[31m rood", "onzichtbaar teken")]
    public async Task An_empty_or_unprintable_note_is_refused_and_nothing_is_stored(string text, string message)
    {
        var page = await _participant.AddNoteAsync(_workshop.ParticipantUrl("vertrouwen"), "Already", text);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains(page.Errors, e => e.Contains(message, StringComparison.Ordinal));
        Assert.Equal("true", page.Document.QuerySelector("#nieuw-Already")!.GetAttribute("aria-invalid"));
        Assert.Equal(0, NoteCount);
    }

    [Fact]
    public async Task A_note_of_1000_characters_is_kept_and_one_of_1001_is_refused_with_the_text_still_there()
    {
        var longest = new string('a', 999) + "é";
        var ok = await _participant.AddNoteAsync(_workshop.ParticipantUrl("vertrouwen"), "Already", "  " + longest + "  ");
        Assert.Equal(HttpStatusCode.OK, ok.Status);
        Assert.Contains(longest, ok.Notes("Already"));

        var tooLong = new string('b', 1001);
        var refused = await _participant.AddNoteAsync(_workshop.ParticipantUrl("vertrouwen"), "Todo", tooLong);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains(refused.Errors, e => e.Contains("1001 tekens", StringComparison.Ordinal) && e.Contains("maximaal 1000", StringComparison.Ordinal));

        // What the user typed is still in the field: nothing is lost.
        Assert.Equal(tooLong, ((IHtmlTextAreaElement)refused.Document.QuerySelector("#nieuw-Todo")!).Value);
        Assert.Equal(1, NoteCount);
    }

    [Fact]
    public async Task Line_breaks_from_the_browser_count_once()
    {
        // Browsers send CRLF; 500 lines of "a" + line break are 999 characters as the user sees them.
        var text = string.Join("\r\n", Enumerable.Repeat("a", 500));
        var page = await _participant.AddNoteAsync(_workshop.ParticipantUrl("vertrouwen"), "Already", text);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(1, NoteCount);
    }

    [Fact]
    public async Task A_closed_workshop_refuses_new_notes_edits_and_deletes()
    {
        await _participant.AddNoteAsync(_workshop.ParticipantUrl("vertrouwen"), "Already", "Eerste notitie");
        var open = await _participant.OpenAsync(_workshop.ParticipantUrl("vertrouwen"));
        var addForm = open.FormWith("#nieuw-Todo");
        var deleteForm = (IHtmlFormElement)open.NoteItem("Eerste notitie").QuerySelector("form")!;
        var editPage = await _participant.OpenAsync(open.NoteItem("Eerste notitie").QuerySelector("a")!.GetAttribute("href")!);
        var editForm = editPage.FormWith("li.note textarea");

        var facilitatorPage = await _facilitator.OpenAsync(_workshop.FacilitatorUrl());
        await _facilitator.SubmitAsync(facilitatorPage.FormWith("form[action*='handler=Close'] button"));

        var added = await _participant.SubmitAsync(addForm, new Dictionary<string, string> { ["Form.Text"] = "Te laat" });
        var edited = await _participant.SubmitAsync(editForm, new Dictionary<string, string> { ["Form.Text"] = "Gewijzigd" });
        var deleted = await _participant.SubmitAsync(deleteForm);

        foreach (var page in new[] { added, edited, deleted })
        {
            Assert.Equal(HttpStatusCode.BadRequest, page.Status);
            Assert.Contains(page.Errors, e => e.Contains("Deze workshop is afgesloten", StringComparison.Ordinal));
        }

        Assert.Equal(1, NoteCount);
        Assert.Equal("Eerste notitie", ((await _participant.OpenAsync(_workshop.ParticipantUrl("vertrouwen"))).Notes("Already")).Single());

        using var late = App.NewUser();
        var refusedJoin = await late.SubmitAsync((await late.OpenAsync("/doemee")).Form("form[method=post]"), new Dictionary<string, string> { ["Code"] = _workshop.JoinCode });
        Assert.Equal(HttpStatusCode.BadRequest, refusedJoin.Status);
        Assert.Contains(refusedJoin.Errors, e => e.Contains("al afgesloten", StringComparison.Ordinal));
        Assert.Equal(1, App.Count("select count(*) from Participants"));
    }

    [Fact]
    public async Task A_retried_post_of_the_same_form_stores_the_note_once()
    {
        var page = await _participant.OpenAsync(_workshop.ParticipantUrl("vertrouwen"));
        var form = page.FormWith("#nieuw-Already");
        var first = await _participant.SubmitAsync(form, new Dictionary<string, string> { ["Form.Text"] = "Dubbel geklikt" });
        var second = await _participant.SubmitAsync(form, new Dictionary<string, string> { ["Form.Text"] = "Dubbel geklikt" });

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal(["Dubbel geklikt"], second.Notes("Already"));
        Assert.Equal(1, NoteCount);

        // The same id with other text is not a retry: refused, so no note is silently swallowed.
        var other = await _participant.SubmitAsync(form, new Dictionary<string, string> { ["Form.Text"] = "Iets anders" });
        Assert.Equal(HttpStatusCode.BadRequest, other.Status);
        Assert.Contains(other.Errors, e => e.Contains("al bewaard", StringComparison.Ordinal));
        Assert.Equal(1, NoteCount);
    }

    [Fact]
    public async Task Two_edits_of_one_note_do_not_overwrite_each_other_silently()
    {
        await _participant.AddNoteAsync(_workshop.ParticipantUrl("vertrouwen"), "Already", "Eerste versie");
        var mine = await _participant.OpenAsync(_workshop.ParticipantUrl("vertrouwen"));
        var myEdit = (await _participant.OpenAsync(mine.NoteItem("Eerste versie").QuerySelector("a")!.GetAttribute("href")!)).FormWith("li.note textarea");

        var theirs = await _facilitator.OpenAsync(_workshop.FacilitatorUrl("vertrouwen"));
        var theirEdit = (await _facilitator.OpenAsync(theirs.NoteItem("Eerste versie").QuerySelector("a")!.GetAttribute("href")!)).FormWith("li.note textarea");
        await _facilitator.SubmitAsync(theirEdit, new Dictionary<string, string> { ["Form.Text"] = "Versie van de begeleider" });

        var conflict = await _participant.SubmitAsync(myEdit, new Dictionary<string, string> { ["Form.Text"] = "Versie van de deelnemer" });
        Assert.Equal(HttpStatusCode.BadRequest, conflict.Status);
        var message = Assert.Single(conflict.Errors);
        Assert.Contains("Versie van de begeleider", message, StringComparison.Ordinal);
        Assert.Contains("Versie van de deelnemer", message, StringComparison.Ordinal);
        Assert.Equal(1, App.Count("select count(*) from Notes where Text = 'Versie van de begeleider'"));

        // The form now starts from the current text, so a second try is based on it and goes through.
        var retry = await _participant.SubmitAsync(conflict.FormWith("li.note textarea"), new Dictionary<string, string> { ["Form.Text"] = "Samen afgesproken" });
        Assert.Equal(HttpStatusCode.OK, retry.Status);
        Assert.Equal(["Samen afgesproken"], retry.Notes("Already"));
    }

    [Fact]
    public async Task An_unknown_step_gets_a_message_not_an_error()
    {
        var get = await _participant.OpenAsync(_workshop.ParticipantUrl("bestaat-niet"));
        Assert.Equal(HttpStatusCode.NotFound, get.Status);
        Assert.Contains("Deze stap bestaat niet in deze workshop.", get.Text, StringComparison.Ordinal);

        // A real form, pointed at a step that does not exist.
        var page = await _participant.OpenAsync(_workshop.ParticipantUrl("vertrouwen"));
        var form = page.FormWith("#nieuw-Already");
        form.Action = form.Action.Replace("/vertrouwen", "/bestaat-niet", StringComparison.Ordinal);
        var posted = await _participant.SubmitAsync(form, new Dictionary<string, string> { ["Form.Text"] = "Verdwaald" });
        Assert.Equal(HttpStatusCode.NotFound, posted.Status);
        Assert.Contains("Deze stap bestaat niet in deze workshop.", posted.Text, StringComparison.Ordinal);

        // Steps without notes take none.
        form.Action = form.Action.Replace("/bestaat-niet", "/welkom", StringComparison.Ordinal);
        var welcome = await _participant.SubmitAsync(form, new Dictionary<string, string> { ["Form.Text"] = "Op de welkomstap" });
        Assert.Equal(HttpStatusCode.BadRequest, welcome.Status);
        Assert.Contains(welcome.Errors, e => e.Contains("geen notities", StringComparison.Ordinal));
        Assert.Equal(0, NoteCount);
    }

    [Fact]
    public async Task A_participant_cannot_write_on_a_step_the_room_has_not_reached()
    {
        var page = await _participant.OpenAsync(_workshop.ParticipantUrl("vertrouwen"));
        var form = page.FormWith("#nieuw-Already");
        form.Action = form.Action.Replace("/vertrouwen", "/maatwerk", StringComparison.Ordinal);
        var posted = await _participant.SubmitAsync(form, new Dictionary<string, string> { ["Form.Text"] = "Vooruit" });
        Assert.Equal(HttpStatusCode.Forbidden, posted.Status);
        Assert.Contains("nog niet begonnen", posted.Text, StringComparison.Ordinal);
        Assert.Equal(0, NoteCount);
    }

    [Fact]
    public async Task Editing_or_deleting_a_note_that_was_deleted_meanwhile_gets_a_message()
    {
        await _participant.AddNoteAsync(_workshop.ParticipantUrl("vertrouwen"), "Already", "Wordt zo verwijderd");
        var page = await _participant.OpenAsync(_workshop.ParticipantUrl("vertrouwen"));
        var deleteForm = (IHtmlFormElement)page.NoteItem("Wordt zo verwijderd").QuerySelector("form")!;
        var editPage = await _participant.OpenAsync(page.NoteItem("Wordt zo verwijderd").QuerySelector("a")!.GetAttribute("href")!);
        var editForm = editPage.FormWith("li.note textarea");

        await _participant.SubmitAsync(deleteForm);
        var again = await _participant.SubmitAsync(deleteForm);
        var edit = await _participant.SubmitAsync(editForm, new Dictionary<string, string> { ["Form.Text"] = "Toch bewerken" });

        foreach (var answer in new[] { again, edit })
        {
            Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
            Assert.Contains(answer.Errors, e => e.Contains("bestaat niet meer", StringComparison.Ordinal));
        }

        Assert.Equal(0, NoteCount);
    }

    [Fact]
    public async Task A_participant_changes_only_their_own_notes()
    {
        using var other = App.NewUser();
        await other.JoinAsync(_workshop.JoinCode, "Piet");
        await other.AddNoteAsync(_workshop.ParticipantUrl("vertrouwen"), "Already", "Van Piet");
        await _participant.AddNoteAsync(_workshop.ParticipantUrl("vertrouwen"), "Already", "Van Sanne");

        // Sanne takes her own delete form and points it at Piet's note: the id in a form is not permission.
        var page = await _participant.OpenAsync(_workshop.ParticipantUrl("vertrouwen"));
        var pietsId = page.NoteItem("Van Piet").Id!["notitie-".Length..];
        var form = (IHtmlFormElement)page.NoteItem("Van Sanne").QuerySelector("form")!;
        ((IHtmlInputElement)form.Elements["Form.NoteId"]!).Value = Guid.ParseExact(pietsId, "N").ToString();
        var deleted = await _participant.SubmitAsync(form);
        Assert.Equal(HttpStatusCode.BadRequest, deleted.Status);
        Assert.Contains(deleted.Errors, e => e.Contains("alleen uw eigen notities", StringComparison.Ordinal));

        var editPage = await _participant.OpenAsync(page.NoteItem("Van Sanne").QuerySelector("a")!.GetAttribute("href")!);
        var editForm = editPage.FormWith("li.note textarea");
        ((IHtmlInputElement)editForm.Elements["Form.NoteId"]!).Value = Guid.ParseExact(pietsId, "N").ToString();
        var edited = await _participant.SubmitAsync(editForm, new Dictionary<string, string> { ["Form.Text"] = "Overschreven" });
        Assert.Equal(HttpStatusCode.BadRequest, edited.Status);

        var after = await other.OpenAsync(_workshop.ParticipantUrl("vertrouwen"));
        Assert.Equal(["Van Piet", "Van Sanne"], after.Notes("Already"));
    }

    [Fact]
    public async Task Facilitator_pages_refuse_anyone_without_the_secret()
    {
        // A participant, and a stranger, open the facilitator page and try its forms.
        var asParticipant = await _participant.OpenAsync(_workshop.FacilitatorUrl());
        Assert.Equal(HttpStatusCode.Forbidden, asParticipant.Status);
        Assert.Contains("alleen voor de begeleider", asParticipant.Text, StringComparison.Ordinal);

        using var stranger = App.NewUser();
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.OpenAsync(_workshop.FacilitatorUrl("vertrouwen"))).Status);

        var wrongKey = await stranger.OpenAsync(_workshop.FacilitatorUrl() + "?sleutel=" + new string('x', 43));
        Assert.Equal(HttpStatusCode.Forbidden, wrongKey.Status);
        Assert.Contains("begeleiderslink klopt niet", wrongKey.Text, StringComparison.Ordinal);

        // The facilitator's own forms, submitted by the participant (who has a valid antiforgery cookie of their own).
        var facilitatorPage = await _facilitator.OpenAsync(_workshop.FacilitatorUrl("vertrouwen"));
        var participantsPage = await _participant.OpenAsync(_workshop.ParticipantUrl("vertrouwen"));
        var closeForm = facilitatorPage.FormWith("form[action*='handler=Close'] button");
        ((IHtmlInputElement)closeForm.Elements["__RequestVerificationToken"]!).Value =
            ((IHtmlInputElement)participantsPage.FormWith("#nieuw-Already").Elements["__RequestVerificationToken"]!).Value;
        var close = await _participant.SubmitAsync(closeForm);
        Assert.Equal(HttpStatusCode.Forbidden, close.Status);
        Assert.Equal(0, App.Count("select count(*) from Workshops where ClosedAt is not null"));

        // With the link, a new browser becomes the facilitator, and the key leaves the address bar.
        using var secondLaptop = App.NewUser();
        var withLink = await secondLaptop.OpenAsync(_workshop.FacilitatorLink);
        Assert.Equal(HttpStatusCode.OK, withLink.Status);
        Assert.Equal(_workshop.FacilitatorUrl(), withLink.Address.PathAndQuery);
        Assert.Equal("Vertrouwen", withLink.Heading);
    }

    [Fact]
    public async Task The_facilitator_secret_is_long_random_and_stored_only_as_a_hash()
    {
        var key = new Uri(_workshop.FacilitatorLink).Query["?sleutel=".Length..];
        Assert.True(Convert.FromBase64String(key.Replace('-', '+').Replace('_', '/') + "=").Length * 8 >= 128);

        using var db = App.OpenDatabase();
        using var command = db.CreateCommand();
        command.CommandText = "select * from Workshops";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var value = reader.GetValue(i);
            var text = value is byte[] bytes ? System.Text.Encoding.UTF8.GetString(bytes) : value.ToString()!;
            Assert.DoesNotContain(key, text, StringComparison.Ordinal);
        }

        Assert.Equal(32, ((byte[])reader["FacilitatorKeyHash"]).Length);
    }

    [Fact]
    public async Task Another_workshop_is_out_of_reach_whatever_the_ids()
    {
        using var otherFacilitator = App.NewUser();
        using var otherParticipant = App.NewUser();
        var other = await otherFacilitator.StartWorkshopAsync("Gemeente Noorddorp", "Andere sessie");
        await otherParticipant.JoinAsync(other.JoinCode);
        await otherFacilitator.MoveRoomAsync(other, "vertrouwen");
        await otherParticipant.AddNoteAsync(other.ParticipantUrl("vertrouwen"), "Already", "Geheim van Noorddorp");

        // Our participant opens the other workshop's pages.
        foreach (var url in new[] { other.ParticipantUrl(), other.ParticipantUrl("vertrouwen"), other.SummaryUrl, other.FacilitatorUrl(), other.SummaryUrl + "?handler=Json" })
        {
            var page = await _participant.OpenAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, page.Status);
            Assert.DoesNotContain("Geheim van Noorddorp", page.Text, StringComparison.Ordinal);
        }

        // And points a form in our workshop at the other workshop's note.
        var theirPage = await otherParticipant.OpenAsync(other.ParticipantUrl("vertrouwen"));
        var theirNoteId = Guid.ParseExact(theirPage.NoteItem("Geheim van Noorddorp").Id!["notitie-".Length..], "N");
        await _participant.AddNoteAsync(_workshop.ParticipantUrl("vertrouwen"), "Already", "Van ons");
        var ours = await _participant.OpenAsync(_workshop.ParticipantUrl("vertrouwen"));
        var form = (IHtmlFormElement)ours.NoteItem("Van ons").QuerySelector("form")!;
        ((IHtmlInputElement)form.Elements["Form.NoteId"]!).Value = theirNoteId.ToString();
        var refused = await _participant.SubmitAsync(form);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains(refused.Errors, e => e.Contains("bestaat niet meer", StringComparison.Ordinal));

        // The other workshop's facilitator cannot touch ours either.
        Assert.Equal(HttpStatusCode.Forbidden, (await otherFacilitator.OpenAsync(_workshop.FacilitatorUrl())).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherFacilitator.OpenAsync(_workshop.SummaryUrl)).Status);
        Assert.Equal("Geheim van Noorddorp", (await otherParticipant.OpenAsync(other.ParticipantUrl("vertrouwen"))).Notes("Already").Single());
    }

    [Fact]
    public async Task A_form_without_its_antiforgery_token_is_refused_in_dutch_and_stores_nothing()
    {
        var page = await _participant.OpenAsync(_workshop.ParticipantUrl("vertrouwen"));
        var form = page.FormWith("#nieuw-Already");
        form.QuerySelector("input[name=__RequestVerificationToken]")!.Remove();
        var posted = await _participant.SubmitAsync(form, new Dictionary<string, string> { ["Form.Text"] = "Zonder token" });

        Assert.Equal(HttpStatusCode.BadRequest, posted.Status);
        Assert.Contains("vernieuw de pagina", posted.Text, StringComparison.Ordinal);
        Assert.Equal(0, NoteCount);
    }

    [Fact]
    public async Task A_workshop_id_that_does_not_exist_is_not_found()
    {
        var page = await _participant.OpenAsync($"/w/{Guid.NewGuid()}/stap");
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("Deze workshop bestaat niet", page.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _participant.OpenAsync("/w/niet-een-id/stap")).Status);
    }

    [Theory]
    [InlineData("", "Vul de code in")]
    [InlineData("AB", "6 tot 8 letters en cijfers")]
    [InlineData("ABCDE0", "6 tot 8 letters en cijfers")]
    [InlineData("ZZZZZZ", "We kennen deze code niet")]
    public async Task A_wrong_join_code_gets_a_friendly_message(string code, string message)
    {
        using var visitor = App.NewUser();
        var page = await visitor.JoinAsync(code, "Iemand");
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains(page.Errors, e => e.Contains(message, StringComparison.Ordinal));
        Assert.Equal(code, ((IHtmlInputElement)page.Document.QuerySelector("#Code")!).Value);
        Assert.Equal(1, App.Count("select count(*) from Participants"));
    }

    [Fact]
    public async Task Joining_twice_from_one_browser_keeps_one_participant()
    {
        await _participant.JoinAsync(_workshop.JoinCode, "Sanne B.");
        Assert.Equal(1, App.Count("select count(*) from Participants"));
        Assert.Equal(1, App.Count("select count(*) from Participants where DisplayName = 'Sanne B.'"));
    }

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
    public async Task Three_actions_at_most_each_within_the_limit()
    {
        await _facilitator.MoveRoomAsync(_workshop, "acties");
        var page = await _participant.OpenAsync(_workshop.ParticipantUrl("acties"));
        var refused = await _participant.SubmitAsync(page.FormWith("#actie-1"), new Dictionary<string, string>
        {
            ["Actions[0]"] = "Goed punt",
            ["Actions[1]"] = new string('x', 501),
            ["Actions[2]"] = "Ook goed",
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains(refused.Errors, e => e.Contains("maximaal 500 tekens", StringComparison.Ordinal));
        Assert.Equal("true", refused.Document.QuerySelector("#actie-2")!.GetAttribute("aria-invalid"));
        Assert.Equal("Ook goed", ((IHtmlTextAreaElement)refused.Document.QuerySelector("#actie-3")!).Value);
        Assert.Equal(0, App.Count("select count(*) from ParticipantActions"));

        // A fourth field, added by hand to the form, is refused too.
        var form = page.FormWith("#actie-1");
        var extra = page.Document.CreateElement("textarea");
        extra.SetAttribute("name", "Actions[3]");
        extra.TextContent = "Vierde";
        form.AppendChild(extra);
        var four = await _participant.SubmitAsync(form, new Dictionary<string, string> { ["Actions[0]"] = "Een", ["Actions[1]"] = "Twee", ["Actions[2]"] = "Drie" });
        Assert.Equal(HttpStatusCode.BadRequest, four.Status);
        Assert.Contains(HandhavingsKoers.Web.Messages.TooManyActions, four.Errors);
        Assert.Equal(0, App.Count("select count(*) from ParticipantActions"));
    }

    [Fact]
    public async Task A_locked_step_refuses_participants_notes_but_not_the_facilitators()
    {
        await _participant.AddNoteAsync(_workshop.ParticipantUrl("vertrouwen"), "Already", "Voor het sluiten");
        var facilitatorPage = await _facilitator.OpenAsync(_workshop.FacilitatorUrl("vertrouwen"));
        await _facilitator.SubmitAsync(facilitatorPage.FormWith("form[action*='handler=Lock'] button"));

        var page = await _participant.OpenAsync(_workshop.ParticipantUrl("vertrouwen"));
        Assert.Contains("De begeleider heeft deze stap gesloten", page.Text, StringComparison.Ordinal);
        Assert.True(page.FormWith("#nieuw-Already").HasAttribute("hidden"));
        Assert.Empty(page.NoteItem("Voor het sluiten").QuerySelectorAll("form"));
        var refused = await _participant.SubmitAsync(page.FormWith("#nieuw-Already"), new Dictionary<string, string> { ["Form.Text"] = "Na het sluiten" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains(refused.Errors, e => e.Contains("gesloten", StringComparison.Ordinal));

        await _facilitator.AddNoteAsync(_workshop.FacilitatorUrl("vertrouwen"), "Todo", "De begeleider mag nog");
        Assert.Equal(2, NoteCount);
    }

    [Fact]
    public async Task During_silent_writing_a_participant_gets_only_their_own_notes_from_the_server()
    {
        using var other = App.NewUser();
        await other.JoinAsync(_workshop.JoinCode, "Piet");
        var facilitatorPage = await _facilitator.OpenAsync(_workshop.FacilitatorUrl("vertrouwen"));
        await _facilitator.SubmitAsync(facilitatorPage.FormWith("form[action*='handler=Hide'] button"));

        await other.AddNoteAsync(_workshop.ParticipantUrl("vertrouwen"), "Already", "Stil geschreven door Piet");
        var mine = await _participant.AddNoteAsync(_workshop.ParticipantUrl("vertrouwen"), "Already", "Stil geschreven door Sanne");
        Assert.Equal(["Stil geschreven door Sanne"], mine.Notes("Already"));
        Assert.DoesNotContain("Piet", mine.Document.Body!.InnerHtml, StringComparison.Ordinal);
        var fragment = await _participant.Client.GetStringAsync(_workshop.ParticipantUrl("vertrouwen") + "?handler=Live");
        Assert.DoesNotContain("Stil geschreven door Piet", fragment, StringComparison.Ordinal);
        Assert.Contains("1 andere notities", fragment, StringComparison.Ordinal);

        var facilitatorView = await _facilitator.OpenAsync(_workshop.FacilitatorUrl("vertrouwen"));
        Assert.Equal(2, facilitatorView.Notes("Already").Count);

        await _facilitator.SubmitAsync(facilitatorView.FormWith("form[action*='handler=Reveal'] button"));
        Assert.Equal(["Stil geschreven door Piet", "Stil geschreven door Sanne"], (await _participant.OpenAsync(_workshop.ParticipantUrl("vertrouwen"))).Notes("Already"));
    }

    [Fact]
    public async Task A_long_column_shows_its_newest_notes_and_all_on_request()
    {
        using (var db = App.OpenDatabase())
        using (var command = db.CreateCommand())
        {
            // 105 notes, written straight into the store (the page's own paths are tested elsewhere).
            var participantId = App.Count("select count(*) from Participants") == 1 ? "(select Id from Participants)" : "null";
            command.CommandText = string.Join(';', Enumerable.Range(0, 105).Select(i =>
                $"insert into Notes (Id, WorkshopId, StepKey, \"Column\", Text, ParticipantId, CreatedAt, Version) values " +
                $"('{Guid.NewGuid().ToString().ToUpperInvariant()}', '{_workshop.Id.ToString().ToUpperInvariant()}', 'vertrouwen', 'Already', 'Notitie {i:000}', {participantId}, '2026-11-22 10:{i / 60:00}:{i % 60:00}', 0)"));
            command.ExecuteNonQuery();
        }

        var page = await _participant.OpenAsync(_workshop.ParticipantUrl("vertrouwen"));
        Assert.Equal(100, page.Notes("Already").Count);
        Assert.Equal("Notitie 005", page.Notes("Already")[0]);
        Assert.Equal("Notitie 104", page.Notes("Already")[^1]);
        Assert.Contains("U ziet de nieuwste 100 van 105 notities", page.Text, StringComparison.Ordinal);
        Assert.Contains("(105)", page.Document.QuerySelector("#count-Already")!.TextContent, StringComparison.Ordinal);

        var all = await _participant.OpenAsync(page.Document.QuerySelector(".more-notes a")!.GetAttribute("href")!);
        Assert.Equal(105, all.Notes("Already").Count);
        Assert.Contains("alle=true", all.Document.QuerySelector("[data-fragment]")!.GetAttribute("data-fragment"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Actions_cannot_be_written_before_the_room_reaches_them()
    {
        var page = await _participant.OpenAsync(_workshop.ParticipantUrl("acties"));
        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Contains("nog niet begonnen", page.Text, StringComparison.Ordinal);
    }
}
