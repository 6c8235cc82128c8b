using AngleSharp.Html.Dom;
using HandhavingsKoers.Tests.Infrastructure;
using HandhavingsKoers.Web.Data;

namespace HandhavingsKoers.Tests.Pages.Facilitate;

/// <summary>
/// Post, redirect, get on the facilitator's page: after each form the server answers with a redirect to the step the
/// form changed (at the part of the page it was about), and the page the facilitator lands on shows the change.
/// </summary>
public class PostRedirectGetTests : RoomTest
{
    public PostRedirectGetTests()
    {
    }

    protected PostRedirectGetTests(StorageProvider provider)
        : base(provider)
    {
    }

    private string StepUrl(string step) => $"/w/{Workshop.Id}/begeleider/{step}";

    private static IHtmlFormElement FormFor(Page page, string handler) => page.FormWith($"form[action$='handler={handler}'] button");

    [Fact]
    public async Task Adding_editing_and_deleting_notes_come_back_to_the_step_at_the_note()
    {
        var page = await Facilitator.OpenAsync(Workshop.FacilitatorUrl("vertrouwen"));
        var added = await Facilitator.SubmitWithoutRedirectAsync(page.FormWith("#nieuw-Already"), new Dictionary<string, string> { ["Form.Text"] = "Voor de groep" });
        var landed = await Facilitator.AssertRedirectedAsync(added, StepUrl("vertrouwen") + "#nieuw-Already");
        Assert.Equal(["Voor de groep"], landed.Notes("Already"));

        var note = landed.NoteItem("Voor de groep");
        var editPage = await Facilitator.OpenAsync(note.QuerySelector("a")!.GetAttribute("href")!);
        var edited = await Facilitator.SubmitWithoutRedirectAsync(editPage.FormWith("li.note textarea"), new Dictionary<string, string> { ["Form.Text"] = "Voor de hele groep" });
        landed = await Facilitator.AssertRedirectedAsync(edited, StepUrl("vertrouwen") + "#" + note.Id);
        Assert.Equal(["Voor de hele groep"], landed.Notes("Already"));

        // The facilitator removes a participant's note.
        await Participant.AddNoteAsync(Workshop.ParticipantUrl("vertrouwen"), "Todo", "Hoort hier niet");
        page = await Facilitator.OpenAsync(Workshop.FacilitatorUrl("vertrouwen"));
        var deleted = await Facilitator.SubmitWithoutRedirectAsync((IHtmlFormElement)page.NoteItem("Hoort hier niet").QuerySelector("form")!);
        landed = await Facilitator.AssertRedirectedAsync(deleted, StepUrl("vertrouwen"));
        Assert.Empty(landed.Notes("Todo"));
        Assert.Equal(1, NoteCount);
    }

    [Fact]
    public async Task Moving_the_room_goes_to_the_step_the_room_moved_to()
    {
        var page = await Facilitator.OpenAsync(Workshop.FacilitatorUrl("vertrouwen"));
        var next = page.Document.QuerySelectorAll("form").OfType<IHtmlFormElement>()
            .First(f => f.Action.EndsWith("handler=Move", StringComparison.Ordinal) && f.Elements["target"] is IHtmlInputElement { Value: "menselijke-maat" });
        var moved = await Facilitator.SubmitWithoutRedirectAsync(next);

        var landed = await Facilitator.AssertRedirectedAsync(moved, StepUrl("menselijke-maat"));
        Assert.Equal("Menselijke maat", landed.Heading);
        Assert.Equal(1, App.Count("select count(*) from Workshops where CurrentStepKey = 'menselijke-maat'"));
    }

    [Theory]
    [InlineData("Hide", "Reveal")]
    [InlineData("RevealScores", "HideScores")]
    [InlineData("Lock", "Unlock")]
    [InlineData("Timer", "StopTimer")]
    [InlineData("Close", "Reopen")]
    public async Task A_control_comes_back_to_the_step_it_changed_showing_its_undo(string handler, string undo)
    {
        var page = await Facilitator.OpenAsync(Workshop.FacilitatorUrl("vertrouwen"));
        var done = await Facilitator.SubmitWithoutRedirectAsync(FormFor(page, handler));
        var landed = await Facilitator.AssertRedirectedAsync(done, StepUrl("vertrouwen"));
        Assert.Empty(landed.Document.QuerySelectorAll($"form[action$='handler={handler}']"));

        var undone = await Facilitator.SubmitWithoutRedirectAsync(FormFor(landed, undo));
        landed = await Facilitator.AssertRedirectedAsync(undone, StepUrl("vertrouwen"));
        Assert.NotNull(FormFor(landed, handler));
    }

    [Fact]
    public async Task Adding_and_removing_a_team_action_come_back_to_the_team_actions_with_a_confirmation()
    {
        await Facilitator.MoveRoomAsync(Workshop, "acties");
        var page = await Facilitator.OpenAsync(Workshop.FacilitatorUrl("acties"));
        var added = await Facilitator.SubmitWithoutRedirectAsync(page.Form("#teamactie-formulier"), new Dictionary<string, string>
        {
            ["TeamAction.Text"] = "Brieven herschrijven",
            ["TeamAction.Owner"] = "Teamleider",
            ["TeamAction.DueDate"] = "2027-01-15",
        });
        var landed = await Facilitator.AssertRedirectedAsync(added, StepUrl("acties") + "#teamacties-titel");
        Assert.Equal("De teamactie is toegevoegd.", landed.Document.QuerySelector(".notice-success[role=status]")?.TextContent);
        Assert.Equal(["Brieven herschrijven"], landed.Document.QuerySelectorAll(".team-action .note-text").Select(e => e.TextContent));

        var removed = await Facilitator.SubmitWithoutRedirectAsync(FormFor(landed, "RemoveTeamAction"));
        landed = await Facilitator.AssertRedirectedAsync(removed, StepUrl("acties") + "#teamacties-titel");
        Assert.Equal("De teamactie is weggehaald.", landed.Document.QuerySelector(".notice-success[role=status]")?.TextContent);
        Assert.Equal(0, App.Count("select count(*) from TeamActions"));
    }

    [Fact]
    public async Task Reviewing_last_times_action_comes_back_to_that_action()
    {
        await Facilitator.MoveRoomAsync(Workshop, "acties");
        await Facilitator.AddTeamActionAsync(Workshop, "Brieven herschrijven", "Teamleider", "2026-12-15");
        var followUp = await Facilitator.StartFollowUpAsync(Workshop, "Vervolgsessie", "2027-01-10");

        var welcome = await Facilitator.OpenAsync(followUp.FacilitatorUrl("welkom"));
        var item = welcome.Document.QuerySelector("li.previous-action")!;
        var reviewed = await Facilitator.SubmitWithoutRedirectAsync((IHtmlFormElement)item.QuerySelector("form")!, new Dictionary<string, string> { ["status"] = "Done", ["note"] = "Alle brieven zijn aangepast." });

        var landed = await Facilitator.AssertRedirectedAsync(reviewed, $"/w/{followUp.Id}/begeleider/welkom#{item.Id}");
        Assert.Equal("De status is opgeslagen.", landed.Document.QuerySelector(".notice-success[role=status]")?.TextContent);
        Assert.Equal("Gedaan", landed.Document.GetElementById(item.Id!)!.QuerySelector(".status")!.TextContent);
    }

    [Fact]
    public async Task Deleting_the_workshop_goes_to_the_home_page_which_says_so()
    {
        var page = await Facilitator.OpenAsync(Workshop.FacilitatorUrl());
        var form = page.FormWith("#confirm-delete");
        ((IHtmlInputElement)form.Elements["confirm"]!).IsChecked = true;
        var deleted = await Facilitator.SubmitWithoutRedirectAsync(form);

        var landed = await Facilitator.AssertRedirectedAsync(deleted, "/");
        Assert.Equal("De workshop “Teamsessie handhaving” van Gemeente Zuidwolde is verwijderd, met alle notities en acties.",
            landed.Document.QuerySelector(".notice-success[role=status]")?.TextContent);
        Assert.Equal(0, App.Count("select count(*) from Workshops"));
    }
}

/// <summary>The facilitator's forms on PostgreSQL, deleting a workshop (and its VACUUM) included.</summary>
[OnPostgreSql]
public sealed class PostRedirectGetOnPostgreSqlTests() : PostRedirectGetTests(StorageProvider.PostgreSql);
