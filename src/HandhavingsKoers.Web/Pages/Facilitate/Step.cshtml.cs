using HandhavingsKoers.Web.Content;
using HandhavingsKoers.Web.Data;
using HandhavingsKoers.Web.Live;
using HandhavingsKoers.Web.Maintenance;
using Microsoft.Extensions.Options;
using HandhavingsKoers.Web.Pages.Workshops;
using HandhavingsKoers.Web.Reports;
using HandhavingsKoers.Web.Workshops;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HandhavingsKoers.Web.Pages.Facilitate;

/// <summary>The facilitator's page: moves the room, writes for the room, tidies up notes, closes the workshop.</summary>
public sealed partial class StepModel(
    AppDbContext db, EditionCatalog editions, TimeProvider clock, IWorkshopEvents events, ILogger<StepModel> logger, IOptions<RetentionOptions> retention)
    : StepPageModel(db, editions, clock, events)
{
    public override string PagePath => WorkshopAccess.FacilitatorPath(Workshop.Id);

    /// <summary>The secret link, shown once right after the workshop was started.</summary>
    public string? NewFacilitatorLink { get; private set; }

    /// <summary>What each participant wrote as their three actions, with ids so one can be made a team action.</summary>
    public IReadOnlyList<(string Participant, IReadOnlyList<(Guid Id, string Text)> Actions)> RoomActions { get; private set; } = [];

    [BindProperty]
    public TeamActionForm TeamAction { get; set; } = new();

    /// <summary>A participant's action to start a team action from (<c>?van=</c>): its text fills the form.</summary>
    [BindProperty(SupportsGet = true, Name = "van")]
    public Guid? FromActionId { get; set; }

    public int RetentionMonths => retention.Value.MonthsAfterClosing;

    public string JoinUrl => $"{Request.Scheme}://{Request.Host}/doemee/{Workshop.JoinCode}";

    /// <summary>
    /// The facilitator link carries the key in <c>?sleutel=</c>. We put it in a cookie and redirect to the bare address,
    /// so the key leaves the address bar (and browser history, and Referer headers).
    /// </summary>
    [BindProperty(SupportsGet = true, Name = "sleutel")]
    public string? Key { get; set; }

    protected override Task<(IActionResult?, Actor?)> AuthorizeAsync(Workshop workshop)
    {
        if (Key is not null && HttpMethods.IsGet(Request.Method))
        {
            if (!SecretToken.Matches(Key, workshop.FacilitatorKeyHash))
            {
                return Task.FromResult<(IActionResult?, Actor?)>((this.Refuse(StatusCodes.Status403Forbidden, Messages.FacilitatorKeyWrong), null));
            }

            WorkshopAccess.RememberFacilitator(HttpContext, workshop.Id, Key);
            return Task.FromResult<(IActionResult?, Actor?)>((Redirect(Request.Path), null));
        }

        return Task.FromResult<(IActionResult?, Actor?)>(WorkshopAccess.IsFacilitator(HttpContext, workshop)
            ? (null, Actor.Facilitator)
            : (this.Refuse(StatusCodes.Status403Forbidden, Messages.NotFacilitator), null));
    }

    protected override bool MaySee(Step step) => true;

    protected override async Task LoadViewAsync()
    {
        await base.LoadViewAsync();
        if (TempData[StartModel.NewKeyTempDataKey] is string key)
        {
            NewFacilitatorLink = $"{Request.Scheme}://{Request.Host}{PagePath}?sleutel={key}";
        }

        if (Step.Kind == StepKind.Actions)
        {
            var rows = await Db.Participants.AsNoTracking()
                .Where(p => p.WorkshopId == Workshop.Id)
                .OrderBy(p => p.JoinedAt)
                .Select(p => new { p.DisplayName, Actions = p.Actions.OrderBy(a => a.Position).Select(a => new { a.Id, a.Text }).ToList() })
                .ToListAsync();
            RoomActions = rows.Where(r => r.Actions.Count > 0)
                .Select((r, i) => (r.DisplayName ?? Texts.Format(Texts.Facilitator.ParticipantNumber, i + 1), (IReadOnlyList<(Guid, string)>)r.Actions.Select(a => (a.Id, a.Text)).ToList()))
                .ToList();
            if (FromActionId is { } from && HttpMethods.IsGet(Request.Method))
            {
                TeamAction.Text ??= RoomActions.SelectMany(r => r.Actions).Where(a => a.Id == from).Select(a => a.Text).FirstOrDefault();
            }
        }
    }

    public Task<IActionResult> OnPostMoveAsync(Guid id, string? step, string? target) =>
        ControlAsync(id, step, WorkshopEvent.StepMoved, () =>
        {
            var to = Edition.Steps.Find(target) ?? throw new WorkshopRuleException(Messages.StepNotFound);
            Workshop.MoveTo(to);
            return to;
        });

    public Task<IActionResult> OnPostCloseAsync(Guid id, string? step) =>
        ControlAsync(id, step, WorkshopEvent.Status, () => { Workshop.Close(Clock.GetUtcNow().UtcDateTime); return Step; });

    public Task<IActionResult> OnPostReopenAsync(Guid id, string? step) =>
        ControlAsync(id, step, WorkshopEvent.Status, () => { Workshop.Reopen(); return Step; });

    public Task<IActionResult> OnPostHideAsync(Guid id, string? step) =>
        ControlAsync(id, step, WorkshopEvent.StepState, () => { Workshop.HideNotes(Step); return Step; });

    public Task<IActionResult> OnPostRevealAsync(Guid id, string? step) =>
        ControlAsync(id, step, WorkshopEvent.StepState, () => { Workshop.RevealNotes(Step); return Step; });

    public Task<IActionResult> OnPostRevealScoresAsync(Guid id, string? step) =>
        ControlAsync(id, step, WorkshopEvent.StepState, () => { Workshop.RevealScores(Step); return Step; });

    public Task<IActionResult> OnPostHideScoresAsync(Guid id, string? step) =>
        ControlAsync(id, step, WorkshopEvent.StepState, () => { Workshop.HideScores(Step); return Step; });

    public Task<IActionResult> OnPostLockAsync(Guid id, string? step) =>
        ControlAsync(id, step, WorkshopEvent.StepState, () => { Workshop.Lock(Step); return Step; });

    public Task<IActionResult> OnPostUnlockAsync(Guid id, string? step) =>
        ControlAsync(id, step, WorkshopEvent.StepState, () => { Workshop.Unlock(Step); return Step; });

    public Task<IActionResult> OnPostTimerAsync(Guid id, string? step, int? minutes) =>
        ControlAsync(id, step, WorkshopEvent.StepState, () =>
        {
            Workshop.StartTimer(Step, minutes ?? 0, Clock.GetUtcNow().UtcDateTime);
            return Step;
        });

    public Task<IActionResult> OnPostStopTimerAsync(Guid id, string? step) =>
        ControlAsync(id, step, WorkshopEvent.StepState, () => { Workshop.StopTimer(Step); return Step; });

    public Task<IActionResult> OnPostAddTeamActionAsync(Guid id) =>
        EditAsync(id, StepSequence.ActionsKey, () => Db.Entry(Workshop).Collection(w => w.TeamActions).LoadAsync(),
            () => Workshop.AddTeamAction(TeamAction.Text, TeamAction.Owner, TeamActionForm.ParseDate(TeamAction.DueDate), Clock.GetUtcNow().UtcDateTime),
            TeamActionForm.FieldOf, WorkshopEvent.Notes, "#teamacties-titel", Texts.TeamActions.Added);

    public Task<IActionResult> OnPostRemoveTeamActionAsync(Guid id, Guid? teamActionId) =>
        EditAsync(id, StepSequence.ActionsKey, () => Db.Entry(Workshop).Collection(w => w.TeamActions).LoadAsync(),
            () => Workshop.RemoveTeamAction(teamActionId ?? Guid.Empty),
            _ => "", WorkshopEvent.Notes, "#teamacties-titel", Texts.TeamActions.Removed);

    /// <summary>Records what became of one of last time's actions (follow-up sessions, welcome step).</summary>
    public Task<IActionResult> OnPostReviewAsync(Guid id, string? step, Guid? actionId, ActionStatus? status, string? note)
    {
        var key = FormIds.Review(actionId ?? Guid.Empty);
        return EditAsync(id, step, () => Db.Entry(Workshop).Collection(w => w.PreviousActions).LoadAsync(),
            () => Workshop.ReviewPreviousAction(actionId ?? Guid.Empty, status, note, Clock.GetUtcNow().UtcDateTime),
            message => message switch
            {
                Messages.ActionStatusRequired => key,
                Messages.PreviousActionNotFound => "",
                _ => key + "-toelichting",
            },
            WorkshopEvent.Status, $"#actie-{actionId:N}", Texts.PreviousActions.Saved);
    }

    /// <summary>
    /// A change made with a form of its own on the step (team actions, last time's actions): check access, load what
    /// the rule needs, change, save, tell the open pages, and come back with a confirmation; a broken rule shows the
    /// form again with the message by the field <paramref name="errorKey"/> names.
    /// </summary>
    private async Task<IActionResult> EditAsync(Guid id, string? step, Func<Task> load, Action change, Func<string, string> errorKey, string eventType, string anchor, string saved)
    {
        var refusal = await LoadAsync(id, step);
        if (refusal is not null)
        {
            return refusal;
        }

        await load();
        try
        {
            change();
            await Db.SaveChangesAsync();
        }
        catch (WorkshopRuleException e)
        {
            return await ShowAgainAsync(errorKey(e.Message), e.Message);
        }

        TempData["Saved"] = saved;
        Events.Publish(Workshop.Id, eventType, Step.Key);
        return Redirect(StepUrl(Step) + anchor);
    }

    /// <summary>Deletes the workshop with everything in it, now, after the facilitator ticked the confirmation.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(Guid id, string? step, bool confirm)
    {
        var refusal = await LoadAsync(id, step);
        if (refusal is not null)
        {
            return refusal;
        }

        if (!confirm)
        {
            return await ShowAgainAsync("confirm-delete", Messages.DeleteNotConfirmed);
        }

        Db.Workshops.Remove(Workshop);
        await Db.SaveChangesAsync();
        LogDeleted(logger, Workshop.Id, Workshop.Gemeente);
        Events.Publish(Workshop.Id, WorkshopEvent.Status);
        Response.Cookies.Delete(WorkshopAccess.FacilitatorCookieName(Workshop.Id), new CookieOptions { Path = $"/w/{Workshop.Id}" });
        TempData["Deleted"] = Messages.WorkshopDeleted(Workshop.Gemeente, Workshop.Title);
        return Redirect("/");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Workshop {WorkshopId} ({Gemeente}) deleted by its facilitator")]
    private static partial void LogDeleted(ILogger logger, Guid workshopId, string gemeente);

    /// <summary>
    /// One facilitator action: check access, change the workshop, save, tell the open pages. A plain form gets a
    /// redirect to the step it affected; the presenter's script gets 204.
    /// </summary>
    private async Task<IActionResult> ControlAsync(Guid id, string? step, string eventType, Func<Step> change)
    {
        var refusal = await LoadAsync(id, step);
        if (refusal is not null)
        {
            return refusal;
        }

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

        Events.Publish(Workshop.Id, eventType, affected.Key);
        if (FromScript)
        {
            return new NoContentResult();
        }

        // The presenter's buttons (without script) come back to the presenter.
        return Redirect(Request.Form["terug"] == "presenteren" ? $"/w/{Workshop.Id}/presenteren" : StepUrl(affected));
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
            : throw new WorkshopRuleException(Messages.DueDateFormat);

    /// <summary>Which field a rule's message is about, so the error sits beside it.</summary>
    public static string FieldOf(string message) => message switch
    {
        Messages.OwnerRequired or Messages.OwnerTooLong => "TeamAction.Owner",
        Messages.DueDateFormat or Messages.DueDateRequired or Messages.DueDateBeforeWorkshop or Messages.DueDateTooFar => "TeamAction.DueDate",
        Messages.TooManyTeamActions => "",
        _ => "TeamAction.Text",
    };
}
