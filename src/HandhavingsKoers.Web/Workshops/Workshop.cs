using HandhavingsKoers.Web.Content;

namespace HandhavingsKoers.Web.Workshops;

/// <summary>
/// A praatplaat session of one municipal team. Guards its own rules: who may write what, when, and on which step.
/// </summary>
public sealed class Workshop
{
    private Workshop()
    {
        // For EF Core.
    }

    public Guid Id { get; private set; }
    public string Gemeente { get; private set; } = "";
    public string Title { get; private set; } = "";
    public DateOnly Date { get; private set; }
    public string EditionKey { get; private set; } = "";

    /// <summary>The short code people type to join; see <see cref="JoinCode"/>.</summary>
    public string JoinCode { get; private set; } = "";

    /// <summary>SHA-256 of the facilitator's secret key. The key itself is never stored.</summary>
    public byte[] FacilitatorKeyHash { get; private set; } = [];

    /// <summary>The step the facilitator has put the room on.</summary>
    public string CurrentStepKey { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }
    public DateTime? ClosedAt { get; private set; }

    public List<Participant> Participants { get; private set; } = [];
    public List<Note> Notes { get; private set; } = [];

    /// <summary>Per-step settings (hidden, locked, timer). Load them before asking about a step.</summary>
    public List<StepState> StepStates { get; private set; } = [];

    public const int MaxTimerMinutes = 60;

    public bool IsClosed => ClosedAt is not null;

    public static Workshop Start(
        string gemeente, string title, DateOnly date, Edition edition, string joinCode, byte[] facilitatorKeyHash, DateTime now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(gemeente);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        return new Workshop
        {
            Id = Guid.NewGuid(),
            Gemeente = gemeente.Trim(),
            Title = title.Trim(),
            Date = date,
            EditionKey = edition.Key,
            JoinCode = joinCode,
            FacilitatorKeyHash = facilitatorKeyHash,
            CurrentStepKey = edition.Steps.First.Key,
            CreatedAt = now,
        };
    }

    public Participant Join(string? displayName, byte[] tokenHash, DateTime now)
    {
        EnsureOpen();
        var participant = Participant.Create(this, TextRules.DisplayName(displayName), tokenHash, now);
        Participants.Add(participant);
        return participant;
    }

    public void MoveTo(Step step)
    {
        EnsureOpen();
        CurrentStepKey = step.Key;
    }

    /// <summary>Participants see the room's step and the ones before it; once closed, the whole praatplaat.</summary>
    public bool ParticipantsMaySee(Step step, Edition edition) =>
        IsClosed || edition.Steps.IsOpenForParticipants(step, CurrentStepKey);

    /// <param name="id">
    /// The id the page gave the note (so a retried post is recognised); <see cref="Guid.Empty"/> for a new one.
    /// </param>
    public Note AddNote(Edition edition, Step step, NoteColumn column, string? text, Actor actor, DateTime now, Guid id = default)
    {
        EnsureOpen();
        if (!step.TakesNotes)
        {
            throw new WorkshopRuleException(Messages.StepTakesNoNotes);
        }

        if (!actor.IsFacilitator && !ParticipantsMaySee(step, edition))
        {
            throw new WorkshopRuleException(Messages.StepNotStarted);
        }

        EnsureNotLocked(step.Key, actor);

        if (!Enum.IsDefined(column))
        {
            throw new WorkshopRuleException(Messages.UnknownColumn);
        }

        var note = Note.Create(this, id == Guid.Empty ? Guid.NewGuid() : id, step.Key, column, TextRules.NoteText(text), actor.ParticipantId, now);
        Notes.Add(note);
        return note;
    }

    /// <param name="basedOnVersion">The version the editor started from; null skips the check (an old form).</param>
    public void EditNote(Note note, string? text, Actor actor, DateTime now, int? basedOnVersion = null)
    {
        EnsureOpen();
        EnsureMayChange(note, actor);
        EnsureNotLocked(note.StepKey, actor);
        var cleaned = TextRules.NoteText(text);
        if (basedOnVersion is { } version && version != note.Version && cleaned != note.Text)
        {
            throw new NoteConflictException(note.Text, cleaned);
        }

        note.ChangeText(cleaned, now);
    }

    public void RemoveNote(Note note, Actor actor)
    {
        EnsureOpen();
        EnsureMayChange(note, actor);
        EnsureNotLocked(note.StepKey, actor);
        Notes.Remove(note);
    }

    public StepState? StateOf(string stepKey) => StepStates.FirstOrDefault(s => s.StepKey == stepKey);

    public bool NotesHiddenOn(string stepKey) => StateOf(stepKey)?.NotesHidden == true;

    public bool IsLocked(string stepKey) => StateOf(stepKey)?.Locked == true;

    /// <summary>Silent writing: the room's notes on this step are hidden until <see cref="RevealNotes"/>.</summary>
    public void HideNotes(Step step) => EditState(step, s => s.SetHidden(true));

    public void RevealNotes(Step step) => EditState(step, s => s.SetHidden(false));

    public void Lock(Step step) => EditState(step, s => s.SetLocked(true));

    public void Unlock(Step step) => EditState(step, s => s.SetLocked(false));

    public void StartTimer(Step step, int minutes, DateTime now)
    {
        if (minutes is < 1 or > MaxTimerMinutes)
        {
            throw new WorkshopRuleException(Messages.TimerMinutes);
        }

        EditState(step, s => s.SetTimer(now.AddMinutes(minutes)));
    }

    public void StopTimer(Step step) => EditState(step, s => s.SetTimer(null));

    private void EditState(Step step, Action<StepState> change)
    {
        EnsureOpen();
        var state = StateOf(step.Key);
        if (state is null)
        {
            state = StepState.For(this, step.Key);
            StepStates.Add(state);
        }

        change(state);
    }

    private void EnsureNotLocked(string stepKey, Actor actor)
    {
        if (!actor.IsFacilitator && IsLocked(stepKey))
        {
            throw new WorkshopRuleException(Messages.StepLocked);
        }
    }

    public void Close(DateTime now)
    {
        if (!IsClosed)
        {
            ClosedAt = now;
        }
    }

    public void Reopen() => ClosedAt = null;

    internal void EnsureOpen()
    {
        if (IsClosed)
        {
            throw new WorkshopRuleException(Messages.WorkshopClosed);
        }
    }

    private void EnsureMayChange(Note note, Actor actor)
    {
        if (note.WorkshopId != Id)
        {
            // Callers look notes up by workshop too; this is the last line of defence against crossing workshops.
            throw new WorkshopRuleException(Messages.NoteNotFound);
        }

        if (!actor.IsFacilitator && note.ParticipantId != actor.ParticipantId)
        {
            throw new WorkshopRuleException(Messages.NotYourNote);
        }
    }
}

/// <summary>Who is acting: the facilitator (holder of the secret key) or one participant.</summary>
public sealed record Actor(Guid? ParticipantId)
{
    public static Actor Facilitator { get; } = new((Guid?)null);

    public static Actor Participant(Guid id) => new(id);

    public bool IsFacilitator => ParticipantId is null;
}

/// <summary>A rule of the workshop was broken; the message is Dutch and meant for the user.</summary>
public class WorkshopRuleException(string message) : Exception(message);

/// <summary>Two people changed the same note; the later one is told, with both versions, and nothing is overwritten.</summary>
public sealed class NoteConflictException(string current, string yours) : WorkshopRuleException(Messages.EditConflict(current, yours))
{
    public string Current { get; } = current;
    public string Yours { get; } = yours;
}
