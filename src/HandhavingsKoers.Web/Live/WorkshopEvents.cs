using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace HandhavingsKoers.Web.Live;

/// <summary>Something changed in a workshop. Pages fetch what they show again; the event only says what and where.</summary>
public sealed record WorkshopEvent(long Id, string Type, string? Step)
{
    public const string Notes = "notes";
    public const string StepMoved = "step";
    public const string StepState = "state";
    public const string Participants = "participants";
    public const string Status = "status";
    public const string Scores = "scores";

    /// <summary>The stream could not resume from the browser's last event: it should fetch everything again.</summary>
    public const string Reset = "reset";
}

/// <summary>
/// The live fan-out: pages publish changes, open streams receive them. One small seam, so that several server
/// instances can later share events through the database; today there is one instance and this lives in memory.
/// </summary>
public interface IWorkshopEvents
{
    /// <summary>
    /// The id of the newest event so far. A page reads it before it reads the database and hands it to its stream,
    /// so a change made while the page was on its way to the browser is replayed, not lost.
    /// </summary>
    long LastId { get; }

    WorkshopEvent Publish(Guid workshopId, string type, string? step = null);

    /// <summary>
    /// Events of one workshop, starting after <paramref name="lastEventId"/> when it is given and still remembered
    /// (else with a <see cref="WorkshopEvent.Reset"/>), then live ones until the token is cancelled.
    /// </summary>
    IAsyncEnumerable<WorkshopEvent> Subscribe(Guid workshopId, long? lastEventId, CancellationToken cancellationToken);
}

public sealed class InMemoryWorkshopEvents : IWorkshopEvents
{
    private const int Remembered = 256;
    private readonly Dictionary<Guid, Room> _rooms = [];
    private readonly Lock _gate = new();

    // Ids grow across restarts too (they start from the clock), so a browser's Last-Event-ID from before a restart
    // is recognised as too old and answered with a reset, never confused with a new event.
    private readonly long _startId;
    private long _lastId;

    public InMemoryWorkshopEvents() => _startId = _lastId = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;

    public long LastId => Volatile.Read(ref _lastId);

    public WorkshopEvent Publish(Guid workshopId, string type, string? step = null)
    {
        var room = RoomOf(workshopId);
        lock (room.Gate)
        {
            var e = new WorkshopEvent(Interlocked.Increment(ref _lastId), type, step);
            room.Recent.Enqueue(e);
            if (room.Recent.Count > Remembered)
            {
                room.ForgottenUpTo = room.Recent.Dequeue().Id;
            }

            foreach (var subscriber in room.Subscribers)
            {
                subscriber.Writer.TryWrite(e);
            }

            return e;
        }
    }

    public async IAsyncEnumerable<WorkshopEvent> Subscribe(Guid workshopId, long? lastEventId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var room = RoomOf(workshopId);
        var channel = Channel.CreateUnbounded<WorkshopEvent>(new UnboundedChannelOptions { SingleReader = true });
        List<WorkshopEvent> missed;
        lock (room.Gate)
        {
            if (lastEventId is null)
            {
                missed = [];
            }
            else if (lastEventId < room.ForgottenUpTo)
            {
                missed = [new WorkshopEvent(Volatile.Read(ref _lastId), WorkshopEvent.Reset, null)];
            }
            else
            {
                missed = room.Recent.Where(e => e.Id > lastEventId).ToList();
            }

            room.Subscribers.Add(channel);
        }

        try
        {
            foreach (var e in missed)
            {
                yield return e;
            }

            await foreach (var e in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return e;
            }
        }
        finally
        {
            lock (room.Gate)
            {
                room.Subscribers.Remove(channel);
            }
        }
    }

    private Room RoomOf(Guid workshopId)
    {
        lock (_gate)
        {
            if (!_rooms.TryGetValue(workshopId, out var room))
            {
                // A room created now has seen every event of its workshop since this process started.
                room = new Room { ForgottenUpTo = _startId };
                _rooms[workshopId] = room;
            }

            return room;
        }
    }

    private sealed class Room
    {
        public Lock Gate { get; } = new();
        public Queue<WorkshopEvent> Recent { get; } = new();
        public List<Channel<WorkshopEvent>> Subscribers { get; } = [];

        /// <summary>Events up to this id are no longer remembered (or happened before this process started).</summary>
        public long ForgottenUpTo { get; set; }
    }
}
