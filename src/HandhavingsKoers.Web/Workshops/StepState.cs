namespace HandhavingsKoers.Web.Workshops;

/// <summary>
/// How the facilitator has set up one step: notes hidden while people write (silent writing), the step locked for
/// new notes, and a countdown. A step without a row has none of these.
/// </summary>
public sealed class StepState
{
    private StepState()
    {
        // For EF Core.
    }

    public Guid WorkshopId { get; private set; }
    public string StepKey { get; private set; } = "";

    /// <summary>The room's notes are hidden from the presenter and from participants (each still sees their own).</summary>
    public bool NotesHidden { get; private set; }

    /// <summary>No new notes, and participants cannot change theirs; the facilitator still can.</summary>
    public bool Locked { get; private set; }

    public DateTime? TimerEndsAt { get; private set; }

    /// <summary>The room sees the distribution of "waar staan we?" scores (before that, only how many scored).</summary>
    public bool ScoresRevealed { get; private set; }

    internal static StepState For(Workshop workshop, string stepKey) => new() { WorkshopId = workshop.Id, StepKey = stepKey };

    internal void SetHidden(bool hidden) => NotesHidden = hidden;

    internal void SetLocked(bool locked) => Locked = locked;

    internal void SetTimer(DateTime? endsAt) => TimerEndsAt = endsAt;

    internal void SetScoresRevealed(bool revealed) => ScoresRevealed = revealed;
}
