using AngleSharp.Html.Dom;
using HandhavingsKoers.Tests.Infrastructure;
using HandhavingsKoers.Web.Data;

namespace HandhavingsKoers.Tests.Pages.Participate;

/// <summary>
/// Post, redirect, get on the participant's page: after each form the server answers with a redirect back to the step,
/// at the place the participant was working, and the page they land on shows what they did.
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

    private string StepUrl(string step) => $"/w/{Workshop.Id}/stap/{step}";

    [Fact]
    public async Task Adding_editing_and_deleting_a_note_come_back_to_the_step_at_the_note()
    {
        var page = await Participant.OpenAsync(Workshop.ParticipantUrl("vertrouwen"));
        var added = await Participant.SubmitWithoutRedirectAsync(page.FormWith("#nieuw-Todo"), new Dictionary<string, string> { ["Form.Text"] = "Eerst bellen" });
        var landed = await Participant.AssertRedirectedAsync(added, StepUrl("vertrouwen") + "#nieuw-Todo");
        Assert.Equal(["Eerst bellen"], landed.Notes("Todo"));

        var note = landed.NoteItem("Eerst bellen");
        var editPage = await Participant.OpenAsync(note.QuerySelector("a")!.GetAttribute("href")!);
        var edited = await Participant.SubmitWithoutRedirectAsync(editPage.FormWith("li.note textarea"), new Dictionary<string, string> { ["Form.Text"] = "Eerst bellen, dan schrijven" });
        landed = await Participant.AssertRedirectedAsync(edited, StepUrl("vertrouwen") + "#" + note.Id);
        Assert.Equal(["Eerst bellen, dan schrijven"], landed.Notes("Todo"));

        var deleted = await Participant.SubmitWithoutRedirectAsync((IHtmlFormElement)landed.NoteItem("Eerst bellen, dan schrijven").QuerySelector("form")!);
        landed = await Participant.AssertRedirectedAsync(deleted, StepUrl("vertrouwen"));
        Assert.Empty(landed.Notes("Todo"));
        Assert.Equal(0, NoteCount);
    }

    [Fact]
    public async Task A_score_comes_back_to_the_score_with_a_confirmation()
    {
        var page = await Participant.OpenAsync(Workshop.ParticipantUrl("vertrouwen"));
        var scored = await Participant.SubmitWithoutRedirectAsync(page.Form("form.score-form"), new Dictionary<string, string> { ["score"] = "3" });

        var landed = await Participant.AssertRedirectedAsync(scored, StepUrl("vertrouwen") + "#score");
        Assert.Equal("Uw score is bewaard. Niemand ziet wat u koos.", landed.Document.QuerySelector(".notice-success[role=status]")?.TextContent);
        Assert.Equal("3", ((IHtmlInputElement)landed.Document.QuerySelector("input[name=score]:checked")!).Value);
        Assert.Equal(1, App.Count("select count(*) from Scores where Value = 3"));
    }

    [Fact]
    public async Task A_new_name_comes_back_to_the_welcome_step()
    {
        var page = await Participant.OpenAsync(Workshop.ParticipantUrl("welkom"));
        var renamed = await Participant.SubmitWithoutRedirectAsync(page.Form("form[action*='handler=Rename']"), new Dictionary<string, string> { ["displayName"] = "Sanne de Boer" });

        var landed = await Participant.AssertRedirectedAsync(renamed, StepUrl("welkom"));
        Assert.Contains("U doet mee als Sanne de Boer.", landed.Text, StringComparison.Ordinal);
        Assert.Equal(1, App.Count("select count(*) from Participants where DisplayName = 'Sanne de Boer'"));
    }

    [Fact]
    public async Task The_three_actions_come_back_to_the_actions_step_with_a_confirmation()
    {
        await Facilitator.MoveRoomAsync(Workshop, "acties");
        var page = await Participant.OpenAsync(Workshop.ParticipantUrl("acties"));
        var saved = await Participant.SubmitWithoutRedirectAsync(page.FormWith("#actie-1"), new Dictionary<string, string>
        {
            ["Actions[0]"] = "Standaardbrief herlezen",
            ["Actions[1]"] = "Collega van schuldhulp bellen",
            ["Actions[2]"] = "Overleg plannen",
        });

        var landed = await Participant.AssertRedirectedAsync(saved, StepUrl("acties"));
        Assert.Equal("Uw drie zaken zijn bewaard.", landed.Document.QuerySelector(".notice-success[role=status]")?.TextContent);
        Assert.Equal("Collega van schuldhulp bellen", ((IHtmlTextAreaElement)landed.Document.QuerySelector("#actie-2")!).Value);
        Assert.Equal(3, App.Count("select count(*) from ParticipantActions"));
    }
}

/// <summary>Posting notes, scores and actions without JavaScript, on PostgreSQL.</summary>
[OnPostgreSql]
public sealed class PostRedirectGetOnPostgreSqlTests() : PostRedirectGetTests(StorageProvider.PostgreSql);
