using HandhavingsKoers.Web.Content;
using HandhavingsKoers.Web.Data;
using HandhavingsKoers.Web.Live;
using HandhavingsKoers.Web.Workshops;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HandhavingsKoers.Web.Pages.Facilitate;

/// <summary>
/// The facilitator's page for the prioritising round: open it, reveal and close it, merge duplicates (and undo),
/// enter the dots counted on paper, and turn the top notes into team actions.
/// </summary>
public sealed class PrioritiesModel(AppDbContext db, EditionCatalog editions, TimeProvider clock, IWorkshopEvents events) : PageModel
{
    public Workshop Workshop { get; private set; } = null!;

    /// <summary>Who runs the room here; the page shows only the forms this role may use.</summary>
    public Actor Actor { get; private set; } = null!;
    public Edition Edition { get; private set; } = null!;
    public RoundView View { get; private set; } = null!;
    public int ParticipantCount { get; private set; }
    public string LiveUrl { get; private set; } = "";

    /// <summary>The panel of the new round; empty for all principles.</summary>
    [BindProperty]
    public string? Scope { get; set; }

    [BindProperty]
    public int? DotsPerParticipant { get; set; } = PriorityRound.DefaultDots;

    [BindProperty]
    public bool AllowSeveral { get; set; }

    [BindProperty]
    public List<Guid> NoteIds { get; set; } = [];

    [BindProperty]
    public string? Wording { get; set; }

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var id = Guid.Parse((string)context.RouteData.Values["id"]!);
        LiveUrl = Routes.Live(id, events.LastId);
        if (HttpMethods.IsPost(Request.Method) && !ModelState.IsValid)
        {
            ModelState.Clear();
            context.Result = this.Refuse(StatusCodes.Status400BadRequest, Messages.BadRequest);
            return;
        }

        var workshop = await db.Workshops.Include(w => w.StepStates).Include(w => w.PriorityRound).SingleOrDefaultAsync(w => w.Id == id);
        if (workshop is null)
        {
            context.Result = this.Refuse(StatusCodes.Status404NotFound, Messages.WorkshopNotFound);
            return;
        }

        var (refusal, actor) = await this.AuthorizeAsync(db, workshop, FacilitatorPages.ActionOf(context));
        if (refusal is not null)
        {
            context.Result = refusal;
            return;
        }

        Actor = actor!;

        Workshop = workshop;
        Edition = editions.For(workshop);
        await next();
    }

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadViewAsync();
        return Page();
    }

    [Requires(FacilitatorAction.RunPriorities)]
    public Task<IActionResult> OnPostOpenAsync() => ChangeAsync(
        () => Workshop.OpenPriorityRound(Edition, string.IsNullOrEmpty(Scope) ? null : Scope, DotsPerParticipant, AllowSeveral, Now),
        WorkshopEvent.Status, Texts.Priorities.Opened, field => field == nameof(PriorityRound.DotsPerParticipant) ? nameof(DotsPerParticipant) : field is null ? "" : nameof(Scope));

    [Requires(FacilitatorAction.RunPriorities)]
    public Task<IActionResult> OnPostRevealAsync() =>
        ChangeAsync(() => Workshop.RevealDots(Now), WorkshopEvent.Status, Texts.Priorities.Revealed);

    [Requires(FacilitatorAction.RunPriorities)]
    public Task<IActionResult> OnPostCloseAsync() =>
        ChangeAsync(() => Workshop.ClosePriorityRound(Now), WorkshopEvent.Status, Texts.Priorities.ClosedNotice);

    /// <summary>Starts over: the round and every dot go (the paper tallies too); merges stay.</summary>
    [Requires(FacilitatorAction.RunPriorities)]
    public async Task<IActionResult> OnPostStartOverAsync()
    {
        try
        {
            Workshop.RemovePriorityRound();
        }
        catch (WorkshopRuleException e)
        {
            return await ShowAgainAsync("", e.Message);
        }

        try
        {
            await using var transaction = await db.BeginWriteAsync();
            // The round's dots go with it (a foreign key with cascade, so a dot saved in a race cannot outlive it).
            await db.SaveChangesAsync();
            await db.Notes.Where(n => n.WorkshopId == Workshop.Id && n.PaperDots != 0).ExecuteUpdateAsync(s => s.SetProperty(n => n.PaperDots, 0));
            await transaction.CommitAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            // A double click: the other press removed the round first.
            return await ShowAgainAsync("", Messages.RoundChangedMeanwhile);
        }

        return await DoneAsync(WorkshopEvent.Status, Texts.Priorities.Removed, "");
    }

    [Requires(FacilitatorAction.TidyNotes)]
    public async Task<IActionResult> OnPostMergeAsync()
    {
        var ids = NoteIds.Distinct().ToList();

        // Only this workshop's notes are looked up: an id from another workshop is "not found", and nothing changes.
        var notes = await db.Notes.Where(n => n.WorkshopId == Workshop.Id && ids.Contains(n.Id)).ToListAsync();
        Note merged;
        try
        {
            if (notes.Count != ids.Count && ids.Count >= 2)
            {
                throw new WorkshopRuleException(Messages.NoteNotFound);
            }

            // The dots on these notes move onto the merged note (everyone's: the facilitator's page, not a participant's).
            await db.Entry(Workshop).Collection(w => w.Dots).Query().Where(d => ids.Contains(d.NoteId)).LoadAsync();
            merged = Workshop.MergeNotes(notes, Wording, Now);
            await db.SaveChangesAsync();
        }
        catch (WorkshopRuleException e)
        {
            return await ShowAgainAsync(e.Field is null ? "" : nameof(Wording), e.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ShowAgainAsync("", Messages.NotesChangedMeanwhile);
        }

        await events.PublishAsync(Workshop.Id, WorkshopEvent.Notes, merged.StepKey);
        return await DoneAsync(WorkshopEvent.Dots, Texts.Priorities.Merged, $"#notitie-{merged.Id:N}");
    }

    [Requires(FacilitatorAction.TidyNotes)]
    public async Task<IActionResult> OnPostUnmergeAsync(Guid? noteId)
    {
        var merged = await db.Notes.SingleOrDefaultAsync(n => n.Id == noteId && n.WorkshopId == Workshop.Id);
        try
        {
            var originals = merged is null ? [] : await db.Notes.Where(n => n.MergedIntoId == merged.Id).ToListAsync();
            if (merged is not null)
            {
                // What the merged note carries goes back to the originals: its dots, and its place among the kernpunten.
                await db.Entry(Workshop).Collection(w => w.Dots).Query().Where(d => d.NoteId == merged.Id).LoadAsync();
                await db.Entry(Workshop).Collection(w => w.Conclusions).Query().Include(c => c.KeyPoints).Where(c => c.StepKey == merged.StepKey).LoadAsync();
            }

            Workshop.UndoMerge(merged ?? throw new WorkshopRuleException(Messages.NoteNotFound), originals, Now);
            await db.SaveChangesAsync();
        }
        catch (WorkshopRuleException e)
        {
            return await ShowAgainAsync("", e.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ShowAgainAsync("", Messages.NotesChangedMeanwhile);
        }

        await events.PublishAsync(Workshop.Id, WorkshopEvent.Notes, merged.StepKey);
        return await DoneAsync(WorkshopEvent.Dots, Texts.Priorities.Unmerged, "");
    }

    /// <summary>Stores the dots a table counted on paper for one note; the count arrives as text so a typo gets a Dutch message.</summary>
    [Requires(FacilitatorAction.TidyNotes)]
    public async Task<IActionResult> OnPostPaperAsync(Guid? noteId, string? count)
    {
        var note = await db.Notes.SingleOrDefaultAsync(n => n.Id == noteId && n.WorkshopId == Workshop.Id);
        try
        {
            int? value = string.IsNullOrWhiteSpace(count) ? 0
                : int.TryParse(count.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
            Workshop.SetPaperDots(note ?? throw new WorkshopRuleException(Messages.NoteNotFound), value);
            await db.SaveChangesAsync();
        }
        catch (WorkshopRuleException e)
        {
            return await ShowAgainAsync(e.Field is null || note is null ? "" : FormIds.PaperDots(note.Id), e.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ShowAgainAsync("", Messages.NotesChangedMeanwhile);
        }

        return await DoneAsync(WorkshopEvent.Dots, Texts.Priorities.PaperSaved, $"#notitie-{note.Id:N}");
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<IActionResult> ChangeAsync(Action change, string eventType, string saved, Func<string?, string>? fieldKey = null)
    {
        try
        {
            change();
            await db.SaveChangesAsync();
        }
        catch (WorkshopRuleException e)
        {
            return await ShowAgainAsync(fieldKey?.Invoke(e.Field) ?? "", e.Message);
        }
        catch (DbUpdateException)
        {
            // A double click: two presses of Open both found no round, and the second to save clashes with the first
            // (the round's key is the workshop's); or the round was removed meanwhile.
            return await ShowAgainAsync("", Messages.RoundChangedMeanwhile);
        }

        return await DoneAsync(eventType, saved, "");
    }

    private async Task<RedirectResult> DoneAsync(string eventType, string saved, string anchor)
    {
        await events.PublishAsync(Workshop.Id, eventType);
        TempData["Saved"] = saved;
        return Redirect(Routes.Priorities(Workshop.Id) + anchor);
    }

    private async Task<IActionResult> ShowAgainAsync(string key, string message)
    {
        ModelState.AddModelError(key, message);
        db.ChangeTracker.Clear();
        Workshop = await db.Workshops.AsNoTracking().Include(w => w.StepStates).Include(w => w.PriorityRound).SingleAsync(w => w.Id == Workshop.Id);
        await LoadViewAsync();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadViewAsync()
    {
        View = await RoundView.LoadAsync(db, Edition, Workshop, Viewer.Facilitator);
        ParticipantCount = await db.Participants.CountAsync(p => p.WorkshopId == Workshop.Id);
    }

    /// <summary>The team action form on the actions step, filled in with the note's text.</summary>
    public string TeamActionUrl(RoundItem item) =>
        Routes.WithQuery(Routes.FacilitatorStep(Workshop.Id, StepSequence.ActionsKey), $"notitie={item.NoteId}") + "#teamactie-formulier";
}
