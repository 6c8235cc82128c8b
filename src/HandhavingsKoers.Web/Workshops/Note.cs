using HandhavingsKoers.Web.Content;

namespace HandhavingsKoers.Web.Workshops;

/// <summary>A note under one of the two prompts of a panel. Written by a participant, or by the facilitator for the room.</summary>
public sealed class Note
{
    public const int MaxLength = 1000;

    private Note()
    {
        // For EF Core.
    }

    public Guid Id { get; private set; }
    public Guid WorkshopId { get; private set; }
    public Workshop Workshop { get; private set; } = null!;

    /// <summary>The key of the panel step (a principle or the visie).</summary>
    public string StepKey { get; private set; } = "";

    public NoteColumn Column { get; private set; }
    public string Text { get; private set; } = "";

    /// <summary>The author; null when the facilitator wrote it for the room.</summary>
    public Guid? ParticipantId { get; private set; }

    public Participant? Participant { get; private set; }

    public DateTime CreatedAt { get; private set; }
    public DateTime? UpdatedAt { get; private set; }

    /// <summary>
    /// Set on a note the facilitator merged into another (a duplicate): it stays, shown under that note, and its dots
    /// count for that note. Cleared again by undoing the merge.
    /// </summary>
    public Guid? MergedIntoId { get; private set; }

    /// <summary>Made by the facilitator by merging duplicates; its originals point at it with <see cref="MergedIntoId"/>.</summary>
    public bool IsMerge { get; private set; }

    /// <summary>Dots counted on the A3 poster by a table working on paper, entered by the facilitator.</summary>
    public int PaperDots { get; private set; }

    public const int MaxPaperDots = 999;

    /// <summary>Goes up with every change; an edit based on an older version is refused (optimistic concurrency).</summary>
    public int Version { get; private set; }

    internal static Note Create(Workshop workshop, Guid id, string stepKey, NoteColumn column, string text, Guid? participantId, DateTime now) => new()
    {
        Id = id,
        WorkshopId = workshop.Id,
        Workshop = workshop,
        StepKey = stepKey,
        Column = column,
        Text = text,
        ParticipantId = participantId,
        CreatedAt = now,
    };

    internal static Note MergeOf(Workshop workshop, Note first, string text, DateTime now)
    {
        var merged = Create(workshop, Guid.NewGuid(), first.StepKey, first.Column, text, null, now);
        merged.IsMerge = true;
        return merged;
    }

    internal void MergeInto(Note merged) => MergedIntoId = merged.Id;

    internal void Unmerge() => MergedIntoId = null;

    internal void SetPaperDots(int count) => PaperDots = count;

    internal void ChangeText(string text, DateTime now)
    {
        if (Text != text)
        {
            Text = text;
            UpdatedAt = now;
            Version++;
        }
    }
}
