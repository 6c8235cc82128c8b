namespace HandhavingsKoers.Web.Workshops;

/// <summary>
/// Who runs the room with a facilitator link (decision 0021). The facilitator holds the link made when the workshop
/// started (or re-issued by a beheerder); the facilitator invites the others, each with a link of their own.
/// </summary>
public enum FacilitatorRole
{
    /// <summary>The workshop's own facilitator: may do everything.</summary>
    Facilitator,

    /// <summary>Runs the room beside the facilitator: everything except deleting the workshop and handing out links.</summary>
    CoFacilitator,

    /// <summary>Writes for the room, tidies and merges notes, runs the timer; moves nothing else.</summary>
    Notulist,
}

/// <summary>
/// Everything a facilitator page lets someone do. Each handler of those pages names the one it needs
/// (<see cref="RequiresAttribute"/>); <see cref="FacilitatorRoles.Permits"/> says which role may.
/// </summary>
public enum FacilitatorAction
{
    /// <summary>Open the facilitator pages and read what the facilitator reads (notes in silent writing, scores before reveal).</summary>
    Read,

    /// <summary>Write, edit and remove notes for the room, team actions, and what became of last time's actions.</summary>
    WriteNotes,

    /// <summary>Merge duplicate notes, undo a merge, enter the dots counted on paper.</summary>
    TidyNotes,

    /// <summary>Start and stop the timer of a step.</summary>
    RunTimer,

    /// <summary>Move the room to another step.</summary>
    MoveRoom,

    /// <summary>Hide or reveal notes and scores, lock or unlock a step.</summary>
    ControlStep,

    /// <summary>Open, reveal, close or start over the prioritising round.</summary>
    RunPriorities,

    /// <summary>Open the presenter (projector) page, whose buttons move the room.</summary>
    Present,

    /// <summary>Prepare a concept session: choose and order the principles, own questions, introduction, timers (decision 0020).</summary>
    Prepare,

    /// <summary>Open a concept, close the workshop, reopen it.</summary>
    OpenAndClose,

    /// <summary>Write the conclusions, kernpunten and the bestuurlijke samenvatting.</summary>
    Conclude,

    /// <summary>Publish the report with a public link, or revoke that link.</summary>
    Publish,

    /// <summary>Start a follow-up session.</summary>
    StartFollowUp,

    /// <summary>Invite a co-facilitator or notulist, and revoke their links.</summary>
    ManageLinks,

    /// <summary>Delete the workshop with everything in it.</summary>
    Delete,
}

/// <summary>The one rule of which role may do what; every facilitator page asks it (decision 0021 has the table).</summary>
public static class FacilitatorRoles
{
    public static bool Permits(this FacilitatorRole role, FacilitatorAction action) => role switch
    {
        FacilitatorRole.Facilitator => true,
        // Links stay with the facilitator: a co-facilitator who could make links could keep one back before their own
        // was revoked, and a revocation must be final.
        FacilitatorRole.CoFacilitator => action is not (FacilitatorAction.Delete or FacilitatorAction.ManageLinks),
        FacilitatorRole.Notulist => action is FacilitatorAction.Read or FacilitatorAction.WriteNotes
            or FacilitatorAction.TidyNotes or FacilitatorAction.RunTimer,
        _ => false,
    };
}

/// <summary>The facilitator action a page handler performs; checked before the handler runs, refused with a Dutch 403.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresAttribute(FacilitatorAction action) : Attribute
{
    public FacilitatorAction Action { get; } = action;
}
