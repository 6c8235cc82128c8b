using HandhavingsKoers.Web.Data;
using HandhavingsKoers.Web.Gemeenten;
using HandhavingsKoers.Web.Workshops;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HandhavingsKoers.Web.Pages.Workshops;

/// <summary>
/// "Acties volgen": a session's team actions (its own and those it carried in from earlier sessions), edited and given
/// a status with a dated history at any time, also after closing and between sessions. Two addresses, one page: the
/// facilitator's under <c>/w/{id}</c> (where their cookie goes) and the beheerder's under <c>/gemeente/{gemeente}</c>
/// (where theirs goes). Who may is <see cref="ActionFollower"/>'s rule, settled once before any handler.
/// </summary>
public sealed class ActionsModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public Workshop Workshop { get; private set; } = null!;

    /// <summary>Set when a beheerder follows the actions from the gemeente's page.</summary>
    public Beheerder? Beheerder { get; private set; }

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public IReadOnlyList<FollowedAction> Own { get; private set; } = [];

    public IReadOnlyList<FollowedAction> Carried { get; private set; } = [];

    /// <summary>Where the forms post and the page redirects to: the address it was opened at.</summary>
    public string Here => Beheerder is null ? Routes.Actions(Workshop.Id) : Routes.GemeenteActions(Beheerder.GemeenteId, Workshop.Id);

    public string Back => Beheerder is null ? Routes.FacilitatorStep(Workshop.Id) : Routes.Gemeente(Beheerder.GemeenteId) + $"#sessie-{Workshop.Id}";

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var refusal = await AuthorizeAsync(Guid.Parse((string)context.RouteData.Values["id"]!), context.RouteData.Values["gemeente"] as string);
        if (refusal is not null)
        {
            context.Result = refusal;
            return;
        }

        await next();
    }

    private async Task<IActionResult?> AuthorizeAsync(Guid id, string? gemeente)
    {
        IQueryable<Workshop> workshops = db.Workshops;
        if (gemeente is not null)
        {
            var found = await GemeenteAccess.FindAsync(db, HttpContext, Guid.Parse(gemeente));
            if (found.Beheerder is null)
            {
                return this.Refuse(StatusCodes.Status403Forbidden, found.Revoked ? Messages.BeheerderLinkRevoked : Messages.NotBeheerder);
            }

            Beheerder = found.Beheerder;
            workshops = Beheerder.Sessions(workshops);
        }

        var workshop = await workshops.Include(w => w.TeamActions).Include(w => w.PreviousActions).Include(w => w.ActionHistory)
            .AsSplitQuery().SingleOrDefaultAsync(w => w.Id == id);
        if (workshop is null)
        {
            return this.Refuse(StatusCodes.Status404NotFound, Beheerder is null ? Messages.WorkshopNotFound : Messages.SessionNotInGemeente);
        }

        // Whoever may write team actions in the room (the facilitator, a co-facilitator, a notulist: WriteNotes in
        // decision 0021's table) follows them between sessions too.
        var facilitation = Beheerder is null ? await WorkshopAccess.FindFacilitatorAsync(db, HttpContext, workshop) : WorkshopAccess.Facilitation.None;
        var viewer = facilitation.Permits(FacilitatorAction.WriteNotes) ? Viewer.Facilitator : null;
        if (!ActionFollower.May(viewer, Beheerder, workshop))
        {
            return this.Refuse(StatusCodes.Status403Forbidden, facilitation.Revoked ? Messages.SharedLinkRevoked : Messages.NotActionFollower);
        }

        Workshop = workshop;
        return null;
    }

    public IActionResult OnGet() => Show();

    public Task<IActionResult> OnPostStatusAsync(Guid? actionId, ActionStatus? status, string? note) =>
        ChangeAsync(actionId, () => Workshop.FollowAction(actionId ?? Guid.Empty, status, note, Now), Texts.FollowActions.StatusSaved);

    public Task<IActionResult> OnPostEditAsync(Guid? actionId, string? text, string? owner, DateOnly? due)
    {
        if (ModelState["due"] is { Errors.Count: > 0 } bad)
        {
            // A date that is no date: the binder's Dutch message, shown at this action's field.
            ModelState.AddModelError(FormIds.ActionField(FormIds.ActionDueField, actionId ?? Guid.Empty), bad.Errors[0].ErrorMessage);
            return Task.FromResult<IActionResult>(Show(StatusCodes.Status400BadRequest));
        }

        return ChangeAsync(actionId, () => Workshop.EditAction(actionId ?? Guid.Empty, text, owner, due), Texts.FollowActions.EditSaved);
    }

    private async Task<IActionResult> ChangeAsync(Guid? actionId, Action change, string saved)
    {
        var id = actionId ?? Guid.Empty;
        try
        {
            change();
        }
        catch (WorkshopRuleException e)
        {
            if (!Workshop.TeamActions.Any(a => a.Id == id) && !Workshop.PreviousActions.Any(a => a.Id == id))
            {
                return this.Refuse(StatusCodes.Status404NotFound, e.Message);
            }

            ModelState.AddModelError(FormIds.ActionField(e.Field switch
            {
                nameof(TeamAction.Text) => FormIds.ActionTextField,
                nameof(TeamAction.Owner) => FormIds.ActionOwnerField,
                nameof(TeamAction.DueDate) => FormIds.ActionDueField,
                nameof(PreviousAction.StatusNote) => FormIds.ActionNoteField,
                _ => FormIds.ActionStatusField,
            }, id), e.Message);
            return Show(StatusCodes.Status400BadRequest);
        }

        await db.SaveChangesAsync();
        TempData["Saved"] = saved;
        return Redirect($"{Here}#actie-{id:N}");
    }

    private PageResult Show(int status = StatusCodes.Status200OK)
    {
        IReadOnlyList<ActionStatusChange> HistoryOf(Guid key) => Workshop.ActionHistory.Where(h => h.ActionKey == key).OrderBy(h => h.At).ToList();
        Own = Workshop.TeamActions.OrderBy(a => a.DueDate).ThenBy(a => a.CreatedAt)
            .Select(a => new FollowedAction(a.Id, a.Text, a.Owner, a.DueDate, a.Status, a.StatusNote, a.CreatedAt, CarriedOver: false, HistoryOf(a.Id)))
            .ToList();
        Carried = Workshop.PreviousActions.OrderBy(a => a.Position)
            .Select(a => new FollowedAction(a.Id, a.Text, a.Owner, a.DueDate, a.Status, a.StatusNote, a.FirstMadeAt, a.CarriedOver, HistoryOf(a.ActionKey)))
            .ToList();
        Response.StatusCode = status;
        return Page();
    }
}

/// <summary>One action as the "Acties volgen" page and a follow-up show it: its status, age and history.</summary>
public sealed record FollowedAction(
    Guid Id, string Text, string Owner, DateOnly DueDate, ActionStatus? Status, string? StatusNote, DateTime FirstMadeAt, bool CarriedOver,
    IReadOnlyList<ActionStatusChange> History)
{
    public bool IsOpen => ActionStatuses.IsOpen(Status);

    public string StatusLabel => PreviousAction.Label(Status);
}
