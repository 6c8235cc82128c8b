using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace HandhavingsKoers.Benchmarks;

/// <summary>
/// What one request costs, one request at a time, with the app in this process (in-memory test server, SQLite file):
/// memory allocated and CPU time per step-page reload and per note post, in a room of 20 with 200 notes on the step.
/// Unlike the busy room, nothing queues, and the allocation count does not depend on what else the machine is doing,
/// so it compares two builds even on a busy machine. Both figures include the in-process client's share.
/// <c>dotnet run -c Release --project bench/HandhavingsKoers.Benchmarks -- request [requests]</c>
/// </summary>
public static class RequestCost
{
    public static async Task RunAsync(int requests)
    {
        await using var app = new Host();
        HttpClient NewClient() => app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = true });
        var (facilitator, workshop, code) = await WebForms.StartWorkshopAsync(NewClient());
        var people = new List<(HttpClient Client, string Page)>();
        for (var i = 0; i < 20; i++)
        {
            people.Add(await WebForms.JoinAsync(NewClient(), workshop, code, $"Deelnemer {i}"));
        }

        var posted = 0;
        async Task Post(int i)
        {
            var (client, page) = people[i % people.Count];
            using var request = WebForms.NotePost(workshop, page, $"Notitie {posted++}");
            using var response = await client.SendAsync(request);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
        }

        async Task Reload(int i)
        {
            using var response = await people[i % people.Count].Client.GetAsync($"/w/{workshop}/stap/vertrouwen");
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
        }

        for (var i = 0; i < 200; i++)
        {
            await Post(i);
        }

        // Warm-up (tiered JIT), not counted.
        for (var i = 0; i < requests; i++)
        {
            await Reload(i);
            await Post(i);
        }

        Console.WriteLine($"Request cost: 20 participants, 200+ notes on the step, {requests} requests of each kind one at a time after {2 * requests} of warm-up, in process:");
        await Measure("step-page reload", Reload);
        await Measure("note post", Post);
        GC.KeepAlive(facilitator);

        async Task Measure(string what, Func<int, Task> send)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var times = new List<double>(requests);
            var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            for (var i = 0; i < requests; i++)
            {
                var start = Stopwatch.GetTimestamp();
                await send(i);
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            var bytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            process.Refresh();
            var cpuMs = (process.TotalProcessorTime - cpu).TotalMilliseconds;
            times.Sort();
            Console.WriteLine($"  {what}: {bytes / 1024.0 / requests:0.0} KB allocated, {cpuMs / requests:0.00} ms CPU per request; median {times[times.Count / 2]:0.00} ms, p95 {times[(int)(times.Count * 0.95)]:0.00} ms");
        }
    }

    private sealed class Host : WebApplicationFactory<Program>
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "hk-bench", Guid.NewGuid().ToString("N"));

        public Host()
        {
            Directory.CreateDirectory(_folder);

            // As in LiveLatency: this console project lacks the test-project metadata that points the factory at the web project.
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "src", "HandhavingsKoers.Web")))
            {
                dir = dir.Parent;
            }

            Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_HANDHAVINGSKOERS_WEB", Path.Combine(dir!.FullName, "src", "HandhavingsKoers.Web"));
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Storage:DatabasePath", Path.Combine(_folder, "bench.db"));
            builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Serilog:WriteTo:File:Args:path"] = Path.Combine(_folder, "logs", "hk-.log"),
                ["Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware"] = "Warning",
                ["Serilog:MinimumLevel:Default"] = "Warning",
                ["Security:JoinAttemptsPerMinute"] = "100000", // every participant joins from this one address
                ["Security:NotesPerParticipantPerMinute"] = "100000", // a benchmark writes faster than people do
                ["Retention:MonthsAfterClosing"] = "0",
            }));
        }
    }
}
