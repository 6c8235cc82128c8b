using HandhavingsKoers.Web.Content;
using HandhavingsKoers.Web.Data;
using HandhavingsKoers.Web.Reports;
using HandhavingsKoers.Web.Workshops;
using Microsoft.EntityFrameworkCore;

namespace HandhavingsKoers.Web.Pages;

/// <summary>
/// One step of a workshop as one viewer sees it: the participant's page, the facilitator's page and the projector
/// are all drawn from this read model, built by <see cref="LoadAsync"/> (one query path). What the viewer may read is
/// asked of the workshop (<see cref="Workshop.NotesVisibleTo"/>, <see cref="Workshop.ScoresVisibleTo"/>); what it
/// may not read is never loaded, so no page or fragment can show it by mistake.
/// </summary>
public sealed class StepView
{
    private StepView(Workshop workshop, Edition edition, Step step, Viewer viewer)
    {
        Workshop = workshop;
        Edition = edition;
        Step = step;
        Viewer = viewer;
        CurrentStep = edition.Steps.Find(workshop.CurrentStepKey) ?? edition.Steps.First;
        NotesShown = workshop.NotesVisibleTo(viewer, step, edition);
        ScoresVisible = workshop.ScoresVisibleTo(viewer, step, edition);
    }

    /// <summary>How many notes a participant's or facilitator's page shows per column unless asked for all.</summary>
    public const int PageNotesPerColumn = 100;

    /// <summary>How many notes the projector shows per column: the newest; everything is in the summary.</summary>
    public const int StageNotesPerColumn = 40;

    public Workshop Workshop { get; }
    public Edition Edition { get; }
    public Step Step { get; }
    public Viewer Viewer { get; }
    public Step CurrentStep { get; }

    public bool IsFacilitator => Viewer.IsFacilitator;

    public int ParticipantCount { get; private set; }

    /// <summary>Which notes of this step the viewer reads.</summary>
    public NoteVisibility NotesShown { get; }

    /// <summary>The newest notes per column the viewer may read, oldest first.</summary>
    public IReadOnlyList<NoteView> Notes { get; private set; } = [];

    /// <summary>All notes the viewer may read, per column (<see cref="Notes"/> may hold fewer).</summary>
    public IReadOnlyDictionary<NoteColumn, int> Totals { get; private set; } = new Dictionary<NoteColumn, int>();

    /// <summary>Notes on this step the viewer may not read (others' notes during silent writing).</summary>
    public int HiddenCount { get; private set; }

    public bool ShowsAllNotes { get; private set; }

    public bool NotesHidden => Workshop.NotesHiddenOn(Step.Key);

    public bool Locked => Workshop.IsLocked(Step.Key);

    /// <summary>Whether this viewer may add or change notes here: the facilitator unless closed, a participant also not when locked.</summary>
    public bool Writable => !Workshop.IsClosed && Viewer switch
    {
        { IsFacilitator: true } => true,
        { ParticipantId: not null } => !Locked,
        _ => false,
    };

    /// <summary>The countdown's end in UTC (marked as such, so a browser never reads it as local time), while it runs.</summary>
    public DateTime? TimerEndsAt { get; private set; }

    /// <summary>Whether the distribution of scores may be shown to this viewer.</summary>
    public bool ScoresVisible { get; }

    /// <summary>The room's scores on this step; only when <see cref="ScoresVisible"/>, otherwise null.</summary>
    public ScoreSummary? Scores { get; private set; }

    /// <summary>How many gave a score (everyone may know that much).</summary>
    public int ScoresGiven { get; private set; }

    public int? MyScore { get; private set; }

    /// <summary>The same topic in the session this one follows up on, if there is one and it was scored.</summary>
    public PreviousScores? Previous { get; private set; }

    /// <summary>The team's agreed actions (actions step).</summary>
    public IReadOnlyList<TeamActionReport> TeamActions { get; private set; } = [];

    /// <summary>For a follow-up: last time's team actions and what became of them (welcome step).</summary>
    public IReadOnlyList<PreviousActionReport> PreviousActions { get; private set; } = [];

    /// <summary>When the page was read: how long an action has been open counts to here.</summary>
    public DateTime Now { get; private set; }

    /// <summary>The session this one follows up on; null for a first session or when it was deleted.</summary>
    public PreviousSessionInfo? PreviousSession { get; private set; }

    /// <summary>What each participant wrote as their three actions (actions step, facilitator only).</summary>
    public IReadOnlyList<ActionsOfParticipant> RoomActions { get; private set; } = [];

    /// <summary>How many participants wrote their actions (actions step).</summary>
    public int ActionsWritten { get; private set; }

    /// <summary>This participant's own three actions (actions step).</summary>
    public IReadOnlyList<string> MyActions { get; private set; } = [];

    /// <summary>This session follows up on another: it opens with what became of last time's team actions.</summary>
    public bool IsFollowUp => Workshop.PreviousWorkshopId is not null || PreviousActions.Count > 0;

    public int TotalOf(NoteColumn column) => Totals.TryGetValue(column, out var count) ? count : 0;

    /// <summary>The address of a step for this viewer (participant's or facilitator's page).</summary>
    public string StepUrl(Step step) => Routes.Step(Viewer, Workshop.Id, step.Key);

    /// <summary>The address of the live fragment, keeping "toon alle" when it is on.</summary>
    public string FragmentUrl => Routes.WithQuery(StepUrl(Step), "handler=Live" + (ShowsAllNotes ? "&alle=true" : ""));

    /// <summary>
    /// Reads the step for <paramref name="viewer"/>. Call with a step the viewer may open
    /// (<see cref="Workshop.MaySee"/>); <paramref name="notesPerColumn"/>: how many of the newest notes to read.
    /// </summary>
    public static async Task<StepView> LoadAsync(
        AppDbContext db, EditionCatalog editions, Workshop workshop, Step step, Viewer viewer, int notesPerColumn, DateTime now)
    {
        var edition = editions.For(workshop);
        var view = new StepView(workshop, edition, step, viewer)
        {
            ShowsAllNotes = notesPerColumn == int.MaxValue,
            Now = now,
            TimerEndsAt = workshop.StateOf(step.Key)?.TimerEndsAt is { } end && end > now ? DateTime.SpecifyKind(end, DateTimeKind.Utc) : null,
        };
        view.ParticipantCount = await db.Participants.CountAsync(p => p.WorkshopId == workshop.Id);

        switch (step.Kind)
        {
            case StepKind.Welcome:
                // A follow-up opens with last time's team actions: "Hoe staat het ermee?" They stay when the
                // previous session is deleted later.
                view.PreviousActions = await PreviousActionReport.LoadAsync(db, workshop.Id);
                if (workshop.PreviousWorkshopId is { } previousId)
                {
                    view.PreviousSession = await db.Workshops.AsNoTracking().Where(w => w.Id == previousId)
                        .Select(w => new PreviousSessionInfo(w.Id, w.Title, w.Date)).SingleOrDefaultAsync();
                }

                break;
            case StepKind.Panel:
                await view.LoadNotesAsync(db, notesPerColumn);
                await view.LoadScoresAsync(db, editions);
                break;
            case StepKind.Actions:
                view.TeamActions = await TeamActionReport.LoadAsync(db, workshop.Id);
                var actions = await ActionsOfParticipant.LoadAsync(db, workshop.Id, includeNames: true);
                view.ActionsWritten = actions.Count;
                if (viewer.IsFacilitator)
                {
                    view.RoomActions = actions;
                }
                else if (viewer.ParticipantId is { } me)
                {
                    view.MyActions = await db.ParticipantActions.AsNoTracking().Where(a => a.ParticipantId == me)
                        .OrderBy(a => a.Position).Select(a => a.Text).ToListAsync();
                }

                break;
        }

        return view;
    }

    private async Task LoadNotesAsync(AppDbContext db, int perColumn)
    {
        var all = db.Notes.AsNoTracking().Where(n => n.WorkshopId == Workshop.Id && n.StepKey == Step.Key);

        // Duplicates the facilitator merged are shown under the note they were merged into, not on their own.
        var readable = NotesShown.Apply(all);
        var visible = readable.Where(n => n.MergedIntoId == null);
        var counts = await visible.GroupBy(n => n.Column).Select(g => new { Column = g.Key, Count = g.Count() }).ToListAsync();
        Totals = counts.ToDictionary(c => c.Column, c => c.Count);
        HiddenCount = NotesShown.IsPartial ? await all.CountAsync(n => n.MergedIntoId == null) - Totals.Values.Sum() : 0;

        // A page shows the newest notes of each column, so a busy room does not make every page heavier.
        var projection = NoteView.For(Viewer, Writable);
        var notes = new List<NoteView>();
        foreach (var column in new[] { NoteColumn.Already, NoteColumn.Todo })
        {
            if (TotalOf(column) == 0)
            {
                continue;
            }

            var newest = await visible.Where(n => n.Column == column)
                .OrderByDescending(n => n.CreatedAt)
                .Take(perColumn)
                .Select(projection)
                .ToListAsync();
            newest.Reverse();
            notes.AddRange(newest);
        }

        Notes = await NoteView.WithMergedAsync(readable, notes);
    }

    private async Task LoadScoresAsync(AppDbContext db, EditionCatalog editions)
    {
        var values = await db.Scores.AsNoTracking().Where(s => s.WorkshopId == Workshop.Id && s.StepKey == Step.Key).Select(s => s.Value).ToListAsync();
        ScoresGiven = values.Count;
        Scores = ScoresVisible ? ScoreSummary.From(values) : null;
        if (Viewer.ParticipantId is { } me)
        {
            MyScore = await db.Scores.AsNoTracking().Where(s => s.ParticipantId == me && s.StepKey == Step.Key)
                .Select(s => (int?)s.Value).SingleOrDefaultAsync();
        }

        // The gemeente's own questions have no topic: no "last time" beside them (decision 0020).
        if (Workshop.PreviousWorkshopId is { } previousId && Step.Panel is { IsOwnQuestion: false }
            && await db.Workshops.AsNoTracking().Where(w => w.Id == previousId).Select(w => new { w.Date, w.EditionKey }).SingleOrDefaultAsync() is { } previous
            && editions.Find(previous.EditionKey)?.Panels.FirstOrDefault(p => p.TopicKey == Step.Panel?.TopicKey) is { } panel)
        {
            // Last session's result is no secret any more: it was closed or revealed then, and the room discussed it.
            var earlier = await db.Scores.AsNoTracking().Where(s => s.WorkshopId == previousId && s.StepKey == panel.Key).Select(s => s.Value).ToListAsync();
            Previous = new PreviousScores(previous.Date, panel.Title, ScoreSummary.From(earlier));
        }
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
