namespace HandhavingsKoers.Web.Hosting;

/// <summary>
/// What an installation on a real network needs around the app (docs/deployment.md): the public address for links
/// and QR codes, and a check of the Host header. Kept together so Program.cs reads as a list.
/// </summary>
public static class HostingSetup
{
    public static void AddInstallation(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SiteOptions>().Bind(builder.Configuration.GetSection(SiteOptions.Section));
        builder.Services.AddSingleton<PublicAddress>();
        builder.Services.AddSingleton<Pages.Present.JoinQrCodes>();
    }

    /// <summary>Reads the settings once at start, so a wrong one stops the app with its message (a <see cref="StartupProblemException"/>).</summary>
    public static void CheckInstallation(this WebApplication app) => app.Services.GetRequiredService<PublicAddress>();

    /// <summary>After the status code pages, so a refused Host header gets the Dutch refusal page.</summary>
    public static void UseHostHeaderCheck(this WebApplication app) => app.UseMiddleware<HostHeaderCheck>();
}
