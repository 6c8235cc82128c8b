using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HandhavingsKoers.EndToEnd;

/// <summary>The real app on a real loopback port (Kestrel) with a real SQLite file, for a real browser.</summary>
public sealed class LiveApp : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "hk-e2e", Guid.NewGuid().ToString("N"));
    private readonly IDictionary<string, string?> _settings;

    /// <param name="settings">Configuration on top of the app's own, e.g. <c>Security:JoinAttemptsPerMinute</c>.</param>
    public LiveApp(IDictionary<string, string?>? settings = null)
    {
        _settings = settings ?? new Dictionary<string, string?>();
        Directory.CreateDirectory(_folder);
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    public string BaseUrl { get; }

    public string DatabasePath => Path.Combine(_folder, "handhavingskoers.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:DatabasePath", DatabasePath);
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Serilog:WriteTo:File:Args:path"] = Path.Combine(_folder, "logs", "hk-.log"),
        }.Concat(_settings)));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    /// <summary>
    /// The requests the server answered with a server error (5xx) while the test ran, each with the exception logged
    /// with it; empty when there were none. Read after <see cref="DisposeAsync"/>, when the log is complete.
    /// </summary>
    public IReadOnlyList<string> ServerErrors()
    {
        var folder = Path.Combine(_folder, "logs");
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var lines = Directory.GetFiles(folder).Order(StringComparer.Ordinal).SelectMany(File.ReadLines).ToList();
        var errors = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (System.Text.RegularExpressions.Regex.IsMatch(lines[i], @"\[ERR\] HTTP \S+ \S+ responded 5\d\d"))
            {
                // Serilog writes the exception on the lines after the request line.
                errors.Add(string.Join('\n', lines.Skip(i).Take(4)));
            }
        }

        return errors;
    }
}

/// <summary>Debian's Chromium, driven by Playwright. No browser download: the package manager installs it.</summary>
public static class Browsers
{
    public const string Chromium = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return (playwright, browser);
    }

    /// <summary>Screenshots kept as test artifacts, next to the test assembly.</summary>
    public static string Artifact(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }
}

/// <summary>
/// A browser test. Reported as skipped where Chromium is not installed, unless HK_REQUIRE_BROWSER=1 (as in CI):
/// then it runs, and fails without a browser, so a skip can never pass for a success there.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!File.Exists(Browsers.Chromium) && Environment.GetEnvironmentVariable("HK_REQUIRE_BROWSER") != "1")
        {
            Skip = $"Chromium is not installed at {Browsers.Chromium} (apt-get install chromium).";
        }
    }
}
