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

    /// <summary>As root (our test machines) permissions stop nothing, so the folder is made immutable (chattr +i).</summary>
    private static void ReadOnly(string[] paths, bool on)
    {
        var root = Environment.UserName == "root";
        using var process = Process.Start(new ProcessStartInfo(root ? "chattr" : "chmod", [root ? (on ? "+i" : "-i") : (on ? "a-w" : "u+w"), .. paths])
        {
            RedirectStandardError = true,
        })!;
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, process.StandardError.ReadToEnd());
    }
}
