using HandhavingsKoers.Web.Content;
using HandhavingsKoers.Web.Data;
using HandhavingsKoers.Web.Workshops;
using Microsoft.EntityFrameworkCore;

namespace HandhavingsKoers.Web.Pages;

/// <summary>
/// The prioritising round as one viewer sees it: the participant's dots page, the facilitator's page, the projector
/// and the report's priorities are drawn from it. The notes follow <see cref="Workshop.NotesVisibleTo"/>; the dot
/// counts follow <see cref="Workshop.DotsVisibleTo"/> and are not even counted for a viewer who may not see them.
/// </summary>
public sealed class RoundView
{
    private RoundView(Workshop workshop, Viewer viewer)
    {
        Workshop = workshop;
        Viewer = viewer;
        Round = workshop.PriorityRound;
        CountsVisible = workshop.DotsVisibleTo(viewer);
    }

    public Workshop Workshop { get; }
    public Viewer Viewer { get; }

    /// <summary>Null when the facilitator has not opened a round.</summary>
    public PriorityRound? Round { get; }

    /// <summary>Whether this viewer may see how many dots each note has.</summary>
    public bool CountsVisible { get; }

    /// <summary>The notes in the round: most dots first once the counts are visible, else in the order of the praatplaat.</summary>
    public IReadOnlyList<RoundItem> Items { get; private set; } = [];

    /// <summary>How many dots were placed in all (everyone may know that much, like how many scored).</summary>
    public int DotsPlaced { get; private set; }

    /// <summary>How many participants placed at least one dot.</summary>
    public int Voters { get; private set; }

    /// <summary>This participant's dots placed so far.</summary>
    public int MyDots { get; private set; }

    public int DotsLeft => Round is null ? 0 : Math.Max(0, Round.DotsPerParticipant - MyDots);

    /// <summary>Whether participants may place and take back dots now.</summary>
    public bool Voting => Round is { IsClosed: false } && !Workshop.IsClosed;

    /// <summary>The title of the principle in the round, or null for all principles.</summary>
    public string? ScopeTitle { get; private set; }

    /// <summary>
    /// Reads the round for <paramref name="viewer"/>. Without a round, the facilitator still gets the notes of all
    /// principles (to merge duplicates before opening one); everyone else gets none.
    /// </summary>
    public static async Task<RoundView> LoadAsync(AppDbContext db, Edition edition, Workshop workshop, Viewer viewer)
    {
        // The rules read the round: make sure it is loaded (a workshop read without it would look as if there was none).
        if (workshop.PriorityRound is null && db.Entry(workshop).State != EntityState.Detached)
        {
            await db.Entry(workshop).Reference(w => w.PriorityRound).LoadAsync();
        }
        else if (workshop.PriorityRound is null)
        {
            workshop = await db.Workshops.AsNoTracking().Include(w => w.StepStates).Include(w => w.PriorityRound).SingleAsync(w => w.Id == workshop.Id);
        }

        var view = new RoundView(workshop, viewer);
        var round = workshop.PriorityRound;
        if (round is null && !viewer.IsFacilitator)
        {
            return view;
        }

        var panels = edition.Panels.Where(p => round?.StepKey is null || p.Key == round.StepKey).ToList();
        view.ScopeTitle = round?.StepKey is null ? null : panels.FirstOrDefault()?.Title;

        // Which panels' notes this viewer reads: all of them, only their own (silent writing), or none.
        var allOf = new List<string>();
        var ownOf = new List<string>();
        foreach (var panel in panels)
        {
            var visibility = workshop.NotesVisibleTo(viewer, edition.Steps.Find(panel.Key)!, edition);
            if (visibility.Any)
            {
                (visibility.OnlyAuthor is null ? allOf : ownOf).Add(panel.Key);
            }
        }

        var me = viewer.ParticipantId;
        var notes = await db.Notes.AsNoTracking()
            .Where(n => n.WorkshopId == workshop.Id && n.Column == NoteColumn.Todo)
            .Where(n => allOf.Contains(n.StepKey) || (me != null && ownOf.Contains(n.StepKey) && n.ParticipantId == me))
            .Select(n => new { n.Id, n.StepKey, n.Text, n.IsMerge, n.MergedIntoId, n.PaperDots, n.CreatedAt })
            .ToListAsync();
        var heads = notes.Where(n => n.MergedIntoId is null).ToList();
        var originals = notes.Where(n => n.MergedIntoId is not null).ToLookup(n => n.MergedIntoId!.Value);

        var counts = new Dictionary<Guid, int>();
        if (view.CountsVisible && round is not null)
        {
            counts = await db.Dots.AsNoTracking().Where(d => d.WorkshopId == workshop.Id)
                .GroupBy(d => d.NoteId).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count);
        }

        var mine = new Dictionary<Guid, int>();
        if (me is { } participant && round is not null)
        {
            mine = await db.Dots.AsNoTracking().Where(d => d.WorkshopId == workshop.Id && d.ParticipantId == participant)
                .GroupBy(d => d.NoteId).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count);
            view.MyDots = mine.Values.Sum();
        }

        if (round is not null)
        {
            var placed = await db.Dots.AsNoTracking().Where(d => d.WorkshopId == workshop.Id)
                .GroupBy(d => d.ParticipantId).Select(g => g.Count()).ToListAsync();
            view.DotsPlaced = placed.Sum();
            view.Voters = placed.Count;
        }

        var order = panels.Select((p, i) => (p.Key, i)).ToDictionary(x => x.Key, x => x.i);
        var items = heads.Select(h =>
        {
            var merged = originals[h.Id].OrderBy(o => o.CreatedAt).ToList();
            int? dots = view.CountsVisible && round is not null
                ? counts.GetValueOrDefault(h.Id) + h.PaperDots + merged.Sum(o => counts.GetValueOrDefault(o.Id) + o.PaperDots)
                : null;
            var panel = panels.First(p => p.Key == h.StepKey);
            return new RoundItem(h.Id, h.StepKey, panel.Title, h.Text, h.IsMerge, merged.Select(o => o.Text).ToList(), dots,
                viewer.IsFacilitator ? h.PaperDots : 0, mine.GetValueOrDefault(h.Id), h.CreatedAt);
        });
        view.Items = (view.CountsVisible && round is not null
            ? items.OrderByDescending(i => i.Dots).ThenBy(i => order[i.StepKey]).ThenBy(i => i.CreatedAt)
            : items.OrderBy(i => order[i.StepKey]).ThenBy(i => i.CreatedAt)).ToList();
        return view;
    }
}

/// <summary>One note in the round as a viewer sees it.</summary>
/// <param name="MergedFrom">The wording of the duplicates merged into it (empty when it is not a merge).</param>
/// <param name="Dots">All its dots (its own, its originals', and those counted on paper); null when hidden from this viewer.</param>
/// <param name="PaperDots">The dots counted on paper for it (the facilitator's form; 0 for anyone else).</param>
/// <param name="MyDots">How many of this viewer's own dots are on it.</param>
public sealed record RoundItem(
    Guid NoteId, string StepKey, string Panel, string Text, bool IsMerge, IReadOnlyList<string> MergedFrom, int? Dots, int PaperDots, int MyDots, DateTime CreatedAt)
{
    /// <summary>Short enough for a button's accessible name.</summary>
    public string ShortText => Text.Length <= 60 ? Text : Text[..60] + "…";
}
