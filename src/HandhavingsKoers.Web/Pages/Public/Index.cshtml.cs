using HandhavingsKoers.Web.Content;
using HandhavingsKoers.Web.Data;
using HandhavingsKoers.Web.Hosting;
using HandhavingsKoers.Web.Reports;
using HandhavingsKoers.Web.Reports.Pdf;
using HandhavingsKoers.Web.Reports.Word;
using HandhavingsKoers.Web.Workshops;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HandhavingsKoers.Web.Pages.Public;

/// <summary>
/// A published report, for the council and anyone they pass the link to: read as <see cref="Viewer.Public"/> (no
/// names, no participant data, nothing the room did not see). It reads no cookie and sets none, has no form, and asks
/// search engines not to index it. A revoked, expired or unknown link all get the same answer: 410, "niet meer beschikbaar".
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class IndexModel(AppDbContext db, EditionCatalog editions, TimeProvider clock, IOptions<ReportsOptions> reports, PublicAddress publicAddress,
    ReportRenderer renderer) : PageModel
{
    public WorkshopReport Report { get; private set; } = null!;

    public string Token { get; private set; } = "";

    private Publication? _publication;

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var headers = Response.Headers;
        headers["X-Robots-Tag"] = "noindex, nofollow";

        // Revoking must work at once: no browser or proxy may keep a copy to show later.
        headers.CacheControl = "no-store";

        // The token is the key to the page: it must not travel to another site in a Referer header.
        headers["Referrer-Policy"] = "no-referrer";
    }

    public async Task<IActionResult> OnGetAsync(string token) => await LoadAsync(token) ?? Page();

    /// <summary>The council report without names; its QR code points to this public page.</summary>
    public Task<IActionResult> OnGetPdfAsync(string token) =>
        RenderAsync(token, options => File(renderer.Pdf(Report, options), "application/pdf", Report.FileName("pdf")));

    /// <summary>The same report as a Word document, for the griffie's own raadsinformatiebrief template.</summary>
    public Task<IActionResult> OnGetWordAsync(string token) =>
        RenderAsync(token, options => File(renderer.Word(Report, options), WordReport.ContentType, Report.FileName("docx")));

    private Task<IActionResult> RenderAsync(string token, Func<ReportOptions, IActionResult> render) => renderer.InTurnAsync(async () =>
    {
        var refusal = await LoadAsync(token);
        if (refusal is not null)
        {
            return refusal;
        }

        // The link back comes from the publication, not from this request's Host header: the cached file is the same
        // whatever a visitor sends (ReportRenderer keys by it), and nobody can put another address in it.
        return render(new ReportOptions(reports.Value.LocalTime(clock.GetUtcNow()), publicAddress.PublishedReportUrl(_publication!, Token)));
    }, HttpContext.RequestAborted);

    private async Task<IActionResult?> LoadAsync(string? token)
    {
        // Found by the hash of the token only: a wrong token, however close to a real one, finds nothing.
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return Gone();
        }

        var hash = SecretToken.Hash(token);
        var publication = await db.Publications.AsNoTracking().SingleOrDefaultAsync(p => p.TokenHash == hash);
        var workshop = publication is null ? null
            : await db.Workshops.AsNoTracking().Include(w => w.StepStates).SingleOrDefaultAsync(w => w.Id == publication.WorkshopId);
        if (publication is null || workshop is null || !workshop.IsPublishedBy(publication, clock.GetUtcNow().UtcDateTime))
        {
            return Gone();
        }

        Token = token;
        _publication = publication;
        Report = await WorkshopReport.LoadAsync(db, editions, workshop, Viewer.Public, includeNames: false);
        return null;
    }

    private IActionResult Gone() => this.Refuse(StatusCodes.Status410Gone, Messages.PublicationGone);
}
