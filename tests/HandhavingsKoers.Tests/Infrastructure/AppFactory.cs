using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HandhavingsKoers.Tests.Infrastructure;

/// <summary>
/// The real app on a real SQLite file in a temporary folder. Two factories on the same folder are the same
/// installation started twice, which is how the restart test works.
/// </summary>
public sealed class AppFactory(string folder, string? seedFolder = null, IDictionary<string, string?>? settings = null,
    Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    public string Folder { get; } = folder;

    public string DatabasePath => Path.Combine(Folder, "handhavingskoers.db");

    public static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "hk-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    public static AppFactory Fresh() => new(NewFolder());

    /// <summary>
    /// Serves the app on a real loopback port (Kestrel) instead of the in-memory test server, for what only a real
    /// server does, such as the raw request line (<c>RawTarget</c>, with its query string). <see cref="NewUser()"/> still works;
    /// other clients need <c>ClientOptions.BaseAddress</c> (and there, redirects are followed unless the client says not to).
    /// </summary>
    public AppFactory OnRealPort()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        ClientOptions.BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:DatabasePath", DatabasePath);

        // Not UseSetting: that source reports an empty value for parent keys ("Serilog:WriteTo:File"), which Serilog
        // then reads as a sink called "". An in-memory source leaves parents null.
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Serilog:WriteTo:File:Args:path"] = Path.Combine(Folder, "logs", "hk-.log"),
        }.Concat(settings ?? new Dictionary<string, string?>())));
        if (seedFolder is not null)
        {
            builder.UseSetting("Content:SeedFolder", seedFolder);
        }

        if (services is not null)
        {
            builder.ConfigureServices(services);
        }
    }

    /// <summary>
    /// A browser of its own: its own cookies, following redirects like a browser does. It has a second client on the
    /// same cookies that stops at a redirect, so a test can also see where a form sends the user
    /// (<see cref="User.SubmitWithoutRedirectAsync"/>). The handlers are those <c>CreateClient</c> sets up.
    /// </summary>
    public User NewUser()
    {
        var cookies = new CookieContainer();
        return new User(
            CreateDefaultClient(new RedirectHandler(), new CookieContainerHandler(cookies)),
            CreateDefaultClient(new CookieContainerHandler(cookies)));
    }

    /// <summary>
    /// A browser whose every request carries <paramref name="headers"/> (as a proxy in front would add them). Its
    /// cookies are kept by a plain jar that also sends back cookies marked Secure, which a browser would send over the
    /// HTTPS the proxy speaks to it, though the test server is reached over plain HTTP.
    /// </summary>
    /// <param name="setCookies">When given, collects every Set-Cookie header this browser receives.</param>
    public User NewUser(IReadOnlyDictionary<string, string> headers, List<string>? setCookies = null)
    {
        var jar = new Dictionary<string, string>(StringComparer.Ordinal);
        setCookies ??= [];
        return new User(
            CreateDefaultClient(new RedirectHandler(), new PlainCookieJar(jar, setCookies), new AddHeaders(headers)),
            CreateDefaultClient(new PlainCookieJar(jar, setCookies), new AddHeaders(headers)));
    }

    public SqliteConnection OpenDatabase()
    {
        var connection = new SqliteConnection($"Data Source={DatabasePath}");
        connection.Open();
        return connection;
    }

    public long Count(string sql)
    {
        using var connection = OpenDatabase();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }
}
