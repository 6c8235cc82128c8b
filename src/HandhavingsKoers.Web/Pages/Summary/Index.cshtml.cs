using HandhavingsKoers.Web.Content;
using HandhavingsKoers.Web.Data;
using HandhavingsKoers.Web.Hosting;
using HandhavingsKoers.Web.Reports;
using HandhavingsKoers.Web.Reports.Pdf;
using HandhavingsKoers.Web.Reports.Word;
using HandhavingsKoers.Web.Workshops;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HandhavingsKoers.Web.Pages.Summary;

/// <summary>The whole filled-in praatplaat, and its exports. For the facilitator and the workshop's participants.</summary>
public sealed class IndexModel(AppDbContext db, EditionCatalog editions, TimeProvider clock, IOptions<ReportsOptions> reports, PublicAddress publicAddress, ReportRenderer renderer) : PageModel
{
    public WorkshopReport Report { get; private set; } = null!;
    public Guid WorkshopId { get; private set; }
    public bool IsFacilitator { get; private set; }

    /// <summary>Whether this browser's role may write the conclusions (a notulist may not).</summary>
    public bool MayConclude { get; private set; }

    /// <summary>The public link that works now, if any (the facilitator's page says so).</summary>
    public Publication? Publication { get; private set; }

    public bool IsPublic => Publication is not null;

    /// <summary>
    /// Names of participants in a download only when the facilitator asks for them (<c>namen=ja</c>): one rule for
    /// the PDF, Word, Markdown, CSV and JSON. A participant always gets the anonymous version. The page itself shows
    /// what the room saw, names included.
    /// </summary>
    [BindProperty(SupportsGet = true, Name = "namen")]
    public string? Names { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id, download: false) ?? Page();

    public async Task<IActionResult> OnGetJsonAsync(Guid id) =>
        await LoadAsync(id, download: true) ?? File(ReportExports.ToJson(Report), "application/json; charset=utf-8", Report.FileName("json"));

    public async Task<IActionResult> OnGetCsvAsync(Guid id) =>
        await LoadAsync(id, download: true) ?? File(ReportExports.ToCsv(Report), "text/csv; charset=utf-8", Report.FileName("csv"));

    public async Task<IActionResult> OnGetMarkdownAsync(Guid id) =>
        await LoadAsync(id, download: true) ?? File(ReportExports.ToMarkdown(Report), "text/markdown; charset=utf-8", Report.FileName("md"));

    /// <summary>The council report.</summary>
    public Task<IActionResult> OnGetPdfAsync(Guid id) =>
        RenderAsync(id, options => File(renderer.Pdf(Report, options), "application/pdf", Report.FileName("pdf")));

    /// <summary>The council report as a Word document, to paste into the gemeente's own template; rules as for the PDF.</summary>
    public Task<IActionResult> OnGetWordAsync(Guid id) =>
        RenderAsync(id, options => File(renderer.Word(Report, options), WordReport.ContentType, Report.FileName("docx")));

    private Task<IActionResult> RenderAsync(Guid id, Func<ReportOptions, IActionResult> render) => renderer.InTurnAsync(async () =>
    {
        var refusal = await LoadAsync(id, download: true);
        if (refusal is not null)
        {
            return refusal;
        }

        // The QR code points to the public page when there is one and this browser made it (only its hash is stored).
        var publicToken = IsFacilitator ? WorkshopAccess.PublicLinkToken(HttpContext, id, Publication) : null;
        return render(new ReportOptions(
            GeneratedAt: reports.Value.LocalTime(clock.GetUtcNow()),
            SummaryUrl: publicToken is null ? publicAddress.SummaryUrl(id) : publicAddress.PublicReportUrl(Request, publicToken),
            Accent: (HttpContext.Items[Theme.GemeenteThemeFilter.ItemKey] as Theme.ThemeChoice)?.PdfAccent));
    }, HttpContext.RequestAborted);

    private async Task<IActionResult?> LoadAsync(Guid id, bool download)
    {
        var workshop = await db.Workshops.AsNoTracking().Include(w => w.StepStates).SingleOrDefaultAsync(w => w.Id == id);
        if (workshop is null)
        {
            return this.Refuse(StatusCodes.Status404NotFound, Messages.WorkshopNotFound);
        }

        // Everyone who runs the room reads the result as the facilitator does (decision 0021).
        var facilitation = await WorkshopAccess.FindFacilitatorAsync(db, HttpContext, workshop);
        IsFacilitator = facilitation.Permits(FacilitatorAction.Read);
        MayConclude = facilitation.Permits(FacilitatorAction.Conclude);
        var participant = IsFacilitator ? null : await WorkshopAccess.FindParticipantAsync(db, HttpContext, id);
        if (!IsFacilitator && participant is null)
        {
            return this.Refuse(StatusCodes.Status403Forbidden, facilitation.Revoked ? Messages.SharedLinkRevoked : Messages.NotParticipant);
        }

        WorkshopId = id;
        if (IsFacilitator)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var notRevoked = await db.Publications.AsNoTracking().Where(p => p.WorkshopId == id && p.RevokedAt == null).ToListAsync();
            Publication = notRevoked.FirstOrDefault(p => workshop.IsPublishedBy(p, now));
        }

        Report = await WorkshopReport.LoadAsync(db, editions, workshop,
            IsFacilitator ? Viewer.Facilitator : Viewer.Participant(participant!.Id), includeNames: !download || (IsFacilitator && Names == "ja"));
        return null;
    }
}
