using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace HandhavingsKoers.Web.Hosting;

/// <summary>
/// Which reverse proxies may tell the app who the client is and that the request came in over HTTPS
/// (<c>X-Forwarded-For</c>, <c>X-Forwarded-Proto</c>). Configure with <c>ForwardedHeaders:*</c>. The proxy on the
/// same machine (loopback: 127.0.0.0/8 and ::1) is always trusted; from any other address these headers are
/// ignored, so nobody can claim another client's address or HTTPS by sending them.
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Addresses of proxies on other machines, e.g. <c>10.0.0.5</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of proxies, e.g. <c>10.0.0.0/24</c> (a load balancer with several addresses).</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>
    /// Applies these settings to ASP.NET Core's forwarded-headers middleware: only the client address and the scheme
    /// are taken from the headers (never the Host: links come from <c>Site:PublicBaseUrl</c> or the Host header
    /// itself), one proxy deep, from the proxies named here and loopback.
    /// </summary>
    public void ApplyTo(ForwardedHeadersOptions options)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.ForwardLimit = 1;
        foreach (var proxy in KnownProxies.Where(p => !string.IsNullOrWhiteSpace(p)))
        {
            // Strict: IPAddress.TryParse also takes old short forms ("10.0.0" is 10.0.0.0), a typo more likely than meant.
            options.KnownProxies.Add(IPAddress.TryParse(proxy.Trim(), out var address) && (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 || proxy.Count(c => c == '.') == 3) ? address
                : throw new StartupProblemException($"ForwardedHeaders:KnownProxies has '{proxy}', which is not an IP address (e.g. 10.0.0.5)."));
        }

        foreach (var network in KnownNetworks.Where(n => !string.IsNullOrWhiteSpace(n)))
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network.Trim(), out var parsed) ? parsed
                : throw new StartupProblemException($"ForwardedHeaders:KnownNetworks has '{network}', which is not a network in CIDR form (e.g. 10.0.0.0/24)."));
        }
    }
}
