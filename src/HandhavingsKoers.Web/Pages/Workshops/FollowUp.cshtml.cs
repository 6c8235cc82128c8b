using HandhavingsKoers.Web.Content;
using HandhavingsKoers.Web.Data;
using HandhavingsKoers.Web.Workshops;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HandhavingsKoers.Web.Pages.Workshops;

/// <summary>
/// Starts a session "als vervolg op" an earlier one. Only that session's facilitator may: the page sits under
/// <c>/w/{id}</c>, where their cookie is sent. The gemeente is carried over; last time's team actions are copied in.
/// </summary>
public sealed class FollowUpModel(AppDbContext db, EditionCatalog editions, TimeProvider clock) : PageModel
{
    [BindProperty]
    public FollowUpInput Input { get; set; } = new();

    public Workshop Previous { get; private set; } = null!;

    public int TeamActionCount => Previous.TeamActions.Count + Previous.PreviousActions.Count(a => a.IsOpen);

    public IReadOnlyList<Edition> Editions => editions.All;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var refusal = await LoadAsync(id);
        if (refusal is not null)
        {
            return refusal;
        }

        Input.Date = Texts.DutchDate(clock.GetUtcNow().UtcDateTime);
        Input.EditionKey = Previous.EditionKey;
        var title = Texts.Format(Texts.FollowUp.DefaultTitle, Previous.Title);
        Input.Title = title[..Math.Min(Workshop.TitleMaxLength, title.Length)];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var refusal = await LoadAsync(id);
        if (refusal is not null)
        {
            return refusal;
        }

        var edition = editions.Find(Input.EditionKey);
        if (edition is null)
        {
            ModelState.AddModelError("Input.EditionKey", Messages.EditionUnknown);
        }

        StartModel.CheckRule(ModelState, () => Workshop.CheckTitle(Input.Title));
        if (!ModelState.IsValid || edition is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        // The previous session's anonymous figures are kept with the chain (decision 0022).
        var previousScores = await Reports.SessionReport.ScoresByTopicAsync(db, editions, Previous);
        var key = SecretToken.New();
        var joinCode = await StartModel.UnusedJoinCodeAsync(db);
        Workshop? workshop = null;
        StartModel.CheckRule(ModelState, () => workshop = Workshop.StartFollowUp(Previous, Input.Title, Input.Date!.Value, edition,
            joinCode, SecretToken.Hash(key), clock.GetUtcNow().UtcDateTime, previousScores));
        if (workshop is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        // A prepared session's follow-up walks the same way: the choice and order of principles and the own questions
        // (decision 0020). It is not a concept, so its plan is fixed from the start.
        workshop.CopyPlanFrom(Previous, editions.Get(Previous.EditionKey), edition);
        return await StartModel.SaveAndOpenAsync(this, db, workshop, key);
    }

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        var previous = await db.Workshops.Include(w => w.TeamActions).Include(w => w.PreviousActions).Include(w => w.ActionHistory)
            .Include(w => w.KeptSessions).ThenInclude(k => k.Topics).AsSplitQuery().SingleOrDefaultAsync(w => w.Id == id);
        if (previous is null)
        {
            return this.Refuse(StatusCodes.Status404NotFound, Messages.WorkshopNotFound);
        }

        var (refusal, _) = await this.AuthorizeAsync(db, previous, FacilitatorAction.StartFollowUp);
        if (refusal is not null)
        {
            return refusal;
        }

        Previous = previous;
        return null;
    }

    public sealed class FollowUpInput
    {
        /// <summary>Checked by <see cref="Workshop.CheckTitle"/>.</summary>
        public string? Title { get; set; }

        [System.ComponentModel.DataAnnotations.Required(ErrorMessage = Messages.DateRequired)]
        public DateOnly? Date { get; set; }

        [System.ComponentModel.DataAnnotations.Required(ErrorMessage = Messages.EditionUnknown)]
        public string? EditionKey { get; set; }
    }
}
