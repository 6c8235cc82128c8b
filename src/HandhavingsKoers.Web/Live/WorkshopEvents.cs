using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using HandhavingsKoers.Web.Content;
using HandhavingsKoers.Web.Workshops;

namespace HandhavingsKoers.Web.Live;

/// <summary>
/// Something changed in a workshop. Pages fetch what they show again; the event says what and where. One kind of
/// change is frequent enough in a big room to travel in the event itself: a note added (<see cref="Note"/>), so the
/// pages that may read it show it without each fetching and rendering a fragment (docs/decisions/0019).
/// </summary>
public sealed record WorkshopEvent(long Id, string Type, string? Step)
{
    private string? _plain;
    private string? _withNote;
    private string? _later;

    public const string Notes = "notes";
    public const string StepMoved = "step";
    public const string StepState = "state";
    public const string Participants = "participants";
    public const string Status = "status";
    public const string Scores = "scores";

    /// <summary>Dots placed or taken back, paper tallies, merges: the prioritising round's counts changed.</summary>
    public const string Dots = "dots";

    /// <summary>
    /// A co-facilitator's or notulist's link was revoked (decision 0021). Only the facilitators' streams get it, and the
    /// pages do nothing with it: a shared link's stream asks whether its link still works and ends when it does not.
    /// </summary>
    public const string Links = "links";

    /// <summary>The stream could not resume from the browser's last event: it should fetch everything again.</summary>
    public const string Reset = "reset";

    /// <summary>The note a <see cref="Notes"/> event added, when one was added; null for every other change.</summary>
    public LiveNote? Note { get; init; }

    /// <summary>
    /// Only counts changed, through a participant's own choice (a score given, a dot placed): other participants'
    /// pages may catch up within seconds rather than all at once.
    /// </summary>
    public bool CountsOnly { get; init; }

    private static readonly JsonSerializerOptions Stored = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// What a stored event (PostgreSQL's events table and its NOTIFY) keeps beside its type and step: the note and
    /// <see cref="CountsOnly"/>, as JSON; null when there is nothing. Never put into HTML (hence the plain escaping,
    /// which keeps a 1000-character note far inside NOTIFY's 8000 bytes).
    /// </summary>
    public string? StoredData() => Note is null && !CountsOnly ? null : JsonSerializer.Serialize(new StoredExtras(Note, CountsOnly), Stored);

    /// <summary>The event with what <see cref="StoredData"/> kept.</summary>
    public WorkshopEvent WithStoredData(string? data) =>
        data is null || JsonSerializer.Deserialize<StoredExtras>(data, Stored) is not { } extras ? this : this with { Note = extras.Note, CountsOnly = extras.CountsOnly };

    private sealed record StoredExtras(LiveNote? Note, bool CountsOnly);

    /// <summary>Whether a page gets this event at all: participants' pages do not show who joined, nor hear of revoked links.</summary>
    public bool Reaches(Guid? participantId) => participantId is null || (Type != Participants && Type != Links);

    /// <summary>
    /// The event's data for one open page: <paramref name="participantId"/> is the participant whose page it is, null
    /// for the facilitator's pages. The one place that decides what a page receives. A participant who may read an
    /// added note and did not write it gets the note itself; one who may not (silent writing), and every participant
    /// for a <see cref="CountsOnly"/> change (a score, a dot), gets "later": only a count or a ranking changed, so the page asks when it suits it, not all pages at once. The
    /// author's and the facilitator's pages fetch at once as before (they show buttons on the note). Each text is
    /// made once per event, not once per page.
    /// </summary>
    public string DataFor(Guid? participantId)
    {
        if (participantId is not null && participantId != Note?.AuthorId)
        {
            if (Note is { OthersMayRead: true } note)
            {
                return _withNote ??= JsonSerializer.Serialize(new { step = Step, note = new { id = note.Id.ToString("N"), column = note.Column.ToString(), text = note.Text, author = note.Author } });
            }

            if (Note is not null || CountsOnly)
            {
                return _later ??= JsonSerializer.Serialize(new { step = Step, later = true });
            }
        }

        return _plain ??= JsonSerializer.Serialize(new { step = Step });
    }
}

/// <summary>
/// A note as the event of its adding carries it: what every participant who may read it sees (text and author as
/// <see cref="NoteView"/> names them), and whether the other participants may read it now (not during silent writing).
/// </summary>
public sealed record LiveNote(Guid Id, Guid? AuthorId, NoteColumn Column, string Text, string? Author, bool OthersMayRead);

/// <summary>
/// The live fan-out: pages publish changes, open streams receive them. On SQLite (one instance) this lives in memory
/// (<see cref="InMemoryWorkshopEvents"/>); on PostgreSQL events go through the database to every instance
/// (<see cref="PostgreSqlWorkshopEvents"/>, decision 0017).
/// </summary>
public interface IWorkshopEvents
{
    /// <summary>
    /// The id of the newest event so far. A page reads it before it reads the database and hands it to its stream,
    /// so a change made while the page was on its way to the browser is replayed, not lost.
    /// </summary>
    long LastId { get; }

    /// <summary>
    /// Tells every open page of the workshop (on every instance) that something changed. Called after the change is
    /// saved. Never throws for a failed fan-out: the change is stored; pages catch up at their next event or reload.
    /// <paramref name="note"/>: the note added, if one was (see <see cref="WorkshopEvent.Note"/>);
    /// <paramref name="countsOnly"/>: see <see cref="WorkshopEvent.CountsOnly"/>.
    /// </summary>
    Task<WorkshopEvent> PublishAsync(Guid workshopId, string type, string? step = null, LiveNote? note = null, bool countsOnly = false);

    /// <summary>
    /// Events of one workshop, starting after <paramref name="lastEventId"/> when it is given and still remembered
    /// (else with a <see cref="WorkshopEvent.Reset"/>), then live ones until the token is cancelled.
    /// </summary>
    IAsyncEnumerable<WorkshopEvent> Subscribe(Guid workshopId, long? lastEventId, CancellationToken cancellationToken);
}

/// <summary>
/// The events in this process's memory: per workshop ("room") the last <see cref="Remembered"/> events and the open
/// streams. A room nobody listens to and without events for <see cref="IdleRoomLifetime"/> is forgotten, so the
/// rooms of finished and deleted workshops do not pile up; a page that comes back to it later with an old event id
/// gets a <see cref="WorkshopEvent.Reset"/> and fetches everything again, as after a restart.
/// </summary>
public sealed class InMemoryWorkshopEvents : IWorkshopEvents
{
    /// <summary>Long enough for a phone that lost its connection to come back and get exactly what it missed.</summary>
    public static readonly TimeSpan IdleRoomLifetime = TimeSpan.FromMinutes(10);

    private const int Remembered = 256;
    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);
    private readonly Dictionary<Guid, Room> _rooms = [];
    private readonly Lock _gate = new();
    private readonly TimeProvider _clock;
    private DateTimeOffset _lastSweep;

    // Ids grow across restarts too (they start from the clock), so a browser's Last-Event-ID from before a restart
    // is recognised as too old and answered with a reset, never confused with a new event.
    private readonly long _startId;
    private long _lastId;

    // The newest event id of any forgotten room: a room made again starts "remembering" from there, so a page that
    // last saw an event of the forgotten room is told it may have missed some.
    private long _forgottenUpTo;

    public InMemoryWorkshopEvents()
        : this(TimeProvider.System)
    {
    }

    public InMemoryWorkshopEvents(TimeProvider clock)
    {
        _clock = clock;
        _lastSweep = clock.GetUtcNow();
        _startId = _lastId = _forgottenUpTo = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
    }

    public long LastId => Volatile.Read(ref _lastId);

    /// <summary>How many rooms are in memory (for tests and diagnostics).</summary>
    public int RoomCount
    {
        get
        {
            lock (_gate)
            {
                return _rooms.Count;
            }
        }
    }

    public Task<WorkshopEvent> PublishAsync(Guid workshopId, string type, string? step = null, LiveNote? note = null, bool countsOnly = false) =>
        Task.FromResult(Publish(workshopId, type, step, note, countsOnly));

    /// <summary>The same as <see cref="PublishAsync"/>, at once (it only touches memory).</summary>
    public WorkshopEvent Publish(Guid workshopId, string type, string? step = null, LiveNote? note = null, bool countsOnly = false)
    {
        while (true)
        {
            var room = RoomOf(workshopId);
            lock (room.Gate)
            {
                if (room.Forgotten)
                {
                    continue; // forgotten between finding and locking it: take the new one
                }

                var e = new WorkshopEvent(Interlocked.Increment(ref _lastId), type, step) { Note = note, CountsOnly = countsOnly };
                room.Recent.Enqueue(e);
                if (room.Recent.Count > Remembered)
                {
                    room.ForgottenUpTo = room.Recent.Dequeue().Id;
                }

                room.LastUsed = _clock.GetUtcNow();
                foreach (var subscriber in room.Subscribers)
                {
                    subscriber.Writer.TryWrite(e);
                }

                return e;
            }
        }
    }

    public async IAsyncEnumerable<WorkshopEvent> Subscribe(Guid workshopId, long? lastEventId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateUnbounded<WorkshopEvent>(new UnboundedChannelOptions { SingleReader = true });
        var (room, missed) = Join(workshopId, lastEventId, channel);
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

                // The room is kept for a while after its last page left, for pages that reconnect.
                room.LastUsed = _clock.GetUtcNow();
            }
        }
    }

    private (Room Room, List<WorkshopEvent> Missed) Join(Guid workshopId, long? lastEventId, Channel<WorkshopEvent> channel)
    {
        while (true)
        {
            var room = RoomOf(workshopId);
            lock (room.Gate)
            {
                if (room.Forgotten)
                {
                    continue;
                }

                List<WorkshopEvent> missed = lastEventId is null ? []
                    : lastEventId < room.ForgottenUpTo ? [new WorkshopEvent(Volatile.Read(ref _lastId), WorkshopEvent.Reset, null)]
                    : room.Recent.Where(e => e.Id > lastEventId).ToList();
                room.Subscribers.Add(channel);
                room.LastUsed = _clock.GetUtcNow();
                return (room, missed);
            }
        }
    }

    private Room RoomOf(Guid workshopId)
    {
        lock (_gate)
        {
            ForgetIdleRooms();
            if (!_rooms.TryGetValue(workshopId, out var room))
            {
                // A room created now has seen every event of its workshop since this process started, unless a room
                // of it was forgotten: then it remembers from the newest forgotten event on.
                room = new Room { ForgottenUpTo = _forgottenUpTo, LastUsed = _clock.GetUtcNow() };
                _rooms[workshopId] = room;
            }

            return room;
        }
    }

    /// <summary>At most once a <see cref="SweepEvery"/>, under <see cref="_gate"/>.</summary>
    private void ForgetIdleRooms()
    {
        var now = _clock.GetUtcNow();
        if (now - _lastSweep < SweepEvery)
        {
            return;
        }

        _lastSweep = now;
        foreach (var (id, room) in _rooms.ToList())
        {
            lock (room.Gate)
            {
                if (room.Subscribers.Count == 0 && now - room.LastUsed >= IdleRoomLifetime)
                {
                    room.Forgotten = true;
                    _forgottenUpTo = Math.Max(_forgottenUpTo, room.Recent.Count > 0 ? room.Recent.Last().Id : room.ForgottenUpTo);
                    _rooms.Remove(id);
                }
            }
        }
    }

    private sealed class Room
    {
        public Lock Gate { get; } = new();
        public Queue<WorkshopEvent> Recent { get; } = new();
        public List<Channel<WorkshopEvent>> Subscribers { get; } = [];

        /// <summary>Events up to this id are no longer remembered (or happened before this process started).</summary>
        public long ForgottenUpTo { get; set; }

        /// <summary>The last event, or the last time a page came or went.</summary>
        public DateTimeOffset LastUsed { get; set; }

        /// <summary>Taken out of the rooms; whoever still holds it must look the room up again.</summary>
        public bool Forgotten { get; set; }
    }
}
