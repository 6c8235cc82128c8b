namespace HandhavingsKoers.Web.Workshops;

/// <summary>
/// An action the team agreed on, made by the facilitator from what participants wrote: who picks it up (a role or a
/// name) and by when. Team actions go into the report and open the next follow-up session.
/// </summary>
public sealed class TeamAction
{
    public const int OwnerMaxLength = 100;

    /// <summary>A team action is due at most this many years after the workshop.</summary>
    public const int MaxYearsAhead = 5;

    private TeamAction()
    {
        // For EF Core.
    }

    public Guid Id { get; private set; }
    public Guid WorkshopId { get; private set; }
    public string Text { get; private set; } = "";
    public string Owner { get; private set; } = "";
    public DateOnly DueDate { get; private set; }
    public DateTime CreatedAt { get; private set; }

    internal static TeamAction Create(Workshop workshop, string text, string owner, DateOnly dueDate, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        WorkshopId = workshop.Id,
        Text = text,
        Owner = owner,
        DueDate = dueDate,
        CreatedAt = now,
    };
}

/// <summary>What became of an action: the answer to "Wat is ermee gebeurd?".</summary>
public enum ActionStatus
{
    NotStarted = 1,
    Busy = 2,
    Done = 3,
}

/// <summary>
/// A team action of the previous session, copied into a follow-up session when it starts, with what the team says
/// became of it. A copy, not a reference: the follow-up's own report stays whole even after the earlier session is
/// deleted under the retention rule.
/// </summary>
public sealed class PreviousAction
{
    public const int NoteMaxLength = 500;

    private PreviousAction()
    {
        // For EF Core.
    }

    public Guid Id { get; private set; }
    public Guid WorkshopId { get; private set; }
    public string Text { get; private set; } = "";
    public string Owner { get; private set; } = "";
    public DateOnly DueDate { get; private set; }

    /// <summary>Its order in the previous session (by date, then as made).</summary>
    public int Position { get; private set; }

    /// <summary>Null until the team has talked about it.</summary>
    public ActionStatus? Status { get; private set; }

    public string? StatusNote { get; private set; }
    public DateTime? ReviewedAt { get; private set; }

    internal static PreviousAction CopyOf(TeamAction action, Workshop followUp, int position) => new()
    {
        Id = Guid.NewGuid(),
        WorkshopId = followUp.Id,
        Text = action.Text,
        Owner = action.Owner,
        DueDate = action.DueDate,
        Position = position,
    };

    internal void Review(ActionStatus status, string? note, DateTime now)
    {
        Status = status;
        StatusNote = note;
        ReviewedAt = now;
    }

    public static string Label(ActionStatus? status) => status switch
    {
        ActionStatus.Done => Texts.Domain.ActionDone,
        ActionStatus.Busy => Texts.Domain.ActionBusy,
        ActionStatus.NotStarted => Texts.Domain.ActionNotStarted,
        _ => Texts.Domain.ActionNotReviewed,
    };
}
