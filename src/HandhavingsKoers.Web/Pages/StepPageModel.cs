using System.Reflection;
using HandhavingsKoers.Web.Content;
using HandhavingsKoers.Web.Data;
using HandhavingsKoers.Web.Live;
using HandhavingsKoers.Web.Security;
using HandhavingsKoers.Web.Workshops;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HandhavingsKoers.Web.Pages;

/// <summary>
/// What the participant's page and the facilitator's page share: before any handler runs, the workshop and the step
/// are loaded and the request is refused when the asker may not be here (<see cref="OnPageHandlerExecutionAsync"/>,
/// once for every handler); the page is drawn from one <see cref="StepView"/>; and adding, editing and removing notes.
/// Each page decides who the actor is.
/// </summary>
public abstract class StepPageModel(
    AppDbContext db, EditionCatalog editions, TimeProvider clock, IWorkshopEvents events, IOptions<SecurityOptions> security) : PageModel
{
    protected AppDbContext Db => db;
    protected TimeProvider Clock => clock;
    protected IWorkshopEvents Events => events;

    /// <summary>The page's script posts forms with this header and wants a fragment back instead of a redirect.</summary>
    protected bool FromScript => Request.Headers["X-Requested-With"] == "fetch";

    public Workshop Workshop { get; private set; } = null!;
    public Edition Edition { get; private set; } = null!;
    public Step Step { get; private set; } = null!;
    public Actor Actor { get; private set; } = null!;

    /// <summary>What the page shows; read by <see cref="LoadViewAsync"/> after the handler ran.</summary>
    public StepView View { get; private set; } = null!;

    /// <summary>The stream address for this page, resuming from just before the page read the database.</summary>
    public string LiveUrl { get; private set; } = "";

    /// <summary>The note being edited in place (from <c>?bewerk=</c>, or a failed edit).</summary>
    [BindProperty(SupportsGet = true, Name = "bewerk")]
    public Guid? EditingNoteId { get; set; }

    [BindProperty]
    public NoteForm Form { get; set; } = new();

    /// <summary><c>?alle=true</c>: every note, not only the newest <see cref="StepView.PageNotesPerColumn"/> per column.</summary>
    [BindProperty(SupportsGet = true, Name = "alle")]
    public bool ShowAll { get; set; }

    /// <summary>What the note forms show again after a refused post.</summary>
    public NoteFormState NoteForms => new(EditingNoteId, Form.Column, Form.Text);

    /// <summary>What the handler about to run does, for the facilitator's page to check against the role (decision 0021).</summary>
    protected FacilitatorAction HandlerAction { get; private set; }

    /// <summary>Establishes who is asking; returns a refusal, or null and the actor.</summary>
    protected abstract Task<(IActionResult? Refusal, Actor? Actor)> AuthorizeAsync(Workshop workshop);

    /// <summary>
    /// The load-and-refuse step of every handler: a malformed post, an unknown workshop or step, someone who is not
    /// in the workshop, a participant looking ahead of the room. A refusal ends the request before the handler runs.
    /// </summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var refusal = await LoadAsync(context);
        if (refusal is not null)
        {
            context.Result = refusal;
            return;
        }

        await next();
    }

    private async Task<IActionResult?> LoadAsync(PageHandlerExecutingContext context)
    {
        var id = Guid.Parse((string)context.RouteData.Values["id"]!);
        LiveUrl = Routes.Live(id, events.LastId);
        if (HttpMethods.IsPost(Request.Method) && !ModelState.IsValid)
        {
            // A value of the wrong kind (a column that does not exist, an id that is not one): refuse, store nothing.
            ModelState.Clear();
            return this.Refuse(StatusCodes.Status400BadRequest, Messages.BadRequest);
        }

        // One connection for the whole request. Left to itself EF opens and closes it around each of the page's
        // queries, and every open sets up EF's SQL functions and our pragmas again.
        await db.Database.OpenConnectionAsync();
        var workshop = await db.Workshops.Include(w => w.StepStates).Include(w => w.PriorityRound).SingleOrDefaultAsync(w => w.Id == id);
        if (workshop is null)
        {
            return this.Refuse(StatusCodes.Status404NotFound, Messages.WorkshopNotFound);
        }

        Workshop = workshop;
        Edition = editions.For(workshop);
        HandlerAction = FacilitatorPages.ActionOf(context);
        var (refusal, actor) = await AuthorizeAsync(workshop);
        if (refusal is not null)
        {
            return refusal;
        }

        Actor = actor!;
        var stepKey = context.HandlerMethod?.MethodInfo.GetCustomAttribute<OnStepAttribute>()?.StepKey
            ?? context.RouteData.Values["step"] as string;
        var step = stepKey is null ? Edition.Steps.Find(workshop.CurrentStepKey) ?? Edition.Steps.First : Edition.Steps.Find(stepKey);
        if (step is null)
        {
            return this.Refuse(StatusCodes.Status404NotFound, Messages.StepNotFound);
        }

        if (!workshop.MaySee(Viewer.Of(Actor), step, Edition))
        {
            // Someone who looked ahead (a typed or old address) is offered the step the room is on now.
            return this.Refuse(StatusCodes.Status403Forbidden, Messages.StepNotStarted,
                new WayOn(Routes.Step(Viewer.Of(Actor), workshop.Id, workshop.CurrentStepKey), Texts.Error.ToRoomsStep));
        }

        Step = step;
        return null;
    }

    /// <summary>Reads what the page shows; after a handler changed something, or to show a refused form again.</summary>
    protected virtual async Task LoadViewAsync() =>
        View = await StepView.LoadAsync(db, editions, Workshop, Step, Viewer.Of(Actor),
            ShowAll ? int.MaxValue : StepView.PageNotesPerColumn, clock.GetUtcNow().UtcDateTime);

    public string StepUrl(Step step) => Routes.Step(Viewer.Of(Actor), Workshop.Id, step.Key);

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadViewAsync();
        return Page();
    }

    /// <summary>The live part of the page (status and the two lists of notes), fetched again by the script on events.</summary>
    public async Task<IActionResult> OnGetLiveAsync()
    {
        await LoadViewAsync();
        return Partial("_LiveNotes", new NotesModel(View, NoteForms));
    }

    [Requires(FacilitatorAction.WriteNotes)]
    public async Task<IActionResult> OnPostAddNoteAsync()
    {
        var column = Form.Column ?? NoteColumn.Already;
        var anchor = "#" + FormIds.AddNote(column);
        Note? added = null;
        try
        {
            // A retried post (double click, flaky Wi-Fi) carries the same id as the first: store the note once.
            if (await IsRetryOfStoredNoteAsync())
            {
                return await ChangedAsync(WorkshopEvent.Notes, anchor);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var since = now.AddMinutes(-1);
            var me = Actor.ParticipantId;
            Workshop.EnsureRoomForNote(security.Value.NoteQuota, Actor,
                await db.Notes.CountAsync(n => n.WorkshopId == Workshop.Id),
                me is null ? 0 : await db.Notes.CountAsync(n => n.ParticipantId == me && n.CreatedAt > since));
            added = Workshop.AddNote(Edition, Step, column, Form.Text, Actor, now, Form.ClientId ?? Guid.Empty);
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException) when (Form.ClientId is not null)
        {
            // Two posts with the same id raced and the other one stored its note: the same note (a double click on
            // poor Wi-Fi) is fine; a different text under that id is a conflict, told like any other.
            db.ChangeTracker.Clear();
            Workshop = await db.Workshops.Include(w => w.StepStates).SingleAsync(w => w.Id == Workshop.Id);
            try
            {
                if (!await IsRetryOfStoredNoteAsync())
                {
                    throw;
                }
            }
            catch (WorkshopRuleException e)
            {
                return await ShowAgainAsync(FormIds.AddNote(column), e.Message, StatusCodes.Status409Conflict);
            }
        }
        catch (NoteIdTakenException e)
        {
            return await ShowAgainAsync(FormIds.AddNote(column), e.Message, StatusCodes.Status409Conflict);
        }
        catch (WorkshopLimitException e)
        {
            Response.Headers.RetryAfter = "60";
            return await ShowAgainAsync(FormIds.AddNote(column), e.Message, StatusCodes.Status429TooManyRequests);
        }
        catch (WorkshopRuleException e)
        {
            return await ShowAgainAsync(FormIds.AddNote(column), e.Message);
        }

        return await ChangedAsync(WorkshopEvent.Notes, anchor, added is null ? null : await LiveNoteAsync(added));
    }

    /// <summary>
    /// The added note as its event carries it to the other participants' pages: named as they see it
    /// (<see cref="NoteView.For"/>), and whether they may read it now (<see cref="Workshop.OthersMayRead"/>).
    /// </summary>
    private async Task<LiveNote> LiveNoteAsync(Note note)
    {
        var author = await db.Notes.AsNoTracking().Where(n => n.Id == note.Id)
            .Select(NoteView.For(Viewer.Participant(Guid.Empty), writable: false)).Select(n => n.Author).SingleOrDefaultAsync();
        return new LiveNote(note.Id, note.ParticipantId, note.Column, note.Text, author, Workshop.OthersMayRead(note, Step, Edition));
    }

    [Requires(FacilitatorAction.WriteNotes)]
    public async Task<IActionResult> OnPostEditNoteAsync()
    {
        var note = await FindNoteAsync();
        try
        {
            Workshop.EditNote(note ?? throw new WorkshopRuleException(Messages.NoteNotFound), Form.Text, Actor, clock.GetUtcNow().UtcDateTime, Form.Version);
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            // Changed by someone else between our read and our write: same answer as a version mismatch.
            var current = await db.Notes.AsNoTracking().Where(n => n.Id == note!.Id).Select(n => n.Text).SingleOrDefaultAsync();
            db.ChangeTracker.Clear();
            EditingNoteId = note!.Id;
            return await ShowAgainAsync(FormIds.EditNote(note.Id), current is null ? Messages.NoteNotFound : Messages.EditConflict(current, Form.Text ?? ""));
        }
        catch (WorkshopRuleException e)
        {
            EditingNoteId = note?.Id;
            if (e is NoteConflictException)
            {
                // Show the current text in the form; the message holds what the user wrote.
                Form.Text = null;
            }

            return await ShowAgainAsync(note is null ? "" : FormIds.EditNote(note.Id), e.Message);
        }

        return await ChangedAsync(WorkshopEvent.Notes, $"#notitie-{note.Id:N}");
    }

    [Requires(FacilitatorAction.WriteNotes)]
    public async Task<IActionResult> OnPostDeleteNoteAsync()
    {
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

        return await ChangedAsync(WorkshopEvent.Notes, "");
    }

    /// <summary>
    /// After a change was saved: tell the open pages, then answer the script with the fresh live fragment,
    /// or a plain form post with a redirect to this step (post, redirect, get).
    /// </summary>
    protected async Task<IActionResult> ChangedAsync(string eventType, string anchor, LiveNote? note = null, bool countsOnly = false)
    {
        await events.PublishAsync(Workshop.Id, eventType, Step.Key, note, countsOnly);
        if (!FromScript)
        {
            return Redirect(StepUrl(Step) + anchor);
        }

        await LoadViewAsync();
        return Partial("_LiveNotes", new NotesModel(View, NoteForms));
    }

    /// <summary>
    /// Shows the page again with the message by the field <paramref name="key"/> and what the user typed; nothing was
    /// stored. 400 for a broken rule, 409 when what was sent clashes with what someone stored meanwhile, 429 for a
    /// limit against flooding.
    /// </summary>
    protected async Task<IActionResult> ShowAgainAsync(string key, string message, int status = StatusCodes.Status400BadRequest)
    {
        if (FromScript)
        {
            // The script keeps what was typed and shows the message by the field.
            Response.StatusCode = status;
            return Content(message, "text/plain; charset=utf-8");
        }

        ModelState.AddModelError(key, message);
        await LoadViewAsync();
        Response.StatusCode = status;
        return Page();
    }

    /// <summary>
    /// True when a note with the form's id is already stored by this author with this text. The same id with other
    /// content (or from someone else) is refused: an id never silently swallows a different note.
    /// </summary>
    private async Task<bool> IsRetryOfStoredNoteAsync()
    {
        if (Form.ClientId is not { } clientId || clientId == Guid.Empty)
        {
            return false;
        }

        var stored = await db.Notes.AsNoTracking().Where(n => n.Id == clientId)
            .Select(n => new { n.WorkshopId, n.ParticipantId, n.Text }).SingleOrDefaultAsync();
        if (stored is null)
        {
            return false;
        }

        return stored.WorkshopId == Workshop.Id && stored.ParticipantId == Actor.ParticipantId && stored.Text == TextRules.Clean(Form.Text)
            ? true
            : throw new NoteIdTakenException();
    }

    /// <summary>Only notes of this workshop and this step: a note id from elsewhere is simply "not found".</summary>
    private Task<Note?> FindNoteAsync() => Form.NoteId is { } noteId
        ? db.Notes.SingleOrDefaultAsync(n => n.Id == noteId && n.WorkshopId == Workshop.Id && n.StepKey == Step.Key)
        : Task.FromResult<Note?>(null);
}

/// <summary>A note id from the form that already belongs to another note: the later post is refused, never merged.</summary>
public sealed class NoteIdTakenException() : WorkshopRuleException(Messages.NoteIdTaken);

/// <summary>A handler that always works on this step, whatever step the address names (e.g. the three actions).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OnStepAttribute(string stepKey) : Attribute
{
    public string StepKey { get; } = stepKey;
}

/// <summary>The fields of the add, edit and delete forms for notes.</summary>
public sealed class NoteForm
{
    public NoteColumn? Column { get; set; }
    public string? Text { get; set; }
    public Guid? NoteId { get; set; }

    /// <summary>Given by the page to each add form, so that a retried post is stored once.</summary>
    public Guid? ClientId { get; set; }

    /// <summary>The version of the note the edit form was opened on.</summary>
    public int? Version { get; set; }
}

/// <summary>What the note forms show again after a refused post: the note being edited and the text typed.</summary>
public sealed record NoteFormState(Guid? EditingNoteId, NoteColumn? Column, string? Text)
{
    public static NoteFormState None { get; } = new(null, null, null);
}

/// <summary>The notes part of a step page: the step as the viewer sees it, and the forms' state.</summary>
public sealed record NotesModel(StepView View, NoteFormState Forms);

/// <summary>One column of notes (the "_NoteList" partial).</summary>
public sealed record NoteListModel(StepView View, NoteFormState Forms, NoteColumn Column);

/// <summary>The team actions on the actions step; <see cref="Form"/> only where they can be added (the facilitator's page).</summary>
public sealed record TeamActionsModel(StepView View, HandhavingsKoers.Web.Pages.Facilitate.TeamActionForm? Form);
