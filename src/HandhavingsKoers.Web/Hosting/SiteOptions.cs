namespace HandhavingsKoers.Web.Hosting;

/// <summary>Configure with <c>Site:*</c>.</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>
    /// The address people use to reach this installation, e.g. <c>https://handhaving.gemeente.nl</c>: scheme and host
    /// (and a port if needed), no path. Used for every link that leaves the browser: the join link and its QR code on the
    /// presenter, the facilitator's link, and the QR code back to the summary in the PDF. Empty: links are built from
    /// each request (its scheme, after forwarded headers, and its Host header), and the PDF has no QR code back.
    /// The older name <c>Reports:PublicBaseUrl</c> is still read when this one is empty.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// Whether anyone may start a session at <c>/starten</c> (true, the default: a small installation for one
    /// municipality works as it always did). False: <c>/starten</c> answers that sessions are started by a gemeente's
    /// beheerders, from their gemeente's page (decision 0018). Sessions that exist keep working either way.
    /// </summary>
    public bool OpenStart { get; set; } = true;

    /// <summary>The address without a trailing slash, or null when none is given; throws a clear message when it is not usable.</summary>
    public static string? Normalize(string? value, string settingName)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
            || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            throw new StartupProblemException(
                $"{settingName} must be an http(s) address without a path, e.g. https://handhaving.gemeente.nl (it is '{value}').");
        }

        return uri.GetLeftPart(UriPartial.Authority);
    }
}
