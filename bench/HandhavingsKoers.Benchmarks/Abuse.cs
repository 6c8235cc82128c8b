using System.Diagnostics;

namespace HandhavingsKoers.Benchmarks;

/// <summary>
/// Speed under abuse: four clients fetch the council report of a 1000-note workshop in a loop while a room of
/// participants in another workshop goes on (a note and a reload every second each). Reports the room's page
/// latencies and the server's peak memory.
/// <c>dotnet run -c Release --project bench/HandhavingsKoers.Benchmarks -- abuse [participants] [seconds]</c>
/// </summary>
public static class Abuse
{
    private const int Abusers = 4;

    public static async Task RunAsync(int participants, int seconds)
    {
        using var server = await ServerProcess.StartAsync();
        var baseUri = new Uri(server.Url);

        // The workshop whose report is fetched: 1000 notes from 10 participants.
        var (_, big, bigCode) = await WebForms.StartWorkshopAsync(baseUri);
        var writers = new List<(HttpClient Client, string Page)>();
        for (var i = 0; i < 10; i++)
        {
            writers.Add(await WebForms.JoinAsync(baseUri, big, bigCode, $"Schrijver {i}"));
        }

        await Task.WhenAll(writers.Select((w, i) => Task.Run(async () =>
        {
            for (var n = 0; n < 100; n++)
            {
                using var response = await w.Client.SendAsync(WebForms.NotePost(big, w.Page, $"Notitie {i}-{n}: wij bellen eerst, en sturen pas daarna een brief met uitleg in gewone taal."));
                response.EnsureSuccessStatusCode();
            }
        })));

        // The room that must not notice.
        var (_, room, roomCode) = await WebForms.StartWorkshopAsync(baseUri);
        var people = new List<(HttpClient Client, string Page)>();
        for (var i = 0; i < participants; i++)
        {
            people.Add(await WebForms.JoinAsync(baseUri, room, roomCode, $"Deelnemer {i}"));
        }

        using var stop = new CancellationTokenSource();
        var pdfs = 0;
        var abuse = writers.Take(Abusers).Select(w => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var pdf = await w.Client.GetByteArrayAsync($"/w/{big}/samenvatting?handler=Pdf", stop.Token);
                    if (pdf.Length > 0) Interlocked.Increment(ref pdfs);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        })).ToList();

        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var errors = 0;
        var until = DateTime.UtcNow.AddSeconds(seconds);
        await Task.WhenAll(people.Select((p, index) => Task.Run(async () =>
        {
            await Task.Delay(Random.Shared.Next(1000));
            var n = 0;
            while (DateTime.UtcNow < until)
            {
                var second = Task.Delay(1000);
                await Timed(() => p.Client.SendAsync(WebForms.NotePost(room, p.Page, $"Notitie {index}-{n++}")));
                await Timed(() => p.Client.GetAsync($"/w/{room}/stap/vertrouwen"));
                await second;
            }
        })));
        await stop.CancelAsync();
        await Task.WhenAll(abuse);

        async Task Timed(Func<Task<HttpResponseMessage>> send)
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

            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        var sorted = latencies.Order().ToList();
        double P(double q) => Percentiles.Of(sorted, q);
        Console.WriteLine($"Abuse: {Abusers} clients fetching the PDF of a 1000-note workshop in a loop ({pdfs} PDFs served) while {participants} participants of another workshop each post a note and reload every second, {seconds} s:");
        Console.WriteLine($"  the room's {sorted.Count} requests, {errors} errors; p50 {P(0.5):0.0} ms, p95 {P(0.95):0.0} ms, p99 {P(0.99):0.0} ms; server peak memory {server.PeakMegabytes():0} MB");
    }
}
