using System.Diagnostics;
using HandhavingsKoers.Tests.Infrastructure;

namespace HandhavingsKoers.Tests.Deployment;

/// <summary>
/// An operator who starts the app on a data folder it cannot write to (a systemd unit with ProtectSystem and no
/// ReadWritePaths, a folder owned by another user), or with a setting it cannot use, gets one line that says what is
/// wrong, and exit code 1 (which the documented systemd unit does not restart on).
/// </summary>
public sealed class StartupProblemTests
{
    [Theory]
    [InlineData("Site__PublicBaseUrl", "https://handhaving.example.nl/pad", "Site:PublicBaseUrl must be an http(s) address without a path")]
    [InlineData("ForwardedHeaders__KnownNetworks__0", "10.0.0.0", "ForwardedHeaders:KnownNetworks has '10.0.0.0', which is not a network in CIDR form")]
    public async Task A_setting_the_app_cannot_use_stops_the_start_with_one_line(string key, string value, string message)
    {
        var folder = AppFactory.NewFolder();
        await using var app = AppProcess.StartBuilt(["--urls", "http://127.0.0.1:0"], new Dictionary<string, string>
        {
            [key] = value,
            ["Storage__DatabasePath"] = Path.Combine(folder, "handhavingskoers.db"),
            ["Serilog__WriteTo__File__Args__path"] = Path.Combine(folder, "logs", "hk-.log"),
        });

        Assert.Equal(1, await app.WaitForExitAsync());
        var problem = Assert.Single(app.Output.Split('\n'), l => l.Contains("cannot start", StringComparison.Ordinal));
        Assert.Contains(message, problem, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", app.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// <c>Storage:Provider</c> and <c>ConnectionStrings:Postgres</c> (decision 0016): a wrong provider, a missing or
    /// malformed connection string, or a server that does not answer each stop the start with one line that names the
    /// setting. The password in the connection string never appears in the output.
    /// </summary>
    [Theory]
    [InlineData("Oracle", null, "Storage:Provider is 'Oracle', which is not a storage provider: use Sqlite (the default) or PostgreSQL.")]
    [InlineData("PostgreSQL", null, "ConnectionStrings:Postgres is missing: Storage:Provider is PostgreSQL, so it needs an Npgsql connection string")]
    [InlineData("PostgreSQL", "Hots=db.example.nl;Database=hk;Password=geheim", "ConnectionStrings:Postgres is not a valid Npgsql connection string (")]
    [InlineData("PostgreSQL", "Host=db.example.nl;Username=hk;Password=geheim", "ConnectionStrings:Postgres names no Database")]
    [InlineData("PostgreSQL", "Host=127.0.0.1;Port={port};Database=hk;Username=hk;Password=geheim;Timeout=5",
        "ConnectionStrings:Postgres points to database 'hk' on 127.0.0.1:{port} as user 'hk', which cannot be reached: ")]
    public async Task A_storage_setting_the_app_cannot_use_stops_the_start_with_one_line(string provider, string? connectionString, string message)
    {
        // A port nothing listens on: the connection is refused at once.
        var port = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var folder = AppFactory.NewFolder();
        var environment = new Dictionary<string, string>
        {
            ["Storage__Provider"] = provider,
            ["Storage__DatabasePath"] = Path.Combine(folder, "handhavingskoers.db"),
            ["Serilog__WriteTo__File__Args__path"] = Path.Combine(folder, "logs", "hk-.log"),
        };
        if (connectionString is not null)
        {
            environment["ConnectionStrings__Postgres"] = connectionString.Replace("{port}", port, StringComparison.Ordinal);
        }

        await using var app = AppProcess.StartBuilt(["--urls", "http://127.0.0.1:0"], environment);

        Assert.Equal(1, await app.WaitForExitAsync());
        var problem = Assert.Single(app.Output.Split('\n'), l => l.Contains("cannot start", StringComparison.Ordinal));
        Assert.Contains(message.Replace("{port}", port, StringComparison.Ordinal), problem, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", app.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("geheim", app.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Starting_on_a_read_only_data_folder_ends_with_one_clear_line_not_a_stack_trace()
    {
        var folder = Path.Combine(AppFactory.NewFolder(), "data");
        Directory.CreateDirectory(folder);
        await ExpectOneClearLineAsync(folder);
    }

    [Fact]
    public async Task Starting_on_an_existing_data_file_in_a_read_only_folder_ends_with_one_clear_line_not_a_stack_trace()
    {
        var folder = Path.Combine(AppFactory.NewFolder(), "data");
        await using (var earlier = new AppFactory(folder))
        {
            using var facilitator = earlier.NewUser();
            await facilitator.StartWorkshopAsync();
        }

        // The last pooled connection checkpoints and deletes the -wal and -shm files when it closes: close it now, so
        // they are not deleted between listing the folder and making its files read-only (failed once in .ci/run).
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await ExpectOneClearLineAsync(folder);
    }

    private static async Task ExpectOneClearLineAsync(string folder)
    {
        var database = Path.Combine(folder, "handhavingskoers.db");
        var files = Directory.GetFileSystemEntries(folder).Append(folder).ToArray();
        ReadOnly(files, on: true);
        try
        {
            await using var app = AppProcess.StartBuilt(["--urls", "http://127.0.0.1:0"], new Dictionary<string, string>
            {
                ["Storage__DatabasePath"] = database,
                ["Serilog__WriteTo__File__Args__path"] = Path.Combine(Path.GetDirectoryName(folder)!, "logs", "hk-.log"),
            });

            Assert.Equal(1, await app.WaitForExitAsync());
            var lines = app.Output.Split('\n');
            var problem = Assert.Single(lines, l => l.Contains("cannot start", StringComparison.Ordinal));
            Assert.Contains(folder, problem, StringComparison.Ordinal);
            Assert.Contains("write", problem, StringComparison.Ordinal);
            Assert.DoesNotContain(lines, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
            Assert.DoesNotContain("Unhandled exception", app.Output, StringComparison.Ordinal);
        }
        finally
        {
            ReadOnly(files, on: false);
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>As root (our test machines) permissions stop nothing, so the folder is made immutable (chattr +i).</summary>
    /// <remarks>
    /// A connection the earlier app still held may close after <c>ClearAllPools</c> and delete the -wal and -shm files
    /// between listing and changing them (failed once more in CI): a file that is gone is no longer there to protect,
    /// so the change is tried again on what is left. Once the folder is immutable nothing in it can be deleted.
    /// </remarks>
    private static void ReadOnly(string[] paths, bool on)
    {
        var root = Environment.UserName == "root";
        for (var attempt = 1; ; attempt++)
        {
            var present = paths.Where(p => File.Exists(p) || Directory.Exists(p)).ToArray();
            using var process = Process.Start(new ProcessStartInfo(root ? "chattr" : "chmod", [root ? (on ? "+i" : "-i") : (on ? "a-w" : "u+w"), .. present])
            {
                RedirectStandardError = true,
            })!;
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode == 0)
            {
                return;
            }

            Assert.True(attempt < 3 && present.Any(p => !File.Exists(p) && !Directory.Exists(p)), error);
        }
    }
}
