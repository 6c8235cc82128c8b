using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace HandhavingsKoers.Web.Hosting;

/// <summary>
/// What an installation on a real network needs around the app (docs/deployment.md): the public address for links
/// and QR codes, a check of the Host header, and the reverse proxy's forwarded headers. Kept together so Program.cs
/// reads as a list.
/// </summary>
public static class HostingSetup
{
    public static void AddInstallation(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SiteOptions>().Bind(builder.Configuration.GetSection(SiteOptions.Section));
        builder.Services.AddSingleton<PublicAddress>();
        builder.Services.AddSingleton<Pages.Present.JoinQrCodes>();
        builder.Services.AddOptions<ProxyOptions>().Bind(builder.Configuration.GetSection(ProxyOptions.Section));
        builder.Services.AddOptions<ForwardedHeadersOptions>()
            .Configure<IOptions<ProxyOptions>>((options, proxy) => proxy.Value.ApplyTo(options));

        // Over HTTPS every cookie is Secure; ASP.NET Core leaves the antiforgery and TempData cookies without it by
        // default. SameAsRequest keeps forms working over plain HTTP (a laptop on localhost).
        builder.Services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        builder.Services.Configure<CookieTempDataProviderOptions>(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
    }

    /// <summary>Reads the settings once at start, so a wrong one stops the app with its message (a <see cref="StartupProblemException"/>).</summary>
    public static void CheckInstallation(this WebApplication app)
    {
        app.Services.GetRequiredService<PublicAddress>();
        _ = app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
    }

    /// <summary>
    /// First in the pipeline: from a trusted proxy, the client's address (for the join rate limit) and HTTPS (for
    /// Secure cookies, HSTS and https links) come from X-Forwarded-For and X-Forwarded-Proto.
    /// </summary>
    public static void UseProxyHeaders(this WebApplication app) => app.UseForwardedHeaders();

    /// <summary>After the status code pages, so a refused Host header gets the Dutch refusal page.</summary>
    public static void UseHostHeaderCheck(this WebApplication app) => app.UseMiddleware<HostHeaderCheck>();
}
