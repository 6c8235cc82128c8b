using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;

namespace HandhavingsKoers.Web.Hosting;

/// <summary>
/// Refuses (400, with the Dutch refusal page) a request whose Host header cannot name a server: longer than a DNS
/// name with a port, or with characters no host name has. Without a configured public address the Host header goes
/// into join links and QR codes; a 2,400-character one made the QR code fail with a 500. Kestrel itself refuses some
/// malformed Host headers already; this also covers what it lets through, and every other server in front.
/// </summary>
internal sealed partial class HostHeaderCheck(RequestDelegate next)
{
    /// <summary>A DNS name is at most 253 characters; with a port and an IPv6 address's brackets this is generous.</summary>
    public const int MaxLength = 262;

    public Task InvokeAsync(HttpContext context)
    {
        // The refusal page itself is shown by re-executing the request; let that through.
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is null && !IsAcceptable(context.Request.Host))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return Task.CompletedTask;
        }

        return next(context);
    }

    /// <summary>No Host header at all (HTTP/1.0) is accepted: it cannot end up in a link of any length.</summary>
    public static bool IsAcceptable(HostString host) =>
        !host.HasValue || (host.Value.Length <= MaxLength && HostPattern().IsMatch(host.Value));

    // A name or IPv4 address (letters, digits, dots, hyphens, underscores), or an IPv6 address in brackets; then an optional port.
    [GeneratedRegex(@"^(?:[A-Za-z0-9_.-]+|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?$")]
    private static partial Regex HostPattern();
}
