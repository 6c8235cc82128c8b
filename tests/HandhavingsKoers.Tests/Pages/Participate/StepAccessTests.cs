using System.Net;
using AngleSharp.Html.Dom;
using HandhavingsKoers.Tests.Infrastructure;

namespace HandhavingsKoers.Tests.Pages.Participate;

/// <summary>Which addresses a participant reaches: not a workshop or step that does not exist, not a step ahead of the room, not another workshop.</summary>
public sealed class StepAccessTests : RoomTest
{
    [Fact]
    public async Task An_unknown_step_gets_a_message_not_an_error()
    {
        var get = await Participant.OpenAsync(Workshop.ParticipantUrl("bestaat-niet"));
        Assert.Equal(HttpStatusCode.NotFound, get.Status);
        Assert.Contains("Deze stap bestaat niet in deze workshop.", get.Text, StringComparison.Ordinal);

        // A real form, pointed at a step that does not exist.
        var page = await Participant.OpenAsync(Workshop.ParticipantUrl("vertrouwen"));
        var form = page.FormWith("#nieuw-Already");
        form.Action = form.Action.Replace("/vertrouwen", "/bestaat-niet", StringComparison.Ordinal);
        var posted = await Participant.SubmitAsync(form, new Dictionary<string, string> { ["Form.Text"] = "Verdwaald" });
        Assert.Equal(HttpStatusCode.NotFound, posted.Status);
        Assert.Contains("Deze stap bestaat niet in deze workshop.", posted.Text, StringComparison.Ordinal);

        // Steps without notes take none.
        form.Action = form.Action.Replace("/bestaat-niet", "/welkom", StringComparison.Ordinal);
        var welcome = await Participant.SubmitAsync(form, new Dictionary<string, string> { ["Form.Text"] = "Op de welkomstap" });
        Assert.Equal(HttpStatusCode.BadRequest, welcome.Status);
        Assert.Contains(welcome.Errors, e => e.Contains("geen notities", StringComparison.Ordinal));
        Assert.Equal(0, NoteCount);
    }

    [Fact]
    public async Task A_participant_who_looks_ahead_is_offered_the_rooms_step()
    {
        foreach (var ahead in new[] { "maatwerk", "acties" })
        {
            var page = await Participant.OpenAsync(Workshop.ParticipantUrl(ahead));
            Assert.Equal(HttpStatusCode.Forbidden, page.Status);
            Assert.Contains("Deze stap is nog niet begonnen.", page.Text, StringComparison.Ordinal);
            var back = page.Document.QuerySelectorAll("main a").Single(a => a.TextContent == "Terug naar de stap van de zaal");
            Assert.Equal(Workshop.ParticipantUrl("vertrouwen"), back.GetAttribute("href"));
            Assert.Equal(HttpStatusCode.OK, (await Participant.OpenAsync(back.GetAttribute("href")!)).Status);
        }

        // The room moves on: the link follows it.
        await Facilitator.MoveRoomAsync(Workshop, "menselijke-maat");
        var later = await Participant.OpenAsync(Workshop.ParticipantUrl("maatwerk"));
        Assert.Equal(Workshop.ParticipantUrl("menselijke-maat"), later.Document.QuerySelectorAll("main a").Single(a => a.TextContent == "Terug naar de stap van de zaal").GetAttribute("href"));

        // Other refusals have no such link.
        var unknown = await Participant.OpenAsync(Workshop.ParticipantUrl("bestaat-niet"));
        Assert.DoesNotContain(unknown.Document.QuerySelectorAll("main a"), a => a.TextContent == "Terug naar de stap van de zaal");
    }

    [Fact]
    public async Task A_participant_cannot_write_on_a_step_the_room_has_not_reached()
    {
        var page = await Participant.OpenAsync(Workshop.ParticipantUrl("vertrouwen"));
        var form = page.FormWith("#nieuw-Already");
        form.Action = form.Action.Replace("/vertrouwen", "/maatwerk", StringComparison.Ordinal);
        var posted = await Participant.SubmitAsync(form, new Dictionary<string, string> { ["Form.Text"] = "Vooruit" });
        Assert.Equal(HttpStatusCode.Forbidden, posted.Status);
        Assert.Contains("nog niet begonnen", posted.Text, StringComparison.Ordinal);
        Assert.Equal(0, NoteCount);
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
            var page = await Participant.OpenAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, page.Status);
            Assert.DoesNotContain("Geheim van Noorddorp", page.Text, StringComparison.Ordinal);
        }

        // And points a form in our workshop at the other workshop's note.
        var theirPage = await otherParticipant.OpenAsync(other.ParticipantUrl("vertrouwen"));
        var theirNoteId = Guid.ParseExact(theirPage.NoteItem("Geheim van Noorddorp").Id!["notitie-".Length..], "N");
        await Participant.AddNoteAsync(Workshop.ParticipantUrl("vertrouwen"), "Already", "Van ons");
        var ours = await Participant.OpenAsync(Workshop.ParticipantUrl("vertrouwen"));
        var form = (IHtmlFormElement)ours.NoteItem("Van ons").QuerySelector("form")!;
        ((IHtmlInputElement)form.Elements["Form.NoteId"]!).Value = theirNoteId.ToString();
        var refused = await Participant.SubmitAsync(form);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains(refused.Errors, e => e.Contains("bestaat niet meer", StringComparison.Ordinal));

        // The other workshop's facilitator cannot touch ours either.
        Assert.Equal(HttpStatusCode.Forbidden, (await otherFacilitator.OpenAsync(Workshop.FacilitatorUrl())).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherFacilitator.OpenAsync(Workshop.SummaryUrl)).Status);
        Assert.Equal("Geheim van Noorddorp", (await otherParticipant.OpenAsync(other.ParticipantUrl("vertrouwen"))).Notes("Already").Single());
    }

    [Fact]
    public async Task A_workshop_id_that_does_not_exist_is_not_found()
    {
        var page = await Participant.OpenAsync($"/w/{Guid.NewGuid()}/stap");
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("Deze workshop bestaat niet", page.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await Participant.OpenAsync("/w/niet-een-id/stap")).Status);
    }
}
