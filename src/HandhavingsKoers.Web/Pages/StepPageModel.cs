using HandhavingsKoers.Web.Content;
using HandhavingsKoers.Web.Data;
using HandhavingsKoers.Web.Live;
using HandhavingsKoers.Web.Reports;
using HandhavingsKoers.Web.Workshops;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HandhavingsKoers.Web.Pages;

/// <summary>
/// What the participant's page and the facilitator's page share: loading a workshop and one of its steps,
/// the room's notes on that step, and adding, editing and removing notes. Each page decides who the actor is.
/// </summary>
public abstract class StepPageModel(AppDbContext db, EditionCatalog editions, TimeProvider clock, IWorkshopEvents events) : PageModel
{
    protected EditionCatalog Editions => editions;

    protected AppDbContext Db => db;
    protected TimeProvider Clock => clock;
    protected IWorkshopEvents Events => events;

    /// <summary>The page's script posts forms with this header and wants a fragment back instead of a redirect.</summary>
    protected bool FromScript => Request.Headers["X-Requested-With"] == "fetch";

    public Workshop Workshop { get; private set; } = null!;
    public Edition Edition { get; private set; } = null!;
    public Step Step { get; private set; } = null!;
    public Actor Actor { get; private set; } = null!;
    public IReadOnlyList<NoteView> Notes { get; private set; } = [];
    public int ParticipantCount { get; private set; }

    /// <summary>Notes of others that this viewer does not see because the step is in silent writing.</summary>
    public int HiddenCount { get; private set; }

    public bool NotesHidden => Workshop.NotesHiddenOn(Step.Key);

    public bool Locked => Workshop.IsLocked(Step.Key);

    /// <summary>Participants may not add or change notes here (closed workshop or locked step); the facilitator may unless closed.</summary>
    public bool Writable => !Workshop.IsClosed && (Actor.IsFacilitator || !Locked);

    /// <summary>Times are shown in Dutch time; the server may run in UTC.</summary>
    public TimeZoneInfo TimeZone { get; } = FindDutchTime();

    private static TimeZoneInfo FindDutchTime()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }

    public DateTime? TimerEndsAt => Workshop.StateOf(Step.Key)?.TimerEndsAt is { } end && end > clock.GetUtcNow().UtcDateTime ? end : null;

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

    /// <summary>The stream address for this page, resuming from just before the page read the database.</summary>
    public string LiveUrl { get; private set; } = "";

    protected async Task<IActionResult?> LoadAsync(Guid id, string? stepKey)
    {
        LiveUrl = $"/w/{id}/live?lastEventId={events.LastId}";
        if (HttpMethods.IsPost(Request.Method) && !ModelState.IsValid)
        {
            // A value of the wrong kind (a column that does not exist, an id that is not one): refuse, store nothing.
            ModelState.Clear();
            return this.Refuse(StatusCodes.Status400BadRequest, Messages.BadRequest);
        }

        // One connection for the whole request. Left to itself EF opens and closes it around each of the page's
        // queries, and every open sets up EF's SQL functions and our pragmas again.
        await db.Database.OpenConnectionAsync();
        var workshop = await db.Workshops.Include(w => w.StepStates).SingleOrDefaultAsync(w => w.Id == id);
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
        if (Step.Kind == StepKind.Actions)
        {
            TeamActions = await db.TeamActions.AsNoTracking().Where(a => a.WorkshopId == Workshop.Id)
                .OrderBy(a => a.DueDate).ThenBy(a => a.CreatedAt)
                .Select(a => new TeamActionReport(a.Id, a.Text, a.Owner, a.DueDate)).ToListAsync();
        }

        if (Step.Kind == StepKind.Welcome && Workshop.PreviousWorkshopId is { } previousId)
        {
            // A follow-up opens with last time's team actions: "Wat is ermee gebeurd?"
            PreviousActions = await db.PreviousActions.AsNoTracking().Where(a => a.WorkshopId == Workshop.Id).OrderBy(a => a.Position)
                .Select(a => new PreviousActionReport(a.Id, a.Text, a.Owner, a.DueDate, a.Status, a.StatusNote)).ToListAsync();
            PreviousSession = await db.Workshops.AsNoTracking().Where(w => w.Id == previousId)
                .Select(w => new PreviousSessionInfo(w.Id, w.Title, w.Date)).SingleOrDefaultAsync();
        }

        if (Step.TakesNotes)
        {
            // Silent writing is enforced here, on the server: a participant's page never holds others' hidden notes.
            var all = db.Notes.AsNoTracking().Where(n => n.WorkshopId == Workshop.Id && n.StepKey == Step.Key);
            var visible = NotesHidden && !Actor.IsFacilitator ? all.Where(n => n.ParticipantId == Actor.ParticipantId) : all;
            var counts = await visible.GroupBy(n => n.Column).Select(g => new { Column = g.Key, Count = g.Count() }).ToListAsync();
            Totals = counts.ToDictionary(c => c.Column, c => c.Count);
            HiddenCount = NotesHidden && !Actor.IsFacilitator ? await all.CountAsync() - Totals.Values.Sum() : 0;

            // A page shows the newest notes of each column, so a busy room does not make every page heavier;
            // "toon alle" shows them all, and the summary always does.
            // The database works out the author's label and what this viewer may do, so a page of notes reads
            // one id per note and no more (every id SQLite returns is text that has to be parsed).
            var me = Actor.ParticipantId;
            var facilitator = Actor.IsFacilitator;
            var writable = Writable;
            var notes = new List<NoteView>();
            foreach (var column in new[] { NoteColumn.Already, NoteColumn.Todo })
            {
                notes.AddRange((await visible.Where(n => n.Column == column)
                    .OrderByDescending(n => n.CreatedAt)
                    .Take(ShowAll ? int.MaxValue : ShownPerColumn)
                    .Select(n => new NoteView(
                        n.Id, n.Column, n.Text,
                        NoteView.AuthorLabel(n.ParticipantId == null, n.Participant!.DisplayName),
                        n.ParticipantId == me,
                        writable && (facilitator || n.ParticipantId == me),
                        n.UpdatedAt != null,
                        n.Version))
                    .ToListAsync()).AsEnumerable().Reverse());
            }

            Notes = notes;
            await LoadScoresAsync();
        }
    }

    /// <summary>The team's agreed actions (actions step only).</summary>
    public IReadOnlyList<TeamActionReport> TeamActions { get; private set; } = [];

    /// <summary>For a follow-up: last time's team actions and what became of them (welcome step only).</summary>
    public IReadOnlyList<PreviousActionReport> PreviousActions { get; private set; } = [];

    /// <summary>The session this one follows up on; null for a first session or when it was deleted.</summary>
    public PreviousSessionInfo? PreviousSession { get; private set; }

    /// <summary>How the room scored this step so far ("waar staan we?").</summary>
    public ScoreSummary Scores { get; private set; } = ScoreSummary.Empty;

    /// <summary>This participant's own score on this step, if any.</summary>
    public int? MyScore { get; protected set; }

    /// <summary>The same topic in the session this one follows up on, if there is one and it was scored.</summary>
    public PreviousScores? Previous { get; private set; }

    /// <summary>The distribution is shown once the facilitator reveals it (the facilitator always sees it).</summary>
    public bool ScoresVisible => Actor.IsFacilitator || Workshop.IsClosed || Workshop.ScoresRevealedOn(Step.Key);

    private async Task LoadScoresAsync()
    {
        (Scores, Previous) = await StepScores.LoadAsync(db, editions, Workshop, Step);
        if (Actor.ParticipantId is { } participantId)
        {
            MyScore = await db.Scores.AsNoTracking().Where(s => s.ParticipantId == participantId && s.StepKey == Step.Key)
                .Select(s => (int?)s.Value).SingleOrDefaultAsync();
        }
    }

    /// <summary>How many notes a page shows per column unless asked for all.</summary>
    public const int ShownPerColumn = 100;

    [BindProperty(SupportsGet = true, Name = "alle")]
    public bool ShowAll { get; set; }

    /// <summary>All notes this viewer may see, per column (the page may show fewer).</summary>
    public IReadOnlyDictionary<NoteColumn, int> Totals { get; private set; } = new Dictionary<NoteColumn, int>();

    public int TotalOf(NoteColumn column) => Totals.TryGetValue(column, out var count) ? count : 0;

    /// <summary>The address of the live fragment, keeping "toon alle" when it is on.</summary>
    public string FragmentUrl => StepUrl(Step) + "?handler=Live" + (ShowAll ? "&alle=true" : "");

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

    /// <summary>The live part of the page (status and the two lists of notes), fetched again by the script on events.</summary>
    public async Task<IActionResult> OnGetLiveAsync(Guid id, string? step)
    {
        var refusal = await LoadAsync(id, step);
        if (refusal is not null)
        {
            return refusal;
        }

        await LoadViewAsync();
        return Partial("_LiveNotes", this);
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
            // A retried post (double click, flaky Wi-Fi) carries the same id as the first: store the note once.
            if (await IsRetryOfStoredNoteAsync())
            {
                return await ChangedAsync(WorkshopEvent.Notes, StepUrl(Step) + $"#{FormIds.AddNote(column)}");
            }

            Workshop.AddNote(Edition, Step, column, Form.Text, Actor, clock.GetUtcNow().UtcDateTime, Form.ClientId ?? Guid.Empty);
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException) when (Form.ClientId is not null)
        {
            // Two copies of the same post raced; the other one stored the note.
            db.ChangeTracker.Clear();
            Workshop = await db.Workshops.Include(w => w.StepStates).SingleAsync(w => w.Id == id);
            if (!await IsRetryOfStoredNoteAsync())
            {
                throw;
            }
        }
        catch (WorkshopRuleException e)
        {
            return await ShowAgainAsync(FormIds.AddNote(column), e.Message);
        }

        return await ChangedAsync(WorkshopEvent.Notes, StepUrl(Step) + $"#{FormIds.AddNote(column)}");
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

        return await ChangedAsync(WorkshopEvent.Notes, StepUrl(Step) + $"#notitie-{note.Id:N}");
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

        return await ChangedAsync(WorkshopEvent.Notes, StepUrl(Step));
    }

    /// <summary>
    /// After a change was saved: tell the open pages, then answer the script with the fresh live fragment,
    /// or a plain form post with a redirect (post, redirect, get).
    /// </summary>
    protected async Task<IActionResult> ChangedAsync(string eventType, string redirectTo)
    {
        events.Publish(Workshop.Id, eventType, Step.Key);
        if (!FromScript)
        {
            return Redirect(redirectTo);
        }

        await LoadViewAsync();
        return Partial("_LiveNotes", this);
    }

    /// <summary>Shows the page again with the message and what the user typed; nothing was stored.</summary>
    protected async Task<IActionResult> ShowAgainAsync(string key, string message)
    {
        if (FromScript)
        {
            // The script keeps what was typed and shows the message by the field.
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Content(message, "text/plain; charset=utf-8");
        }

        ModelState.AddModelError(key, message);
        await LoadViewAsync();
        Response.StatusCode = StatusCodes.Status400BadRequest;
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

        var sameText = stored.Text == (Form.Text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        return stored.WorkshopId == Workshop.Id && stored.ParticipantId == Actor.ParticipantId && sameText
            ? true
            : throw new WorkshopRuleException(Messages.NoteIdTaken);
    }

    /// <summary>Only notes of this workshop and this step: a note id from elsewhere is simply "not found".</summary>
    private Task<Note?> FindNoteAsync() => Form.NoteId is { } noteId
        ? db.Notes.SingleOrDefaultAsync(n => n.Id == noteId && n.WorkshopId == Workshop.Id && n.StepKey == Step.Key)
        : Task.FromResult<Note?>(null);
}

/// <summary>The room's scores on one step, and the same topic's scores in the session this one follows up on.</summary>
public static class StepScores
{
    public static async Task<(ScoreSummary Scores, PreviousScores? Previous)> LoadAsync(AppDbContext db, EditionCatalog editions, Workshop workshop, Step step)
    {
        var values = await db.Scores.AsNoTracking().Where(s => s.WorkshopId == workshop.Id && s.StepKey == step.Key).Select(s => s.Value).ToListAsync();
        PreviousScores? previousScores = null;
        if (workshop.PreviousWorkshopId is { } previousId
            && await db.Workshops.AsNoTracking().Where(w => w.Id == previousId).Select(w => new { w.Date, w.EditionKey }).SingleOrDefaultAsync() is { } previous
            && editions.Find(previous.EditionKey)?.Panels.FirstOrDefault(p => p.TopicKey == step.Panel?.TopicKey) is { } panel)
        {
            var earlier = await db.Scores.AsNoTracking().Where(s => s.WorkshopId == previousId && s.StepKey == panel.Key).Select(s => s.Value).ToListAsync();
            previousScores = new PreviousScores(previous.Date, panel.Title, ScoreSummary.From(earlier));
        }

        return (ScoreSummary.From(values), previousScores);
    }
}

public sealed record PreviousSessionInfo(Guid Id, string Title, DateOnly Date)
{
    public string Label => Texts.Date(Date);
}

/// <summary>Last session's scores on the same topic, shown beside this session's.</summary>
public sealed record PreviousScores(DateOnly Date, string PanelTitle, ScoreSummary Scores)
{
    public string Label => Texts.Date(Date);
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

public sealed record NoteView(Guid Id, NoteColumn Column, string Text, string Author, bool IsMine, bool MayChange, bool Edited, int Version = 0)
{
    public const string RoomLabel = Texts.Notes.RoomAuthor;
    public const string AnonymousLabel = Texts.Notes.Anonymous;

    public static string AuthorLabel(Guid? participantId, string? name) => AuthorLabel(participantId is null, name);

    /// <summary>The same, for a query that has only asked the database whether the note is the room's.</summary>
    public static string AuthorLabel(bool forTheRoom, string? name) => forTheRoom ? RoomLabel : name ?? AnonymousLabel;
}
