namespace HandhavingsKoers.Web.Workshops;

/// <summary>
/// Who reads a workshop: its facilitator, one participant, the room (the projector shows what everyone in the room
/// may see, so it reads as nobody in particular), or the public (anyone with a published link: the council, the
/// press). What each may read is decided in one place, <see cref="Workshop.NotesVisibleTo"/>,
/// <see cref="Workshop.ScoresVisibleTo"/> and <see cref="Workshop.ParticipantActionsVisibleTo"/>.
/// </summary>
public sealed record Viewer
{
    private Viewer(bool isFacilitator, Guid? participantId, bool isPublic = false)
    {
        IsFacilitator = isFacilitator;
        ParticipantId = participantId;
        IsPublic = isPublic;
    }

    public static Viewer Facilitator { get; } = new(true, null);

    public static Viewer Room { get; } = new(false, null);

    /// <summary>Someone outside the workshop reading a published link: a closed workshop's revealed content, without names.</summary>
    public static Viewer Public { get; } = new(false, null, isPublic: true);

    public static Viewer Participant(Guid id) => new(false, id);

    /// <summary>The reader who is also acting on the page.</summary>
    public static Viewer Of(Actor actor) => actor.ParticipantId is { } id ? Participant(id) : Facilitator;

    public bool IsFacilitator { get; }

    public bool IsRoom => !IsFacilitator && !IsPublic && ParticipantId is null;

    public bool IsPublic { get; }

    /// <summary>Set for a participant only: their own notes and score.</summary>
    public Guid? ParticipantId { get; }
}

/// <summary>
/// A beheerder of one gemeente, as established by <see cref="Gemeenten.GemeenteAccess"/> from their own link. What a
/// beheerder may reach is decided here, once: the sessions, links and settings of their own gemeente, and nothing of
/// another (every query of the beheerder page goes through <see cref="Sessions"/> or <see cref="Links"/>). A
/// beheerder is no <see cref="Viewer"/> of a session's content: the list shows titles, dates and status, never notes
/// or scores; to run a session they open its facilitator link like anyone else.
/// </summary>
public sealed record Beheerder(Guid GemeenteId, Guid LinkId)
{
    /// <summary>The sessions this beheerder manages, as a query: another gemeente's never leave the database.</summary>
    public IQueryable<Workshop> Sessions(IQueryable<Workshop> workshops) => workshops.Where(w => w.GemeenteId == GemeenteId);

    /// <summary>The beheerder links of this gemeente, as a query.</summary>
    public IQueryable<Gemeenten.BeheerderLink> Links(IQueryable<Gemeenten.BeheerderLink> links) => links.Where(l => l.GemeenteId == GemeenteId);

    public bool Manages(Workshop workshop) => workshop.GemeenteId == GemeenteId;

    /// <summary>
    /// What a beheerder may do to a session of their gemeente, on its pages with a gemeente address
    /// (<see cref="SessionAccess"/>): prepare a concept (decision 0020) and follow its team actions between sessions, the
    /// part of <see cref="FacilitatorAction.WriteNotes"/> that "Acties volgen" covers (decision 0022); the room's pages
    /// know only facilitator keys. Not opening the concept: the facilitator opens the session when the room is ready
    /// (decision 0023), and not anything else that runs the room.
    /// </summary>
    public static bool May(FacilitatorAction action) => action is FacilitatorAction.Prepare or FacilitatorAction.WriteNotes;
}

/// <summary>Which notes of one step a viewer may read: none, only their own (silent writing), or all.</summary>
public sealed record NoteVisibility
{
    private NoteVisibility(bool any, Guid? onlyAuthor)
    {
        Any = any;
        OnlyAuthor = onlyAuthor;
    }

    public static NoteVisibility All { get; } = new(true, null);

    public static NoteVisibility None { get; } = new(false, null);

    public static NoteVisibility Own(Guid participantId) => new(true, participantId);

    /// <summary>False: this viewer reads no note of the step.</summary>
    public bool Any { get; }

    /// <summary>Set when the viewer reads only the notes this participant wrote.</summary>
    public Guid? OnlyAuthor { get; }

    /// <summary>Whether some notes of the step are kept from this viewer.</summary>
    public bool IsPartial => !Any || OnlyAuthor is not null;

    public bool Allows(Guid? authorId) => Any && (OnlyAuthor is null || authorId == OnlyAuthor);

    /// <summary>The same rule as a query, so hidden notes never leave the database for this viewer.</summary>
    public IQueryable<Note> Apply(IQueryable<Note> notes)
    {
        if (!Any)
        {
            return notes.Where(_ => false);
        }

        if (OnlyAuthor is { } author)
        {
            return notes.Where(n => n.ParticipantId == author);
        }

        return notes;
    }
}
