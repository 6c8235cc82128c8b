using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace HandhavingsKoers.Tests.Infrastructure;

/// <summary>Adds the same headers to every request.</summary>
public sealed class AddHeaders(IReadOnlyDictionary<string, string> headers) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        foreach (var (name, value) in headers)
        {
            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return base.SendAsync(request, cancellationToken);
    }
}

/// <summary>
/// Keeps cookies by name (ignoring path and Secure) and sends them all back; enough for one app. Every Set-Cookie
/// header received is also added to <paramref name="received"/>.
/// </summary>
public sealed class PlainCookieJar(Dictionary<string, string> jar, List<string> received) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (jar)
        {
            if (jar.Count > 0)
            {
                request.Headers.Remove("Cookie");
                request.Headers.TryAddWithoutValidation("Cookie", string.Join("; ", jar.Select(c => $"{c.Key}={c.Value}")));
            }
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            lock (jar)
            {
                foreach (var cookie in cookies)
                {
                    received.Add(cookie);
                    var pair = cookie.Split(';')[0];
                    var name = pair[..pair.IndexOf('=', StringComparison.Ordinal)];
                    var value = pair[(name.Length + 1)..];
                    if (value.Length == 0 || cookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                    {
                        jar.Remove(name);
                    }
                    else
                    {
                        jar[name] = value;
                    }
                }
            }
        }

        return response;
    }
}

/// <summary>
/// The test server has no network connection, so no client address. This sets it from the test's
/// <c>X-Test-Peer</c> header, before the app's pipeline: the address of whoever opened the TCP connection
/// (the proxy, or a client talking to the app directly).
/// </summary>
public sealed class TestPeerAddress : IStartupFilter
{
    public const string Header = "X-Test-Peer";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (System.Net.IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var peer))
            {
                context.Connection.RemoteIpAddress = peer;
                context.Request.Headers.Remove(Header);
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}
