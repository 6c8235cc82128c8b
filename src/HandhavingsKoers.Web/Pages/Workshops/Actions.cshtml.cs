using HandhavingsKoers.Web.Data;
using HandhavingsKoers.Web.Maintenance;
using HandhavingsKoers.Web.Workshops;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HandhavingsKoers.Web.Pages.Workshops;

/// <summary>
/// "Acties volgen": a session's team actions (its own and those it carried in from earlier sessions), edited and given
/// a status with a dated history at any time, also after closing and between sessions. Two addresses, one page: the
/// facilitator's under <c>/w/{id}</c> (where their cookie goes) and the beheerder's under <c>/gemeente/{gemeente}</c>
/// (where theirs goes). Who may is <see cref="SessionAccess"/>'s rule, settled once before any handler.
/// </summary>
public sealed class ActionsModel(AppDbContext db, TimeProvider clock, IOptions<RetentionOptions> retention) : PageModel
{
    /// <summary>Who is here, at which address (<see cref="SessionAccess"/>), settled once before any handler.</summary>
    public SessionAccess Access { get; private set; } = null!;

    public Workshop Workshop => Access.Workshop;

    /// <summary>Set when a beheerder follows the actions from the gemeente's page.</summary>
    public Beheerder? Beheerder => Access.Beheerder;

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public IReadOnlyList<FollowedAction> Own { get; private set; } = [];

    public IReadOnlyList<FollowedAction> Carried { get; private set; } = [];

    /// <summary>Where the forms post and the page redirects to: the address it was opened at.</summary>
    public string Here => Access.Here;

    public string Back => Access.Back;

    /// <summary>
    /// The session that carries these actions on, when a follow-up has started: it copied them with their status then,
    /// and the chain reads its copy. Changes here would reach nobody, so the page only shows them and points there.
    /// </summary>
    public (Guid Id, string Title, DateOnly Date)? FollowedUpIn { get; private set; }

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        // Whoever may write team actions in the room (the facilitator, a co-facilitator, a notulist: WriteNotes in
        // decision 0021's table) follows them between sessions too, and so does a beheerder of the gemeente.
        var (access, refusal) = await SessionAccess.FindAsync(db, HttpContext, Routes.ActionsPage, FacilitatorPages.ActionOf(context), Messages.NotActionFollower,
            workshops => workshops.Include(w => w.TeamActions).Include(w => w.PreviousActions).Include(w => w.ActionHistory).Include(w => w.Publications).AsSplitQuery());
        if (refusal is not null)
        {
            context.Result = this.Refuse(refusal.Status, refusal.Message);
            return;
        }

        Access = access!;
        FollowedUpIn = await LatestFollowUpAsync(Workshop.Id);
        if (FollowedUpIn is { } later && context.HandlerMethod?.HttpMethod == "Post")
        {
            context.Result = this.Refuse(StatusCodes.Status409Conflict, Texts.Format(Messages.ActionsFollowedUp, later.Title));
            return;
        }

        await next();
    }

    /// <summary>The latest session of the chain after this one, if any (a chain is a handful of sessions).</summary>
    private async Task<(Guid Id, string Title, DateOnly Date)?> LatestFollowUpAsync(Guid id)
    {
        (Guid Id, string Title, DateOnly Date)? latest = null;
        for (var hops = 0; hops < 50; hops++)
        {
            var next = await db.Workshops.AsNoTracking().Where(w => w.PreviousWorkshopId == id)
                .OrderByDescending(w => w.CreatedAt).Select(w => new { w.Id, w.Title, w.Date }).FirstOrDefaultAsync();
            if (next is null)
            {
                break;
            }

            latest = (next.Id, next.Title, next.Date);
            id = next.Id;
        }

        return latest;
    }

    /// <summary>
    /// Published for the raad: what is changed here (text, owner, a status's note) shows on the public page at once, so
    /// the page says so before anyone types a name into a note.
    /// </summary>
    public bool IsPublished => Workshop.ActivePublication(Now) is not null;

    /// <summary>
    /// The day retention deletes this closed session with its actions (null: open, or retention off). A follow-up
    /// started before then carries the open actions on; after, they are gone with it.
    /// </summary>
    public DateOnly? DeletedOn => Workshop.ClosedAt is { } closed && retention.Value.MonthsAfterClosing > 0
        ? Texts.DutchDate(closed.AddMonths(retention.Value.MonthsAfterClosing))
        : null;

    /// <summary>Where the follow-up's actions are followed, when this person can go there (a beheerder of the gemeente).</summary>
    public string? FollowUpAddress => FollowedUpIn is { } later && Beheerder is not null ? Routes.GemeenteActions(Beheerder.GemeenteId, later.Id) : null;

    [Requires(FacilitatorAction.WriteNotes)]
    public IActionResult OnGet() => Show();

    [Requires(FacilitatorAction.WriteNotes)]
    public Task<IActionResult> OnPostStatusAsync(Guid? actionId, ActionStatus? status, string? note) =>
        ChangeAsync(actionId, () => Workshop.FollowAction(actionId ?? Guid.Empty, status, note, Now), Texts.FollowActions.StatusSaved);

    [Requires(FacilitatorAction.WriteNotes)]
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
