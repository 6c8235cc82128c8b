using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using HandhavingsKoers.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace HandhavingsKoers.Tests.Deployment;

/// <summary>
/// The commands in the README and docs/operations.md, run as an operator types them: the app runs as Production,
/// so a failure shows our Dutch error page, never the developer page with the stack and the visitor's cookies.
/// </summary>
public sealed partial class ProductionByDefaultTests
{
    [Fact]
    public async Task The_readme_run_command_runs_as_production_and_a_failure_shows_the_dutch_page_without_details()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(AppProcess.RepositoryRoot, "README.md"));
        var command = RunCommand().Match(readme);
        Assert.True(command.Success, "The README has no run command under 'Run the app'.");
        var folder = AppFactory.NewFolder();
        var database = Path.Combine(folder, "handhavingskoers.db");

        await using var app = AppProcess.Start(command.Groups["command"].Value, ["--urls", "http://127.0.0.1:0"], new Dictionary<string, string>
        {
            ["Storage__DatabasePath"] = database,
            ["Serilog__WriteTo__File__Args__path"] = Path.Combine(folder, "logs", "hk-.log"),
        });
        var url = await app.ListeningAsync();
        Assert.EndsWith("Hosting environment: Production", await app.LineWithAsync("Hosting environment:"), StringComparison.Ordinal);

        using var http = new HttpClient { BaseAddress = new Uri(url) };
        Assert.Equal("Healthy", await http.GetStringAsync("/health"));

        // Something breaks on the server: the workshops table is gone. A visitor with a cookie opens a workshop.
        using (var db = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            db.Open();
            using var drop = db.CreateCommand();
            drop.CommandText = "DROP TABLE Workshops;";
            drop.ExecuteNonQuery();
        }

        var workshop = Guid.NewGuid();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/w/{workshop}/stap");
        request.Headers.Add("Cookie", $"hk_deelnemer_{workshop:N}=geheim-cookie-4711");
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Er ging iets mis", body, StringComparison.Ordinal);
        Assert.DoesNotContain("geheim-cookie-4711", body, StringComparison.Ordinal);
        Assert.DoesNotContain("SqliteException", body, StringComparison.Ordinal);
        Assert.DoesNotContain("HandhavingsKoers.Web.", body, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_launch_profile_is_production_and_development_is_a_second_profile_to_opt_in()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(
            Path.Combine(AppProcess.RepositoryRoot, "src", "HandhavingsKoers.Web", "Properties", "launchSettings.json")));
        var profiles = settings.RootElement.GetProperty("profiles").EnumerateObject().ToList();

        // dotnet run takes the first profile.
        Assert.Equal("Production", Environment(profiles[0].Value));
        Assert.Equal("Development", Environment(settings.RootElement.GetProperty("profiles").GetProperty("Development")));

        static string? Environment(JsonElement profile) =>
            profile.GetProperty("environmentVariables").GetProperty("ASPNETCORE_ENVIRONMENT").GetString();
    }

    [Fact]
    public async Task The_backup_command_in_the_operations_guide_works_as_written()
    {
        var guide = await File.ReadAllTextAsync(Path.Combine(AppProcess.RepositoryRoot, "docs", "operations.md"));
        var command = BackupCommand().Match(guide);
        Assert.True(command.Success, "docs/operations.md has no backup command.");

        string database;
        await using (var running = AppFactory.Fresh())
        {
            using var facilitator = running.NewUser();
            await facilitator.StartWorkshopAsync("Gemeente Reservekopie");
            database = running.DatabasePath;
        }

        var target = Path.Combine(Path.GetDirectoryName(database)!, "backups", "kopie.db");
        await using var backup = AppProcess.Start(command.Groups["command"].Value, [target], new Dictionary<string, string>
        {
            ["Storage__DatabasePath"] = database,
            ["Serilog__WriteTo__File__Args__path"] = Path.Combine(Path.GetDirectoryName(database)!, "logs", "hk-.log"),
        });

        Assert.True(await backup.WaitForExitAsync() == 0, backup.Output);
        Assert.Contains("integrity check: ok", backup.Output, StringComparison.Ordinal);
        using var copy = new SqliteConnection($"Data Source={target};Pooling=False");
        copy.Open();
        using var query = copy.CreateCommand();
        query.CommandText = "select Gemeente from Workshops";
        Assert.Equal("Gemeente Reservekopie", query.ExecuteScalar());
    }

    /// <summary>The command in the fenced block after "Run the app".</summary>
    [GeneratedRegex(@"Run the app[^\n]*\n+```sh\n(?<command>dotnet run [^\n]*)\n```")]
    private static partial Regex RunCommand();

    /// <summary>The backup command without its example target file.</summary>
    [GeneratedRegex(@"(?<command>dotnet run [^\n]* -- backup) [^\n]+\n")]
    private static partial Regex BackupCommand();
}
