using System.Diagnostics;
using HandhavingsKoers.EndToEnd.Durability;
using Microsoft.Data.Sqlite;

namespace HandhavingsKoers.EndToEnd;

/// <summary>Nothing lost: concurrent writers with retries, and a server killed in the middle of it.</summary>
public sealed class DurabilityTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task Fifty_people_in_five_workshops_writing_twenty_notes_each_at_once_store_exactly_a_thousand()
    {
        await using var app = new LiveApp();
        var load = new NoteLoad(app.BaseUrl);
        await load.PrepareAsync(workshops: 5, participantsPerWorkshop: 10);
        await load.RunAsync(notesEach: 20);

        Assert.Equal(1000, load.Acknowledged.Count);
        using var db = Open(app.DatabasePath);
        Assert.Equal(1000L, Scalar(db, "select count(*) from Notes"));
        Assert.Equal(1000L, Scalar(db, "select count(distinct Text) from Notes"));
        Assert.Equal(5L, Scalar(db, "select count(distinct WorkshopId) from Notes"));
        Assert.Equal(200L, Scalar(db, "select max(c) from (select count(*) c from Notes group by WorkshopId)"));
    }

    [Fact]
    public async Task A_server_killed_during_the_load_keeps_every_acknowledged_note_and_a_sound_file()
    {
        var folder = Path.Combine(Path.GetTempPath(), "hk-crash", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = Path.Combine(folder, "handhavingskoers.db");

        var (server, url) = await StartServerAsync(folder, database);
        var load = new NoteLoad(url);
        try
        {
            await load.PrepareAsync(workshops: 5, participantsPerWorkshop: 10);
            using var stop = new CancellationTokenSource();
            var running = load.RunAsync(notesEach: 40, stop.Token);
            await Task.Delay(1500);

            // SIGKILL: no shutdown, no flush, mid-write.
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            await stop.CancelAsync();
            await running.ContinueWith(_ => { }, TaskScheduler.Default);
        }
        finally
        {
            if (!server.HasExited) server.Kill(entireProcessTree: true);
        }

        Assert.False(load.Acknowledged.IsEmpty, "No note was acknowledged before the kill.");
        Assert.True(load.Acknowledged.Count < 2000, "The kill came after the load ended; it tested nothing.");

        // Start again on the same file: it opens, migrates nothing, and holds every acknowledged note.
        var (again, againUrl) = await StartServerAsync(folder, database);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(againUrl) };
            Assert.Equal("Healthy", await http.GetStringAsync("/health"));
        }
        finally
        {
            again.Kill(entireProcessTree: true);
            await again.WaitForExitAsync();
        }

        using var db = Open(database);
        Assert.Equal("ok", Scalar(db, "PRAGMA integrity_check"));
        var stored = new HashSet<Guid>();
        using (var command = db.CreateCommand())
        {
            command.CommandText = "select Id from Notes";
            using var reader = command.ExecuteReader();
            while (reader.Read()) stored.Add(reader.GetGuid(0));
        }

        var lost = load.Acknowledged.Keys.Where(id => !stored.Contains(id)).ToList();
        output.WriteLine($"Acknowledged before the kill: {load.Acknowledged.Count}; stored after restart: {stored.Count}; lost: {lost.Count}.");
        Assert.True(lost.Count == 0, $"{lost.Count} acknowledged notes are missing after the crash.");
        Assert.Equal(stored.Count, (int)(long)Scalar(db, "select count(distinct Text) from Notes")!);
    }

    /// <summary>The published app as its own process (so it can be killed), on a free loopback port.</summary>
    private static async Task<(Process Server, string Url)> StartServerAsync(string folder, string database)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "HandhavingsKoers.Web.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Storage__DatabasePath"] = database,
                ["Serilog__WriteTo__File__Args__path"] = Path.Combine(folder, "logs", "hk-.log"),
            },
        };
        foreach (var arg in new[] { dll, "--urls", "http://127.0.0.1:0", "--contentRoot", AppContext.BaseDirectory })
        {
            start.ArgumentList.Add(arg);
        }

        var server = Process.Start(start)!;
        var listening = new TaskCompletionSource<string>();
        server.OutputDataReceived += (_, e) =>
        {
            var at = e.Data?.IndexOf("Now listening on: ", StringComparison.Ordinal) ?? -1;
            if (at >= 0) listening.TrySetResult(e.Data![(at + 18)..].Trim());
        };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        var url = await listening.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return (server, url);
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        return connection;
    }

    private static object? Scalar(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
