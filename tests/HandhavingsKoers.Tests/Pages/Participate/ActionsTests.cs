using System.Net;
using AngleSharp.Html.Dom;
using HandhavingsKoers.Tests.Infrastructure;

namespace HandhavingsKoers.Tests.Pages.Participate;

/// <summary>A participant's three actions on the actions step: at most three, each within the limit, and only once the room is there.</summary>
public sealed class ActionsTests : RoomTest
{
    [Fact]
    public async Task Three_actions_at_most_each_within_the_limit()
    {
        await Facilitator.MoveRoomAsync(Workshop, "acties");
        var page = await Participant.OpenAsync(Workshop.ParticipantUrl("acties"));
        var refused = await Participant.SubmitAsync(page.FormWith("#actie-1"), new Dictionary<string, string>
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
        var four = await Participant.SubmitAsync(form, new Dictionary<string, string> { ["Actions[0]"] = "Een", ["Actions[1]"] = "Twee", ["Actions[2]"] = "Drie" });
        Assert.Equal(HttpStatusCode.BadRequest, four.Status);
        Assert.Contains(HandhavingsKoers.Web.Messages.TooManyActions, four.Errors);
        Assert.Equal(0, App.Count("select count(*) from ParticipantActions"));
    }

    [Fact]
    public async Task Actions_cannot_be_written_before_the_room_reaches_them()
    {
        var page = await Participant.OpenAsync(Workshop.ParticipantUrl("acties"));
        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Contains("nog niet begonnen", page.Text, StringComparison.Ordinal);
    }
}
