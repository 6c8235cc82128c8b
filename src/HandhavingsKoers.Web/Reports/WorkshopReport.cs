using HandhavingsKoers.Web.Content;
using HandhavingsKoers.Web.Data;
using HandhavingsKoers.Web.Workshops;
using Microsoft.EntityFrameworkCore;

namespace HandhavingsKoers.Web.Reports;

/// <summary>
/// The whole filled-in praatplaat of one workshop, read once and immutable: the summary page and every export
/// (JSON, CSV, Markdown) are drawn from this one model, so they cannot disagree.
/// </summary>
public sealed record WorkshopReport(
    string Gemeente,
    string Title,
    DateOnly Date,
    string EditionKey,
    string EditionTitle,
    string Koers,
    string Source,
    string Attribution,
    string Introduction,
    bool Official,
    bool Closed,
    int ParticipantCount,
    IReadOnlyList<PanelReport> Panels,
    string ClosingQuestion,
    IReadOnlyList<ActionsOfParticipant> Actions,
    IReadOnlyList<TeamActionReport> TeamActions,
    IReadOnlyList<PreviousActionReport> PreviousActions,
    IReadOnlyList<SessionReport> Sessions,
    bool IncludesNames)
{
    /// <summary>
    /// The bestuurlijke samenvatting the facilitator writes for the college after the session; null until written.
    /// </summary>
    public string? ExecutiveSummary { get; init; }

    /// <summary>
    /// What the room chose as most important in its prioritising rounds, most dots first; empty until the facilitator
    /// reveals the dots. Merged notes count as one, with the dots of their originals added up.
    /// </summary>
    public IReadOnlyList<PriorityReport> Priorities { get; init; } = [];

    /// <summary>
    /// Whether this reader may see participants' own actions at all (the public never does). When not, the report
    /// leaves the section out rather than say nobody wrote any.
    /// </summary>
    public bool ActionsShown { get; init; } = true;

    /// <param name="viewer">
    /// Who reads it. What they may read is the workshop's rule (<see cref="Workshop.NotesVisibleTo"/>,
    /// <see cref="Workshop.ScoresVisibleTo"/>), the same the step pages ask: a participant's copy of a running workshop
    /// leaves out steps the room has not reached, others' notes during silent writing and scores not yet revealed.
    /// </param>
    /// <param name="includeNames">
    /// Participants' names, only when the facilitator asks for them; otherwise notes carry no author and each
    /// participant's actions are numbered ("Deelnemer 2"). Never true for <see cref="Viewer.Public"/>.
    /// </param>
    public static async Task<WorkshopReport> LoadAsync(AppDbContext db, EditionCatalog editions, Workshop workshop, Viewer viewer, bool includeNames)
    {
        var edition = editions.For(workshop);
        includeNames &= !viewer.IsPublic;
        if (workshop.StepStates.Count == 0)
        {
            // The rule reads the step settings; a workshop loaded without them would look as if nothing was hidden.
            workshop = await db.Workshops.AsNoTracking().Include(w => w.StepStates).SingleAsync(w => w.Id == workshop.Id);
        }

        var participantCount = await db.Participants.CountAsync(p => p.WorkshopId == workshop.Id);
        var sessions = await SessionReport.LoadChainAsync(db, editions, workshop);
        if (viewer.IsPublic)
        {
            // Earlier sessions are published (or not) by their own links; their scores are not this link's to show.
            sessions = [sessions[^1]];
        }

        var scores = sessions[^1].Scores;

        // The facilitator's conclusions and kernpunten (written after closing), per panel.
        var conclusions = await db.PanelConclusions.AsNoTracking().Where(c => c.WorkshopId == workshop.Id)
            .Select(c => new { c.StepKey, c.Text, KeyPoints = c.KeyPoints.OrderBy(k => k.Position).Select(k => k.NoteId).ToList() })
            .ToDictionaryAsync(c => c.StepKey);

        // Per panel, only the notes this viewer may read leave the database (one rule, the step pages' own).
        var panels = new List<PanelReport>();
        var projection = NoteView.For(viewer, writable: false, includeNames);
        foreach (var panel in edition.Panels)
        {
            var step = edition.Steps.Find(panel.Key)!;
            var readable = workshop.NotesVisibleTo(viewer, step, edition)
                .Apply(db.Notes.AsNoTracking().Where(n => n.WorkshopId == workshop.Id && n.StepKey == panel.Key));

            // A merged note counts once, with the duplicates it was made from under it.
            var notes = await NoteView.WithMergedAsync(readable, await readable
                .Where(n => n.MergedIntoId == null)
                .OrderBy(n => n.CreatedAt)
                .Select(projection)
                .ToListAsync());
            var conclusion = conclusions.GetValueOrDefault(panel.Key);

            // A kernpunt is one of this principle's notes (a merged duplicate too): read through the same rule, so only
            // those this viewer may read appear.
            var keyPointIds = conclusion?.KeyPoints ?? [];
            var keyPointTexts = keyPointIds.Count == 0 ? []
                : await readable.Where(n => keyPointIds.Contains(n.Id)).Select(n => new { n.Id, n.Text }).ToListAsync();
            var keyPoints = keyPointIds.Select(id => keyPointTexts.Find(n => n.Id == id)?.Text).OfType<string>().ToList();
            panels.Add(new PanelReport(panel.Key, panel.TopicKey, panel.Title, panel.Question, panel.Prompts.Already, panel.Prompts.Todo,
                notes.Where(n => n.Column == NoteColumn.Already).ToList(), notes.Where(n => n.Column == NoteColumn.Todo).ToList(), panel.Links,
                workshop.ScoresVisibleTo(viewer, step, edition) ? scores.GetValueOrDefault(panel.TopicKey, ScoreSummary.Empty) : null)
            {
                Conclusion = conclusion?.Text,
                KeyPoints = keyPoints,
                OwnQuestion = panel.IsOwnQuestion,
            });
        }

        // Everyone's three actions are read by participants only once the room has reached that step.
        var actionsStep = edition.Steps.Find(StepSequence.ActionsKey)!;
        var actionsReached = workshop.MaySee(viewer, actionsStep, edition);
        var actions = workshop.ParticipantActionsVisibleTo(viewer, edition) ? await ActionsOfParticipant.LoadAsync(db, workshop.Id, includeNames) : [];
        var teamActions = actionsReached ? await TeamActionReport.LoadAsync(db, workshop.Id) : [];

        // This session's scores travel in the chain too (the trend, the JSON export): only the topics this viewer may see.
        // The gemeente's own questions have no topic: they stay out of the chain's scores (decision 0020).
        var visibleTopics = panels.Where(p => p.Scores is not null && !p.OwnQuestion).Select(p => p.Topic).ToHashSet();
        sessions = [.. sessions.SkipLast(1), sessions[^1] with
        {
            Scores = sessions[^1].Scores.Where(s => visibleTopics.Contains(s.Key)).ToDictionary(s => s.Key, s => s.Value),
        }];

        // The room's ranking, once the facilitator revealed the dots (to everyone alike, the facilitator's copy too).
        var round = await Pages.RoundView.LoadAsync(db, edition, workshop, viewer);
        var priorities = round.Round is { IsRevealed: true }
            ? round.Items.Where(i => i.Dots > 0).Select(i => new PriorityReport(i.Panel, i.Text, i.Dots!.Value, i.MergedFrom)).ToList()
            : [];
        if (round.Round is { IsRevealed: true })
        {
            // Each note in the round carries its dots too (the JSON export's notes), beside the ranking.
            var dots = round.Items.ToDictionary(i => i.NoteId, i => i.Dots);
            panels = panels.Select(p => p with { Todo = p.Todo.Select(n => dots.TryGetValue(n.Id, out var d) ? n with { Dots = d } : n).ToList() }).ToList();
        }

        return new WorkshopReport(
            workshop.Gemeente, workshop.Title, workshop.Date, edition.Key, edition.Title, edition.Koers,
            $"{edition.Source.Name}, {edition.Source.Published}", edition.Attribution, edition.Introduction, edition.Official, workshop.IsClosed, participantCount,
            panels, edition.Closing.Question, actions, teamActions,
            await PreviousActionReport.LoadAsync(db, workshop.Id), sessions, includeNames)
        {
            ExecutiveSummary = workshop.ExecutiveSummary,
            Priorities = priorities,
            ActionsShown = workshop.ParticipantActionsVisibleTo(viewer, edition),
        };
    }

    /// <summary>This session and the ones before it, oldest first (this one is last).</summary>
    public bool IsFollowUp => Sessions.Count > 1 || PreviousActions.Count > 0;

    /// <summary>The panels with a topic: the praatplaat's, not the gemeente's own questions. The trend and the radar show these.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<PanelReport> TopicPanels => Panels.Where(p => !p.OwnQuestion).ToList();

    /// <summary>The line under a panel's question: the source, or that it is the gemeente's own question.</summary>
    public string AttributionOf(PanelReport panel) => panel.OwnQuestion ? Texts.Domain.GemeenteQuestion : Attribution;

    /// <summary>Per panel of this session, the median of each session in the chain (null: no scores, or no such topic then).</summary>
    public IReadOnlyList<TrendRow> Trend => TopicPanels
        .Select(p => new TrendRow(p.Title, Sessions.Select((s, i) => i == Sessions.Count - 1
            ? p.Scores?.Median
            : s.Scores.TryGetValue(p.Topic, out var summary) ? summary.Median : null).ToList()))
        .ToList();

    /// <summary>True when any session in the chain has a score to show.</summary>
    public bool HasScores => TopicPanels.Any(p => p.Scores is { Total: > 0 }) || Sessions.Take(Sessions.Count - 1).Any(s => s.Scores.Values.Any(v => v.Total > 0));

    /// <summary>The radar: this session's medians, and the previous session's dashed behind them.</summary>
    public HandhavingsKoers.Pdf.Layout.Drawing Radar(Charts.RadarLayout? layout = null)
    {
        var panels = TopicPanels;
        var series = new List<Charts.RadarSeries> { new(ThisSessionLabel, panels.Select(p => p.Scores?.Median).ToList()) };
        if (Sessions.Count > 1)
        {
            var previous = Sessions[^2];
            series.Add(new(previous.Label, panels.Select(p => previous.Scores.TryGetValue(p.Topic, out var s) ? s.Median : null).ToList(), IsEarlier: true));
        }

        return Charts.RadarChart.Draw(panels.Select(p => p.Title).ToList(), series, layout);
    }

    public string ThisSessionLabel => Sessions[^1].Label;

    /// <summary>
    /// "De cijfers van 12 mrt. 2025 komen uit bewaarde cijfers van 3 apr. 2026 …": which sessions of the trend are read
    /// from kept figures because the session itself was deleted; null when none. Every output says it the same way.
    /// </summary>
    public string? KeptNotice => Sessions.Where(s => s.KeptAt is not null).ToList() is { Count: > 0 } kept
        ? Texts.Format(Texts.Report.KeptFigures, string.Join(", ", kept.Select(s => Texts.Format(Texts.Report.KeptFiguresOf, s.Label, Texts.ShortDate(Texts.DutchDate(s.KeptAt!.Value))))))
        : null;

    /// <summary>What the radar shows, in words, for the figure's alternative text.</summary>
    public string RadarAltText => Texts.Report.RadarAlt
        + (Sessions.Count > 1 ? Texts.Format(Texts.Report.RadarAltPrevious, Sessions[^2].Label) : "")
        + Texts.Report.RadarAltTable;

    /// <summary>"praatplaat-gemeente-utrecht-2026-11-22": safe in every file system and mail client.</summary>
    public string FileName(string extension) => $"praatplaat-{Slug(Gemeente)}-{Date:yyyy-MM-dd}.{extension}";

    private static string Slug(string text)
    {
        var decomposed = text.Normalize(System.Text.NormalizationForm.FormD);
        var chars = decomposed
            .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            .Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        var slug = string.Join('-', new string(chars.ToArray()).Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length == 0 ? "workshop" : slug[..Math.Min(slug.Length, 60)].TrimEnd('-');
    }
}

public sealed record PanelReport(
    string Key,
    string Topic,
    string Title,
    string Question,
    string PromptAlready,
    string PromptTodo,
    IReadOnlyList<NoteView> Already,
    IReadOnlyList<NoteView> Todo,
    IReadOnlyList<ReadMoreLink> Links,
    ScoreSummary? Scores)
{
    /// <summary>The facilitator's conclusion on this principle, written after the session; null until written.</summary>
    public string? Conclusion { get; init; }

    /// <summary>Up to five kernpunten the facilitator chose from this principle's notes, in their order.</summary>
    public IReadOnlyList<string> KeyPoints { get; init; } = [];

    /// <summary>A question the gemeente added in its plan ("Eigen vraag van de gemeente"): no source line, no topic, no trend.</summary>
    public bool OwnQuestion { get; init; }

    /// <summary>"Eigen vraag van de gemeente" for an own question (the exports carry it), else null.</summary>
    public string? Origin => OwnQuestion ? Texts.Domain.GemeenteQuestion : null;

    /// <summary>The title with its mark for an own question, where only one cell or line can carry both (CSV).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string MarkedTitle => OwnQuestion ? $"{Title} ({Texts.Domain.GemeenteQuestion})" : Title;
}

/// <summary>One item of the room's ranking: a "Wat moeten we nog doen?" note and the dots it got.</summary>
/// <param name="Panel">The title of the principle the note belongs to.</param>
/// <param name="MergedFrom">The wording of the notes merged into this one, when it is a merge; else empty.</param>
public sealed record PriorityReport(string Panel, string Text, int Dots, IReadOnlyList<string> MergedFrom);

public sealed record TeamActionReport(Guid Id, string Text, string Owner, DateOnly DueDate)
{
    /// <summary>The workshop's team actions, soonest due first.</summary>
    public static async Task<IReadOnlyList<TeamActionReport>> LoadAsync(AppDbContext db, Guid workshopId) =>
        await db.TeamActions.AsNoTracking().Where(a => a.WorkshopId == workshopId)
            .OrderBy(a => a.DueDate).ThenBy(a => a.CreatedAt)
            .Select(a => new TeamActionReport(a.Id, a.Text, a.Owner, a.DueDate)).ToListAsync();
}

public sealed record PreviousActionReport(Guid Id, string Text, string Owner, DateOnly DueDate, ActionStatus? Status, string? StatusNote)
{
    /// <summary>When the action was first made, in whichever session of the chain.</summary>
    public DateTime FirstMadeAt { get; init; }

    /// <summary>Carried over from an earlier session than the previous one.</summary>
    public bool CarriedOver { get; init; }

    public bool IsOpen => ActionStatuses.IsOpen(Status);

    public string StatusLabel => PreviousAction.Label(Status);

    /// <summary>"Mee bezig: wacht op budget": the status with its note, as the report and the exports write it.</summary>
    public string StatusText => StatusNote is null ? StatusLabel : Texts.Format(Texts.Report.StatusWithNote, StatusLabel, StatusNote);

    /// <summary>Last session's team actions as copied into this follow-up, in their order.</summary>
    public static async Task<IReadOnlyList<PreviousActionReport>> LoadAsync(AppDbContext db, Guid workshopId) =>
        await db.PreviousActions.AsNoTracking().Where(a => a.WorkshopId == workshopId).OrderBy(a => a.Position)
            .Select(a => new PreviousActionReport(a.Id, a.Text, a.Owner, a.DueDate, a.Status, a.StatusNote) { FirstMadeAt = a.FirstMadeAt, CarriedOver = a.CarriedOver })
            .ToListAsync();
}

/// <summary>One row of the trend table: a topic and its median in each session of the chain, oldest first.</summary>
public sealed record TrendRow(string Topic, IReadOnlyList<double?> Medians);

/// <summary>One session of a chain of follow-ups, with its scores per topic (so editions can be compared).</summary>
/// <param name="KeptAt">
/// Set when the figures come from those a follow-up kept (decision 0022) because the session itself is gone: "uit
/// bewaarde cijfers van" this date.
/// </param>
public sealed record SessionReport(Guid Id, string Title, DateOnly Date, string Edition, IReadOnlyDictionary<string, ScoreSummary> Scores, DateTime? KeptAt = null)
{
    /// <summary>How many sessions back a summary looks; older ones are left out of the trend.</summary>
    public const int MaxChain = 8;

    public string Label => Texts.ShortDate(Date);

    /// <summary>
    /// The session and those it follows up on, oldest first. A session still in the database gives its own figures;
    /// one that is gone (deleted by retention) gives the figures a later session of the chain kept of it, so the
    /// chain only ends where nothing was kept.
    /// </summary>
    public static async Task<IReadOnlyList<SessionReport>> LoadChainAsync(AppDbContext db, EditionCatalog editions, Workshop workshop)
    {
        var chain = new List<(Guid Id, string Title, DateOnly Date, string EditionKey)> { (workshop.Id, workshop.Title, workshop.Date, workshop.EditionKey) };
        var previousId = workshop.PreviousWorkshopId;
        var seen = new HashSet<Guid> { workshop.Id };
        while (previousId is { } id && chain.Count < MaxChain && seen.Add(id))
        {
            var previous = await db.Workshops.AsNoTracking().Where(w => w.Id == id)
                .Select(w => new { w.Id, w.Title, w.Date, w.EditionKey, w.PreviousWorkshopId }).SingleOrDefaultAsync();
            if (previous is null)
            {
                break;
            }

            chain.Add((previous.Id, previous.Title, previous.Date, previous.EditionKey));
            previousId = previous.PreviousWorkshopId;
        }

        // The earliest session still here kept the figures of those before it: walk on through them.
        var kept = new List<SessionReport>();
        if (previousId is { } missing && chain.Count < MaxChain)
        {
            var keeper = chain[^1].Id;
            var keptSessions = await db.KeptSessions.AsNoTracking().Include(k => k.Topics).Where(k => k.WorkshopId == keeper).ToListAsync();
            var byId = keptSessions.ToDictionary(k => k.SessionId);
            Guid? next = missing;
            seen.Remove(missing);
            while (next is { } id && chain.Count + kept.Count < MaxChain && seen.Add(id) && byId.TryGetValue(id, out var k))
            {
                kept.Add(new SessionReport(k.SessionId, k.Title, k.Date, editions.Find(k.EditionKey)?.ShortTitle ?? k.EditionKey,
                    k.Topics.ToDictionary(t => t.TopicKey, t => t.Summary), k.KeptAt));
                next = k.PreviousSessionId;
            }
        }

        var ids = chain.Select(c => c.Id).ToList();
        var counts = await db.Scores.AsNoTracking().Where(s => ids.Contains(s.WorkshopId))
            .GroupBy(s => new { s.WorkshopId, s.StepKey, s.Value })
            .Select(g => new { g.Key.WorkshopId, g.Key.StepKey, g.Key.Value, Count = g.Count() })
            .ToListAsync();

        var live = chain.Select(c =>
        {
            var edition = editions.Find(c.EditionKey);
            // An own question of the gemeente has no topic: earlier sessions' own questions stay out of the trend.
            var byTopic = counts.Where(x => x.WorkshopId == c.Id && (c.Id == workshop.Id || !WorkshopPlan.IsOwnQuestionKey(x.StepKey)))
                .GroupBy(x => edition?.Panels.FirstOrDefault(p => p.Key == x.StepKey)?.TopicKey ?? x.StepKey)
                .ToDictionary(g => g.Key, g => ScoreSummary.From(g.SelectMany(x => Enumerable.Repeat(x.Value, x.Count))));
            return new SessionReport(c.Id, c.Title, c.Date, edition?.ShortTitle ?? c.EditionKey, byTopic);
        });
        return [.. Enumerable.Reverse(kept), .. live.Reverse()];
    }

    /// <summary>One session's own score distribution per topic (all of it: for keeping when a follow-up starts).</summary>
    public static async Task<IReadOnlyDictionary<string, ScoreSummary>> ScoresByTopicAsync(AppDbContext db, EditionCatalog editions, Workshop workshop)
    {
        var edition = editions.Find(workshop.EditionKey);
        var counts = await db.Scores.AsNoTracking().Where(s => s.WorkshopId == workshop.Id)
            .GroupBy(s => new { s.StepKey, s.Value })
            .Select(g => new { g.Key.StepKey, g.Key.Value, Count = g.Count() })
            .ToListAsync();
        // Kept for the chain's trend, which has no place for an own question (decision 0020): the next session's
        // own question 1 may ask something else entirely.
        return counts.Where(x => !WorkshopPlan.IsOwnQuestionKey(x.StepKey))
            .GroupBy(x => edition?.Panels.FirstOrDefault(p => p.Key == x.StepKey)?.TopicKey ?? x.StepKey)
            .ToDictionary(g => g.Key, g => ScoreSummary.From(g.SelectMany(x => Enumerable.Repeat(x.Value, x.Count))));
    }
}

/// <summary>
/// One participant's three actions. Participants who wrote actions are numbered in the order they joined
/// ("Deelnemer 2"): this is the one place that numbers them.
/// </summary>
public sealed record ActionsOfParticipant(int Number, string? Name, IReadOnlyList<ActionOfParticipant> Actions)
{
    /// <summary>The name they gave, or "Deelnemer 2" when they gave none or names are left out.</summary>
    public string Participant => Name ?? Texts.Format(Texts.Facilitator.ParticipantNumber, Number);

    /// <param name="includeNames">False: <see cref="Name"/> stays empty, so no output can carry it.</param>
    public static async Task<IReadOnlyList<ActionsOfParticipant>> LoadAsync(AppDbContext db, Guid workshopId, bool includeNames)
    {
        var rows = await db.Participants.AsNoTracking()
            .Where(p => p.WorkshopId == workshopId)
            .OrderBy(p => p.JoinedAt)
            .Select(p => new { p.DisplayName, Actions = p.Actions.OrderBy(a => a.Position).Select(a => new ActionOfParticipant(a.Id, a.Text)).ToList() })
            .ToListAsync();
        return rows.Where(r => r.Actions.Count > 0)
            .Select((r, i) => new ActionsOfParticipant(i + 1, includeNames ? r.DisplayName : null, r.Actions))
            .ToList();
    }
}

public sealed record ActionOfParticipant(Guid Id, string Text);
