using HandhavingsKoers.Web.Content;
using HandhavingsKoers.Web.Data;
using HandhavingsKoers.Web.Hosting;
using HandhavingsKoers.Web.Live;
using HandhavingsKoers.Web.Reports;
using HandhavingsKoers.Web.Workshops;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HandhavingsKoers.Web.Pages.Present;

/// <summary>
/// The projector: the room's current step in large type, read as the room (<see cref="Viewer.Room"/>): hidden notes
/// stay on the server during silent writing, scores until they are revealed. Also the join code with a QR code, the
/// number of people and the timer. Only the facilitator opens it.
/// </summary>
public sealed class IndexModel(AppDbContext db, EditionCatalog editions, TimeProvider clock, IWorkshopEvents events, PublicAddress publicAddress, JoinQrCodes qrCodes) : PageModel
{
    public Workshop Workshop { get; private set; } = null!;
    public Edition Edition { get; private set; } = null!;
    public Step Step { get; private set; } = null!;

    /// <summary>The room's step as the room may see it.</summary>
    public StepView View { get; private set; } = null!;

    /// <summary>On the closing step: the whole session as the room may see it, for the radar of medians.</summary>
    public WorkshopReport? Report { get; private set; }

    /// <summary>
    /// The prioritising round as the room sees it, while it runs (it then takes the stage: the counts once revealed),
    /// and on the actions step after it was revealed (the top notes, to make team actions of). Null otherwise.
    /// </summary>
    public RoundView? Round { get; private set; }

    /// <summary>Whether the round takes the whole stage instead of the step.</summary>
    public bool RoundOnStage => Round?.Round is { IsClosed: false } && !Workshop.IsClosed;

    /// <summary>How many notes of a revealed round the actions step shows.</summary>
    public const int TopOnActionsStep = 5;

    /// <summary>How many notes the ranking on the stage shows (a projector fits no more in large type).</summary>
    public const int StageRanking = 12;

    public string JoinUrl => publicAddress.JoinUrl(Request, Workshop.JoinCode);

    /// <summary>The join QR code as inline SVG.</summary>
    public string JoinQrSvg => qrCodes.For(JoinUrl);

    /// <summary>The stream address, resuming from just before the page read the database.</summary>
    public string LiveUrl { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ?? Page();

    /// <summary>The stage alone, fetched again by the script when something changes.</summary>
    public async Task<IActionResult> OnGetStageAsync(Guid id) => await LoadAsync(id) ?? Partial("_Stage", this);

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        LiveUrl = Routes.Live(id, events.LastId);
        var workshop = await db.Workshops.AsNoTracking().Include(w => w.StepStates).Include(w => w.PriorityRound).SingleOrDefaultAsync(w => w.Id == id);
        if (workshop is null)
        {
            return this.Refuse(StatusCodes.Status404NotFound, Messages.WorkshopNotFound);
        }

        var (refusal, _) = await this.AuthorizeAsync(db, workshop, FacilitatorAction.Present);
        if (refusal is not null)
        {
            return refusal;
        }

        Workshop = workshop;
        Edition = editions.For(workshop);
        Step = Edition.Steps.Find(workshop.CurrentStepKey) ?? Edition.Steps.First;
        View = await StepView.LoadAsync(db, editions, workshop, Step, Viewer.Room, StepView.StageNotesPerColumn, clock.GetUtcNow().UtcDateTime);
        if (workshop.PriorityRound is { } round && ((!round.IsClosed && !workshop.IsClosed) || (round.IsRevealed && Step.Kind == StepKind.Actions)))
        {
            Round = await RoundView.LoadAsync(db, Edition, workshop, Viewer.Room);
        }

        if (Step.Kind == StepKind.Closing)
        {
            Report = await WorkshopReport.LoadAsync(db, editions, workshop, Viewer.Room, includeNames: false);
        }

        return null;
    }
}
