using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using HandhavingsKoers.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HandhavingsKoers.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL server of the test run's own: <c>initdb</c> into a temporary folder, <c>postgres</c> on a free
/// loopback port (its socket in that folder too), started on first use and stopped when the test process ends. The
/// system's cluster and service are never touched. As root (our test machines) the server runs as the <c>postgres</c>
/// user (<c>runuser</c>), which PostgreSQL requires; the folder is given to that user.
/// <para>
/// A watchdog shell around the server stops it within a second once the test process is gone, also when the process
/// was killed; a later run deletes folders whose test process has ended.
/// </para>
/// <para>
/// Each test gets a database of its own (<see cref="CreateDatabase"/>), copied from a template that has the app's
/// migrations applied once, so a test starts in a fraction of a second.
/// The server trades durability for speed (<c>fsync=off</c>): it is thrown away at the end.
/// </para>
/// </summary>
public sealed class PostgresServer
{
    private const string Template = "hk_template";

    private static readonly Lazy<PostgresServer> SharedServer = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly string Root = Path.Combine(Path.GetTempPath(), "hk-postgres");

    private readonly Lock _creating = new();

    private PostgresServer(string folder, int port, Process process)
    {
        Folder = folder;
        Port = port;
        Process = process;
    }

    /// <summary>The folder with PostgreSQL's server programs (initdb, postgres), or null when none is installed.</summary>
    public static string? Binaries { get; } = FindBinaries();

    /// <summary>Why PostgreSQL tests are skipped here; null when they run (installed, or HK_REQUIRE_POSTGRES=1).</summary>
    public static string? SkipReason { get; } = Binaries is null && Environment.GetEnvironmentVariable("HK_REQUIRE_POSTGRES") != "1"
        ? "PostgreSQL's server programs are not installed (apt-get install postgresql); set HK_REQUIRE_POSTGRES=1 to fail instead."
        : null;

    /// <summary>The one server of this test run, started on first use.</summary>
    public static PostgresServer Shared => SharedServer.Value;

    public string Folder { get; }

    public int Port { get; }

    private Process Process { get; }

    /// <summary>The superuser on the maintenance database, without pooling (for creating and dropping databases).</summary>
    public string AdminConnectionString => ConnectionString("postgres", pooling: false);

    /// <summary>
    /// A connection string to <paramref name="database"/>. Idle pooled connections close after a second or two, so
    /// the many short-lived apps of a test run do not pile up connections (EF keeps a pool per connection string).
    /// </summary>
    public string ConnectionString(string database, bool pooling = true) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Database = database,
        Username = "postgres",
        Pooling = pooling,
        ConnectionIdleLifetime = 2,
        ConnectionPruningInterval = 1,
    }.ToString();

    /// <summary>A new database with the app's schema (copied from the migrated template); returns its connection string.</summary>
    public string CreateDatabase(bool migrated = true)
    {
        var name = "hk_" + Guid.NewGuid().ToString("N");
        lock (_creating)
        {
            Execute(AdminConnectionString, migrated ? $"CREATE DATABASE {name} TEMPLATE {Template}" : $"CREATE DATABASE {name}");
        }

        return ConnectionString(name);
    }

    /// <summary>Drops the database of <paramref name="connectionString"/>, closing whatever is still connected to it.</summary>
    public void DropDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearPool(new NpgsqlConnection(connectionString));
        Execute(AdminConnectionString, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    public static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static PostgresServer Start()
    {
        if (Binaries is null)
        {
            throw new InvalidOperationException(
                "HK_REQUIRE_POSTGRES=1, but PostgreSQL's server programs (initdb, postgres) were not found (in HK_POSTGRES_BIN when set, else under /usr/lib/postgresql/*/bin). Install Debian's postgresql package, or point HK_POSTGRES_BIN to them.");
        }

        SweepLeftovers();
        var folder = Path.Combine(Root, $"{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "owner"), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            Run("chown", ["postgres:postgres", folder]);
        }

        var data = Path.Combine(folder, "data");
        Run(asRoot ? "runuser" : Path.Combine(Binaries, "initdb"),
            [.. asRoot ? new[] { "-u", "postgres", "--", Path.Combine(Binaries, "initdb") } : [],
                "-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"]);

        // A few tries: another process may take the free port between finding it and the server binding it.
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var server = new PostgresServer(folder, port, StartServer(asRoot, folder, data, port));
            if (server.WaitUntilReady() || attempt == 3)
            {
                server.CreateTemplate();
                AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
                return server;
            }
        }
    }

    private static Process StartServer(bool asRoot, string folder, string data, int port)
    {
        // The watchdog: the server runs in the background of a shell that stops it (fast shutdown) once the test
        // process is gone, or when the shell itself is told to stop.
        var postgres = string.Join(' ', new[]
        {
            Quote(Path.Combine(Binaries!, "postgres")), "-D", Quote(data), "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-k", Quote(folder), "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "synchronous_commit=off",
            "-c", "full_page_writes=off", "-c", "max_connections=400", "-c", "shared_buffers=64MB", "-c", "log_min_messages=warning",
        });
        // Its log goes to a file in the folder, not through a pipe to a test process that may be gone. When it has
        // stopped, the shell deletes the data folder (the rest is swept by a later run: the shell's user may not
        // delete the folder itself).
        var log = Quote(Path.Combine(folder, "server.log"));
        var script = $"{postgres} >>{log} 2>&1 & pg=$!; trap 'kill -INT $pg' TERM INT; " +
            $"while [ -d /proc/{Environment.ProcessId} ] && kill -0 $pg 2>/dev/null; do sleep 1; done; kill -INT $pg 2>/dev/null; wait $pg; rm -rf {Quote(data)}";
        var start = new ProcessStartInfo(asRoot ? "runuser" : "sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var word in asRoot ? new[] { "-u", "postgres", "--", "sh", "-c", script } : ["-c", script])
        {
            start.ArgumentList.Add(word);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private bool WaitUntilReady()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (Process.HasExited)
            {
                return false;
            }

            try
            {
                Execute(AdminConnectionString, "SELECT 1");
                return true;
            }
            catch (Exception e) when (e is NpgsqlException or SocketException)
            {
                Thread.Sleep(100);
            }
        }

        var log = Path.Combine(Folder, "server.log");
        throw new InvalidOperationException($"PostgreSQL did not start on port {Port}: {(File.Exists(log) ? File.ReadAllText(log) : "no output")}");
    }

    private void CreateTemplate()
    {
        if (Process.HasExited)
        {
            var log = Path.Combine(Folder, "server.log");
            throw new InvalidOperationException($"PostgreSQL stopped right after starting: {(File.Exists(log) ? File.ReadAllText(log) : "no output")}");
        }

        Execute(AdminConnectionString, $"CREATE DATABASE {Template}");
        var template = ConnectionString(Template, pooling: false);
        using (var db = new PostgreSqlAppDbContext(new DbContextOptionsBuilder<PostgreSqlAppDbContext>().UseNpgsql(template).Options))
        {
            db.Database.Migrate();
        }
    }

    private void Stop()
    {
        try
        {
            // The shell passes the stop on to the server as a fast shutdown and waits for it.
            Run("kill", ["-TERM", Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            if (!Process.WaitForExit(TimeSpan.FromSeconds(20)))
            {
                Process.Kill(entireProcessTree: true);
            }

            Directory.Delete(Folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // The next run sweeps what is left.
        }
    }

    /// <summary>Folders of earlier runs whose test process has ended (their watchdog has stopped the server).</summary>
    private static void SweepLeftovers()
    {
        if (!Directory.Exists(Root))
        {
            return;
        }

        foreach (var folder in Directory.GetDirectories(Root))
        {
            var owner = Path.Combine(folder, "owner");
            if (File.Exists(owner) && int.TryParse(File.ReadAllText(owner), out var pid) && Directory.Exists($"/proc/{pid}"))
            {
                continue;
            }

            if (File.Exists(Path.Combine(folder, "data", "postmaster.pid")) && File.GetLastWriteTimeUtc(Path.Combine(folder, "data", "postmaster.pid")) > DateTime.UtcNow.AddMinutes(-1))
            {
                continue;
            }

            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Still in use: left for a later run.
            }
        }
    }

    private static string? FindBinaries()
    {
        if (Environment.GetEnvironmentVariable("HK_POSTGRES_BIN") is { Length: > 0 } configured)
        {
            return File.Exists(Path.Combine(configured, "postgres")) ? configured : null;
        }

        const string debian = "/usr/lib/postgresql";
        return Directory.Exists(debian)
            ? Directory.GetDirectories(debian)
                .Select(d => Path.Combine(d, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "postgres")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var version) ? version : 0)
                .FirstOrDefault()
            : null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Quote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static void Run(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error}{output.Result}");
        }
    }
}
