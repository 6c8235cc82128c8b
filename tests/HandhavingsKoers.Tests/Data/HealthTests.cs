using System.Diagnostics;
using System.Net;
using HandhavingsKoers.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace HandhavingsKoers.Tests.Data;

/// <summary>
/// /health as a monitoring system polls it: Unhealthy (503) as soon as notes could not be saved, not only when the
/// data file is gone. (MigrationSchemaTests covers the healthy start and a missing schema.)
/// </summary>
public sealed class HealthTests
{
    [Fact]
    public async Task Health_is_unhealthy_when_the_data_file_cannot_be_written_though_it_can_still_be_read()
    {
        await using var app = AppFactory.Fresh();
        using var facilitator = app.NewUser();
        var workshop = await facilitator.StartWorkshopAsync();
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        // The data file and its log become unwritable (as on a disk that failed or was remounted read-only).
        var files = new[] { app.DatabasePath, app.DatabasePath + "-wal" };
        Assert.All(files, f => Assert.True(File.Exists(f), f));
        MakeUnwritable(files);
        try
        {
            // Reading still works: the old check said Healthy here.
            Assert.Equal(HttpStatusCode.OK, (await facilitator.OpenAsync(workshop.FacilitatorUrl())).Status);

            using var health = await client.GetAsync("/health");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.Equal("Unhealthy", await health.Content.ReadAsStringAsync());
        }
        finally
        {
            MakeWritable(files);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task Health_is_unhealthy_when_the_disk_of_the_data_file_has_less_room_than_configured()
    {
        var free = new DriveInfo(Path.GetTempPath()).AvailableFreeSpace / (1024 * 1024);
        await using var app = new AppFactory(AppFactory.NewFolder(), settings: new Dictionary<string, string?>
        {
            ["Storage:MinimumFreeSpaceMegabytes"] = (free + 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        using var client = app.CreateClient();

        using var health = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("Unhealthy", await health.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// The tests run as root on our machines, for whom file permissions are no obstacle: there the files are made
    /// immutable (chattr +i), which stops root too. Anyone else: read-only permissions, and no pooled connection
    /// that opened the file for writing before.
    /// </summary>
    private static void MakeUnwritable(string[] files)
    {
        Run(Environment.UserName == "root" ? "chattr" : "chmod", [Environment.UserName == "root" ? "+i" : "a-w", .. files]);

        SqliteConnection.ClearAllPools();
    }

    private static void MakeWritable(string[] files)
    {
        Run(Environment.UserName == "root" ? "chattr" : "chmod", [Environment.UserName == "root" ? "-i" : "u+w", .. files]);

        SqliteConnection.ClearAllPools();
    }

    private static void Run(string command, string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardError = true })!;
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{command} {string.Join(' ', arguments)}: {process.StandardError.ReadToEnd()}");
    }
}
