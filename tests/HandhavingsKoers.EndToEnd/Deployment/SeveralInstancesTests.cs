using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using HandhavingsKoers.EndToEnd.Durability;
using HandhavingsKoers.Tests.Infrastructure;
using Npgsql;

namespace HandhavingsKoers.EndToEnd.Deployment;

/// <summary>
/// Several instances on one PostgreSQL database, as real processes (the built app, <c>dotnet HandhavingsKoers.Web.dll</c>
/// in Production), behind a real nginx with round robin (issue 18, decision 0017): a note reaches the projector on
/// the other instance within a second; a form from one instance posts to the other; and when one instance is killed
/// under load, every acknowledged note is stored exactly once and the open pages reconnect through nginx and get
/// every event.
/// </summary>
public sealed partial class SeveralInstancesTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [PostgresAndNginxFact]
    public async Task A_note_on_one_instance_reaches_the_projector_on_the_other_within_a_second_and_forms_cross_over()
    {
        var database = PostgresServer.Shared.CreateDatabase();
        try
        {
            var started = await Task.WhenAll(Instance.StartAsync(database), Instance.StartAsync(database));
            await using var a = started[0];
            await using var b = started[1];

            // The facilitator's browser: one cookie jar, whichever instance answers.
            var facilitatorJar = new CookieContainer();
            using var facilitatorOnA = Client(a.Url, facilitatorJar);
            using var facilitatorOnB = Client(b.Url, facilitatorJar);
            var (workshop, code) = await StartWorkshopAsync(facilitatorOnA);

            // (b) A join form loaded from A and posted to B is accepted (the data-protection keys are the database's).
            var participantJar = new CookieContainer();
            using var participantOnA = Client(a.Url, participantJar);
            using var participantOnB = Client(b.Url, participantJar);
            var joinForm = await participantOnA.GetStringAsync("/doemee");
            using var joined = await participantOnB.PostAsync("/doemee", NoteLoad.Form(joinForm, ("Code", code), ("DisplayName", "Noor")));
            Assert.Equal(HttpStatusCode.OK, joined.StatusCode);
            Assert.Contains("Welkom", await joined.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var stepPage = await participantOnA.GetStringAsync($"/w/{workshop}/stap/vertrouwen");

            // (a) The projector is served by B: its page, then its stream from the id the page was rendered after.
            var presenter = await facilitatorOnB.GetStringAsync($"/w/{workshop}/presenteren");
            var live = WebUtility.HtmlDecode(LiveUrl().Match(presenter).Groups[1].Value);
            Assert.NotEmpty(live);
            using var stream = await Follower.OpenAsync(b.Url, live, facilitatorJar);
            Assert.Equal("hello", (await stream.NextAsync()).Type);

            var clock = Stopwatch.StartNew();
            using var posted = await PostNoteAsync(participantOnA, workshop, stepPage, "Van server A naar de beamer");
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
            var acknowledged = clock.Elapsed;
            var e = await stream.NextAsync();
            var arrived = clock.Elapsed;
            Assert.Equal("notes", e.Type);
            output.WriteLine($"Note posted on A: acknowledged after {acknowledged.TotalMilliseconds:0} ms, event on B's stream after {arrived.TotalMilliseconds:0} ms.");
            Assert.True(arrived - acknowledged < TimeSpan.FromSeconds(1), $"The event took {(arrived - acknowledged).TotalMilliseconds:0} ms after the answer.");

            // What the projector then fetches from B shows the note.
            Assert.Contains("Van server A naar de beamer", await facilitatorOnB.GetStringAsync($"/w/{workshop}/presenteren?handler=Stage"), StringComparison.Ordinal);
        }
        finally
        {
            PostgresServer.Shared.DropDatabase(database);
        }
    }

    [PostgresAndNginxFact]
    public async Task Fifty_people_through_nginx_while_one_instance_is_killed_lose_nothing_and_their_pages_catch_up()
    {
        var database = PostgresServer.Shared.CreateDatabase();
        try
        {
            var started = await Task.WhenAll(Instance.StartAsync(database), Instance.StartAsync(database));
            await using var a = started[0];
            await using var b = started[1];
            using var nginx = await Nginx.StartAsync([a.Port, b.Port], plainHttpToClients: true);
            var proxy = $"http://127.0.0.1:{nginx.Port}";

            var load = new NoteLoad(proxy, retries: 5);
            await load.PrepareAsync(workshops: 5, participantsPerWorkshop: 10);

            // Two open pages per workshop, through nginx: round robin puts them on both instances.
            var followers = new List<(string Workshop, Follower Stream)>();
            foreach (var group in load.Participants.GroupBy(p => p.Workshop))
            {
                foreach (var (workshop, _, page) in group.Take(2))
                {
                    var follower = await Follower.OpenAsync(proxy, WebUtility.HtmlDecode(LiveUrl().Match(page).Groups[1].Value), load.CookiesOf(page));
                    followers.Add((workshop, follower));
                }
            }

            using var following = new CancellationTokenSource();
            var reading = followers.Select(f => f.Stream.FollowAsync(proxy, following.Token)).ToList();

            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var running = load.RunAsync(notesEach: 20, stop.Token);
            await Task.Delay(1500);

            // SIGKILL: no shutdown, mid-request, mid-stream.
            await a.KillAsync();
            var beforeKill = load.Acknowledged.Count;
            await running;
            Assert.True(beforeKill < 1000, "The kill came after the load ended; it tested nothing.");
            Assert.False(load.Acknowledged.IsEmpty);
            output.WriteLine($"Acknowledged: {beforeKill} before the kill, {load.Acknowledged.Count} of 1000 in all; posts sent again: {load.Retried}.");

            // Every acknowledged note is stored, once.
            await using var db = new NpgsqlConnection(database);
            await db.OpenAsync();
            var stored = new List<Guid>();
            await using (var command = new NpgsqlCommand("""SELECT "Id" FROM "Notes" """, db))
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync()) stored.Add(reader.GetGuid(0));
            }

            var missing = load.Acknowledged.Keys.Except(stored).Count();
            Assert.True(missing == 0, $"{missing} acknowledged notes are not stored.");
            Assert.Equal(stored.Count, stored.Distinct().Count());
            await using (var texts = new NpgsqlCommand("""SELECT count(*) - count(DISTINCT "Text") FROM "Notes" """, db))
            {
                Assert.Equal(0L, (long)(await texts.ExecuteScalarAsync())!);
            }

            // Every page got every event of its workshop since it opened, in order, no gaps, no reset: those whose
            // stream was on A reconnected through nginx (to B) with Last-Event-ID and caught up from the table. (These
            // are participants' pages, which are not sent who joined: WorkshopEvent.Reaches.)
            foreach (var (workshop, follower) in followers)
            {
                await using var events = new NpgsqlCommand("""SELECT "Id" FROM "LiveEvents" WHERE "WorkshopId" = $1 AND "Id" > $2 AND "Type" <> 'participants' ORDER BY "Id" """, db)
                {
                    Parameters = { new() { Value = Guid.Parse(workshop) }, new() { Value = follower.FirstId } },
                };
                var ids = new List<long>();
                await using (var reader = await events.ExecuteReaderAsync())
                {
                    while (await reader.ReadAsync()) ids.Add(reader.GetInt64(0));
                }

                await follower.WaitForAsync(ids.Count == 0 ? follower.FirstId : ids[^1], TimeSpan.FromSeconds(15));
                Assert.False(follower.SawReset, "A page was told to start afresh.");
                Assert.Equal(ids, follower.Ids);
            }

            var reconnected = followers.Count(f => f.Stream.Reconnects > 0);
            output.WriteLine($"Pages that reconnected after the kill: {reconnected} of {followers.Count}.");
            Assert.True(reconnected > 0, "No page was on the killed instance; the test tested nothing.");

            await following.CancelAsync();
            await Task.WhenAll(reading).ContinueWith(_ => { }, TaskScheduler.Default);
            foreach (var (_, follower) in followers) follower.Dispose();
        }
        finally
        {
            PostgresServer.Shared.DropDatabase(database);
        }
    }

    private static HttpClient Client(string baseUrl, CookieContainer jar) =>
        new(new SocketsHttpHandler { CookieContainer = jar }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };

    private static async Task<(string Workshop, string Code)> StartWorkshopAsync(HttpClient facilitator)
    {
        var start = await facilitator.GetStringAsync("/starten");
        using var started = await facilitator.PostAsync("/starten", NoteLoad.Form(start, ("Input.Gemeente", "Gemeente Tweeling"), ("Input.Title", "Twee servers"), ("Input.Date", "2026-11-22"), ("Input.EditionKey", "praatplaat-2024")));
        var page = await started.Content.ReadAsStringAsync();
        var workshop = NoteLoad.WorkshopId().Match(started.RequestMessage!.RequestUri!.AbsolutePath).Groups[1].Value;
        var code = NoteLoad.JoinCodeText().Match(page).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
        using var moved = await facilitator.PostAsync($"/w/{workshop}/begeleider/welkom?handler=Move", NoteLoad.Form(page, ("target", "vertrouwen")));
        moved.EnsureSuccessStatusCode();
        return (workshop, code);
    }

    private static async Task<HttpResponseMessage> PostNoteAsync(HttpClient participant, string workshop, string page, string text)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/w/{workshop}/stap/vertrouwen?handler=AddNote")
        {
            Content = NoteLoad.Form(page, ("Form.Column", "Already"), ("Form.ClientId", Guid.NewGuid().ToString()), ("Form.Text", text)),
        };
        request.Headers.Add("X-Requested-With", "fetch");
        return await participant.SendAsync(request);
    }

    [GeneratedRegex("data-live=\"([^\"]+)\"")]
    private static partial Regex LiveUrl();

    /// <summary>One instance: the built app as its own process, in Production, on PostgreSQL, on a free port.</summary>
    private sealed class Instance : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly string _folder;

        private Instance(Process process, string folder, string url)
        {
            _process = process;
            _folder = folder;
            Url = url;
        }

        public string Url { get; }

        public int Port => new Uri(Url).Port;

        public static async Task<Instance> StartAsync(string database)
        {
            var folder = Path.Combine(Path.GetTempPath(), "hk-instances", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment =
                {
                    ["ASPNETCORE_ENVIRONMENT"] = "Production",
                    ["Storage__Provider"] = "PostgreSQL",
                    ["ConnectionStrings__Postgres"] = database,
                    ["Serilog__WriteTo__File__Args__path"] = Path.Combine(folder, "logs", "hk-.log"),
                },
            };
            foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "HandhavingsKoers.Web.dll"), "--urls", "http://127.0.0.1:0", "--contentRoot", AppContext.BaseDirectory })
            {
                start.ArgumentList.Add(arg);
            }

            var process = Process.Start(start)!;
            var lines = new ConcurrentQueue<string>();
            var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            void Received(string? line)
            {
                if (line is null) return;
                lines.Enqueue(line);
                var at = line.IndexOf("Now listening on: ", StringComparison.Ordinal);
                if (at >= 0) listening.TrySetResult(line[(at + 18)..].Trim());
            }

            process.OutputDataReceived += (_, e) => Received(e.Data);
            process.ErrorDataReceived += (_, e) => Received(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var first = await Task.WhenAny(listening.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(60)));
            Assert.True(first == listening.Task, "The instance did not start:\n" + string.Join('\n', lines));
            return new Instance(process, folder, (await listening.Task).TrimEnd('/'));
        }

        public async Task KillAsync()
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                await KillAsync();
            }

            _process.Dispose();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}

/// <summary>
/// An open page's event stream, as the browser's EventSource keeps it: it reconnects after a drop (one second later,
/// as the server asks) with Last-Event-ID, and records the ids of the events it got.
/// </summary>
internal sealed class Follower : IDisposable
{
    private readonly HttpClient _client;
    private readonly ConcurrentQueue<(string Type, long? Id)> _events = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private StreamReader _reader;
    private HttpResponseMessage _response;
    private string _path;

    private Follower(HttpClient client, HttpResponseMessage response, StreamReader reader, string path, long firstId)
    {
        _client = client;
        _response = response;
        _reader = reader;
        _path = path;
        FirstId = firstId;
        LastId = firstId;
    }

    /// <summary>The id the page was rendered after (its <c>lastEventId</c>).</summary>
    public long FirstId { get; }

    public long LastId { get; private set; }

    public List<long> Ids { get; } = [];

    public bool SawReset { get; private set; }

    public int Reconnects { get; private set; }

    public static async Task<Follower> OpenAsync(string baseUrl, string live, CookieContainer jar)
    {
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = jar }) { BaseAddress = new Uri(baseUrl), Timeout = Timeout.InfiniteTimeSpan };
        var first = long.Parse(Regex.Match(live, "lastEventId=(\\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
        var response = await client.GetAsync(live, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        var path = live.Split('?')[0];
        return new Follower(client, response, new StreamReader(await response.Content.ReadAsStreamAsync()), path, first);
    }

    /// <summary>The next event other than a ping (for a test that reads the stream itself).</summary>
    public async Task<(string Type, long? Id)> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var e = await ReadEventAsync(timeout.Token) ?? throw new InvalidOperationException("The stream ended.");
            if (e.Type != "ping") return e;
        }
    }

    /// <summary>Reads until cancelled, reconnecting like EventSource.</summary>
    public async Task FollowAsync(string baseUrl, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                while (await ReadEventAsync(cancellationToken) is { } e)
                {
                    if (e.Id is { } id && e.Type is not ("hello" or "ping"))
                    {
                        if (e.Type == "reset") SawReset = true;
                        Ids.Add(id);
                        LastId = id;
                        _arrived.Release();
                    }
                }
            }
            catch (Exception e) when (e is HttpRequestException or IOException)
            {
            }
            catch (OperationCanceledException)
            {
                return;
            }

            // Dropped: again through the proxy, a second later, from the last event seen.
            await Task.Delay(1000, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            while (!cancellationToken.IsCancellationRequested)
            {
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, _path);
                    request.Headers.Add("Last-Event-ID", LastId.ToString(CultureInfo.InvariantCulture));
                    var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                    if (!response.IsSuccessStatusCode)
                    {
                        response.Dispose();
                        await Task.Delay(1000, cancellationToken);
                        continue;
                    }

                    _response.Dispose();
                    _response = response;
                    _reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
                    Reconnects++;
                    break;
                }
                catch (Exception e) when (e is HttpRequestException or IOException)
                {
                    await Task.Delay(1000, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Waits until the event with <paramref name="id"/> (or a later one) arrived.</summary>
    public async Task WaitForAsync(long id, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (LastId < id && DateTime.UtcNow < until)
        {
            await _arrived.WaitAsync(TimeSpan.FromMilliseconds(100));
        }
    }

    private async Task<(string Type, long? Id)?> ReadEventAsync(CancellationToken cancellationToken)
    {
        string? type = null;
        long? id = null;
        while (await _reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal)) type = line[7..];
            else if (line.StartsWith("id: ", StringComparison.Ordinal)) id = long.Parse(line[4..], CultureInfo.InvariantCulture);
            else if (line.Length == 0 && type is not null) return (type, id);
        }

        return null;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _response.Dispose();
        _client.Dispose();
        _arrived.Dispose();
    }
}

/// <summary>Needs PostgreSQL's server programs and nginx: skipped without them unless HK_REQUIRE_POSTGRES=1 / HK_REQUIRE_NGINX=1.</summary>
public sealed class PostgresAndNginxFactAttribute : FactAttribute
{
    public PostgresAndNginxFactAttribute()
    {
        if (PostgresServer.SkipReason is { } reason)
        {
            Skip = reason;
        }
        else if (!File.Exists(Nginx.Binary) && Environment.GetEnvironmentVariable("HK_REQUIRE_NGINX") != "1")
        {
            Skip = $"nginx is not installed at {Nginx.Binary} (apt-get install nginx).";
        }
    }
}
