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

    /// <summary>What became of it so far; followed between sessions by the facilitator or a beheerder (decision 0022).</summary>
    public ActionStatus Status { get; private set; } = ActionStatus.NotStarted;

    /// <summary>The note with the last status change, if any.</summary>
    public string? StatusNote { get; private set; }

    /// <summary>Not done and not dropped: it opens the next follow-up as an action still to do.</summary>
    public bool IsOpen => ActionStatuses.IsOpen(Status);

    internal void Edit(string text, string owner, DateOnly dueDate)
    {
        Text = text;
        Owner = owner;
        DueDate = dueDate;
    }

    internal void SetStatus(ActionStatus status, string? note)
    {
        Status = status;
        StatusNote = note;
    }

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

/// <summary>What became of an action: the answer to "Hoe staat het ermee?".</summary>
public enum ActionStatus
{
    NotStarted = 1,
    Busy = 2,
    Done = 3,

    /// <summary>Vervallen: the team no longer means to do it.</summary>
    Dropped = 4,
}

/// <summary>Rules about <see cref="ActionStatus"/> that more than one kind of action shares.</summary>
public static class ActionStatuses
{
    /// <summary>The choices a form offers, in the order a form shows them.</summary>
    public static IReadOnlyList<ActionStatus> All { get; } = [ActionStatus.NotStarted, ActionStatus.Busy, ActionStatus.Done, ActionStatus.Dropped];

    /// <summary>Null (not talked about yet), not started or busy: the action is still to do.</summary>
    public static bool IsOpen(ActionStatus? status) => status is not (ActionStatus.Done or ActionStatus.Dropped);

    /// <summary>
    /// "sinds 14 maanden open": whole calendar months from the day the action was first made (in an earlier session
    /// of the chain, for an action carried over) to today.
    /// </summary>
    public static int MonthsOpen(DateTime firstMadeAt, DateTime now)
    {
        var months = ((now.Year - firstMadeAt.Year) * 12) + now.Month - firstMadeAt.Month;
        if (now.Day < firstMadeAt.Day)
        {
            months--;
        }

        return Math.Max(0, months);
    }

    /// <summary>"sinds 14 maanden open", in words.</summary>
    public static string OpenSince(DateTime firstMadeAt, DateTime now) => MonthsOpen(firstMadeAt, now) switch
    {
        0 => Texts.PreviousActions.OpenSinceThisMonth,
        1 => Texts.PreviousActions.OpenSinceMonth,
        var n => Texts.Format(Texts.PreviousActions.OpenSinceMonths, n),
    };
}

/// <summary>
/// One change of an action's status, with its date and an optional short note: the action's history. Kept by the
/// session that holds the action (<see cref="WorkshopId"/>), and copied into a follow-up with the action, so the
/// history stays whole after the earlier session is deleted. <see cref="ActionKey"/> is the action's identity across
/// the chain: the id of the team action it was first made as.
/// </summary>
public sealed class ActionStatusChange
{
    public const int NoteMaxLength = PreviousAction.NoteMaxLength;

    private ActionStatusChange()
    {
        // For EF Core.
    }

    public Guid Id { get; private set; }
    public Guid WorkshopId { get; private set; }
    public Guid ActionKey { get; private set; }
    public DateTime At { get; private set; }
    public ActionStatus Status { get; private set; }
    public string? Note { get; private set; }

    internal static ActionStatusChange Record(Guid workshopId, Guid actionKey, ActionStatus status, string? note, DateTime at) => new()
    {
        Id = Guid.NewGuid(),
        WorkshopId = workshopId,
        ActionKey = actionKey,
        Status = status,
        Note = note,
        At = at,
    };

    internal ActionStatusChange CopyFor(Guid workshopId) => Record(workshopId, ActionKey, Status, Note, At);
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

    /// <summary>
    /// The action's identity across the chain: the id of the team action it was first made as. The same for every copy
    /// of it, however often it is carried over.
    /// </summary>
    public Guid ActionKey { get; private set; }

    /// <summary>When the action was first made, in whichever earlier session: "sinds 14 maanden open" counts from here.</summary>
    public DateTime FirstMadeAt { get; private set; }

    /// <summary>True when it came from an earlier session than the previous one (it was carried over before).</summary>
    public bool CarriedOver { get; private set; }

    /// <summary>Its order in the previous session (by date, then as made).</summary>
    public int Position { get; private set; }

    /// <summary>Null until the team has talked about it.</summary>
    public ActionStatus? Status { get; private set; }

    public string? StatusNote { get; private set; }
    public DateTime? ReviewedAt { get; private set; }

    /// <summary>Not done and not dropped (or not talked about yet): still to do.</summary>
    public bool IsOpen => ActionStatuses.IsOpen(Status);

    /// <summary>A team action of the previous session, with the status it has now (followed between sessions).</summary>
    internal static PreviousAction CopyOf(TeamAction action, Workshop followUp, int position, bool hasHistory) => new()
    {
        Id = Guid.NewGuid(),
        WorkshopId = followUp.Id,
        Text = action.Text,
        Owner = action.Owner,
        DueDate = action.DueDate,
        ActionKey = action.Id,
        FirstMadeAt = action.CreatedAt,
        Position = position,
        // Untouched since it was made: "nog niet besproken" until the team talks about it.
        Status = hasHistory ? action.Status : null,
        StatusNote = hasHistory ? action.StatusNote : null,
    };

    /// <summary>An action still open in the previous session that it had carried over itself: carried over again.</summary>
    internal static PreviousAction CarryOver(PreviousAction action, Workshop followUp, int position) => new()
    {
        Id = Guid.NewGuid(),
        WorkshopId = followUp.Id,
        Text = action.Text,
        Owner = action.Owner,
        DueDate = action.DueDate,
        ActionKey = action.ActionKey,
        FirstMadeAt = action.FirstMadeAt,
        CarriedOver = true,
        Position = position,
        Status = action.Status,
        StatusNote = action.StatusNote,
    };

    internal void Edit(string text, string owner, DateOnly dueDate)
    {
        Text = text;
        Owner = owner;
        DueDate = dueDate;
    }

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
        ActionStatus.Dropped => Texts.Domain.ActionDropped,
        _ => Texts.Domain.ActionNotReviewed,
    };
}
