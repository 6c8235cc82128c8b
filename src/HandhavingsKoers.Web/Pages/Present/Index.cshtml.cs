using HandhavingsKoers.Web.Content;
using HandhavingsKoers.Web.Data;
using HandhavingsKoers.Web.Workshops;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QRCoder;

namespace HandhavingsKoers.Web.Pages.Present;

/// <summary>
/// The projector: the room's current step in large type, the notes as the room may see them (hidden ones stay on the
/// server during silent writing), the join code with a QR code, the number of people and the timer.
/// </summary>
public sealed class IndexModel(AppDbContext db, EditionCatalog editions, TimeProvider clock, HandhavingsKoers.Web.Live.IWorkshopEvents events) : PageModel
{
    public Workshop Workshop { get; private set; } = null!;
    public Edition Edition { get; private set; } = null!;
    public Step Step { get; private set; } = null!;
    public int ParticipantCount { get; private set; }
    public IReadOnlyList<(NoteColumn Column, string Text, string Author)> Notes { get; private set; } = [];
    public int HiddenCount { get; private set; }

    public const int ShownPerColumn = 40;

    public IReadOnlyDictionary<NoteColumn, int> Totals { get; private set; } = new Dictionary<NoteColumn, int>();
    public int ActionsWritten { get; private set; }
    public ScoreSummary Scores { get; private set; } = ScoreSummary.Empty;
    public PreviousScores? Previous { get; private set; }
    public bool ScoresRevealed => Workshop.ScoresRevealedOn(Step.Key) || Workshop.IsClosed;
    public IReadOnlyList<HandhavingsKoers.Web.Reports.PreviousActionReport> PreviousActions { get; private set; } = [];

    /// <summary>On the closing step: the whole session as the room may see it, for the radar of medians.</summary>
    public HandhavingsKoers.Web.Reports.WorkshopReport? Report { get; private set; }
    public DateTime? TimerEndsAt { get; private set; }
    public string JoinUrl => $"{Request.Scheme}://{Request.Host}/doemee/{Workshop.JoinCode}";

    /// <summary>The join QR code as inline SVG; made once per address, because the stage is fetched on every change.</summary>
    public string JoinQrSvg => QrSvgs.GetOrAdd(JoinUrl, static url =>
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(10, "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    });

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> QrSvgs = new();

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ?? Page();

    /// <summary>The stage alone, fetched again by the script when something changes.</summary>
    public async Task<IActionResult> OnGetStageAsync(Guid id) => await LoadAsync(id) ?? Partial("_Stage", this);

    /// <summary>The stream address, resuming from just before the page read the database.</summary>
    public string LiveUrl { get; private set; } = "";

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        LiveUrl = $"/w/{id}/live?lastEventId={events.LastId}";
        var workshop = await db.Workshops.AsNoTracking().Include(w => w.StepStates).SingleOrDefaultAsync(w => w.Id == id);
        if (workshop is null)
        {
            return this.Refuse(StatusCodes.Status404NotFound, Messages.WorkshopNotFound);
        }

        if (!WorkshopAccess.IsFacilitator(HttpContext, workshop))
        {
            return this.Refuse(StatusCodes.Status403Forbidden, Messages.NotFacilitator);
        }

        Workshop = workshop;
        Edition = editions.Get(workshop.EditionKey);
        Step = Edition.Steps.Find(workshop.CurrentStepKey) ?? Edition.Steps.First;
        ParticipantCount = await db.Participants.CountAsync(p => p.WorkshopId == id);
        TimerEndsAt = workshop.StateOf(Step.Key)?.TimerEndsAt is { } end && end > clock.GetUtcNow().UtcDateTime ? end : null;
        if (Step.Kind == StepKind.Welcome)
        {
            PreviousActions = await db.PreviousActions.AsNoTracking().Where(a => a.WorkshopId == id).OrderBy(a => a.Position)
                .Select(a => new HandhavingsKoers.Web.Reports.PreviousActionReport(a.Id, a.Text, a.Owner, a.DueDate, a.Status, a.StatusNote)).ToListAsync();
        }

        if (Step.TakesNotes)
        {
            (Scores, Previous) = await StepScores.LoadAsync(db, editions, workshop, Step);
            var all = db.Notes.AsNoTracking().Where(n => n.WorkshopId == id && n.StepKey == Step.Key);
            Totals = (await all.GroupBy(n => n.Column).Select(g => new { g.Key, Count = g.Count() }).ToListAsync()).ToDictionary(c => c.Key, c => c.Count);
            if (workshop.NotesHiddenOn(Step.Key))
            {
                HiddenCount = Totals.Values.Sum();
            }
            else
            {
                // A projector shows the newest notes; everything is in the summary.
                var notes = new List<(NoteColumn, string, string)>();
                foreach (var column in new[] { NoteColumn.Already, NoteColumn.Todo })
                {
                    var rows = await all.Where(n => n.Column == column).OrderByDescending(n => n.CreatedAt).Take(ShownPerColumn)
                        .Select(n => new { n.Text, n.ParticipantId, Name = n.Participant!.DisplayName }).ToListAsync();
                    notes.AddRange(rows.AsEnumerable().Reverse().Select(n => (column, n.Text, NoteView.AuthorLabel(n.ParticipantId, n.Name))));
                }

                Notes = notes;
            }
        }
        else if (Step.Kind == StepKind.Closing)
        {
            // The projector is the room: it shows what participants may see (revealed scores only while it runs).
            Report = await HandhavingsKoers.Web.Reports.WorkshopReport.LoadAsync(db, editions, workshop, Actor.Participant(Guid.Empty));
        }
        else if (Step.Kind == StepKind.Actions)
        {
            ActionsWritten = await db.Participants.CountAsync(p => p.WorkshopId == id && p.Actions.Count > 0);
        }

        return null;
    }
}
