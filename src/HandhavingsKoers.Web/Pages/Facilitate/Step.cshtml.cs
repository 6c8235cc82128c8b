using HandhavingsKoers.Web.Content;
using HandhavingsKoers.Web.Data;
using HandhavingsKoers.Web.Hosting;
using HandhavingsKoers.Web.Live;
using HandhavingsKoers.Web.Maintenance;
using Microsoft.Extensions.Options;
using HandhavingsKoers.Web.Pages.Workshops;
using HandhavingsKoers.Web.Security;
using HandhavingsKoers.Web.Workshops;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HandhavingsKoers.Web.Pages.Facilitate;

/// <summary>The facilitator's page: moves the room, writes for the room, tidies up notes, closes the workshop.</summary>
public sealed partial class StepModel(
    AppDbContext db, EditionCatalog editions, TimeProvider clock, IWorkshopEvents events, ILogger<StepModel> logger, IOptions<RetentionOptions> retention,
    IOptions<SecurityOptions> security, PublicAddress publicAddress)
    : StepPageModel(db, editions, clock, events, security)
{
    /// <summary>The secret link, shown once right after the workshop was started.</summary>
    public string? NewFacilitatorLink { get; private set; }

    [BindProperty]
    public TeamActionForm TeamAction { get; set; } = new();

    public const string NewSharedLinkKey = "NewSharedLink";
    public const string NewSharedLinkForKey = "NewSharedLinkFor";

    /// <summary>The form that invites a co-facilitator or a notulist ("Samen begeleiden").</summary>
    [BindProperty]
    public InviteForm Invite { get; set; } = new();

    /// <summary>The links of co-facilitators and notulists that work now; loaded only for a role that manages them.</summary>
    public IReadOnlyList<SharedLinkRow> SharedLinks { get; private set; } = [];

    /// <summary>A shared link just made, shown once (only its hash is stored), and whom it is for.</summary>
    public string? NewSharedLink { get; private set; }

    public string? NewSharedLinkFor { get; private set; }

    /// <summary>A participant's action to start a team action from (<c>?van=</c>): its text fills the form.</summary>
    [BindProperty(SupportsGet = true, Name = "van")]
    public Guid? FromActionId { get; set; }

    /// <summary>A note of the prioritising round to start a team action from (<c>?notitie=</c>): its text fills the form.</summary>
    [BindProperty(SupportsGet = true, Name = "notitie")]
    public Guid? FromNoteId { get; set; }

    public int RetentionMonths => retention.Value.MonthsAfterClosing;

    /// <summary>What deleting means here; with retention switched off (0) nothing is deleted by itself, so it says nothing of it.</summary>
    public string DeleteText => Texts.Facilitator.DeleteText + (RetentionMonths > 0
        ? Texts.Count(RetentionMonths, Texts.Facilitator.DeletedAfterOne, Texts.Facilitator.DeletedAfterMany)
        : "");

    public string JoinUrl => publicAddress.JoinUrl(Request, Workshop.JoinCode);

    /// <summary>
    /// The facilitator link carries the key in <c>?sleutel=</c>. We put it in a cookie and redirect to the bare address,
    /// so the key leaves the address bar (and browser history, and Referer headers).
    /// </summary>
    [BindProperty(SupportsGet = true, Name = Routes.FacilitatorKeyParameter)]
    public string? Key { get; set; }

    protected override async Task<(IActionResult?, Actor?)> AuthorizeAsync(Workshop workshop)
    {
        if (Key is not null && HttpMethods.IsGet(Request.Method))
        {
            // The facilitator's own link, or a co-facilitator's or notulist's: the same address, the key says which.
            var opened = await WorkshopAccess.FindFacilitatorAsync(Db, HttpContext, workshop, Key);
            if (opened.Role is null)
            {
                return (this.Refuse(StatusCodes.Status403Forbidden, opened.Revoked ? Messages.SharedLinkRevoked : WrongKeyMessage(workshop, Messages.FacilitatorKeyWrong)), null);
            }

            WorkshopAccess.RememberFacilitator(HttpContext, workshop.Id, Key);
            return (Redirect(Request.Path), null);
        }

        var found = await WorkshopAccess.FindFacilitatorAsync(Db, HttpContext, workshop);
        if (found.RefusalFor(HandlerAction) is not { } refusal)
        {
            return (null, found.Actor);
        }

        if (found.Role is null && !found.Revoked && Request.Cookies.ContainsKey(WorkshopAccess.FacilitatorCookieName(workshop.Id)))
        {
            refusal = WrongKeyMessage(workshop, Messages.NotFacilitator);
        }

        return (this.Refuse(StatusCodes.Status403Forbidden, refusal), null);
    }

    /// <summary>A key was presented, but a session of a gemeente space may have had its link revoked or replaced by a beheerder: say so.</summary>
    private static string WrongKeyMessage(Workshop workshop, string otherwise) =>
        workshop.GemeenteId is null ? otherwise
        : workshop.HasFacilitatorLink ? Messages.FacilitatorKeyReplaced : Messages.FacilitatorLinkRevoked;

    protected override async Task LoadViewAsync()
    {
        await base.LoadViewAsync();
        if (TempData[StartModel.NewKeyTempDataKey] is string key)
        {
            NewFacilitatorLink = publicAddress.FacilitatorLink(Request, Workshop.Id, key);
        }

        if (Actor.May(FacilitatorAction.ManageLinks))
        {
            SharedLinks = await Db.FacilitatorLinks.AsNoTracking().Where(l => l.WorkshopId == Workshop.Id && l.RevokedAt == null)
                .OrderBy(l => l.CreatedAt).Select(l => new SharedLinkRow(l.Id, l.Role, l.ForWhom, l.CreatedAt)).ToListAsync();
            if (TempData[NewSharedLinkKey] is string shared)
            {
                NewSharedLink = publicAddress.FacilitatorLink(Request, Workshop.Id, shared);
                NewSharedLinkFor = TempData[NewSharedLinkForKey] as string;
            }
        }

        if (FromActionId is { } from && HttpMethods.IsGet(Request.Method))
        {
            TeamAction.Text ??= View.RoomActions.SelectMany(r => r.Actions).Where(a => a.Id == from).Select(a => a.Text).FirstOrDefault();
        }

        if (FromNoteId is { } note && HttpMethods.IsGet(Request.Method))
        {
            TeamAction.Text ??= await Db.Notes.AsNoTracking().Where(n => n.Id == note && n.WorkshopId == Workshop.Id).Select(n => n.Text).FirstOrDefaultAsync();
        }
    }

    [Requires(FacilitatorAction.MoveRoom)]
    public Task<IActionResult> OnPostMoveAsync(string? target) =>
        ControlAsync(WorkshopEvent.StepMoved, () =>
        {
            var to = Edition.Steps.Find(target) ?? throw new WorkshopRuleException(Messages.StepNotFound);
            Workshop.MoveTo(to);
            return to;
        });

    [Requires(FacilitatorAction.OpenAndClose)]
    public Task<IActionResult> OnPostOpenConceptAsync() =>
        ControlAsync(WorkshopEvent.Status, () => { Workshop.OpenConcept(); return Step; });

    [Requires(FacilitatorAction.OpenAndClose)]
    public Task<IActionResult> OnPostCloseAsync() =>
        ControlAsync(WorkshopEvent.Status, () => { Workshop.Close(Clock.GetUtcNow().UtcDateTime); return Step; });

    [Requires(FacilitatorAction.OpenAndClose)]
    public Task<IActionResult> OnPostReopenAsync() =>
        ControlAsync(WorkshopEvent.Status, () => { Workshop.Reopen(); return Step; });

    [Requires(FacilitatorAction.ControlStep)]
    public Task<IActionResult> OnPostHideAsync() =>
        ControlAsync(WorkshopEvent.StepState, () => { Workshop.HideNotes(Step); return Step; });

    [Requires(FacilitatorAction.ControlStep)]
    public Task<IActionResult> OnPostRevealAsync() =>
        ControlAsync(WorkshopEvent.StepState, () => { Workshop.RevealNotes(Step); return Step; });

    [Requires(FacilitatorAction.ControlStep)]
    public Task<IActionResult> OnPostRevealScoresAsync() =>
        ControlAsync(WorkshopEvent.StepState, () => { Workshop.RevealScores(Step); return Step; });

    [Requires(FacilitatorAction.ControlStep)]
    public Task<IActionResult> OnPostHideScoresAsync() =>
        ControlAsync(WorkshopEvent.StepState, () => { Workshop.HideScores(Step); return Step; });

    [Requires(FacilitatorAction.ControlStep)]
    public Task<IActionResult> OnPostLockAsync() =>
        ControlAsync(WorkshopEvent.StepState, () => { Workshop.Lock(Step); return Step; });

    [Requires(FacilitatorAction.ControlStep)]
    public Task<IActionResult> OnPostUnlockAsync() =>
        ControlAsync(WorkshopEvent.StepState, () => { Workshop.Unlock(Step); return Step; });

    [Requires(FacilitatorAction.RunTimer)]
    public Task<IActionResult> OnPostTimerAsync(int? minutes) =>
        ControlAsync(WorkshopEvent.StepState, () =>
        {
            Workshop.StartTimer(Step, minutes ?? 0, Clock.GetUtcNow().UtcDateTime);
            return Step;
        });

    [Requires(FacilitatorAction.RunTimer)]
    public Task<IActionResult> OnPostStopTimerAsync() =>
        ControlAsync(WorkshopEvent.StepState, () => { Workshop.StopTimer(Step); return Step; });

    [OnStep(StepSequence.ActionsKey)]
    [Requires(FacilitatorAction.WriteNotes)]
    public Task<IActionResult> OnPostAddTeamActionAsync() =>
        EditAsync(() => Db.Entry(Workshop).Collection(w => w.TeamActions).LoadAsync(),
            () => Workshop.AddTeamAction(TeamAction.Text, TeamAction.Owner, TeamActionForm.ParseDate(TeamAction.DueDate), Clock.GetUtcNow().UtcDateTime),
            field => field is null ? "" : $"{nameof(TeamAction)}.{field}", WorkshopEvent.Notes, "#teamacties-titel", Texts.TeamActions.Added);

    [OnStep(StepSequence.ActionsKey)]
    [Requires(FacilitatorAction.WriteNotes)]
    public Task<IActionResult> OnPostRemoveTeamActionAsync(Guid? teamActionId) =>
        EditAsync(async () =>
            {
                await Db.Entry(Workshop).Collection(w => w.TeamActions).LoadAsync();
                await Db.Entry(Workshop).Collection(w => w.ActionHistory).LoadAsync();
            },
            () => Workshop.RemoveTeamAction(teamActionId ?? Guid.Empty),
            _ => "", WorkshopEvent.Notes, "#teamacties-titel", Texts.TeamActions.Removed);

    /// <summary>Records what became of one of last time's actions (follow-up sessions, welcome step).</summary>
    [Requires(FacilitatorAction.WriteNotes)]
    public Task<IActionResult> OnPostReviewAsync(Guid? actionId, ActionStatus? status, string? note)
    {
        var key = FormIds.Review(actionId ?? Guid.Empty);
        return EditAsync(() => Db.Entry(Workshop).Collection(w => w.PreviousActions).LoadAsync(),
            () => Workshop.ReviewPreviousAction(actionId ?? Guid.Empty, status, note, Clock.GetUtcNow().UtcDateTime),
            field => field switch
            {
                nameof(PreviousAction.Status) => key,
                nameof(PreviousAction.StatusNote) => FormIds.ReviewNote(actionId ?? Guid.Empty),
                _ => "",
            },
            WorkshopEvent.Status, $"#actie-{actionId:N}", Texts.FollowActions.StatusSaved);
    }

    /// <summary>
    /// A change made with a form of its own on the step (team actions, last time's actions): load what the rule needs,
    /// change, save, tell the open pages, and come back with a confirmation; a broken rule shows the form again with
    /// the message by the form field that <paramref name="fieldKey"/> finds for the rule's field.
    /// </summary>
    private async Task<IActionResult> EditAsync(Func<Task> load, Action change, Func<string?, string> fieldKey, string eventType, string anchor, string saved)
    {
        await load();
        try
        {
            change();
            await Db.SaveChangesAsync();
        }
        catch (WorkshopRuleException e)
        {
            return await ShowAgainAsync(fieldKey(e.Field), e.Message);
        }

        TempData["Saved"] = saved;
        await Events.PublishAsync(Workshop.Id, eventType, Step.Key);
        return Redirect(StepUrl(Step) + anchor);
    }

    /// <summary>A link of its own for a co-facilitator or a notulist; the key is shown once, only its hash is kept.</summary>
    [Requires(FacilitatorAction.ManageLinks)]
    public async Task<IActionResult> OnPostInviteAsync()
    {
        var key = SecretToken.New();
        await Db.Entry(Workshop).Collection(w => w.FacilitatorLinks).LoadAsync();
        FacilitatorLink link;
        try
        {
            link = Workshop.InviteFacilitator(Invite.Role, Invite.ForWhom, SecretToken.Hash(key), Clock.GetUtcNow().UtcDateTime);
            await Db.SaveChangesAsync();
        }
        catch (WorkshopRuleException e)
        {
            return await ShowAgainAsync(e.Field == nameof(FacilitatorLink.Role) ? InviteForm.RoleKey : InviteForm.ForWhomKey, e.Message);
        }

        LogSharedLinkIssued(logger, Workshop.Id, link.Id, link.Role);
        TempData[NewSharedLinkKey] = key;
        TempData[NewSharedLinkForKey] = Texts.Format(Texts.Sharing.NewLinkFor, link.ForWhom, Texts.Sharing.RoleName(link.Role));
        return Redirect(StepUrl(Step) + "#nieuwe-gedeelde-link-titel");
    }

    /// <summary>Stops a co-facilitator's or notulist's link at once; a link of another workshop is not found here.</summary>
    [Requires(FacilitatorAction.ManageLinks)]
    public async Task<IActionResult> OnPostRevokeLinkAsync(Guid? linkId)
    {
        await Db.Entry(Workshop).Collection(w => w.FacilitatorLinks).LoadAsync();
        try
        {
            Workshop.RevokeFacilitatorLink(linkId ?? Guid.Empty, Clock.GetUtcNow().UtcDateTime);
            await Db.SaveChangesAsync();
        }
        catch (WorkshopRuleException e)
        {
            return await ShowAgainAsync("", e.Message);
        }

        LogSharedLinkRevoked(logger, Workshop.Id, linkId ?? Guid.Empty);
        // The revoked person's open stream hears it and ends; their next fetch is refused. No page reloads for it.
        await Events.PublishAsync(Workshop.Id, WorkshopEvent.Links);
        TempData["Saved"] = Texts.Sharing.Revoked;
        return Redirect(StepUrl(Step) + "#samen-titel");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Workshop {WorkshopId}: shared facilitator link {LinkId} made for the role {Role}")]
    private static partial void LogSharedLinkIssued(ILogger logger, Guid workshopId, Guid linkId, FacilitatorRole role);

    [LoggerMessage(Level = LogLevel.Information, Message = "Workshop {WorkshopId}: shared facilitator link {LinkId} revoked")]
    private static partial void LogSharedLinkRevoked(ILogger logger, Guid workshopId, Guid linkId);

    /// <summary>Deletes the workshop with everything in it, now, after the facilitator ticked the confirmation.</summary>
    [Requires(FacilitatorAction.Delete)]
    public async Task<IActionResult> OnPostDeleteAsync(bool confirm)
    {
        if (!confirm)
        {
            return await ShowAgainAsync("confirm-delete", Messages.DeleteNotConfirmed);
        }

        Db.Workshops.Remove(Workshop);
        await Db.SaveChangesAsync();
        LogDeleted(logger, Workshop.Id, Workshop.Gemeente);
        if (!await Db.ForgetDeletedAsync())
        {
            LogStillInLog(logger, Workshop.Id);
        }

        await Events.PublishAsync(Workshop.Id, WorkshopEvent.Status);
        WorkshopAccess.ForgetFacilitator(HttpContext, Workshop.Id);
        TempData["Deleted"] = Messages.WorkshopDeleted(Workshop.Gemeente, Workshop.Title);
        return Redirect(Routes.Home);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Workshop {WorkshopId} ({Gemeente}) deleted by its facilitator")]
    private static partial void LogDeleted(ILogger logger, Guid workshopId, string gemeente);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workshop {WorkshopId} is deleted, but the database's write-ahead log could not be emptied now (readers were busy); later writes overwrite it")]
    private static partial void LogStillInLog(ILogger logger, Guid workshopId);

    /// <summary>
    /// One facilitator action: check access, change the workshop, save, tell the open pages. A plain form gets a
    /// redirect to the step it affected; the presenter's script gets 204.
    /// </summary>
    private async Task<IActionResult> ControlAsync(string eventType, Func<Step> change)
    {
        Step affected;
        try
        {
            affected = change();
            await Db.SaveChangesAsync();
        }
        catch (WorkshopRuleException e)
        {
            return await ShowAgainAsync("", e.Message);
        }

        await Events.PublishAsync(Workshop.Id, eventType, affected.Key);
        if (FromScript)
        {
            return new NoContentResult();
        }

        // The presenter's buttons (without script) come back to the presenter.
        return Redirect(Request.Form["terug"] == "presenteren" ? Routes.Presenter(Workshop.Id) : StepUrl(affected));
    }
}

/// <summary>The facilitator's form for a team action. The date arrives as text so a typo gets a Dutch message.</summary>
public sealed class TeamActionForm
{
    public string? Text { get; set; }
    public string? Owner { get; set; }
    public string? DueDate { get; set; }

    private static readonly string[] Formats = ["yyyy-MM-dd", "d-M-yyyy", "d/M/yyyy", "d-M-yy", "d.M.yyyy"];

    /// <summary>The date from a date picker (yyyy-mm-dd) or typed the Dutch way (31-3-2027); null when empty.</summary>
    public static DateOnly? ParseDate(string? text) => string.IsNullOrWhiteSpace(text)
        ? null
        : DateOnly.TryParseExact(text.Trim(), Formats, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
            ? date
            : throw new WorkshopRuleException(Messages.DueDateFormat, nameof(DueDate));
}

/// <summary>The facilitator's form to invite someone to run the room with them.</summary>
public sealed class InviteForm
{
    /// <summary>The form keys the page puts a rule's message by.</summary>
    public const string RoleKey = "Invite.Role";
    public const string ForWhomKey = "Invite.ForWhom";

    public FacilitatorRole? Role { get; set; }
    public string? ForWhom { get; set; }
}

/// <summary>One working link of a co-facilitator or notulist, as "Samen begeleiden" lists it.</summary>
public sealed record SharedLinkRow(Guid Id, FacilitatorRole Role, string ForWhom, DateTime CreatedAt);
