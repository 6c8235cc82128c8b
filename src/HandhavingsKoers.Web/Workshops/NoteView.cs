using System.Linq.Expressions;
using System.Text.Json.Serialization;
using HandhavingsKoers.Web.Content;
using Microsoft.EntityFrameworkCore;

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
    /// <summary>For a note merged from duplicates: their wording, oldest first; they are shown under it. Empty otherwise.</summary>
    public IReadOnlyList<string> MergedFrom { get; init; } = [];

    /// <summary>Its dots in the prioritising round (with its originals' and the paper ones); null when not shown to this reader.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Dots { get; init; }

    /// <summary>Made by merging duplicates (<see cref="Note.IsMerge"/>): its originals are read to show under it.</summary>
    [JsonIgnore]
    public bool IsMerge { get; init; }

    public const string RoomLabel = Texts.Notes.RoomAuthor;
    public const string AnonymousLabel = Texts.Notes.Anonymous;

    /// <summary>The one rule for how an author is named.</summary>
    public static string? AuthorLabel(bool forTheRoom, string? name, bool includeNames) =>
        forTheRoom ? RoomLabel : includeNames ? name ?? AnonymousLabel : null;

    /// <summary>
    /// Puts the originals of merged notes under them: <paramref name="notes"/> holds only notes that are not merged
    /// into another (<see cref="Note.MergedIntoId"/> null); their originals are read in one query.
    /// </summary>
    public static async Task<List<NoteView>> WithMergedAsync(IQueryable<Note> all, List<NoteView> notes)
    {
        // Only a merge has originals, and merges are few: most pages ask nothing more.
        var ids = notes.Where(n => n.IsMerge).Select(n => n.Id).ToList();
        if (ids.Count == 0)
        {
            return notes;
        }

        var originals = (await all.Where(n => n.MergedIntoId != null && ids.Contains(n.MergedIntoId.Value))
            .OrderBy(n => n.CreatedAt).Select(n => new { MergedIntoId = n.MergedIntoId!.Value, n.Text }).ToListAsync())
            .ToLookup(o => o.MergedIntoId, o => o.Text);
        return notes.Select(n => originals.Contains(n.Id) ? n with { MergedFrom = originals[n.Id].ToList() } : n).ToList();
    }

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
            n.CreatedAt)
        {
            IsMerge = n.IsMerge,
        };
    }
}
