using HandhavingsKoers.Web.Content;

namespace HandhavingsKoers.Web.Workshops;

/// <summary>
/// A praatplaat session of one municipal team. Guards its own rules: who may write what, when, and on which step.
/// </summary>
public sealed partial class Workshop
{
    private Workshop()
    {
        // For EF Core.
    }

    public const int GemeenteMaxLength = 100;
    public const int TitleMaxLength = 150;

    public Guid Id { get; private set; }
    public string Gemeente { get; private set; } = "";
    public string Title { get; private set; } = "";
    public DateOnly Date { get; private set; }
    public string EditionKey { get; private set; } = "";

    /// <summary>The short code people type to join; see <see cref="JoinCode"/>.</summary>
    public string JoinCode { get; private set; } = "";

    /// <summary>
    /// SHA-256 of the facilitator's secret key. The key itself is never stored. Empty once a beheerder revoked the
    /// link: then no key matches (<see cref="SecretToken.Matches"/>) until a new one is issued.
    /// </summary>
    public byte[] FacilitatorKeyHash { get; private set; } = [];

    /// <summary>The gemeente space this session belongs to; null for a session started at <c>/starten</c> without one.</summary>
    public Guid? GemeenteId { get; private set; }

    /// <summary>
    /// A session prepared ahead (a concept, decision 0018): nobody can join with its code until the facilitator opens it.
    /// </summary>
    public bool IsConcept { get; private set; }

    /// <summary>Whether a facilitator link works now (false after a beheerder revoked it).</summary>
    public bool HasFacilitatorLink => FacilitatorKeyHash.Length > 0;

    /// <summary>The step the facilitator has put the room on.</summary>
    public string CurrentStepKey { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }
    public DateTime? ClosedAt { get; private set; }

    /// <summary>The session this one follows up on ("als vervolg op"); null for a first session, or once it was deleted.</summary>
    public Guid? PreviousWorkshopId { get; private set; }

    /// <summary>What the team agreed to do, with owner and date; they open the next follow-up session.</summary>
    public List<TeamAction> TeamActions { get; private set; } = [];

    /// <summary>For a follow-up: the previous session's team actions, and what became of them.</summary>
    public List<PreviousAction> PreviousActions { get; private set; } = [];

    /// <summary>Every status change of the actions this session holds (its own and those carried in), oldest first.</summary>
    public List<ActionStatusChange> ActionHistory { get; private set; } = [];

    /// <summary>For a follow-up: the anonymous figures of the earlier sessions of its chain, kept when it started.</summary>
    public List<KeptSession> KeptSessions { get; private set; } = [];

    public const int MaxTeamActions = 30;

    public List<Participant> Participants { get; private set; } = [];
    public List<Note> Notes { get; private set; } = [];

    /// <summary>The prioritising round, if the facilitator opened one. Load it before asking about dots.</summary>
    public PriorityRound? PriorityRound { get; private set; }

    /// <summary>Dots placed in the round. Load only the acting participant's before placing or taking back one.</summary>
    public List<Dot> Dots { get; private set; } = [];

    /// <summary>Per-step settings (hidden, locked, timer). Load them before asking about a step.</summary>
    public List<StepState> StepStates { get; private set; } = [];

    public const int MinTimerMinutes = 1;
    public const int MaxTimerMinutes = 60;

    public const int ExecutiveSummaryMaxLength = 5000;

    /// <summary>The bestuurlijke samenvatting for the college, written after closing; null until written.</summary>
    public string? ExecutiveSummary { get; private set; }

    /// <summary>Goes up with every change of <see cref="ExecutiveSummary"/>, against an older tab overwriting newer text.</summary>
    public int ExecutiveSummaryVersion { get; private set; }

    /// <summary>Per principle, the facilitator's conclusion and kernpunten (written after closing).</summary>
    public List<PanelConclusion> Conclusions { get; private set; } = [];

    /// <summary>Public links to the report, the revoked and expired ones included (at most one active).</summary>
    public List<Publication> Publications { get; private set; } = [];

    public bool IsClosed => ClosedAt is not null;

    /// <summary>The gemeente's name as stored; a rule error names <see cref="Gemeente"/>.</summary>
    public static string CheckGemeente(string? gemeente) =>
        TextRules.Line(gemeente, GemeenteMaxLength, Messages.GemeenteRequired, Messages.GemeenteTooLong, nameof(Gemeente));

    /// <summary>The title as stored; a rule error names <see cref="Title"/>.</summary>
    public static string CheckTitle(string? title) =>
        TextRules.Line(title, TitleMaxLength, Messages.TitleRequired, Messages.TitleTooLong, nameof(Title));

    public static Workshop Start(
        string? gemeente, string? title, DateOnly date, Edition edition, string joinCode, byte[] facilitatorKeyHash, DateTime now)
    {
        return new Workshop
        {
            Id = Guid.NewGuid(),
            Gemeente = CheckGemeente(gemeente),
            Title = CheckTitle(title),
            Date = date,
            EditionKey = edition.Key,
            JoinCode = joinCode,
            FacilitatorKeyHash = facilitatorKeyHash,
            CurrentStepKey = edition.Steps.First.Key,
            CreatedAt = now,
        };
    }

    /// <summary>A session started by a beheerder in the gemeente's own space: it carries the gemeente's name and id.</summary>
    /// <param name="concept">Prepared ahead: the join code refuses until the facilitator opens the session.</param>
    public static Workshop StartFor(
        Gemeenten.Gemeente gemeente, string? title, DateOnly date, Edition edition, string joinCode, byte[] facilitatorKeyHash, DateTime now,
        bool concept = false)
    {
        var workshop = Start(gemeente.Name, title, date, edition, joinCode, facilitatorKeyHash, now);
        workshop.GemeenteId = gemeente.Id;
        workshop.IsConcept = concept;
        return workshop;
    }

    /// <summary>
    /// The facilitator opens a concept: from now on people join with the code. The room starts at the welcome: a
    /// try-out walk through the concept may have left it on a step the plan has since skipped, where nobody could enter.
    /// </summary>
    public void OpenConcept()
    {
        EnsureOpen();
        IsConcept = false;
        CurrentStepKey = StepSequence.WelcomeKey;
    }

    /// <summary>
    /// A new facilitator key (a beheerder re-issues the link): the old link and every browser that held it stop working
    /// at once, because only the new hash is kept.
    /// </summary>
    public void ReplaceFacilitatorKey(byte[] keyHash) => FacilitatorKeyHash = keyHash;

    /// <summary>
    /// No facilitator link works any more until a beheerder issues a new one, and no co-facilitator's or notulist's
    /// link either: they were handed out under the facilitator's authority, and one may be the departing facilitator's
    /// own. (A re-issued key keeps them: the session goes on with the same team.) Load the links first.
    /// </summary>
    public void RevokeFacilitatorKey(DateTime now)
    {
        FacilitatorKeyHash = [];
        foreach (var link in FacilitatorLinks.Where(l => l.IsActive))
        {
            link.Revoke(now);
        }
    }

    /// <summary>Links of co-facilitators and notulists, the revoked ones included (decision 0021). Load them before inviting or revoking.</summary>
    public List<FacilitatorLink> FacilitatorLinks { get; private set; } = [];

    public const int MaxActiveFacilitatorLinks = 20;

    /// <summary>A new link for a co-facilitator or a notulist: only its hash is kept; the caller shows the key once.</summary>
    public FacilitatorLink InviteFacilitator(FacilitatorRole? role, string? forWhom, byte[] keyHash, DateTime now)
    {
        if (FacilitatorLinks.Count(l => l.IsActive) >= MaxActiveFacilitatorLinks)
        {
            throw new WorkshopRuleException(Messages.TooManyFacilitatorLinks, nameof(FacilitatorLink.ForWhom));
        }

        var link = FacilitatorLink.Create(Id, role ?? throw new WorkshopRuleException(Messages.FacilitatorRoleUnknown, nameof(FacilitatorLink.Role)),
            forWhom, keyHash, now);
        FacilitatorLinks.Add(link);
        return link;
    }

    /// <summary>Stops a co-facilitator's or notulist's link at once: its next request is refused.</summary>
    public void RevokeFacilitatorLink(Guid linkId, DateTime now) =>
        (FacilitatorLinks.SingleOrDefault(l => l.Id == linkId && l.IsActive)
            ?? throw new WorkshopRuleException(Messages.FacilitatorLinkNotFound)).Revoke(now);

    /// <summary>
    /// Starts a session that follows up on <paramref name="previous"/>: same gemeente; last time's team actions copied
    /// in with their status, and every action it had carried over that is still open, with its first date and history
    /// (one action identity across the chain, decision 0022); and the anonymous figures of the previous session
    /// (<paramref name="previousScores"/>, per topic) and of those it kept in turn. Load the previous session's team
    /// actions, previous actions, action history and kept sessions (with topics) first.
    /// </summary>
    public static Workshop StartFollowUp(
        Workshop previous, string? title, DateOnly date, Edition edition, string joinCode, byte[] facilitatorKeyHash, DateTime now,
        IReadOnlyDictionary<string, ScoreSummary>? previousScores = null)
    {
        if (date < previous.Date)
        {
            throw new WorkshopRuleException(Messages.FollowUpBeforePrevious, nameof(Date));
        }

        var workshop = Start(previous.Gemeente, title, date, edition, joinCode, facilitatorKeyHash, now);
        workshop.PreviousWorkshopId = previous.Id;
        workshop.GemeenteId = previous.GemeenteId;
        var position = 1;
        var keys = new HashSet<Guid>();

        // Carried over before and still not done: oldest first, keeping their first date and history.
        foreach (var action in previous.PreviousActions.Where(a => a.IsOpen).OrderBy(a => a.FirstMadeAt).ThenBy(a => a.Position))
        {
            workshop.PreviousActions.Add(PreviousAction.CarryOver(action, workshop, position++));
            keys.Add(action.ActionKey);
        }

        foreach (var action in previous.TeamActions.OrderBy(a => a.DueDate).ThenBy(a => a.CreatedAt))
        {
            workshop.PreviousActions.Add(PreviousAction.CopyOf(action, workshop, position++, previous.ActionHistory.Any(h => h.ActionKey == action.Id)));
            keys.Add(action.Id);
        }

        workshop.ActionHistory.AddRange(previous.ActionHistory.Where(h => keys.Contains(h.ActionKey)).OrderBy(h => h.At).Select(h => h.CopyFor(workshop.Id)));

        workshop.KeptSessions.Add(KeptSession.Of(workshop, previous, previousScores ?? new Dictionary<string, ScoreSummary>(), now));
        workshop.KeptSessions.AddRange(previous.KeptSessions.OrderByDescending(k => k.Date)
            .Take(Reports.SessionReport.MaxChain - 2).Select(k => k.CopyFor(workshop)));
        return workshop;
    }

    public Participant Join(string? displayName, byte[] tokenHash, DateTime now)
    {
        EnsureOpen();
        if (IsConcept)
        {
            throw new WorkshopRuleException(Messages.SessionIsConcept, "Code");
        }

        var participant = Participant.Create(this, TextRules.DisplayName(displayName), tokenHash, now);
        Participants.Add(participant);
        return participant;
    }

    public void MoveTo(Step step)
    {
        EnsureOpen();
        CurrentStepKey = step.Key;
    }

    /// <summary>Participants see the room's step and the ones before it; once closed, the whole praatplaat.</summary>
    public bool ParticipantsMaySee(Step step, Edition edition) =>
        IsClosed || edition.Steps.IsOpenForParticipants(step, CurrentStepKey);

    /// <summary>Whether this viewer may open the step at all: the facilitator every step, everyone else not ahead of the room.</summary>
    public bool MaySee(Viewer viewer, Step step, Edition edition) =>
        viewer.IsPublic ? IsClosed : viewer.IsFacilitator || ParticipantsMaySee(step, edition);

    /// <summary>
    /// The one rule for who reads which notes of a step; every page, fragment, presenter, summary, export and PDF asks
    /// it. The facilitator reads everything. Nobody else reads a step the room has not reached. During silent writing
    /// a participant reads only their own notes and the room (the projector) none. Once the workshop is closed,
    /// everything is shown to everyone who may open it. The public (a published link) reads a closed workshop only,
    /// and never notes that were still hidden (silent writing) when it closed: what the room did not see stays inside.
    /// </summary>
    public NoteVisibility NotesVisibleTo(Viewer viewer, Step step, Edition edition)
    {
        if (viewer.IsPublic)
        {
            return IsClosed && !NotesHiddenOn(step.Key) ? NoteVisibility.All : NoteVisibility.None;
        }

        if (viewer.IsFacilitator || IsClosed)
        {
            return NoteVisibility.All;
        }

        if (!ParticipantsMaySee(step, edition))
        {
            return NoteVisibility.None;
        }

        if (!NotesHiddenOn(step.Key))
        {
            return NoteVisibility.All;
        }

        return viewer.ParticipantId is { } me ? NoteVisibility.Own(me) : NoteVisibility.None;
    }

    /// <summary>
    /// Whether participants other than the note's author may read it now, by <see cref="NotesVisibleTo"/>: what the
    /// live event of a new note may carry to their pages.
    /// </summary>
    public bool OthersMayRead(Note note, Step step, Edition edition) =>
        NotesVisibleTo(Viewer.Participant(Guid.Empty), step, edition).Allows(note.ParticipantId);

    /// <summary>
    /// The rule for "waar staan we?": the facilitator always sees the distribution; everyone else once the facilitator
    /// reveals it on a step the room has reached, or when the workshop is closed. Before that they learn only how many scored.
    /// The public reads a closed workshop's scores only where the facilitator revealed them to the room.
    /// </summary>
    public bool ScoresVisibleTo(Viewer viewer, Step step, Edition edition) => viewer.IsPublic
        ? IsClosed && ScoresRevealedOn(step.Key)
        : viewer.IsFacilitator || IsClosed || (ParticipantsMaySee(step, edition) && ScoresRevealedOn(step.Key));

    /// <summary>
    /// Whether this viewer reads what each participant wrote as their own three actions. Not the public: those are
    /// personal, even without a name. Others once the room reached the actions step (or the workshop closed).
    /// </summary>
    public bool ParticipantActionsVisibleTo(Viewer viewer, Edition edition) =>
        !viewer.IsPublic && MaySee(viewer, edition.Steps.Find(StepSequence.ActionsKey)!, edition);

    /// <summary>
    /// The rule for the dots of the prioritising round: the facilitator sees the counts as they come in; everyone else
    /// (participants, the projector, reports) only once the facilitator reveals them. A participant always knows where
    /// their own dots are, never whose the others are. Load <see cref="PriorityRound"/> first.
    /// </summary>
    public bool DotsVisibleTo(Viewer viewer) => viewer.IsFacilitator || PriorityRound?.IsRevealed == true;

    /// <param name="id">
    /// The id the page gave the note (so a retried post is recognised); <see cref="Guid.Empty"/> for a new one.
    /// </param>
    public Note AddNote(Edition edition, Step step, NoteColumn column, string? text, Actor actor, DateTime now, Guid id = default)
    {
        EnsureOpen();
        if (!step.TakesNotes)
        {
            throw new WorkshopRuleException(Messages.StepTakesNoNotes);
        }

        if (!actor.IsFacilitator && !ParticipantsMaySee(step, edition))
        {
            throw new WorkshopRuleException(Messages.StepNotStarted);
        }

        EnsureNotLocked(step.Key, actor);

        if (!Enum.IsDefined(column))
        {
            throw new WorkshopRuleException(Messages.UnknownColumn);
        }

        var note = Note.Create(this, id == Guid.Empty ? Guid.NewGuid() : id, step.Key, column, TextRules.NoteText(text), actor.ParticipantId, now);
        Notes.Add(note);
        return note;
    }

    /// <summary>
    /// Whether one more note fits: a workshop holds at most <see cref="NoteQuota.PerWorkshop"/> notes, and a
    /// participant adds at most <see cref="NoteQuota.PerParticipantPerMinute"/> a minute (the facilitator is not
    /// limited). The caller counts; the rule is here.
    /// </summary>
    public void EnsureRoomForNote(NoteQuota quota, Actor actor, int notesInWorkshop, int notesByActorLastMinute)
    {
        if (notesInWorkshop >= quota.PerWorkshop)
        {
            throw new WorkshopLimitException(Messages.TooManyNotesInWorkshop(quota.PerWorkshop));
        }

        if (!actor.IsFacilitator && notesByActorLastMinute >= quota.PerParticipantPerMinute)
        {
            throw new WorkshopLimitException(Messages.NotesTooFast(quota.PerParticipantPerMinute));
        }
    }

    /// <param name="basedOnVersion">The version the editor started from; null skips the check (an old form).</param>
    public void EditNote(Note note, string? text, Actor actor, DateTime now, int? basedOnVersion = null)
    {
        EnsureOpen();
        EnsureMayChange(note, actor);
        EnsureNotLocked(note.StepKey, actor);
        var cleaned = TextRules.NoteText(text);
        if (basedOnVersion is { } version && version != note.Version && cleaned != note.Text)
        {
            throw new NoteConflictException(note.Text, cleaned);
        }

        note.ChangeText(cleaned, now);
    }

    public void RemoveNote(Note note, Actor actor)
    {
        EnsureOpen();
        EnsureMayChange(note, actor);
        EnsureNotLocked(note.StepKey, actor);
        if (note.IsMerge)
        {
            // Its originals would be left pointing at nothing: the facilitator undoes the merge instead.
            throw new WorkshopRuleException(Messages.MergedNoteNotDeleted);
        }

        Notes.Remove(note);
    }

    public TeamAction AddTeamAction(string? text, string? owner, DateOnly? dueDate, DateTime now)
    {
        EnsureOpen();
        if (TeamActions.Count >= MaxTeamActions)
        {
            throw new WorkshopRuleException(Messages.TooManyTeamActions);
        }

        var action = TeamAction.Create(this, TextRules.ActionText(text, nameof(TeamAction.Text)), TextRules.Owner(owner), CheckDueDate(dueDate), now);
        TeamActions.Add(action);
        return action;
    }

    /// <summary>
    /// Removes a team action and its status history (its notes may say more than the action did, and nothing would
    /// show or copy them again). Load <see cref="TeamActions"/> and <see cref="ActionHistory"/> first.
    /// </summary>
    public void RemoveTeamAction(Guid actionId)
    {
        EnsureOpen();
        var action = TeamActions.FirstOrDefault(a => a.Id == actionId) ?? throw new WorkshopRuleException(Messages.TeamActionNotFound);
        TeamActions.Remove(action);
        ActionHistory.RemoveAll(h => h.ActionKey == action.Id);
    }

    /// <summary>Records what became of one of last time's actions, in the session. Load <see cref="PreviousActions"/> and <see cref="ActionHistory"/> first.</summary>
    public void ReviewPreviousAction(Guid actionId, ActionStatus? status, string? note, DateTime now)
    {
        EnsureOpen();
        if (!PreviousActions.Any(a => a.Id == actionId))
        {
            throw new WorkshopRuleException(Messages.PreviousActionNotFound);
        }

        FollowAction(actionId, status, note, now);
    }

    /// <summary>
    /// A new status for one of this session's actions (its own team action or one carried in), with an optional short
    /// note, recorded in the action's dated history. Allowed at any time, also after closing and between sessions;
    /// who may is <see cref="SessionAccess"/>'s rule (a facilitator key whose role may write team actions, or a
    /// beheerder of the gemeente). Load <see cref="TeamActions"/>, <see cref="PreviousActions"/>
    /// and <see cref="ActionHistory"/> first.
    /// </summary>
    public void FollowAction(Guid actionId, ActionStatus? status, string? note, DateTime now)
    {
        if (status is not { } chosen || !Enum.IsDefined(chosen))
        {
            throw new WorkshopRuleException(Messages.ActionStatusRequired, nameof(PreviousAction.Status));
        }

        var cleanNote = TextRules.OptionalText(note, PreviousAction.NoteMaxLength, nameof(PreviousAction.StatusNote));
        Guid key;
        if (TeamActions.FirstOrDefault(a => a.Id == actionId) is { } own)
        {
            own.SetStatus(chosen, cleanNote);
            key = own.Id;
        }
        else if (PreviousActions.FirstOrDefault(a => a.Id == actionId) is { } carried)
        {
            carried.Review(chosen, cleanNote, now);
            key = carried.ActionKey;
        }
        else
        {
            throw new WorkshopRuleException(Messages.TeamActionNotFound);
        }

        ActionHistory.Add(ActionStatusChange.Record(Id, key, chosen, cleanNote, now));
    }

    /// <summary>
    /// Changes what an action says, who picks it up and by when: at any time, also between sessions. The date may not
    /// lie before the day the action was first made, nor more than <see cref="TeamAction.MaxYearsAhead"/> years after
    /// this session.
    /// </summary>
    public void EditAction(Guid actionId, string? text, string? owner, DateOnly? dueDate)
    {
        var cleanText = TextRules.ActionText(text, nameof(TeamAction.Text));
        var cleanOwner = TextRules.Owner(owner);
        if (TeamActions.FirstOrDefault(a => a.Id == actionId) is { } own)
        {
            own.Edit(cleanText, cleanOwner, CheckDueDate(dueDate));
        }
        else if (PreviousActions.FirstOrDefault(a => a.Id == actionId) is { } carried)
        {
            var made = Texts.DutchDate(carried.FirstMadeAt);
            carried.Edit(cleanText, cleanOwner, dueDate switch
            {
                null => throw new WorkshopRuleException(Messages.DueDateRequired, nameof(TeamAction.DueDate)),
                { } d when d < made => throw new WorkshopRuleException(Messages.DueDateBeforeAction, nameof(TeamAction.DueDate)),
                { } d when d > Date.AddYears(TeamAction.MaxYearsAhead) => throw new WorkshopRuleException(Messages.DueDateTooFar, nameof(TeamAction.DueDate)),
                { } d => d,
            });
        }
        else
        {
            throw new WorkshopRuleException(Messages.TeamActionNotFound);
        }
    }

    private DateOnly CheckDueDate(DateOnly? dueDate) => dueDate switch
    {
        null => throw new WorkshopRuleException(Messages.DueDateRequired, nameof(TeamAction.DueDate)),
        { } d when d < Date => throw new WorkshopRuleException(Messages.DueDateBeforeWorkshop, nameof(TeamAction.DueDate)),
        { } d when d > Date.AddYears(TeamAction.MaxYearsAhead) => throw new WorkshopRuleException(Messages.DueDateTooFar, nameof(TeamAction.DueDate)),
        { } d => d,
    };

    /// <summary>Opens the prioritising round on the "Wat moeten we nog doen?" notes of one panel, or of all (null).</summary>
    public PriorityRound OpenPriorityRound(Edition edition, string? stepKey, int? dots, bool allowSeveralPerNote, DateTime now)
    {
        EnsureOpen();
        if (PriorityRound is not null)
        {
            throw new WorkshopRuleException(Messages.RoundExists);
        }

        if (stepKey is not null && !edition.Panels.Any(p => p.Key == stepKey))
        {
            throw new WorkshopRuleException(Messages.RoundScopeUnknown, nameof(PriorityRound.StepKey));
        }

        if (dots is not { } count || count is < PriorityRound.MinDots or > PriorityRound.MaxDots)
        {
            throw new WorkshopRuleException(Messages.DotsPerParticipant, nameof(PriorityRound.DotsPerParticipant));
        }

        PriorityRound = PriorityRound.Open(this, stepKey, count, allowSeveralPerNote, now);
        return PriorityRound;
    }

    public void RevealDots(DateTime now)
    {
        EnsureOpen();
        RoundOrRefuse().Reveal(now);
    }

    public void ClosePriorityRound(DateTime now)
    {
        EnsureOpen();
        RoundOrRefuse().Close(now);
    }

    /// <summary>Starts over: the round goes, and with it every dot (the caller deletes the dots' rows).</summary>
    public void RemovePriorityRound()
    {
        EnsureOpen();
        RoundOrRefuse();
        PriorityRound = null;
    }

    /// <summary>
    /// A participant places one dot on a note in the round. Load <see cref="PriorityRound"/> and this participant's
    /// <see cref="Dots"/> first: the rule counts them.
    /// </summary>
    public Dot PlaceDot(Note note, Guid participantId, DateTime now)
    {
        var round = EnsureVoting(note);
        var mine = Dots.Where(d => d.ParticipantId == participantId).ToList();
        if (mine.Count >= round.DotsPerParticipant)
        {
            throw new WorkshopRuleException(Messages.NoDotsLeft(round.DotsPerParticipant));
        }

        if (!round.AllowSeveralPerNote && mine.Any(d => d.NoteId == note.Id))
        {
            throw new WorkshopRuleException(Messages.OneDotPerNote);
        }

        var dot = Dot.Place(this, note, participantId, now);
        Dots.Add(dot);
        return dot;
    }

    /// <summary>A participant takes back one of their own dots from a note. Load this participant's <see cref="Dots"/> first.</summary>
    public void TakeBackDot(Note note, Guid participantId)
    {
        EnsureVoting(note);
        var dot = Dots.LastOrDefault(d => d.ParticipantId == participantId && d.NoteId == note.Id)
            ?? throw new WorkshopRuleException(Messages.NoDotToTakeBack);
        Dots.Remove(dot);
    }

    /// <summary>The facilitator enters the dots a table counted on the A3 poster for a note (0 clears them).</summary>
    public void SetPaperDots(Note note, int? count)
    {
        EnsureOpen();
        var round = RoundOrRefuse();
        EnsureInRound(round, note);
        if (count is not { } value || value is < 0 or > Note.MaxPaperDots)
        {
            throw new WorkshopRuleException(Messages.PaperDotsRange, nameof(Note.PaperDots));
        }

        note.SetPaperDots(value);
    }

    /// <summary>
    /// Merges duplicates into one new note (for the room), worded as <paramref name="text"/> or, when that is empty,
    /// as the oldest of them. The originals stay, under the new note. Their dots move onto it, so each owner sees
    /// theirs there and can take it back, and "one dot per note" holds for the merged note (each dot remembers where
    /// it was placed, for <see cref="UndoMerge"/>). All must be notes of this workshop, of one step and one prompt,
    /// and none may be merged already. Load the <see cref="Dots"/> on these notes first.
    /// </summary>
    public Note MergeNotes(IReadOnlyList<Note> notes, string? text, DateTime now)
    {
        EnsureOpen();
        if (notes.Select(n => n.Id).Distinct().Count() < 2)
        {
            throw new WorkshopRuleException(Messages.MergeTooFew);
        }

        if (notes.Any(n => n.WorkshopId != Id))
        {
            throw new WorkshopRuleException(Messages.NoteNotFound);
        }

        var first = notes.OrderBy(n => n.CreatedAt).First();
        if (notes.Any(n => n.StepKey != first.StepKey || n.Column != first.Column))
        {
            throw new WorkshopRuleException(Messages.MergeAcrossSteps);
        }

        if (notes.Any(n => n.IsMerge || n.MergedIntoId is not null))
        {
            throw new WorkshopRuleException(Messages.MergeTwice);
        }

        var wording = string.IsNullOrWhiteSpace(text) ? first.Text : TextRules.NoteText(text);
        var merged = Note.MergeOf(this, first, wording, now);
        Notes.Add(merged);
        foreach (var note in notes)
        {
            note.MergeInto(merged);
        }

        var ids = notes.Select(n => n.Id).ToHashSet();
        foreach (var dot in Dots.Where(d => ids.Contains(d.NoteId)))
        {
            dot.MoveOnto(merged);
        }

        return merged;
    }

    /// <summary>
    /// Undoes a merge without losing a vote: the originals come back as they were, each dot moves back to the note it
    /// was placed on, and what the merged note got itself (dots placed on it, a paper tally, a place among the
    /// kernpunten) goes to the oldest original, whose wording a merge starts from. The merged note goes. Load the
    /// <see cref="Dots"/> on the merged note and the <see cref="Conclusions"/> with their kernpunten first.
    /// </summary>
    public void UndoMerge(Note merged, IReadOnlyList<Note> originals, DateTime now)
    {
        EnsureOpen();
        if (merged.WorkshopId != Id || !merged.IsMerge)
        {
            throw new WorkshopRuleException(Messages.NotAMerge);
        }

        var own = originals.Where(o => o.MergedIntoId == merged.Id).OrderBy(o => o.CreatedAt).ThenBy(o => o.Id).ToList();
        if (own.Count == 0)
        {
            // Every original was deleted meanwhile: the votes would have nowhere to go.
            throw new WorkshopRuleException(Messages.MergeOriginalsGone);
        }

        var oldest = own[0];
        foreach (var dot in Dots.Where(d => d.NoteId == merged.Id))
        {
            dot.MoveBack(own.FirstOrDefault(o => o.Id == dot.MergedFromNoteId) ?? oldest);
        }

        if (merged.PaperDots > 0)
        {
            oldest.SetPaperDots(oldest.PaperDots + merged.PaperDots);
        }

        foreach (var conclusion in Conclusions)
        {
            conclusion.ReplaceKeyPoint(merged.Id, oldest.Id, now);
        }

        foreach (var original in own)
        {
            original.Unmerge();
        }

        Notes.Remove(merged);
    }

    private PriorityRound EnsureVoting(Note note)
    {
        EnsureOpen();
        var round = PriorityRound ?? throw new WorkshopRuleException(Messages.RoundNotOpen);
        if (round.IsClosed)
        {
            throw new WorkshopRuleException(Messages.RoundClosed);
        }

        EnsureInRound(round, note);
        return round;
    }

    private void EnsureInRound(PriorityRound round, Note note)
    {
        if (note.WorkshopId != Id)
        {
            throw new WorkshopRuleException(Messages.NoteNotFound);
        }

        if (!round.Covers(note.StepKey, note.Column) || note.MergedIntoId is not null)
        {
            throw new WorkshopRuleException(Messages.NoteNotInRound);
        }
    }

    private PriorityRound RoundOrRefuse() => PriorityRound ?? throw new WorkshopRuleException(Messages.RoundNotOpen);

    /// <summary>The room sees how it scored this step (the distribution) only after the facilitator shows it.</summary>
    public bool ScoresRevealedOn(string stepKey) => StateOf(stepKey)?.ScoresRevealed == true;

    public void RevealScores(Step step) => EditPanelState(step, s => s.SetScoresRevealed(true));

    public void HideScores(Step step) => EditPanelState(step, s => s.SetScoresRevealed(false));

    private void EditPanelState(Step step, Action<StepState> change)
    {
        if (!step.TakesNotes)
        {
            throw new WorkshopRuleException(Messages.StepTakesNoScores);
        }

        EditState(step, change);
    }

    /// <summary>Whether a participant may give or change a score on this step now.</summary>
    internal void EnsureMayScore(Edition edition, Step step)
    {
        EnsureOpen();
        if (!step.TakesNotes)
        {
            throw new WorkshopRuleException(Messages.StepTakesNoScores);
        }

        if (!ParticipantsMaySee(step, edition))
        {
            throw new WorkshopRuleException(Messages.StepNotStarted);
        }

        if (IsLocked(step.Key))
        {
            throw new WorkshopRuleException(Messages.StepLocked);
        }
    }

    public StepState? StateOf(string stepKey)
    {
        // A plain loop, not LINQ: pages ask this for every note they show, and a lambda allocates on each call.
        foreach (var state in StepStates)
        {
            if (state.StepKey == stepKey)
            {
                return state;
            }
        }

        return null;
    }

    public bool NotesHiddenOn(string stepKey) => StateOf(stepKey)?.NotesHidden == true;

    public bool IsLocked(string stepKey) => StateOf(stepKey)?.Locked == true;

    /// <summary>Silent writing: the room's notes on this step are hidden until <see cref="RevealNotes"/>.</summary>
    public void HideNotes(Step step) => EditState(step, s => s.SetHidden(true));

    public void RevealNotes(Step step) => EditState(step, s => s.SetHidden(false));

    public void Lock(Step step) => EditState(step, s => s.SetLocked(true));

    public void Unlock(Step step) => EditState(step, s => s.SetLocked(false));

    public void StartTimer(Step step, int minutes, DateTime now)
    {
        if (minutes is < MinTimerMinutes or > MaxTimerMinutes)
        {
            throw new WorkshopRuleException(Messages.TimerMinutes);
        }

        EditState(step, s => s.SetTimer(now.AddMinutes(minutes)));
    }

    public void StopTimer(Step step) => EditState(step, s => s.SetTimer(null));

    private void EditState(Step step, Action<StepState> change)
    {
        EnsureOpen();
        var state = StateOf(step.Key);
        if (state is null)
        {
            state = StepState.For(this, step.Key);
            StepStates.Add(state);
        }

        change(state);
    }

    private void EnsureNotLocked(string stepKey, Actor actor)
    {
        if (!actor.IsFacilitator && IsLocked(stepKey))
        {
            throw new WorkshopRuleException(Messages.StepLocked);
        }
    }

    /// <summary>
    /// Saves the conclusion and kernpunten of one principle. Only after closing (the report is finished afterwards),
    /// and kernpunten only from that principle's own notes in this workshop. Load <see cref="Conclusions"/> with their
    /// <see cref="PanelConclusion.KeyPoints"/> first.
    /// </summary>
    /// <param name="keyPointNotes">The notes the chosen ids were found as, wherever they belong (the rule checks that).</param>
    /// <param name="basedOnVersion">The version the page showed; null skips the check (an old form).</param>
    public void Conclude(Edition edition, string? stepKey, string? text, IReadOnlyList<Guid> keyPointIds, IReadOnlyCollection<Note> keyPointNotes,
        int? basedOnVersion, DateTime now)
    {
        EnsureMayConclude();
        var panel = edition.Panels.FirstOrDefault(p => p.Key == stepKey) ?? throw new WorkshopRuleException(Messages.StepNotFound);
        var field = nameof(PanelConclusion.Text);
        var cleaned = TextRules.OptionalText(text, PanelConclusion.MaxLength, field);
        var chosen = keyPointIds.Distinct().ToList();
        if (chosen.Count > PanelConclusion.MaxKeyPoints)
        {
            throw new WorkshopRuleException(Messages.TooManyKeyPoints(chosen.Count), nameof(PanelConclusion.KeyPoints));
        }

        foreach (var id in chosen)
        {
            if (keyPointNotes.FirstOrDefault(n => n.Id == id) is not { } note || note.WorkshopId != Id || note.StepKey != panel.Key)
            {
                throw new WorkshopRuleException(Messages.KeyPointNotOfPanel, nameof(PanelConclusion.KeyPoints));
            }

            if (note.MergedIntoId is not null)
            {
                throw new WorkshopRuleException(Messages.KeyPointMerged, nameof(PanelConclusion.KeyPoints));
            }
        }

        var conclusion = Conclusions.FirstOrDefault(c => c.StepKey == panel.Key);
        if (conclusion is null && cleaned is null && chosen.Count == 0)
        {
            // An untouched principle in the plain form: nothing to store.
            return;
        }

        if (conclusion is null)
        {
            conclusion = PanelConclusion.For(this, panel.Key);
            Conclusions.Add(conclusion);
        }

        if (basedOnVersion is { } version && version != conclusion.Version && !conclusion.Says(cleaned, chosen))
        {
            throw new ConclusionConflictException(conclusion.Text, cleaned, field);
        }

        conclusion.Change(cleaned, chosen, now);
    }

    /// <summary>Saves the bestuurlijke samenvatting (only after closing).</summary>
    /// <param name="basedOnVersion">The version the page showed; null skips the check (an old form).</param>
    public void WriteExecutiveSummary(string? text, int? basedOnVersion)
    {
        EnsureMayConclude();
        var cleaned = TextRules.OptionalText(text, ExecutiveSummaryMaxLength, nameof(ExecutiveSummary));
        if (cleaned == ExecutiveSummary)
        {
            return;
        }

        if (basedOnVersion is { } version && version != ExecutiveSummaryVersion)
        {
            throw new ConclusionConflictException(ExecutiveSummary, cleaned, nameof(ExecutiveSummary));
        }

        ExecutiveSummary = cleaned;
        ExecutiveSummaryVersion++;
    }

    private void EnsureMayConclude()
    {
        if (!IsClosed)
        {
            throw new WorkshopRuleException(Messages.ConcludeBeforeClosing);
        }
    }

    /// <summary>The public link that works now, if any. Load <see cref="Publications"/> first.</summary>
    public Publication? ActivePublication(DateTime now) => Publications.FirstOrDefault(p => p.IsActive(now));

    /// <summary>
    /// Makes a public link to the report: only for a closed workshop, one at a time, with an optional last day from
    /// today up to <see cref="Publication.MaxYearsAhead"/> years ahead. Load <see cref="Publications"/> first.
    /// </summary>
    /// <param name="address">The address the facilitator works on (see <see cref="Publication.Address"/>).</param>
    public Publication Publish(byte[] tokenHash, DateOnly? endsOn, string? address, DateTime now)
    {
        if (!IsClosed)
        {
            throw new WorkshopRuleException(Messages.PublishBeforeClosing);
        }

        if (ActivePublication(now) is not null)
        {
            throw new WorkshopRuleException(Messages.AlreadyPublished);
        }

        var today = Texts.DutchDate(now);
        if (endsOn is { } last && last < today)
        {
            throw new WorkshopRuleException(Messages.PublicationEndsInPast, nameof(Publication.EndsOn));
        }

        if (endsOn is { } far && far > today.AddYears(Publication.MaxYearsAhead))
        {
            throw new WorkshopRuleException(Messages.PublicationEndsTooFar, nameof(Publication.EndsOn));
        }

        var publication = Publication.Create(this, tokenHash, endsOn, address, now);
        Publications.Add(publication);
        return publication;
    }

    /// <summary>
    /// Stops the public link at once: every active one, should a race have made two. Load <see cref="Publications"/> first.
    /// </summary>
    public void RevokePublication(DateTime now)
    {
        var active = Publications.Where(p => p.IsActive(now)).ToList();
        if (active.Count == 0)
        {
            throw new WorkshopRuleException(Messages.NothingToRevoke);
        }

        active.ForEach(p => p.Revoke(now));
    }

    /// <summary>
    /// Whether the public may read the report through this link now: the link is active and the workshop closed (a
    /// reopened workshop is not public until it is closed again).
    /// </summary>
    public bool IsPublishedBy(Publication publication, DateTime now) => IsClosed && publication.WorkshopId == Id && publication.IsActive(now);

    public void Close(DateTime now)
    {
        if (!IsClosed)
        {
            ClosedAt = now;
        }
    }

    public void Reopen() => ClosedAt = null;

    internal void EnsureOpen()
    {
        if (IsClosed)
        {
            throw new WorkshopRuleException(Messages.WorkshopClosed);
        }
    }

    private void EnsureMayChange(Note note, Actor actor)
    {
        if (note.WorkshopId != Id)
        {
            // Callers look notes up by workshop too; this is the last line of defence against crossing workshops.
            throw new WorkshopRuleException(Messages.NoteNotFound);
        }

        if (!actor.IsFacilitator && note.ParticipantId != actor.ParticipantId)
        {
            throw new WorkshopRuleException(Messages.NotYourNote);
        }
    }
}

/// <summary>
/// Who is acting: someone running the room with a facilitator link (the facilitator, a co-facilitator or a notulist,
/// <see cref="Role"/>), or one participant. Everyone who runs the room acts as the facilitator towards notes (writes
/// for the room, tidies others' notes); what else each role may do is <see cref="FacilitatorRoles.Permits"/>.
/// </summary>
public sealed record Actor
{
    private Actor(Guid? participantId, FacilitatorRole? role)
    {
        ParticipantId = participantId;
        Role = role;
    }

    public static Actor Facilitator { get; } = new(null, FacilitatorRole.Facilitator);

    public static Actor Facilitating(FacilitatorRole role) => new(null, role);

    public static Actor Participant(Guid id) => new(id, null);

    public Guid? ParticipantId { get; }

    /// <summary>The role of someone running the room; null for a participant.</summary>
    public FacilitatorRole? Role { get; }

    public bool IsFacilitator => ParticipantId is null;

    /// <summary>Whether this actor may do this facilitator action; a participant may do none.</summary>
    public bool May(FacilitatorAction action) => Role is { } role && role.Permits(action);
}

/// <summary>A rule of the workshop was broken; the message is Dutch and meant for the user.</summary>
/// <param name="field">
/// The field the rule is about: the entity's property name (<c>nameof(TeamAction.Owner)</c>), or
/// <see cref="Participant.ActionField"/> for one of the three actions; null when it is about the whole change.
/// Pages put the message beside that field; nothing ever matches on the sentence.
/// </param>
public class WorkshopRuleException(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;
}

/// <summary>A limit against flooding was reached: the request is refused with 429 and a Dutch message; nothing is stored.</summary>
public sealed class WorkshopLimitException(string message) : WorkshopRuleException(message);

/// <summary>How many notes may be added: per participant per minute, and per workshop in all.</summary>
public sealed record NoteQuota(int PerParticipantPerMinute, int PerWorkshop)
{
    public static NoteQuota Default { get; } = new(30, 10_000);
}

/// <summary>Two people changed the same note; the later one is told, with both versions, and nothing is overwritten.</summary>
public sealed class NoteConflictException(string current, string yours) : WorkshopRuleException(Messages.EditConflict(current, yours))
{
    public string Current { get; } = current;
    public string Yours { get; } = yours;
}
