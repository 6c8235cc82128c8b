using System.Net;
using HandhavingsKoers.Tests.Infrastructure;

namespace HandhavingsKoers.Tests.Pages.Participate;

/// <summary>Anonymous people cannot flood a workshop: notes per participant per minute, and per workshop.</summary>
public sealed class NoteQuotaTests
{
    [Fact]
    public async Task A_participant_who_writes_too_fast_gets_a_dutch_429_and_nothing_more_is_stored()
    {
        await using var app = new AppFactory(AppFactory.NewFolder(), settings: new Dictionary<string, string?> { ["Security:NotesPerParticipantPerMinute"] = "3" });
        using var facilitator = app.NewUser();
        using var participant = app.NewUser();
        var workshop = await facilitator.StartWorkshopAsync();
        await participant.JoinAsync(workshop.JoinCode);
        await facilitator.MoveRoomAsync(workshop, "vertrouwen");

        for (var i = 1; i <= 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await participant.AddNoteAsync(workshop.ParticipantUrl("vertrouwen"), "Already", $"Notitie {i}")).Status);
        }

        var refused = await participant.AddNoteAsync(workshop.ParticipantUrl("vertrouwen"), "Already", "Notitie 4");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Contains(refused.Errors, e => e.Contains("per minuut kunt u 3 notities toevoegen", StringComparison.Ordinal));
        Assert.Equal("Notitie 4", ((AngleSharp.Html.Dom.IHtmlTextAreaElement)refused.Document.QuerySelector("#nieuw-Already")!).Value);
        Assert.Equal(3, app.Count("select count(*) from Notes"));

        // The facilitator, who holds the key, writes for the room without that limit.
        for (var i = 1; i <= 4; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await facilitator.AddNoteAsync(workshop.FacilitatorUrl("vertrouwen"), "Todo", $"Voor de zaal {i}")).Status);
        }

        Assert.Equal(7, app.Count("select count(*) from Notes"));
    }

    [Fact]
    public async Task A_full_workshop_takes_no_more_notes_from_anyone()
    {
        await using var app = new AppFactory(AppFactory.NewFolder(), settings: new Dictionary<string, string?> { ["Security:NotesPerWorkshop"] = "2" });
        using var facilitator = app.NewUser();
        var workshop = await facilitator.StartWorkshopAsync();
        await facilitator.AddNoteAsync(workshop.FacilitatorUrl("vertrouwen"), "Todo", "Een");
        await facilitator.AddNoteAsync(workshop.FacilitatorUrl("vertrouwen"), "Todo", "Twee");

        var refused = await facilitator.AddNoteAsync(workshop.FacilitatorUrl("vertrouwen"), "Todo", "Drie");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Contains(refused.Errors, e => e.Contains("al 2 notities", StringComparison.Ordinal));
        Assert.Equal(2, app.Count("select count(*) from Notes"));
    }
}
