using System.Net;
using AngleSharp.Html.Dom;
using HandhavingsKoers.Tests.Infrastructure;
using HandhavingsKoers.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HandhavingsKoers.Tests.Pages.Participate;

/// <summary>The rules for notes on a participant's step page, each with its refusal: a Dutch message, nothing stored, never a 500.</summary>
public class NoteRulesTests : RoomTest
{
    public NoteRulesTests()
    {
    }

    protected NoteRulesTests(StorageProvider provider)
        : base(provider)
    {
    }

    [Theory]
    [InlineData("", "Schrijf eerst iets op.")]
    [InlineData("   \n\t  ", "Schrijf eerst iets op.")]
    [InlineData("kleur\u001b[31m rood", "onzichtbaar teken")]
    public async Task An_empty_or_unprintable_note_is_refused_and_nothing_is_stored(string text, string message)
    {
        var page = await Participant.AddNoteAsync(Workshop.ParticipantUrl("vertrouwen"), "Already", text);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains(page.Errors, e => e.Contains(message, StringComparison.Ordinal));
        Assert.Equal("true", page.Document.QuerySelector("#nieuw-Already")!.GetAttribute("aria-invalid"));
        Assert.Equal(0, NoteCount);
    }

    [Fact]
    public async Task A_note_of_1000_characters_is_kept_and_one_of_1001_is_refused_with_the_text_still_there()
    {
        var longest = new string('a', 999) + "é";
        var ok = await Participant.AddNoteAsync(Workshop.ParticipantUrl("vertrouwen"), "Already", "  " + longest + "  ");
        Assert.Equal(HttpStatusCode.OK, ok.Status);
        Assert.Contains(longest, ok.Notes("Already"));

        var tooLong = new string('b', 1001);
        var refused = await Participant.AddNoteAsync(Workshop.ParticipantUrl("vertrouwen"), "Todo", tooLong);
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
        var page = await Participant.AddNoteAsync(Workshop.ParticipantUrl("vertrouwen"), "Already", text);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(1, NoteCount);
    }

    [Fact]
    public async Task A_closed_workshop_refuses_new_notes_edits_and_deletes()
    {
        await Participant.AddNoteAsync(Workshop.ParticipantUrl("vertrouwen"), "Already", "Eerste notitie");
        var open = await Participant.OpenAsync(Workshop.ParticipantUrl("vertrouwen"));
        var addForm = open.FormWith("#nieuw-Todo");
        var deleteForm = (IHtmlFormElement)open.NoteItem("Eerste notitie").QuerySelector("form")!;
        var editPage = await Participant.OpenAsync(open.NoteItem("Eerste notitie").QuerySelector("a")!.GetAttribute("href")!);
        var editForm = editPage.FormWith("li.note textarea");

        var facilitatorPage = await Facilitator.OpenAsync(Workshop.FacilitatorUrl());
        await Facilitator.SubmitAsync(facilitatorPage.FormWith("form[action*='handler=Close'] button"));

        var added = await Participant.SubmitAsync(addForm, new Dictionary<string, string> { ["Form.Text"] = "Te laat" });
        var edited = await Participant.SubmitAsync(editForm, new Dictionary<string, string> { ["Form.Text"] = "Gewijzigd" });
        var deleted = await Participant.SubmitAsync(deleteForm);

        foreach (var page in new[] { added, edited, deleted })
        {
            Assert.Equal(HttpStatusCode.BadRequest, page.Status);
            Assert.Contains(page.Errors, e => e.Contains("Deze workshop is afgesloten", StringComparison.Ordinal));
        }

        Assert.Equal(1, NoteCount);
        Assert.Equal("Eerste notitie", ((await Participant.OpenAsync(Workshop.ParticipantUrl("vertrouwen"))).Notes("Already")).Single());

        using var late = App.NewUser();
        var refusedJoin = await late.SubmitAsync((await late.OpenAsync("/doemee")).Form("form[method=post]"), new Dictionary<string, string> { ["Code"] = Workshop.JoinCode });
        Assert.Equal(HttpStatusCode.BadRequest, refusedJoin.Status);
        Assert.Contains(refusedJoin.Errors, e => e.Contains("al afgesloten", StringComparison.Ordinal));
        Assert.Equal(1, App.Count("select count(*) from Participants"));
    }

    [Fact]
    public async Task A_retried_post_of_the_same_form_stores_the_note_once()
    {
        var page = await Participant.OpenAsync(Workshop.ParticipantUrl("vertrouwen"));
        var form = page.FormWith("#nieuw-Already");
        var first = await Participant.SubmitAsync(form, new Dictionary<string, string> { ["Form.Text"] = "Dubbel geklikt" });
        var second = await Participant.SubmitAsync(form, new Dictionary<string, string> { ["Form.Text"] = "Dubbel geklikt" });

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal(["Dubbel geklikt"], second.Notes("Already"));
        Assert.Equal(1, NoteCount);

        // The same id with other text is not a retry: refused, so no note is silently swallowed.
        var other = await Participant.SubmitAsync(form, new Dictionary<string, string> { ["Form.Text"] = "Iets anders" });
        Assert.Equal(HttpStatusCode.Conflict, other.Status);
        Assert.Contains(other.Errors, e => e.Contains("al bewaard", StringComparison.Ordinal));
        Assert.Equal(1, NoteCount);
    }

    /// <summary>
    /// A double click on poor Wi-Fi: the second post arrives while the first is being saved, so both find no note
    /// with their id, and the second's insert fails on the key. It is answered as stored, and the operator's log holds
    /// no error for it (EF's "Failed executing DbCommand" is a warning, see <c>StorageSetup.WarnOfFailedCommands</c>).
    /// </summary>
    [Fact]
    public async Task A_post_whose_twin_was_stored_while_it_was_saving_is_answered_as_stored_and_logs_no_error()
    {
        var form = (await Participant.OpenAsync(Workshop.ParticipantUrl("vertrouwen"))).FormWith("#nieuw-Already");

        // The twin's insert, made from the note this post is about to save: the same id, text and author.
        Meddler.BeforeNextSave(context =>
        {
            var note = context.ChangeTracker.Entries().Single(e => e.State == EntityState.Added);
            var values = note.Properties.Where(p => p.CurrentValue is not null).ToList();
            var sql = $"insert into \"{note.Metadata.GetTableName()}\" ({string.Join(", ", values.Select(p => $"\"{p.Metadata.GetColumnName()}\""))}) " +
                $"values ({string.Join(", ", values.Select((_, i) => $"{{{i}}}"))})";
            return context.Database.ExecuteSqlRawAsync(sql, values.Select(p => p.Metadata.GetTypeMapping().Converter?.ConvertToProvider(p.CurrentValue) ?? p.CurrentValue!));
        });
        var page = await Participant.SubmitAsync(form, new Dictionary<string, string> { ["Form.Text"] = "Twee keer verstuurd" });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(["Twee keer verstuurd"], page.Notes("Already"));
        Assert.Equal(1, NoteCount);
        var log = App.ReadLog();
        Assert.Contains("[WRN] Failed executing DbCommand", log, StringComparison.Ordinal);
        Assert.DoesNotContain("[ERR]", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Racing_posts_of_one_form_with_different_texts_store_one_note_each_time_and_never_fail()
    {
        const int rounds = 15;
        for (var i = 0; i < rounds; i++)
        {
            // Each page load gives the form a new id; two posts of that one form with different text race.
            var form = (await Participant.OpenAsync(Workshop.ParticipantUrl("vertrouwen"))).FormWith("#nieuw-Already");
            var results = await Task.WhenAll(
                Participant.SubmitAsync(form, new Dictionary<string, string> { ["Form.Text"] = $"Eerste versie {i}" }),
                Participant.SubmitAsync(form, new Dictionary<string, string> { ["Form.Text"] = $"Tweede versie {i}" }));
            Assert.All(results, r => Assert.Contains(r.Status, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        }

        Assert.Equal(rounds, NoteCount);
    }

    [Fact]
    public async Task Two_edits_of_one_note_do_not_overwrite_each_other_silently()
    {
        await Participant.AddNoteAsync(Workshop.ParticipantUrl("vertrouwen"), "Already", "Eerste versie");
        var mine = await Participant.OpenAsync(Workshop.ParticipantUrl("vertrouwen"));
        var myEdit = (await Participant.OpenAsync(mine.NoteItem("Eerste versie").QuerySelector("a")!.GetAttribute("href")!)).FormWith("li.note textarea");

        var theirs = await Facilitator.OpenAsync(Workshop.FacilitatorUrl("vertrouwen"));
        var theirEdit = (await Facilitator.OpenAsync(theirs.NoteItem("Eerste versie").QuerySelector("a")!.GetAttribute("href")!)).FormWith("li.note textarea");
        await Facilitator.SubmitAsync(theirEdit, new Dictionary<string, string> { ["Form.Text"] = "Versie van de begeleider" });

        var conflict = await Participant.SubmitAsync(myEdit, new Dictionary<string, string> { ["Form.Text"] = "Versie van de deelnemer" });
        Assert.Equal(HttpStatusCode.BadRequest, conflict.Status);
        var message = Assert.Single(conflict.Errors);
        Assert.Contains("Versie van de begeleider", message, StringComparison.Ordinal);
        Assert.Contains("Versie van de deelnemer", message, StringComparison.Ordinal);
        Assert.Equal(1, App.Count("select count(*) from Notes where Text = 'Versie van de begeleider'"));

        // The form now starts from the current text, so a second try is based on it and goes through.
        var retry = await Participant.SubmitAsync(conflict.FormWith("li.note textarea"), new Dictionary<string, string> { ["Form.Text"] = "Samen afgesproken" });
        Assert.Equal(HttpStatusCode.OK, retry.Status);
        Assert.Equal(["Samen afgesproken"], retry.Notes("Already"));
    }

    [Fact]
    public async Task Editing_or_deleting_a_note_that_was_deleted_meanwhile_gets_a_message()
    {
        await Participant.AddNoteAsync(Workshop.ParticipantUrl("vertrouwen"), "Already", "Wordt zo verwijderd");
        var page = await Participant.OpenAsync(Workshop.ParticipantUrl("vertrouwen"));
        var deleteForm = (IHtmlFormElement)page.NoteItem("Wordt zo verwijderd").QuerySelector("form")!;
        var editPage = await Participant.OpenAsync(page.NoteItem("Wordt zo verwijderd").QuerySelector("a")!.GetAttribute("href")!);
        var editForm = editPage.FormWith("li.note textarea");

        await Participant.SubmitAsync(deleteForm);
        var again = await Participant.SubmitAsync(deleteForm);
        var edit = await Participant.SubmitAsync(editForm, new Dictionary<string, string> { ["Form.Text"] = "Toch bewerken" });

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
        await other.JoinAsync(Workshop.JoinCode, "Piet");
        await other.AddNoteAsync(Workshop.ParticipantUrl("vertrouwen"), "Already", "Van Piet");
        await Participant.AddNoteAsync(Workshop.ParticipantUrl("vertrouwen"), "Already", "Van Sanne");

        // Sanne takes her own delete form and points it at Piet's note: the id in a form is not permission.
        var page = await Participant.OpenAsync(Workshop.ParticipantUrl("vertrouwen"));
        var pietsId = page.NoteItem("Van Piet").Id!["notitie-".Length..];
        var form = (IHtmlFormElement)page.NoteItem("Van Sanne").QuerySelector("form")!;
        ((IHtmlInputElement)form.Elements["Form.NoteId"]!).Value = Guid.ParseExact(pietsId, "N").ToString();
        var deleted = await Participant.SubmitAsync(form);
        Assert.Equal(HttpStatusCode.BadRequest, deleted.Status);
        Assert.Contains(deleted.Errors, e => e.Contains("alleen uw eigen notities", StringComparison.Ordinal));

        var editPage = await Participant.OpenAsync(page.NoteItem("Van Sanne").QuerySelector("a")!.GetAttribute("href")!);
        var editForm = editPage.FormWith("li.note textarea");
        ((IHtmlInputElement)editForm.Elements["Form.NoteId"]!).Value = Guid.ParseExact(pietsId, "N").ToString();
        var edited = await Participant.SubmitAsync(editForm, new Dictionary<string, string> { ["Form.Text"] = "Overschreven" });
        Assert.Equal(HttpStatusCode.BadRequest, edited.Status);

        var after = await other.OpenAsync(Workshop.ParticipantUrl("vertrouwen"));
        Assert.Equal(["Van Piet", "Van Sanne"], after.Notes("Already"));
    }

    [Fact]
    public async Task A_form_without_its_antiforgery_token_is_refused_in_dutch_and_stores_nothing()
    {
        var page = await Participant.OpenAsync(Workshop.ParticipantUrl("vertrouwen"));
        var form = page.FormWith("#nieuw-Already");
        form.QuerySelector("input[name=__RequestVerificationToken]")!.Remove();
        var posted = await Participant.SubmitAsync(form, new Dictionary<string, string> { ["Form.Text"] = "Zonder token" });

        Assert.Equal(HttpStatusCode.BadRequest, posted.Status);
        Assert.Contains("vernieuw de pagina", posted.Text, StringComparison.Ordinal);
        Assert.Equal(0, NoteCount);
    }

    [Fact]
    public async Task A_locked_step_refuses_participants_notes_but_not_the_facilitators()
    {
        await Participant.AddNoteAsync(Workshop.ParticipantUrl("vertrouwen"), "Already", "Voor het sluiten");
        var facilitatorPage = await Facilitator.OpenAsync(Workshop.FacilitatorUrl("vertrouwen"));
        await Facilitator.SubmitAsync(facilitatorPage.FormWith("form[action*='handler=Lock'] button"));

        var page = await Participant.OpenAsync(Workshop.ParticipantUrl("vertrouwen"));
        Assert.Contains("De begeleider heeft deze stap gesloten", page.Text, StringComparison.Ordinal);
        Assert.True(page.FormWith("#nieuw-Already").HasAttribute("hidden"));
        Assert.Empty(page.NoteItem("Voor het sluiten").QuerySelectorAll("form"));
        var refused = await Participant.SubmitAsync(page.FormWith("#nieuw-Already"), new Dictionary<string, string> { ["Form.Text"] = "Na het sluiten" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains(refused.Errors, e => e.Contains("gesloten", StringComparison.Ordinal));

        await Facilitator.AddNoteAsync(Workshop.FacilitatorUrl("vertrouwen"), "Todo", "De begeleider mag nog");
        Assert.Equal(2, NoteCount);
    }

    [Fact]
    public async Task During_silent_writing_a_participant_gets_only_their_own_notes_from_the_server()
    {
        using var other = App.NewUser();
        await other.JoinAsync(Workshop.JoinCode, "Piet");
        var facilitatorPage = await Facilitator.OpenAsync(Workshop.FacilitatorUrl("vertrouwen"));
        await Facilitator.SubmitAsync(facilitatorPage.FormWith("form[action*='handler=Hide'] button"));

        await other.AddNoteAsync(Workshop.ParticipantUrl("vertrouwen"), "Already", "Stil geschreven door Piet");
        var mine = await Participant.AddNoteAsync(Workshop.ParticipantUrl("vertrouwen"), "Already", "Stil geschreven door Sanne");
        Assert.Equal(["Stil geschreven door Sanne"], mine.Notes("Already"));
        Assert.DoesNotContain("Piet", mine.Document.Body!.InnerHtml, StringComparison.Ordinal);
        var fragment = await Participant.Client.GetStringAsync(Workshop.ParticipantUrl("vertrouwen") + "?handler=Live");
        Assert.DoesNotContain("Stil geschreven door Piet", fragment, StringComparison.Ordinal);
        Assert.Contains("Er is al 1 andere notitie.", fragment, StringComparison.Ordinal);

        var facilitatorView = await Facilitator.OpenAsync(Workshop.FacilitatorUrl("vertrouwen"));
        Assert.Equal(2, facilitatorView.Notes("Already").Count);

        await Facilitator.SubmitAsync(facilitatorView.FormWith("form[action*='handler=Reveal'] button"));
        Assert.Equal(["Stil geschreven door Piet", "Stil geschreven door Sanne"], (await Participant.OpenAsync(Workshop.ParticipantUrl("vertrouwen"))).Notes("Already"));
    }

    [Fact]
    public async Task A_long_column_shows_its_newest_notes_and_all_on_request()
    {
        // 105 notes, written straight into the store (the page's own paths are tested elsewhere).
        var participantId = App.Count("select count(*) from Participants") == 1 ? "(select Id from Participants)" : "null";
        App.Execute(string.Join(';', Enumerable.Range(0, 105).Select(i =>
            $"insert into Notes (Id, WorkshopId, StepKey, \"Column\", Text, ParticipantId, CreatedAt, Version) values " +
            $"('{Guid.NewGuid().ToString().ToUpperInvariant()}', '{Workshop.Id.ToString().ToUpperInvariant()}', 'vertrouwen', 'Already', 'Notitie {i:000}', {participantId}, '2026-11-22 10:{i / 60:00}:{i % 60:00}', 0)")));

        var page = await Participant.OpenAsync(Workshop.ParticipantUrl("vertrouwen"));
        Assert.Equal(100, page.Notes("Already").Count);
        Assert.Equal("Notitie 005", page.Notes("Already")[0]);
        Assert.Equal("Notitie 104", page.Notes("Already")[^1]);
        Assert.Contains("U ziet de nieuwste 100 van 105 notities", page.Text, StringComparison.Ordinal);
        Assert.Contains("(105)", page.Document.QuerySelector("#count-Already")!.TextContent, StringComparison.Ordinal);

        var all = await Participant.OpenAsync(page.Document.QuerySelector(".more-notes a")!.GetAttribute("href")!);
        Assert.Equal(105, all.Notes("Already").Count);
        Assert.Contains("alle=true", all.Document.QuerySelector("[data-fragment]")!.GetAttribute("data-fragment"), StringComparison.Ordinal);
    }
}

/// <summary>The note rules and who sees which notes, on PostgreSQL.</summary>
[OnPostgreSql]
public sealed class NoteRulesOnPostgreSqlTests() : NoteRulesTests(StorageProvider.PostgreSql);
