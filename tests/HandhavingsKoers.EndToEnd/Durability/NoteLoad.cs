using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;

namespace HandhavingsKoers.EndToEnd.Durability;

/// <summary>
/// Many participants in several workshops writing notes at once over HTTP, as their pages' script does, with some
/// posts sent twice (a double click, a retry after a dropped answer). Records every note the server acknowledged.
/// </summary>
/// <param name="baseUrl">Where the participants send their requests (the app, or a proxy in front of instances).</param>
/// <param name="retries">
/// How often a post that got no answer, or a 502/503/504 from a proxy whose instance died, is sent again with the
/// same client id, as a participant presses again. Zero: such a note is simply not acknowledged.
/// </param>
public sealed partial class NoteLoad(string baseUrl, int retries = 0)
{
    private readonly Uri _base = new(baseUrl);

    /// <summary>Client ids of notes whose POST was answered with success.</summary>
    public ConcurrentDictionary<Guid, string> Acknowledged { get; } = new();

    public List<(string Workshop, HttpClient Client, string Page)> Participants { get; } = [];

    public async Task PrepareAsync(int workshops, int participantsPerWorkshop)
    {
        for (var w = 0; w < workshops; w++)
        {
            var facilitator = Client();
            var start = await facilitator.GetStringAsync("/starten");
            var started = await facilitator.PostAsync("/starten", Form(start, ("Input.Gemeente", $"Gemeente Last {w}"), ("Input.Title", "Belasting"), ("Input.Date", "2026-11-22"), ("Input.EditionKey", "praatplaat-2024")));
            var facilitatorPage = await started.Content.ReadAsStringAsync();
            var workshop = WorkshopId().Match(started.RequestMessage!.RequestUri!.AbsolutePath).Groups[1].Value;
            var code = JoinCodeText().Match(facilitatorPage).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
            (await facilitator.PostAsync($"/w/{workshop}/begeleider/welkom?handler=Move", Form(facilitatorPage, ("target", "vertrouwen")))).EnsureSuccessStatusCode();

            for (var p = 0; p < participantsPerWorkshop; p++)
            {
                var jar = new CookieContainer();
                var client = Client(jar);
                var join = await client.GetStringAsync("/doemee");
                (await client.PostAsync("/doemee", Form(join, ("Code", code), ("DisplayName", $"P{w}-{p}")))).EnsureSuccessStatusCode();
                var page = await client.GetStringAsync($"/w/{workshop}/stap/vertrouwen");
                Participants.Add((workshop, client, page));
                _jars[page] = jar;
            }
        }
    }

    /// <summary>Every participant writes <paramref name="notesEach"/> notes, all at once; every fifth is sent twice.</summary>
    public Task RunAsync(int notesEach, CancellationToken stop = default) =>
        Task.WhenAll(Participants.Select((p, index) => Task.Run(async () =>
        {
            for (var n = 0; n < notesEach && !stop.IsCancellationRequested; n++)
            {
                var id = Guid.NewGuid();
                var text = $"Notitie {index}-{n}";
                var copies = n % 5 == 0 ? 2 : 1;
                await Task.WhenAll(Enumerable.Range(0, copies).Select(_ => PostAsync(p.Workshop, p.Client, p.Page, id, text, stop)));
            }
        }, stop)));

    private async Task PostAsync(string workshop, HttpClient client, string page, Guid id, string text, CancellationToken stop)
    {
        for (var attempt = 0; attempt <= retries && !stop.IsCancellationRequested; attempt++)
        {
            if (await PostOnceAsync(workshop, client, page, id, text, stop) || attempt == retries)
            {
                return;
            }

            Interlocked.Increment(ref _retried);
            await Task.Delay(200, CancellationToken.None);
        }
    }

    private int _retried;

    /// <summary>Posts sent again after no answer or a proxy error.</summary>
    public int Retried => Volatile.Read(ref _retried);

    private async Task<bool> PostOnceAsync(string workshop, HttpClient client, string page, Guid id, string text, CancellationToken stop)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/w/{workshop}/stap/vertrouwen?handler=AddNote")
            {
                Content = Form(page, ("Form.Column", "Already"), ("Form.ClientId", id.ToString()), ("Form.Text", text)),
            };
            request.Headers.Add("X-Requested-With", "fetch");
            using var response = await client.SendAsync(request, stop);
            if (response.IsSuccessStatusCode)
            {
                Acknowledged[id] = text;
                return true;
            }

            if (retries > 0 && (int)response.StatusCode is 502 or 503 or 504)
            {
                return false;
            }
            else
            {
                throw new InvalidOperationException($"{(int)response.StatusCode} for {text}: {await response.Content.ReadAsStringAsync(stop)}");
            }
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
        {
            // The server went away (the crash test kills it): the note was not acknowledged.
            return false;
        }
    }

    private readonly Dictionary<string, CookieContainer> _jars = new(StringComparer.Ordinal);

    private HttpClient Client(CookieContainer? jar = null) => new(new SocketsHttpHandler { CookieContainer = jar ?? new CookieContainer() }) { BaseAddress = _base, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>The cookie jar of the participant whose page this is.</summary>
    public CookieContainer CookiesOf(string page) => _jars[page];

    internal static FormUrlEncodedContent Form(string page, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", Token().Match(page).Groups[1].Value)));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("/w/([0-9a-f-]{36})/")]
    internal static partial Regex WorkshopId();

    [GeneratedRegex("class=\"join-code\">([^<]+)<")]
    internal static partial Regex JoinCodeText();
}
