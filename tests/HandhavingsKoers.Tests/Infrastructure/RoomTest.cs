using HandhavingsKoers.Web.Data;

namespace HandhavingsKoers.Tests.Infrastructure;

/// <summary>
/// A test class with a workshop under way: started by its facilitator, joined by one participant (Sanne), and the
/// room moved to the first principle ("vertrouwen"). Each test gets its own app and room.
/// </summary>
public abstract class RoomTest : AppTest
{
    protected RoomTest()
    {
    }

    protected RoomTest(StorageProvider provider)
        : base(provider)
    {
    }

    protected User Facilitator { get; private set; } = null!;

    protected User Participant { get; private set; } = null!;

    protected Journey.StartedWorkshop Workshop { get; private set; } = null!;

    protected long NoteCount => App.Count("select count(*) from Notes");

    public override async Task InitializeAsync()
    {
        Facilitator = App.NewUser();
        Participant = App.NewUser();
        Workshop = await Facilitator.StartWorkshopAsync();
        await Participant.JoinAsync(Workshop.JoinCode, "Sanne");
        await Facilitator.MoveRoomAsync(Workshop, "vertrouwen");
    }

    public override async Task DisposeAsync()
    {
        Facilitator.Dispose();
        Participant.Dispose();
        await base.DisposeAsync();
    }
}
