using HandhavingsKoers.Web.Content;
using HandhavingsKoers.Web.Data;
using HandhavingsKoers.Web.Pages.Workshops;
using HandhavingsKoers.Web.Reports;
using HandhavingsKoers.Web.Workshops;
using Microsoft.AspNetCore.Mvc;

namespace HandhavingsKoers.Web.Pages.Facilitate;

/// <summary>The facilitator's page: moves the room, writes for the room, tidies up notes, closes the workshop.</summary>
public sealed class StepModel(AppDbContext db, EditionCatalog editions, TimeProvider clock) : StepPageModel(db, editions, clock)
{
    public override string PagePath => WorkshopAccess.FacilitatorPath(Workshop.Id);

    /// <summary>The secret link, shown once right after the workshop was started.</summary>
    public string? NewFacilitatorLink { get; private set; }

    public IReadOnlyList<ActionsOfParticipant> RoomActions { get; private set; } = [];

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
            RoomActions = await ActionsOfParticipant.LoadAsync(Db, Workshop.Id);
        }
    }

    public async Task<IActionResult> OnPostMoveAsync(Guid id, string? step, string? target)
    {
        var refusal = await LoadAsync(id, step);
        if (refusal is not null)
        {
            return refusal;
        }

        var to = Edition.Steps.Find(target);
        try
        {
            Workshop.MoveTo(to ?? throw new WorkshopRuleException(Messages.StepNotFound));
            await Db.SaveChangesAsync();
        }
        catch (WorkshopRuleException e)
        {
            return await ShowAgainAsync("", e.Message);
        }

        return Redirect(StepUrl(to));
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id, string? step)
    {
        var refusal = await LoadAsync(id, step);
        if (refusal is not null)
        {
            return refusal;
        }

        Workshop.Close(Clock.GetUtcNow().UtcDateTime);
        await Db.SaveChangesAsync();
        return Redirect(StepUrl(Step));
    }

    public async Task<IActionResult> OnPostReopenAsync(Guid id, string? step)
    {
        var refusal = await LoadAsync(id, step);
        if (refusal is not null)
        {
            return refusal;
        }

        Workshop.Reopen();
        await Db.SaveChangesAsync();
        return Redirect(StepUrl(Step));
    }
}
