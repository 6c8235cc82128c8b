using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
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
public static partial class LiveLatency
{
    public static async Task RunAsync(int participants, int notes, int pauseMs)
    {
        await using var app = new Host();
        var baseUri = new Uri(app.BaseUrl);

        var facilitator = Client(baseUri);
        var start = await facilitator.GetStringAsync("/starten");
        var started = await facilitator.PostAsync("/starten", Form(start, ("Input.Gemeente", "Gemeente Meetdorp"), ("Input.Title", "Meting"), ("Input.Date", "2026-11-22"), ("Input.EditionKey", "praatplaat-2024")));
        var facilitatorPage = await started.Content.ReadAsStringAsync();
        var workshop = WorkshopId().Match(started.RequestMessage!.RequestUri!.AbsolutePath).Groups[1].Value;
        var code = JoinCodeText().Match(facilitatorPage).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
        await facilitator.PostAsync($"/w/{workshop}/begeleider/welkom?handler=Move", Form(facilitatorPage, ("target", "vertrouwen")));

        Console.WriteLine($"Joining {participants} participants…");
        var people = new List<(HttpClient Client, string Page)>();
        for (var i = 0; i < participants; i++)
        {
            var client = Client(baseUri);
            var join = await client.GetStringAsync("/doemee");
            var joined = await client.PostAsync("/doemee", Form(join, ("Code", code), ("DisplayName", $"Deelnemer {i}")));
            joined.EnsureSuccessStatusCode();
            people.Add((client, await client.GetStringAsync($"/w/{workshop}/stap/vertrouwen")));
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
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/w/{workshop}/stap/vertrouwen?handler=AddNote")
            {
                Content = Form(page, ("Form.Column", "Already"), ("Form.Text", $"Meetnotitie {n}")),
            };
            request.Headers.Add("X-Requested-With", "fetch");
            var post = client.SendAsync(request);
            var arrived = await arrivals.Reader.ReadAsync();
            latencies.Add(Stopwatch.GetElapsedTime(sent, arrived).TotalMilliseconds);
            (await post).EnsureSuccessStatusCode();
            await Task.Delay(pauseMs);
        }

        stop.Cancel();
        latencies.Sort();
        double P(double q) => latencies[(int)Math.Min(latencies.Count - 1, Math.Ceiling(q * latencies.Count) - 1)];
        Console.WriteLine($"POST → presenter stream, {notes} notes, {participants} participant streams open, each page refetching its notes on every event, a note every {pauseMs} ms:");
        Console.WriteLine($"  p50 {P(0.50):0.0} ms   p95 {P(0.95):0.0} ms   p99 {P(0.99):0.0} ms   max {latencies[^1]:0.0} ms");
    }

    private static HttpClient Client(Uri baseUri) => new(new SocketsHttpHandler { CookieContainer = new CookieContainer(), PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        BaseAddress = baseUri,
        Timeout = Timeout.InfiniteTimeSpan,
    };

    /// <summary>A form post carrying the page's antiforgery token, as the browser would send it.</summary>
    private static FormUrlEncodedContent Form(string page, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", Token().Match(page).Groups[1].Value)));

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

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("/w/([0-9a-f-]{36})/")]
    private static partial Regex WorkshopId();

    [GeneratedRegex("class=\"join-code\">([^<]+)<")]
    private static partial Regex JoinCodeText();

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
                ["Serilog:MinimumLevel:Override:HandhavingsKoers.Web.RequestLogging"] = "Warning",
                ["Serilog:WriteTo:Console:Name"] = "Console",
                ["Serilog:MinimumLevel:Default"] = "Warning",
            }));
        }
    }
}
