using HandhavingsKoers.Web.Content;
using HandhavingsKoers.Web.Data;
using HandhavingsKoers.Web.Workshops;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HandhavingsKoers.Web.Pages;

/// <summary>
/// What the participant's page and the facilitator's page share: loading a workshop and one of its steps,
/// the room's notes on that step, and adding, editing and removing notes. Each page decides who the actor is.
/// </summary>
public abstract class StepPageModel(AppDbContext db, EditionCatalog editions, TimeProvider clock) : PageModel
{
    protected AppDbContext Db => db;
    protected TimeProvider Clock => clock;

    public Workshop Workshop { get; private set; } = null!;
    public Edition Edition { get; private set; } = null!;
    public Step Step { get; private set; } = null!;
    public Actor Actor { get; private set; } = null!;
    public IReadOnlyList<NoteView> Notes { get; private set; } = [];
    public int ParticipantCount { get; private set; }

    public Step CurrentStep => Edition.Steps.Find(Workshop.CurrentStepKey) ?? Edition.Steps.First;

    /// <summary>The note being edited in place (from <c>?bewerk=</c>, or a failed edit).</summary>
    [BindProperty(SupportsGet = true, Name = "bewerk")]
    public Guid? EditingNoteId { get; set; }

    [BindProperty]
    public NoteForm Form { get; set; } = new();

    /// <summary>The base path of this page for this workshop, e.g. <c>/w/{id}/stap</c>.</summary>
    public abstract string PagePath { get; }

    public string StepUrl(Step step) => $"{PagePath}/{step.Key}";

    /// <summary>Establishes who is asking; returns a refusal, or null and sets the actor.</summary>
    protected abstract Task<(IActionResult? Refusal, Actor? Actor)> AuthorizeAsync(Workshop workshop);

    /// <summary>Whether the actor may look at this step; participants may not look ahead of the room.</summary>
    protected abstract bool MaySee(Step step);

    protected async Task<IActionResult?> LoadAsync(Guid id, string? stepKey)
    {
        var workshop = await db.Workshops.SingleOrDefaultAsync(w => w.Id == id);
        if (workshop is null)
        {
            return this.Refuse(StatusCodes.Status404NotFound, Messages.WorkshopNotFound);
        }

        Workshop = workshop;
        Edition = editions.Get(workshop.EditionKey);
        var (refusal, actor) = await AuthorizeAsync(workshop);
        if (refusal is not null)
        {
            return refusal;
        }

        Actor = actor!;
        var step = stepKey is null ? CurrentStep : Edition.Steps.Find(stepKey);
        if (step is null)
        {
            return this.Refuse(StatusCodes.Status404NotFound, Messages.StepNotFound);
        }

        if (!MaySee(step))
        {
            return this.Refuse(StatusCodes.Status403Forbidden, Messages.StepNotStarted);
        }

        Step = step;
        return null;
    }

    /// <summary>Loads what the page shows; called after LoadAsync, also when a failed form is shown again.</summary>
    protected virtual async Task LoadViewAsync()
    {
        ParticipantCount = await db.Participants.CountAsync(p => p.WorkshopId == Workshop.Id);
        if (Step.TakesNotes)
        {
            var rows = await db.Notes.AsNoTracking()
                .Where(n => n.WorkshopId == Workshop.Id && n.StepKey == Step.Key)
                .OrderBy(n => n.CreatedAt)
                .Select(n => new { n.Id, n.Column, n.Text, n.ParticipantId, Name = n.Participant!.DisplayName, n.CreatedAt, n.UpdatedAt })
                .ToListAsync();
            Notes = rows.Select(n => new NoteView(
                n.Id, n.Column, n.Text, NoteView.AuthorLabel(n.ParticipantId, n.Name),
                IsMine: n.ParticipantId == Actor.ParticipantId,
                MayChange: !Workshop.IsClosed && (Actor.IsFacilitator || n.ParticipantId == Actor.ParticipantId),
                Edited: n.UpdatedAt is not null)).ToList();
        }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, string? step)
    {
        var refusal = await LoadAsync(id, step);
        if (refusal is not null)
        {
            return refusal;
        }

        await LoadViewAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAddNoteAsync(Guid id, string? step)
    {
        var refusal = await LoadAsync(id, step);
        if (refusal is not null)
        {
            return refusal;
        }

        var column = Form.Column ?? NoteColumn.Already;
        try
        {
            Workshop.AddNote(Edition, Step, column, Form.Text, Actor, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        }
        catch (WorkshopRuleException e)
        {
            return await ShowAgainAsync(FormIds.AddNote(column), e.Message);
        }

        return Redirect(StepUrl(Step) + $"#{FormIds.AddNote(column)}");
    }

    public async Task<IActionResult> OnPostEditNoteAsync(Guid id, string? step)
    {
        var refusal = await LoadAsync(id, step);
        if (refusal is not null)
        {
            return refusal;
        }

        var note = await FindNoteAsync();
        try
        {
            Workshop.EditNote(note ?? throw new WorkshopRuleException(Messages.NoteNotFound), Form.Text, Actor, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        }
        catch (WorkshopRuleException e)
        {
            EditingNoteId = note?.Id;
            return await ShowAgainAsync(note is null ? "" : FormIds.EditNote(note.Id), e.Message);
        }

        return Redirect(StepUrl(Step) + $"#notitie-{note.Id:N}");
    }

    public async Task<IActionResult> OnPostDeleteNoteAsync(Guid id, string? step)
    {
        var refusal = await LoadAsync(id, step);
        if (refusal is not null)
        {
            return refusal;
        }

        var note = await FindNoteAsync();
        try
        {
            Workshop.RemoveNote(note ?? throw new WorkshopRuleException(Messages.NoteNotFound), Actor);
            await db.SaveChangesAsync();
        }
        catch (WorkshopRuleException e)
        {
            return await ShowAgainAsync("", e.Message);
        }

        return Redirect(StepUrl(Step));
    }

    /// <summary>Shows the page again with the message and what the user typed; nothing was stored.</summary>
    protected async Task<IActionResult> ShowAgainAsync(string key, string message)
    {
        ModelState.AddModelError(key, message);
        await LoadViewAsync();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>Only notes of this workshop and this step: a note id from elsewhere is simply "not found".</summary>
    private Task<Note?> FindNoteAsync() => Form.NoteId is { } noteId
        ? db.Notes.SingleOrDefaultAsync(n => n.Id == noteId && n.WorkshopId == Workshop.Id && n.StepKey == Step.Key)
        : Task.FromResult<Note?>(null);
}

/// <summary>The fields of the add, edit and delete forms for notes.</summary>
public sealed class NoteForm
{
    public NoteColumn? Column { get; set; }
    public string? Text { get; set; }
    public Guid? NoteId { get; set; }
}

public sealed record NoteView(Guid Id, NoteColumn Column, string Text, string Author, bool IsMine, bool MayChange, bool Edited)
{
    public const string RoomLabel = "Begeleider, voor de groep";
    public const string AnonymousLabel = "Anoniem";

    public static string AuthorLabel(Guid? participantId, string? name) =>
        participantId is null ? RoomLabel : name ?? AnonymousLabel;
}
