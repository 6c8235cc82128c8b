using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace HandhavingsKoers.Benchmarks;

/// <summary>
/// A big room, live: <c>participants</c> pages with their event streams open and the projector, while notes are
/// posted at a steady pace. Measures, per note, the POST until (1) the projector's stream has its event, (2) the
/// projector's stage holds its text, (3) each participant page has it (from the event, or from the fragment the
/// page fetched because of it, as live.js does), plus the POSTs themselves and the server's memory. The app runs as
/// its own process (Release, Kestrel, SQLite file); the pages are HTTP clients in this process.
/// <c>dotnet run -c Release --project bench/HandhavingsKoers.Benchmarks -- live [participants] [notes] [pause ms]</c>
/// </summary>
public static partial class LiveLatency
{
    public static async Task RunAsync(int participants, int notes, int pauseMs)
    {
        using var server = await ServerProcess.StartAsync(settings: new Dictionary<string, string>
        {
            ["Security__StreamsPerAddress"] = "100000", // every page streams from this one address
            ["Security__MaxOpenStreams"] = "100000",
        });
        var baseUri = new Uri(server.Url);
        var (facilitator, workshop, code) = await WebForms.StartWorkshopAsync(baseUri);
        Console.WriteLine($"Joining {participants} participants…");
        var people = new List<(HttpClient Client, string Page)>();
        for (var i = 0; i < participants; i++)
        {
            people.Add(await WebForms.JoinAsync(baseUri, workshop, code, $"Deelnemer {i}"));
        }

        var sent = new long[notes];
        var onPresenterStream = new long[notes];
        var onStage = new long[notes];
        var onPages = new long[notes, participants];
        using var stop = new CancellationTokenSource();
        var fragment = $"/w/{workshop}/stap/vertrouwen?handler=Live";
        var pages = people.Select((p, i) => Page(p.Client, $"/w/{workshop}/live", fragment, (n, at) => Interlocked.CompareExchange(ref onPages[n, i], at, 0), stop.Token)).ToList();
        var projector = Projector(facilitator, workshop, onPresenterStream, onStage, stop.Token);
        await Task.Delay(2000); // let every stream connect
        Console.WriteLine($"{participants} streams open; posting {notes} notes, one every {pauseMs} ms…");

        var posts = new List<Task<(double Ms, bool Ok)>>();
        var pace = Stopwatch.StartNew();
        for (var n = 0; n < notes; n++)
        {
            var (client, page) = people[n % people.Count];
            var wait = TimeSpan.FromMilliseconds(n * pauseMs) - pace.Elapsed;
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            sent[n] = Stopwatch.GetTimestamp();
            posts.Add(Post(client, WebForms.NotePost(workshop, page, $"Meetnotitie {n}.")));
        }

        var posted = await Task.WhenAll(posts);
        await Task.Delay(5000); // the last notes' way to every page
        var memory = server.PeakMegabytes();
        stop.Cancel();

        var pageLatencies = new List<double>();
        var missing = 0;
        for (var n = 0; n < notes; n++)
        {
            for (var i = 0; i < participants; i++)
            {
                if (onPages[n, i] == 0) missing++;
                else pageLatencies.Add(Stopwatch.GetElapsedTime(sent[n], onPages[n, i]).TotalMilliseconds);
            }
        }

        Console.WriteLine($"{participants} participant pages and the projector open, {notes} notes, one every {pauseMs} ms:");
        Report("POST (answer to the writer)", posted.Select(p => p.Ms).ToList(), posted.Count(p => !p.Ok));
        Report("POST → projector's stream has the event", Since(sent, onPresenterStream, out var noEvent), noEvent);
        Report("POST → projector's stage shows the note", Since(sent, onStage, out var notShown), notShown);
        Report("POST → a participant page has the note", pageLatencies, missing);
        Console.WriteLine($"  server peak memory {memory:0} MB");
    }

    private static List<double> Since(long[] sent, long[] arrived, out int missing)
    {
        var list = new List<double>();
        missing = 0;
        for (var n = 0; n < sent.Length; n++)
        {
            if (arrived[n] == 0) missing++;
            else list.Add(Stopwatch.GetElapsedTime(sent[n], arrived[n]).TotalMilliseconds);
        }

        return list;
    }

    private static void Report(string what, List<double> latencies, int missing)
    {
        latencies.Sort();
        if (latencies.Count == 0)
        {
            Console.WriteLine($"  {what}: nothing arrived ({missing} missing)");
            return;
        }

        double P(double q) => Percentiles.Of(latencies, q);
        Console.WriteLine($"  {what}: p50 {P(0.50):0.0} ms   p95 {P(0.95):0.0} ms   p99 {P(0.99):0.0} ms   max {latencies[^1]:0.0} ms   ({missing} missing or failed)");
    }

    private static async Task<(double Ms, bool Ok)> Post(HttpClient client, HttpRequestMessage request)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            using var response = await client.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            return (Stopwatch.GetElapsedTime(start).TotalMilliseconds, response.IsSuccessStatusCode);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return (Stopwatch.GetElapsedTime(start).TotalMilliseconds, false);
        }
        finally
        {
            request.Dispose();
        }
    }

    /// <summary>
    /// A participant page as live.js runs it: a note in the event is on the page at once; any other "notes" event
    /// (their own note) makes it fetch its fragment, and the notes in that fragment are on the page when it arrives.
    /// "Later" events (scores, hidden notes) are not part of this measurement.
    /// </summary>
    private static async Task Page(HttpClient client, string stream, string fragment, Action<int, long> has, CancellationToken stop)
    {
        await foreach (var (type, data) in Events(client, stream, stop))
        {
            if (type != "notes") continue;
            var at = Stopwatch.GetTimestamp();
            using var json = JsonDocument.Parse(data);
            if (json.RootElement.TryGetProperty("note", out var note))
            {
                if (NoteNumber(note.GetProperty("text").GetString()!) is { } n) has(n, at);
            }
            else if (!json.RootElement.TryGetProperty("later", out _))
            {
                _ = Fetch(client, fragment, stop).ContinueWith(t =>
                {
                    if (t.IsCompletedSuccessfully) foreach (var n in NotesIn(t.Result)) has(n, Stopwatch.GetTimestamp());
                }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>The projector: its stream, and its stage fetched as live.js does (the first change at once, then at most every 250 ms).</summary>
    private static async Task Projector(HttpClient client, string workshop, long[] onStream, long[] onStage, CancellationToken stop)
    {
        var fetching = 0;
        var again = 0;
        async Task FetchStage()
        {
            do
            {
                Volatile.Write(ref again, 0);
                var started = Stopwatch.GetTimestamp();
                var html = await Fetch(client, $"/w/{workshop}/presenteren?handler=Stage", stop);
                var at = Stopwatch.GetTimestamp();
                foreach (var n in NotesIn(html)) Interlocked.CompareExchange(ref onStage[n], at, 0);
                var rest = 250 - Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (Volatile.Read(ref again) == 1 && rest > 0) await Task.Delay(TimeSpan.FromMilliseconds(rest), stop);
            }
            while (Volatile.Read(ref again) == 1 && !stop.IsCancellationRequested);
            Volatile.Write(ref fetching, 0);
        }

        await foreach (var (type, _) in Events(client, $"/w/{workshop}/live", stop))
        {
            if (type != "notes") continue;
            var at = Stopwatch.GetTimestamp();
            for (var n = 0; n < onStream.Length; n++)
            {
                if (Interlocked.CompareExchange(ref onStream[n], at, 0) == 0) break; // events come in order of the posts, roughly
            }

            Volatile.Write(ref again, 1);
            if (Interlocked.Exchange(ref fetching, 1) == 0) _ = Task.Run(FetchStage, stop);
        }
    }

    private static async Task<string> Fetch(HttpClient client, string url, CancellationToken stop)
    {
        using var response = await client.GetAsync(url, stop);
        return await response.Content.ReadAsStringAsync(stop);
    }

    private static IEnumerable<int> NotesIn(string html) => NoteText().Matches(html).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));

    private static int? NoteNumber(string text) => NoteText().Match(text) is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>The events of a stream as (type, data), until it ends or <paramref name="stop"/>.</summary>
    private static async IAsyncEnumerable<(string Type, string Data)> Events(HttpClient client, string url, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken stop)
    {
        HttpResponseMessage response;
        try
        {
            response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, stop);
        }
        catch (Exception e) when (e is OperationCanceledException or HttpRequestException)
        {
            yield break;
        }

        using (response)
        {
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(stop));
            string? type = null, data = null;
            while (true)
            {
                string? line;
                try
                {
                    line = await reader.ReadLineAsync(stop);
                }
                catch (Exception e) when (e is OperationCanceledException or HttpRequestException or IOException)
                {
                    yield break;
                }

                if (line is null) yield break;
                if (line.StartsWith("event: ", StringComparison.Ordinal)) type = line[7..];
                else if (line.StartsWith("data: ", StringComparison.Ordinal)) data = line[6..];
                else if (line.Length == 0 && type is not null)
                {
                    yield return (type, data ?? "{}");
                    (type, data) = (null, null);
                }
            }
        }
    }

    [GeneratedRegex(@"Meetnotitie (\d+)\.")]
    private static partial Regex NoteText();
}
