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
    public int ActionsWritten { get; private set; }
    public DateTime? TimerEndsAt { get; private set; }
    public string JoinUrl => $"{Request.Scheme}://{Request.Host}/doemee/{Workshop.JoinCode}";

    public string JoinQrSvg => new SvgQRCode(new QRCodeGenerator().CreateQrCode(JoinUrl, QRCodeGenerator.ECCLevel.M))
        .GetGraphic(10, "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);

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
        if (Step.TakesNotes)
        {
            var rows = await db.Notes.AsNoTracking()
                .Where(n => n.WorkshopId == id && n.StepKey == Step.Key)
                .OrderBy(n => n.CreatedAt)
                .Select(n => new { n.Column, n.Text, n.ParticipantId, Name = n.Participant!.DisplayName })
                .ToListAsync();
            if (workshop.NotesHiddenOn(Step.Key))
            {
                HiddenCount = rows.Count;
            }
            else
            {
                Notes = rows.Select(n => (n.Column, n.Text, NoteView.AuthorLabel(n.ParticipantId, n.Name))).ToList();
            }
        }
        else if (Step.Kind == StepKind.Actions)
        {
            ActionsWritten = await db.Participants.CountAsync(p => p.WorkshopId == id && p.Actions.Count > 0);
        }

        return null;
    }
}
