using HandhavingsKoers.Tests.Infrastructure;
using HandhavingsKoers.Web.Data;

namespace HandhavingsKoers.Tests.Live;

/// <summary>
/// A new note travels in its live event, so a big room's pages need not each fetch it; but only to the pages that may
/// read it by rule. During silent writing the other participants' streams never carry its text.
/// </summary>
public class LiveNoteEventTests : AppTest
{
    public LiveNoteEventTests()
    {
    }

    protected LiveNoteEventTests(StorageProvider provider)
        : base(provider)
    {
    }

    [Fact]
    public async Task A_new_note_is_in_the_event_only_for_participants_who_may_read_it()
    {
        using var facilitator = App.NewUser();
        using var author = App.NewUser();
        using var other = App.NewUser();
        var workshop = await facilitator.StartWorkshopAsync();
        await author.JoinAsync(workshop.JoinCode, "Fatima");
        await other.JoinAsync(workshop.JoinCode, "Bram");
        await facilitator.MoveRoomAsync(workshop, "vertrouwen");
        var live = $"/w/{workshop.Id}/live";
        var page = workshop.ParticipantUrl("vertrouwen");

        // Silent writing: the other participant hears that something changed, not what.
        await facilitator.PressAsync(workshop.FacilitatorUrl("vertrouwen"), "Hide");
        var (_, type, hidden) = await LiveStreamTests.NextEventAsync(other, live, null, () => author.AddNoteAsync(page, "Already", "Stil geschreven zin"));
        Assert.Equal("notes", type);
        Assert.DoesNotContain("Stil geschreven", hidden, StringComparison.Ordinal);
        Assert.Contains("\"later\":true", hidden, StringComparison.Ordinal);

        // The author's own page and the facilitator's fetch their version (with its buttons): no text in the event.
        var (_, _, own) = await LiveStreamTests.NextEventAsync(author, live, null, () => author.AddNoteAsync(page, "Already", "Nog een stille zin"));
        Assert.DoesNotContain("stille zin", own, StringComparison.Ordinal);
        Assert.DoesNotContain("later", own, StringComparison.Ordinal);
        var (_, _, forFacilitator) = await LiveStreamTests.NextEventAsync(facilitator, live, null, () => author.AddNoteAsync(page, "Todo", "Derde stille zin"));
        Assert.DoesNotContain("stille zin", forFacilitator, StringComparison.Ordinal);

        // Revealed: the other participant's event carries the note, named as on the page.
        await facilitator.PressAsync(workshop.FacilitatorUrl("vertrouwen"), "Reveal");
        var (_, _, shown) = await LiveStreamTests.NextEventAsync(other, live, null, () => author.AddNoteAsync(page, "Todo", "Zin voor iedereen"));
        Assert.Contains("\"text\":\"Zin voor iedereen\"", shown, StringComparison.Ordinal);
        Assert.Contains("\"author\":\"Fatima\"", shown, StringComparison.Ordinal);
        Assert.Contains("\"column\":\"Todo\"", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_score_tells_the_other_participants_to_ask_later()
    {
        using var facilitator = App.NewUser();
        using var scorer = App.NewUser();
        using var other = App.NewUser();
        var workshop = await facilitator.StartWorkshopAsync();
        await scorer.JoinAsync(workshop.JoinCode, "Fatima");
        await other.JoinAsync(workshop.JoinCode, "Bram");
        await facilitator.MoveRoomAsync(workshop, "vertrouwen");

        var (_, type, data) = await LiveStreamTests.NextEventAsync(other, $"/w/{workshop.Id}/live", null, () => scorer.ScoreAsync(workshop.ParticipantUrl("vertrouwen"), 4));
        Assert.Equal("scores", type);
        Assert.Contains("\"later\":true", data, StringComparison.Ordinal);
        var (_, _, forFacilitator) = await LiveStreamTests.NextEventAsync(facilitator, $"/w/{workshop.Id}/live", null, () => scorer.ScoreAsync(workshop.ParticipantUrl("vertrouwen"), 3));
        Assert.DoesNotContain("later", forFacilitator, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Participants_pages_are_not_told_who_joins_and_the_facilitators_are()
    {
        using var facilitator = App.NewUser();
        using var first = App.NewUser();
        using var late = App.NewUser();
        var workshop = await facilitator.StartWorkshopAsync();
        await first.JoinAsync(workshop.JoinCode, "Fatima");
        var live = $"/w/{workshop.Id}/live";

        var (_, forFacilitator, _) = await LiveStreamTests.NextEventAsync(facilitator, live, null, () => late.JoinAsync(workshop.JoinCode, "Bram"));
        Assert.Equal("participants", forFacilitator);

        using var later = App.NewUser();
        var (_, forParticipant, _) = await LiveStreamTests.NextEventAsync(first, live, null, async () =>
        {
            await later.JoinAsync(workshop.JoinCode, "Sanne");
            await facilitator.MoveRoomAsync(workshop, "vertrouwen");
        });
        Assert.Equal("step", forParticipant);
    }
}

/// <summary>The same through PostgreSQL's events table and NOTIFY, where the note is stored with its event.</summary>
[OnPostgreSql]
public sealed class LiveNoteEventOnPostgreSqlTests() : LiveNoteEventTests(StorageProvider.PostgreSql);
