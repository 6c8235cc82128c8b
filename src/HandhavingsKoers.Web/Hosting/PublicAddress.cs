using HandhavingsKoers.Web.Pages;
using HandhavingsKoers.Web.Reports;
using HandhavingsKoers.Web.Workshops;
using Microsoft.Extensions.Options;

namespace HandhavingsKoers.Web.Hosting;

/// <summary>
/// Absolute links that leave the browser (read aloud, scanned, mailed, printed): from the configured public address
/// (<see cref="SiteOptions.PublicBaseUrl"/>) when there is one, else from the request. With a configured address the
/// Host header a visitor sends never ends up in a link or a QR code.
/// </summary>
public sealed class PublicAddress
{
    public PublicAddress(IOptions<SiteOptions> site, IOptions<ReportsOptions> reports)
    {
        Configured = string.IsNullOrWhiteSpace(site.Value.PublicBaseUrl)
            ? SiteOptions.Normalize(reports.Value.PublicBaseUrl, "Reports:PublicBaseUrl")
            : SiteOptions.Normalize(site.Value.PublicBaseUrl, "Site:PublicBaseUrl");
    }

    /// <summary>The configured address without a trailing slash, e.g. <c>https://handhaving.gemeente.nl</c>; null when none.</summary>
    public string? Configured { get; }

    /// <summary>The configured address, or this request's scheme and Host header (checked by <see cref="HostHeaderCheck"/>).</summary>
    public string BaseFor(HttpRequest request) => Configured ?? $"{request.Scheme}://{request.Host}";

    public string JoinUrl(HttpRequest request, string joinCode) => BaseFor(request) + Routes.JoinWith(joinCode);

    public string FacilitatorLink(HttpRequest request, Guid workshopId, string key) =>
        $"{BaseFor(request)}{Routes.FacilitatorStep(workshopId)}?{Routes.FacilitatorKeyParameter}={key}";

    /// <summary>A beheerder's link to their gemeente's page, shown once on the page that made it.</summary>
    public string BeheerderLink(HttpRequest request, Guid gemeenteId, string key) => BeheerderLink(BaseFor(request), gemeenteId, key);

    /// <summary>A beheerder link from the given base address (the operator's command has no request).</summary>
    public static string BeheerderLink(string baseAddress, Guid gemeenteId, string key) =>
        $"{baseAddress}{Routes.Gemeente(gemeenteId)}?{Routes.FacilitatorKeyParameter}={key}";

    /// <summary>A published report's public link, for the facilitator to copy and for the PDF's QR code.</summary>
    public string PublicReportUrl(HttpRequest request, string token) => BaseFor(request) + Routes.PublicReport(token);

    /// <summary>
    /// A published report's link in the files its visitors download: from the configured address, else from the one
    /// the link was made on (<see cref="Publication.Address"/>); never from the visitor's own request.
    /// </summary>
    public string? PublishedReportUrl(Publication publication, string token) =>
        (Configured ?? publication.Address) is { } address ? address + Routes.PublicReport(token) : null;

    /// <summary>For the PDF, which may be read long after and far from any request: only with a configured address.</summary>
    public string? SummaryUrl(Guid workshopId) => Configured is null ? null : Configured + Routes.Summary(workshopId);
}
