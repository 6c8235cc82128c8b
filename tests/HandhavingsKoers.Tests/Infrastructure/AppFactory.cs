using System.Net;
using System.Text.RegularExpressions;
using HandhavingsKoers.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HandhavingsKoers.Tests.Infrastructure;

/// <summary>
/// The real app on a real SQLite file in a temporary folder, or, given <paramref name="postgres"/> (a connection
/// string from <see cref="PostgresServer"/>), on that PostgreSQL database. Two factories on the same folder (and
/// database) are the same installation started twice, which is how the restart test works; on PostgreSQL they are
/// also two instances of one installation running side by side.
/// </summary>
public sealed class AppFactory(string folder, string? seedFolder = null, IDictionary<string, string?>? settings = null,
    Action<IServiceCollection>? services = null, string? postgres = null) : WebApplicationFactory<Program>
{
    /// <summary>
    /// Each host built in this process keeps one inotify instance after it is disposed (a file watcher of ASP.NET
    /// Core's that outlives the host). Linux allows 128 per user, shared with every other process of that user; with the
    /// PostgreSQL variants the test run builds more hosts than that. Polling file watchers (which the tests never
    /// need) use none. Set before the first host is built; child processes inherit it.
    /// </summary>
    static AppFactory() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "1");

    public string Folder { get; } = folder;

    public StorageProvider Provider => postgres is null ? StorageProvider.Sqlite : StorageProvider.PostgreSql;

    /// <summary>The PostgreSQL database's connection string; null on SQLite.</summary>
    public string? Postgres => postgres;

    /// <summary>Drop <see cref="Postgres"/> when this factory is disposed (it made the database).</summary>
    public bool OwnsDatabase { get; init; }

    public string DatabasePath => Path.Combine(Folder, "handhavingskoers.db");

    /// <summary>Everything the app logged to its log files so far (Serilog's text format, "[ERR]" for an error).</summary>
    public string ReadLog() =>
        string.Concat(Directory.GetFiles(Path.Combine(Folder, "logs")).Order().Select(f =>
        {
            using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }));

    public static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "hk-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    public static AppFactory Fresh() => new(NewFolder());

    /// <summary>A fresh installation on <paramref name="provider"/>: an empty folder, and on PostgreSQL a database of its own.</summary>
    public static AppFactory Fresh(StorageProvider provider, Action<IServiceCollection>? services = null) => provider == StorageProvider.Sqlite
        ? new(NewFolder(), services: services)
        : new(NewFolder(), services: services, postgres: PostgresServer.Shared.CreateDatabase()) { OwnsDatabase = true };

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
        if (postgres is not null)
        {
            // As settings of the host, not app configuration: Program.cs reads the provider before the host is built,
            // and only these are visible to it then.
            builder.UseSetting("Storage:Provider", "PostgreSQL");
            builder.UseSetting("ConnectionStrings:Postgres", postgres);
        }

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
    public User NewUser() => NewUser(new CookieContainer());

    /// <summary>
    /// A browser with the given cookie jar. Two factories handed the same jar are one browser talking to two instances
    /// of an installation (a load balancer in between): both test servers answer as http://localhost.
    /// </summary>
    public User NewUser(CookieContainer cookies)
    {
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

    /// <summary>
    /// A number from the store (<c>select count(*) from Notes where …</c>), on either provider. Write the SQL as for
    /// SQLite, keywords in lower case: on PostgreSQL the table and column names (which have capitals) are quoted.
    /// </summary>
    public long Count(string sql) => Convert.ToInt64(Scalar(sql), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A text from the store, or null (see <see cref="Count"/> for how to write the SQL).</summary>
    public string? Text(string sql) => Scalar(sql) as string;

    /// <summary>A Guid as the store keeps it, for SQL: upper-case text on SQLite, a uuid literal on PostgreSQL.</summary>
    public string IdLiteral(Guid id) => Provider == StorageProvider.Sqlite ? $"'{id.ToString().ToUpperInvariant()}'" : $"'{id}'";

    /// <summary>Runs SQL straight on the store, on either provider (see <see cref="Count"/> for how to write it).</summary>
    public void Execute(string sql) => Scalar(sql);

    private object? Scalar(string sql)
    {
        if (postgres is null)
        {
            using var connection = OpenDatabase();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return command.ExecuteScalar();
        }

        using var pg = new NpgsqlConnection(postgres);
        pg.Open();
        using var pgCommand = new NpgsqlCommand(ForPostgres(sql), pg);
        return pgCommand.ExecuteScalar();
    }

    /// <summary>Quotes every identifier with a capital letter, outside string literals and quoted names.</summary>
    public static string ForPostgres(string sql) => Regex.Replace(
        sql, "'(?:[^']|'')*'|\"[^\"]*\"|\\b[A-Za-z_][A-Za-z0-9_]*\\b",
        m => m.Value[0] is '\'' or '"' || !m.Value.Any(char.IsUpper) ? m.Value : $"\"{m.Value}\"");

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (postgres is not null && OwnsDatabase)
        {
            PostgresServer.Shared.DropDatabase(postgres);
        }
    }
}
