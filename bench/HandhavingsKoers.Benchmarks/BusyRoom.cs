using System.Diagnostics;

namespace HandhavingsKoers.Benchmarks;

/// <summary>
/// Load against the app running as its own process (Release build of the web project, real Kestrel, SQLite file):
/// a busy room of 100 participants, then saturation of note posts beside a bare endpoint.
/// <c>dotnet run -c Release --project bench/HandhavingsKoers.Benchmarks -- busy [participants] [seconds]</c>
/// </summary>
public static class BusyRoom
{
    private const int WarmUpSeconds = 10;

    /// <summary>
    /// <paramref name="store"/>: <c>sqlite</c> (one instance on a data file), <c>postgres</c> (one instance) or
    /// <c>postgres2</c> (two instances behind nginx, round robin), or <c>all</c> for the three in one run. PostgreSQL
    /// needs <c>HK_BENCH_POSTGRES</c>: a connection string to a server where the benchmark may create (and then drops)
    /// a database of its own.
    /// </summary>
    public static async Task RunAsync(int participants, int seconds, string store = "sqlite")
    {
        if (store == "all")
        {
            foreach (var each in new[] { "sqlite", "postgres", "postgres2" })
            {
                await RunAsync(participants, seconds, each);
            }

            return;
        }

        using var installation = await BenchInstallation.StartAsync(store);
        var baseUri = new Uri(installation.Url);
        Console.WriteLine($"== {installation.Description}");
        var (facilitator, workshop, code) = await WebForms.StartWorkshopAsync(baseUri);
        var people = new List<(HttpClient Client, string Page)>();
        for (var i = 0; i < participants; i++)
        {
            people.Add(await WebForms.JoinAsync(baseUri, workshop, code, $"Deelnemer {i}"));
        }

        using var stop = new CancellationTokenSource();
        var presenter = Drain(facilitator, $"/w/{workshop}/live", stop.Token);

        // Half the people keep their page streaming; the other half reload it every second.
        var streams = people.Where((_, i) => i % 2 == 0).Select(p => Drain(p.Client, $"/w/{workshop}/live", stop.Token)).ToList();
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var slow = new System.Collections.Concurrent.ConcurrentBag<(double At, double Ms, bool Post)>();
        var errors = 0;

        // The first seconds are the runtime's warm-up (tiered JIT): run them, but do not count them.
        var measureFrom = DateTime.UtcNow.AddSeconds(WarmUpSeconds);
        var until = measureFrom.AddSeconds(seconds);
        await Task.WhenAll(people.Select((p, index) => Task.Run(async () =>
        {
            await Task.Delay(Random.Shared.Next(1000));
            var n = 0;
            while (DateTime.UtcNow < until)
            {
                var second = Task.Delay(1000);
                await Timed(() => p.Client.SendAsync(WebForms.NotePost(workshop, p.Page, $"Notitie {index}-{n++}")), post: true);
                var reload = index % 2 == 0 ? $"/w/{workshop}/stap/vertrouwen?handler=Live" : $"/w/{workshop}/stap/vertrouwen";
                await Timed(() => p.Client.GetAsync(reload), post: false);
                await second;
            }
        })));

        async Task Timed(Func<Task<HttpResponseMessage>> send, bool post)
        {
            var start = Stopwatch.GetTimestamp();
            try
            {
                using var response = await send();
                await response.Content.ReadAsByteArrayAsync();
                if (!response.IsSuccessStatusCode) Interlocked.Increment(ref errors);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                Interlocked.Increment(ref errors);
            }

            if (DateTime.UtcNow >= measureFrom)
            {
                var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                latencies.Add(ms);
                if (ms > 100) slow.Add(((DateTime.UtcNow - measureFrom).TotalSeconds, ms, post));
            }
        }

        var sorted = latencies.Order().ToList();
        double P(double q) => Percentiles.Of(sorted, q);
        Console.WriteLine($"Busy room: {participants} participants, {seconds} s measured after {WarmUpSeconds} s of warm-up, each a note and a reload (half streaming) every second, presenter streaming:");
        Console.WriteLine($"  {sorted.Count} requests, {errors} errors; p50 {P(0.5):0.0} ms, p95 {P(0.95):0.0} ms, p99 {P(0.99):0.0} ms; server peak memory {installation.PeakMegabytes()}");

        // When the slow requests came: spread out (load) or together (a stall: a checkpoint, a full GC, a neighbour).
        foreach (var group in slow.GroupBy(s => (int)s.At).OrderBy(g => g.Key))
        {
            Console.WriteLine($"  second {group.Key}: {group.Count(s => s.Post)} posts and {group.Count(s => !s.Post)} reloads over 100 ms, slowest {group.Max(s => s.Ms):0} ms");
        }

        // Saturation: as many note posts as the server takes from 32 connections, then the bare endpoint the same way.
        var notesPerSecond = await Saturate(people.Take(32).ToList(), p => WebForms.NotePost(workshop, p.Page, "Verzadiging"), 10);
        var barePerSecond = await Saturate(people.Take(32).ToList(), _ => new HttpRequestMessage(HttpMethod.Get, "/favicon.svg"), 10);
        Console.WriteLine($"Saturation, 32 connections, 10 s each: {notesPerSecond:0} note posts/s vs {barePerSecond:0} requests/s on a bare static file: ratio {notesPerSecond / barePerSecond:0.00}.");
        Console.WriteLine($"  server peak memory after saturation {installation.PeakMegabytes()}");
        await stop.CancelAsync();
    }

    private static async Task<double> Saturate(List<(HttpClient Client, string Page)> clients, Func<(HttpClient Client, string Page), HttpRequestMessage> request, int seconds)
    {
        var done = 0;
        var until = DateTime.UtcNow.AddSeconds(seconds);
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select(c => Task.Run(async () =>
        {
            while (DateTime.UtcNow < until)
            {
                using var message = request(c);
                using var response = await c.Client.SendAsync(message);
                await response.Content.ReadAsByteArrayAsync();
                if (response.IsSuccessStatusCode) Interlocked.Increment(ref done);
            }
        })));
        return done / watch.Elapsed.TotalSeconds;
    }

    private static async Task Drain(HttpClient client, string url, CancellationToken stop)
    {
        try
        {
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, stop);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(stop));
            while (await reader.ReadLineAsync(stop) is not null)
            {
            }
        }
        catch (Exception e) when (e is OperationCanceledException or HttpRequestException or IOException)
        {
        }
    }
}

/// <summary>The web app as a separate process on a free port, so its memory can be read and it can be stopped.</summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, string url)
    {
        _process = process;
        Url = url;
    }

    public string Url { get; }

    /// <summary>
    /// Starts it, on SQLite or (<paramref name="postgres"/>: a connection string) PostgreSQL; <paramref name="settings"/>
    /// are extra environment variables (configuration) for this run.
    /// </summary>
    public static async Task<ServerProcess> StartAsync(string? postgres = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "hk-busy", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Storage__DatabasePath"] = Path.Combine(folder, "busy.db");
        start.Environment["Serilog__WriteTo__File__Args__path"] = Path.Combine(folder, "logs", "hk-.log");
        start.Environment["Serilog__MinimumLevel__Override__Serilog.AspNetCore.RequestLoggingMiddleware"] = "Warning";
        start.Environment["Security__JoinAttemptsPerMinute"] = "100000";
        start.Environment["Security__NotesPerParticipantPerMinute"] = "100000"; // each participant posts every second
        if (Environment.GetEnvironmentVariable("Storage__Synchronous") is { } sync) start.Environment["Storage__Synchronous"] = sync;
        foreach (var (name, value) in settings ?? new Dictionary<string, string>()) start.Environment[name] = value;
        if (postgres is not null)
        {
            start.Environment["Storage__Provider"] = "PostgreSQL";
            start.Environment["ConnectionStrings__Postgres"] = postgres;
        }

        // Content root: the web project (for wwwroot); the settings and seeds come from next to the dll.
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "src", "HandhavingsKoers.Web")))
        {
            dir = dir.Parent;
        }

        File.Copy(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), Path.Combine(folder, "appsettings.json"));
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "HandhavingsKoers.Web.dll"), "--urls", "http://127.0.0.1:0", "--contentRoot", Path.Combine(dir!.FullName, "src", "HandhavingsKoers.Web") })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        var listening = new TaskCompletionSource<string>();
        process.OutputDataReceived += (_, e) =>
        {
            var at = e.Data?.IndexOf("Now listening on: ", StringComparison.Ordinal) ?? -1;
            if (at >= 0) listening.TrySetResult(e.Data![(at + 18)..].Trim());
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServerProcess(process, await listening.Task.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    /// <summary>The server's peak resident memory (VmHWM), in MB.</summary>
    public double PeakMegabytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
