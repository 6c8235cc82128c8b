using System.Linq.Expressions;
using System.Text.Json.Serialization;
using HandhavingsKoers.Web.Content;

namespace HandhavingsKoers.Web.Workshops;

/// <summary>
/// A note as one viewer reads it: on the step pages, the projector, the summary, every export and the PDF. Made by
/// one projection (<see cref="For"/>), in SQL, so a page reads one id per note and no more.
/// </summary>
/// <param name="Author">"Namens de zaal", the participant's name, "Anoniem"; null when names are left out of a report.</param>
/// <param name="IsMine">Written by this viewer (the facilitator: written for the room).</param>
/// <param name="MayChange">This viewer may edit or delete it now.</param>
public sealed record NoteView(
    Guid Id,
    NoteColumn Column,
    string Text,
    string? Author,
    [property: JsonIgnore] bool IsMine,
    [property: JsonIgnore] bool MayChange,
    bool Edited,
    [property: JsonIgnore] int Version,
    DateTime CreatedAt)
{
    public const string RoomLabel = Texts.Notes.RoomAuthor;
    public const string AnonymousLabel = Texts.Notes.Anonymous;

    /// <summary>The one rule for how an author is named.</summary>
    public static string? AuthorLabel(bool forTheRoom, string? name, bool includeNames) =>
        forTheRoom ? RoomLabel : includeNames ? name ?? AnonymousLabel : null;

    /// <summary>
    /// The projection for <paramref name="viewer"/>. <paramref name="writable"/>: whether the step takes changes from
    /// this viewer at all (open workshop, and for a participant an unlocked step).
    /// </summary>
    public static Expression<Func<Note, NoteView>> For(Viewer viewer, bool writable, bool includeNames = true)
    {
        var me = viewer.ParticipantId;
        var facilitator = viewer.IsFacilitator;
        return n => new NoteView(
            n.Id,
            n.Column,
            n.Text,
            AuthorLabel(n.ParticipantId == null, n.Participant!.DisplayName, includeNames),
            facilitator ? n.ParticipantId == null : me != null && n.ParticipantId == me,
            writable && (facilitator || (me != null && n.ParticipantId == me)),
            n.UpdatedAt != null,
            n.Version,
            n.CreatedAt);
    }
}
