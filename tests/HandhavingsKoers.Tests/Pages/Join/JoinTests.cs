using System.Net;
using AngleSharp.Html.Dom;
using HandhavingsKoers.Tests.Infrastructure;

namespace HandhavingsKoers.Tests.Pages.Join;

/// <summary>Joining with a code: a wrong code gets a friendly message, and joining again from the same browser stays one participant.</summary>
public sealed class JoinTests : RoomTest
{
    [Theory]
    [InlineData("", "Vul de code in")]
    [InlineData("AB", "6 tot 8 letters en cijfers")]
    [InlineData("ABCDE0", "6 tot 8 letters en cijfers")]
    [InlineData("ZZZZZZ", "Met deze code kunt u niet meedoen")]
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
    public async Task A_closed_workshops_code_gets_the_same_answer_as_a_code_that_never_existed()
    {
        await Facilitator.SubmitAsync((await Facilitator.OpenAsync(Workshop.FacilitatorUrl())).FormWith("form[action*='handler=Close'] button"));

        using var late = App.NewUser();
        var closed = await late.JoinAsync(Workshop.JoinCode, "Laat");
        var unknown = await late.JoinAsync(Workshop.JoinCode == "ZZZZZZ" ? "YYYYYY" : "ZZZZZZ", "Laat");

        Assert.Equal(HttpStatusCode.BadRequest, closed.Status);
        Assert.Equal(unknown.Status, closed.Status);
        Assert.Equal(unknown.Errors, closed.Errors);
        Assert.Equal(unknown.Document.QuerySelector("main")!.TextContent, closed.Document.QuerySelector("main")!.TextContent);
        Assert.Equal(1, App.Count("select count(*) from Participants"));
    }

    [Fact]
    public async Task Joining_twice_from_one_browser_keeps_one_participant()
    {
        await Participant.JoinAsync(Workshop.JoinCode, "Sanne B.");
        Assert.Equal(1, App.Count("select count(*) from Participants"));
        Assert.Equal(1, App.Count("select count(*) from Participants where DisplayName = 'Sanne B.'"));
    }

    [Fact]
    public async Task Joining_takes_the_participant_to_the_rooms_step()
    {
        using var visitor = App.NewUser();
        var form = (await visitor.OpenAsync("/doemee")).Form("form[method=post]");
        var joined = await visitor.SubmitWithoutRedirectAsync(form, new Dictionary<string, string> { ["Code"] = Workshop.JoinCode, ["DisplayName"] = "Piet" });

        var landed = await visitor.AssertRedirectedAsync(joined, $"/w/{Workshop.Id}/stap");
        Assert.Equal("Vertrouwen", landed.Heading);
        Assert.Equal(1, App.Count("select count(*) from Participants where DisplayName = 'Piet'"));
    }
}
