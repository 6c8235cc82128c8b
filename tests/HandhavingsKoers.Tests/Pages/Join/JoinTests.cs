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
    [InlineData("ABC#23", "6 tot 8 letters en cijfers")]
    [InlineData("ABCDE0", "Een code heeft nooit een 0, 1, I, L of O, want die lijken op andere letters en cijfers. Kijk nog eens goed naar de code op het scherm.")]
    [InlineData("ABC123", "Een code heeft nooit een 0, 1, I, L of O, want die lijken op andere letters en cijfers. Kijk nog eens goed naar de code op het scherm.")]
    [InlineData("kdr 4po", "Een code heeft nooit een 0, 1, I, L of O")]
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

        // Without the page's script the screen does not follow the room: the page says so and links to the room's step.
        Assert.Contains("Uw scherm gaat niet vanzelf mee met de groep.", landed.Text, StringComparison.Ordinal);
        var follow = landed.Document.QuerySelectorAll("a").Single(a => a.TextContent == "Ga naar de vraag van nu");
        Assert.Equal($"/w/{Workshop.Id}/stap", follow.GetAttribute("href"));
    }

    /// <summary>
    /// Scanning the QR code again on the same phone: the form shows the name Sanne joined with, and pressing Meedoen
    /// keeps it (it used to come up empty, and the press made her anonymous in every note and the named report).
    /// </summary>
    [Fact]
    public async Task Opening_the_join_link_again_shows_the_name_you_joined_with_and_keeps_it()
    {
        var again = await Participant.OpenAsync($"/doemee/{Workshop.JoinCode}");

        Assert.Contains("U doet al mee met deze workshop", again.Document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var form = again.Form("form[method=post]");
        Assert.Equal("Sanne", ((IHtmlInputElement)form.Elements["DisplayName"]!).Value);
        var landed = await Participant.SubmitAsync(form);

        Assert.Equal(HttpStatusCode.OK, landed.Status);
        Assert.Equal("Vertrouwen", landed.Heading);
        Assert.Equal(1, App.Count("select count(*) from Participants where DisplayName = 'Sanne'"));

        // Someone else's browser sees an empty form, as before.
        using var visitor = App.NewUser();
        var fresh = (await visitor.OpenAsync($"/doemee/{Workshop.JoinCode}")).Form("form[method=post]");
        Assert.Equal("", ((IHtmlInputElement)fresh.Elements["DisplayName"]!).Value);
    }

    /// <summary>After closing, the code refuses newcomers, but someone who took part gets to their own page (the summary).</summary>
    [Fact]
    public async Task Someone_who_took_part_who_opens_the_join_link_after_closing_gets_to_their_own_page()
    {
        await Facilitator.SubmitAsync((await Facilitator.OpenAsync(Workshop.FacilitatorUrl())).FormWith("form[action*='handler=Close'] button"));
        var form = (await Participant.OpenAsync($"/doemee/{Workshop.JoinCode}")).Form("form[method=post]");

        var joined = await Participant.SubmitWithoutRedirectAsync(form);
        var landed = await Participant.AssertRedirectedAsync(joined, $"/w/{Workshop.Id}/stap");

        Assert.Equal(HttpStatusCode.OK, landed.Status);
        Assert.Equal(1, App.Count("select count(*) from Participants where DisplayName = 'Sanne'"));
    }
}
