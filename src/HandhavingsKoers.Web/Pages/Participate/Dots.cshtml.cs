using HandhavingsKoers.Web.Content;
using HandhavingsKoers.Web.Data;
using HandhavingsKoers.Web.Live;
using HandhavingsKoers.Web.Workshops;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HandhavingsKoers.Web.Pages.Participate;

/// <summary>
/// A participant's dots: the notes in the prioritising round, each with a button to give a dot and one to take it
/// back. Before the facilitator reveals them, this page never holds anyone else's dots (see <see cref="RoundView"/>).
/// </summary>
public sealed class DotsModel(AppDbContext db, EditionCatalog editions, TimeProvider clock, IWorkshopEvents events) : PageModel
{
    public Workshop Workshop { get; private set; } = null!;
    public Edition Edition { get; private set; } = null!;
    public Participant Participant { get; private set; } = null!;
    public RoundView View { get; private set; } = null!;
    public string LiveUrl { get; private set; } = "";

    /// <summary>The page's script posts with this header and wants a short answer instead of a redirect.</summary>
    private bool FromScript => Request.Headers["X-Requested-With"] == "fetch";

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

        var participant = await WorkshopAccess.FindParticipantAsync(db, HttpContext, workshop.Id);
        if (participant is null)
        {
            context.Result = this.Refuse(StatusCodes.Status403Forbidden, Messages.NotParticipant);
            return;
        }

        Workshop = workshop;
        Participant = participant;
        Edition = editions.For(workshop);
        await next();
    }

    public async Task<IActionResult> OnGetAsync()
    {
        View = await RoundView.LoadAsync(db, Edition, Workshop, Viewer.Participant(Participant.Id));
        return Page();
    }

    public Task<IActionResult> OnPostPlaceAsync(Guid? noteId)
    {
        Dot? placed = null;
        return VoteAsync(noteId, note => placed = Workshop.PlaceDot(note, Participant.Id, clock.GetUtcNow().UtcDateTime), Texts.Priorities.Placed,
            async () =>
            {
                // A double tap can race past the rule (each post counted before the other was stored): the later dot goes.
                // Every dot over the rule goes, not only this post's: the other post may have settled before this
                // one's dot was stored (and a dot's time need not follow the order the two were saved in).
                var mine = await db.Dots.AsNoTracking().Where(d => d.ParticipantId == Participant.Id)
                    .OrderBy(d => d.PlacedAt).ThenBy(d => d.Id).Select(d => new { d.Id, d.NoteId, Moved = d.MergedFromNoteId != null }).ToListAsync();
                var counted = Workshop.PriorityRound!.DotsThatCount(mine.Select(d => (d.Id, d.NoteId, d.Moved)));
                var over = mine.Where(d => !counted.Contains(d.Id)).Select(d => d.Id).ToList();
                if (over.Count > 0)
                {
                    await db.Dots.Where(d => d.ParticipantId == Participant.Id && over.Contains(d.Id)).ExecuteDeleteAsync();
                }

                if (placed is not null && !counted.Contains(placed.Id))
                {
                    throw new WorkshopRuleException(mine.Count(d => d.NoteId == placed.NoteId) > 1 && !Workshop.PriorityRound.AllowSeveralPerNote
                        ? Messages.OneDotPerNote : Messages.NoDotsLeft(Workshop.PriorityRound.DotsPerParticipant));
                }
            });
    }

    public Task<IActionResult> OnPostTakeBackAsync(Guid? noteId) =>
        VoteAsync(noteId, note => Workshop.TakeBackDot(note, Participant.Id), Texts.Priorities.TakenBack);

    private async Task<IActionResult> VoteAsync(Guid? noteId, Action<Note> vote, string saved, Func<Task>? afterSave = null)
    {
        // Only this participant's own dots are loaded: the rule counts them, and nobody else's leave the database.
        await db.Entry(Workshop).Collection(w => w.Dots).Query().Where(d => d.ParticipantId == Participant.Id).LoadAsync();
        var note = await db.Notes.SingleOrDefaultAsync(n => n.Id == noteId && n.WorkshopId == Workshop.Id);
        try
        {
            if (note is not null && !MayRead(note))
            {
                note = null;
            }

            vote(note ?? throw new WorkshopRuleException(Messages.NoteNotFound));
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateConcurrencyException)
            {
                // A double tap on "take back": the other press removed the dot first.
                throw new WorkshopRuleException(Messages.NoDotToTakeBack);
            }
            catch (DbUpdateException)
            {
                // The facilitator started over, or the note was deleted (or a merge undone), between our read and our
                // write: the dot has nothing to stand on.
                db.ChangeTracker.Clear();
                throw new WorkshopRuleException(await db.PriorityRounds.AnyAsync(r => r.WorkshopId == Workshop.Id) ? Messages.NoteNotFound : Messages.RoundNotOpen);
            }
            if (afterSave is not null)
            {
                await afterSave();
            }
        }
        catch (WorkshopRuleException e)
        {
            if (FromScript)
            {
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Content(e.Message, "text/plain; charset=utf-8");
            }

            ModelState.AddModelError("", e.Message);
            db.ChangeTracker.Clear();
            Workshop = await db.Workshops.AsNoTracking().Include(w => w.StepStates).Include(w => w.PriorityRound).SingleAsync(w => w.Id == Workshop.Id);
            View = await RoundView.LoadAsync(db, Edition, Workshop, Viewer.Participant(Participant.Id));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await events.PublishAsync(Workshop.Id, WorkshopEvent.Dots, countsOnly: true);
        if (!FromScript)
        {
            TempData["Saved"] = saved;
        }

        return Redirect(Routes.Dots(Workshop.Id) + $"#notitie-{note.Id:N}");
    }

    /// <summary>A note this participant may not read (a step the room has not reached, silent writing) cannot get their dot either.</summary>
    private bool MayRead(Note note) =>
        Edition.Steps.Find(note.StepKey) is { } step && Workshop.NotesVisibleTo(Viewer.Participant(Participant.Id), step, Edition).Allows(note.ParticipantId);
}
