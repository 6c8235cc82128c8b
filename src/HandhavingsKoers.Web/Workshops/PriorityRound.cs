using HandhavingsKoers.Web.Content;

namespace HandhavingsKoers.Web.Workshops;

/// <summary>
/// A prioritising round ("stippen zetten"): each participant places a few dots on the "Wat moeten we nog doen?"
/// notes of one principle or of all of them. The dots are hidden from everyone but the facilitator until they are
/// revealed (<see cref="Workshop.DotsVisibleTo"/>). A workshop has at most one round; see
/// docs/decisions/0013-prioritising-with-dots.md.
/// </summary>
public sealed class PriorityRound
{
    public const int MinDots = 1;
    public const int MaxDots = 10;
    public const int DefaultDots = 3;

    private PriorityRound()
    {
        // For EF Core.
    }

    public Guid WorkshopId { get; private set; }

    /// <summary>The principle whose notes are in the round; null for all principles.</summary>
    public string? StepKey { get; private set; }

    /// <summary>How many dots each participant may place.</summary>
    public int DotsPerParticipant { get; private set; }

    /// <summary>Whether a participant may put more than one of their dots on the same note.</summary>
    public bool AllowSeveralPerNote { get; private set; }

    public DateTime OpenedAt { get; private set; }

    /// <summary>Set when the facilitator shows the counts to the room; before that they stay on the server.</summary>
    public DateTime? RevealedAt { get; private set; }

    /// <summary>Set when the facilitator ends the voting; the counts stay.</summary>
    public DateTime? ClosedAt { get; private set; }

    public bool IsRevealed => RevealedAt is not null;

    public bool IsClosed => ClosedAt is not null;

    /// <summary>Whether a note of this step, under this prompt, can get dots in this round.</summary>
    public bool Covers(string stepKey, NoteColumn column) => column == NoteColumn.Todo && (StepKey is null || StepKey == stepKey);

    /// <summary>
    /// Of one participant's dots, oldest first, those the rules allow: the first <see cref="DotsPerParticipant"/>,
    /// and without <see cref="AllowSeveralPerNote"/> the first on each note. Two taps that raced past
    /// <see cref="Workshop.PlaceDot"/> (each counted before the other was stored) are settled by this afterwards.
    /// A dot a merge moved (<paramref name="oldestFirst"/>'s <c>Moved</c>) was allowed where it was placed: it counts
    /// against the budget even when a merge put two of one participant's dots on one note.
    /// </summary>
    public IReadOnlySet<Guid> DotsThatCount(IEnumerable<(Guid Id, Guid NoteId, bool Moved)> oldestFirst)
    {
        var kept = new HashSet<Guid>();
        var notes = new HashSet<Guid>();
        foreach (var (id, noteId, moved) in oldestFirst)
        {
            if (kept.Count >= DotsPerParticipant)
            {
                break;
            }

            if (notes.Add(noteId) || AllowSeveralPerNote || moved)
            {
                kept.Add(id);
            }
        }

        return kept;
    }

    internal static PriorityRound Open(Workshop workshop, string? stepKey, int dots, bool allowSeveral, DateTime now) => new()
    {
        WorkshopId = workshop.Id,
        StepKey = stepKey,
        DotsPerParticipant = dots,
        AllowSeveralPerNote = allowSeveral,
        OpenedAt = now,
    };

    internal void Reveal(DateTime now) => RevealedAt ??= now;

    internal void Close(DateTime now) => ClosedAt ??= now;
}

/// <summary>
/// One dot one participant placed on one note. A row per dot (not a counter on the note), so a participant can only
/// take back their own, the count is a plain COUNT, and who placed it never leaves the server.
/// </summary>
public sealed class Dot
{
    private Dot()
    {
        // For EF Core.
    }

    public Guid Id { get; private set; }
    public Guid WorkshopId { get; private set; }
    public Guid NoteId { get; private set; }
    public Guid ParticipantId { get; private set; }
    public DateTime PlacedAt { get; private set; }

    /// <summary>
    /// The note this dot was placed on when a merge moved it onto the merged note (so its owner sees it there and can
    /// take it back); null for a dot placed where it is. Undoing the merge moves it back (<see cref="Workshop.UndoMerge"/>).
    /// </summary>
    public Guid? MergedFromNoteId { get; private set; }

    internal void MoveOnto(Note merged)
    {
        MergedFromNoteId ??= NoteId;
        NoteId = merged.Id;
    }

    internal void MoveBack(Note original)
    {
        NoteId = original.Id;
        MergedFromNoteId = null;
    }

    internal static Dot Place(Workshop workshop, Note note, Guid participantId, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        WorkshopId = workshop.Id,
        NoteId = note.Id,
        ParticipantId = participantId,
        PlacedAt = now,
    };
}
