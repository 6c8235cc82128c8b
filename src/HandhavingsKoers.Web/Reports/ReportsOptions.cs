namespace HandhavingsKoers.Web.Reports;

/// <summary>Settings for the PDFs. <c>Reports:PublicBaseUrl</c> (e.g. https://handhaving.gemeente.nl) adds a QR code
/// back to the workshop's summary page to the report's colophon.</summary>
public sealed class ReportsOptions
{
    public const string Section = "Reports";

    public string? PublicBaseUrl { get; set; }

    /// <summary>The time zone for "generated on" in reports; servers often run in UTC.</summary>
    public string TimeZone { get; set; } = "Europe/Amsterdam";

    public string? SummaryUrl(Guid workshopId) =>
        Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var baseUri) && baseUri.Scheme is "https" or "http"
            ? new Uri(baseUri, Pages.Routes.Summary(workshopId)).ToString()
            : null;

    public DateTime LocalTime(DateTimeOffset now)
    {
        try
        {
            return TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(TimeZone)).DateTime;
        }
        catch (TimeZoneNotFoundException)
        {
            return now.UtcDateTime;
        }
    }
}
