using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HandhavingsKoers.Benchmarks;

/// <summary>
/// How long a note takes from its POST to the presenter's stream, with 200 participant streams open.
/// Runs the real app on a loopback port (Kestrel, SQLite file) and talks to it over HTTP like browsers do.
/// <c>dotnet run -c Release --project bench/HandhavingsKoers.Benchmarks -- live [participants] [notes] [pause ms]</c>
/// </summary>
public static class LiveLatency
{
    public static async Task RunAsync(int participants, int notes, int pauseMs)
    {
        await using var app = new Host();
        var baseUri = new Uri(app.BaseUrl);

        var (facilitator, workshop, code) = await WebForms.StartWorkshopAsync(baseUri);
        Console.WriteLine($"Joining {participants} participants…");
        var people = new List<(HttpClient Client, string Page)>();
        for (var i = 0; i < participants; i++)
        {
            people.Add(await WebForms.JoinAsync(baseUri, workshop, code, $"Deelnemer {i}"));
        }

        using var stop = new CancellationTokenSource();
        // Like the browsers' script: every participant page fetches its notes again on each "notes" event.
        var fragment = $"/w/{workshop}/stap/vertrouwen?handler=Live";
        var streams = people.Select(p => Drain(p.Client, $"/w/{workshop}/live", null, stop.Token, fragment)).ToList();
        var arrivals = System.Threading.Channels.Channel.CreateUnbounded<long>();
        var presenter = Drain(facilitator, $"/w/{workshop}/live", arrivals.Writer, stop.Token);
        await Task.Delay(1000); // let every stream connect

        Console.WriteLine($"{participants} streams open; posting {notes} notes…");
        var latencies = new List<double>();
        for (var n = 0; n < notes; n++)
        {
            var (client, page) = people[n % people.Count];
            var sent = Stopwatch.GetTimestamp();
            using var request = WebForms.NotePost(workshop, page, $"Meetnotitie {n}");
            var post = client.SendAsync(request);
            var arrived = await arrivals.Reader.ReadAsync();
            latencies.Add(Stopwatch.GetElapsedTime(sent, arrived).TotalMilliseconds);
            (await post).EnsureSuccessStatusCode();
            await Task.Delay(pauseMs);
        }

        stop.Cancel();
        latencies.Sort();
        double P(double q) => Percentiles.Of(latencies, q);
        Console.WriteLine($"POST → presenter stream, {notes} notes, {participants} participant streams open, each page refetching its notes on every event, a note every {pauseMs} ms:");
        Console.WriteLine($"  p50 {P(0.50):0.0} ms   p95 {P(0.95):0.0} ms   p99 {P(0.99):0.0} ms   max {latencies[^1]:0.0} ms");
    }

    /// <summary>Reads a stream to its end; reports the arrival time of each "notes" event when asked.</summary>
    private static async Task Drain(HttpClient client, string url, System.Threading.Channels.ChannelWriter<long>? notes, CancellationToken stop, string? refetch = null)
    {
        try
        {
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, stop);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(stop));
            while (await reader.ReadLineAsync(stop) is { } line)
            {
                if (line == "event: notes")
                {
                    notes?.TryWrite(Stopwatch.GetTimestamp());
                    if (refetch is not null)
                    {
                        _ = client.GetAsync(refetch, stop).ContinueWith(t => t.Result.Dispose(), TaskScheduler.Default);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private sealed class Host : WebApplicationFactory<Program>
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "hk-bench", Guid.NewGuid().ToString("N"));

        public Host()
        {
            Directory.CreateDirectory(_folder);

            // The factory finds the web project's folder through test-project build metadata, which this console
            // project does not get; point it there by hand.
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "src", "HandhavingsKoers.Web")))
            {
                dir = dir.Parent;
            }

            Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_HANDHAVINGSKOERS_WEB", Path.Combine(dir!.FullName, "src", "HandhavingsKoers.Web"));
            UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
            StartServer();
            BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        }

        public string BaseUrl { get; }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Storage:DatabasePath", Path.Combine(_folder, "bench.db"));
            builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Serilog:WriteTo:File:Args:path"] = Path.Combine(_folder, "logs", "hk-.log"),
                ["Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware"] = "Warning",
                ["Serilog:WriteTo:Console:Name"] = "Console",
                ["Serilog:MinimumLevel:Default"] = "Warning",
                ["Security:JoinAttemptsPerMinute"] = "100000", // every participant joins from this one address
                ["Security:NotesPerParticipantPerMinute"] = "100000", // a benchmark writes faster than people do
            }));
        }
    }
}
