namespace HandhavingsKoers.Web.Reports;

/// <summary>Settings for the PDFs. Configure with <c>Reports:*</c>.</summary>
public sealed class ReportsOptions
{
    public const string Section = "Reports";

    /// <summary>The older name of <c>Site:PublicBaseUrl</c>, still read when that one is empty (see <see cref="Hosting.PublicAddress"/>).</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The time zone for "generated on" in reports; servers often run in UTC.</summary>
    public string TimeZone { get; set; } = "Europe/Amsterdam";

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
