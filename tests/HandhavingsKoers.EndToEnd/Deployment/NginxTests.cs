using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using HandhavingsKoers.Web.Pages.Present;

namespace HandhavingsKoers.EndToEnd.Deployment;

/// <summary>
/// The app behind a real nginx with the documented configuration (deploy/nginx/handhavingskoers.conf), as an IT
/// department installs it: through the proxy, cookies are Secure, HSTS is sent, join links and QR codes say https,
/// the join rate limit counts per client, live updates arrive, and the proxy's log holds no facilitator key.
/// Each client comes from its own loopback address (127.0.0.x), so nginx sees different clients and says so in
/// X-Forwarded-For, as it would for people on the municipal network.
/// </summary>
public sealed partial class NginxTests
{
    private const string Host = "handhaving.test";

    [NginxFact]
    public async Task Behind_nginx_the_app_is_https_per_client_and_live()
    {
        await using var app = new LiveApp(new Dictionary<string, string?> { ["Security:JoinAttemptsPerMinute"] = "3" });
        using var nginx = await Nginx.StartAsync(new Uri(app.BaseUrl).Port);
        var proxy = $"http://127.0.0.1:{nginx.Port}";

        // Start a workshop: Secure cookies and HSTS on every answer, https links.
        using var facilitator = new Client(proxy, "127.0.0.2");
        var form = await facilitator.GetAsync("/starten");
        Assert.Contains("max-age=", form.Headers["Strict-Transport-Security"], StringComparison.Ordinal);
        var started = await facilitator.PostAsync("/starten", form.Body,
            ("Input.Gemeente", "Gemeente Proxy"), ("Input.Title", "Achter nginx"), ("Input.Date", "2026-11-22"), ("Input.EditionKey", "praatplaat-2024"));
        Assert.Equal(HttpStatusCode.OK, started.Status);
        Assert.NotEmpty(facilitator.SetCookies);
        Assert.All(facilitator.SetCookies, cookie => Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase));
        var workshop = WorkshopId().Match(started.Path).Groups[1].Value;
        var code = JoinCodeText().Match(started.Body).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
        var link = FacilitatorLink().Match(started.Body).Groups[1].Value;
        Assert.StartsWith($"https://{Host}/w/{workshop}/begeleider?sleutel=", link, StringComparison.Ordinal);
        var join = $"https://{Host}/doemee/{code}";
        // The room panel shows the https join address as its link text (it may wrap before the code: <wbr>).
        Assert.Contains($">https://{Host}/doemee/<wbr><span class=\"unbroken\">{code}</span></a>", started.Body, StringComparison.Ordinal);

        // The presenter's QR code is the https join address.
        var presenter = await facilitator.GetAsync($"/w/{workshop}/presenteren");
        Assert.Contains(JoinQrCodes.Render(join), presenter.Body, StringComparison.Ordinal);

        // The facilitator link opened on another laptop: the key goes into a Secure cookie, and not into nginx's log.
        using var laptop = new Client(proxy, "127.0.0.3");
        var opened = await laptop.GetAsync(new Uri(link).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, opened.Status);
        Assert.Contains(laptop.SetCookies, c => c.StartsWith($"hk_begeleider_", StringComparison.Ordinal) && c.Contains("; secure", StringComparison.OrdinalIgnoreCase));

        // The join limit (3 a minute here) counts per client, also when a client claims another address.
        using var guesser = new Client(proxy, "127.0.0.4", spoofedFor: "198.51.100.99");
        using var colleague = new Client(proxy, "127.0.0.5");
        var joinForm = (await guesser.GetAsync("/doemee")).Body;
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await guesser.PostAsync("/doemee", joinForm, ("Code", "ZZZZZZ"))).Status);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await guesser.PostAsync("/doemee", joinForm, ("Code", "ZZZZZZ"))).Status);
        var joined = await colleague.PostAsync("/doemee", (await colleague.GetAsync("/doemee")).Body, ("Code", code), ("DisplayName", "Collega"));
        Assert.Equal(HttpStatusCode.OK, joined.Status);
        Assert.EndsWith($"/w/{workshop}/stap", joined.Path, StringComparison.Ordinal);

        // Live: the room moves on, the colleague's page listens through nginx, a note is posted: the event arrives.
        var facilitatorPage = (await facilitator.GetAsync($"/w/{workshop}/begeleider/welkom")).Body;
        Assert.Equal(HttpStatusCode.OK, (await facilitator.PostAsync($"/w/{workshop}/begeleider/welkom?handler=Move", facilitatorPage, ("target", "vertrouwen"))).Status);
        var stepPage = (await colleague.GetAsync($"/w/{workshop}/stap/vertrouwen")).Body;
        using var stream = await colleague.OpenStreamAsync($"/w/{workshop}/live");
        Assert.Equal("hello", await stream.NextEventAsync());
        var posted = await colleague.PostAsync($"/w/{workshop}/stap/vertrouwen?handler=AddNote", stepPage,
            ("Form.Column", "Already"), ("Form.ClientId", Guid.NewGuid().ToString()), ("Form.Text", "Door de proxy"));
        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Equal("notes", await stream.NextEventAsync());

        // Port 80 sends browsers to https.
        using var plain = new Client($"http://127.0.0.1:{nginx.RedirectPort}", "127.0.0.6");
        var redirected = await plain.GetAsync("/doemee", followRedirects: false);
        Assert.Equal(HttpStatusCode.MovedPermanently, redirected.Status);
        Assert.Equal($"https://{Host}/doemee", redirected.Headers["Location"]);

        var log = nginx.AccessLog;
        Assert.Contains($"GET /w/{workshop}/begeleider HTTP/1.1\" 302", log, StringComparison.Ordinal);
        Assert.DoesNotContain(new Uri(link).Query[("?sleutel=".Length)..], log, StringComparison.Ordinal);
    }

    [GeneratedRegex("/w/([0-9a-f-]{36})/")]
    private static partial Regex WorkshopId();

    [GeneratedRegex("class=\"join-code\">([^<]+)<")]
    private static partial Regex JoinCodeText();

    [GeneratedRegex("id=\"begeleiderslink\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex FacilitatorLink();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    /// <summary>
    /// One person's browser behind the proxy, from its own loopback address. It keeps cookies by name (also those
    /// marked Secure: the browser speaks HTTPS to the real proxy) and follows redirects itself, so it sees every
    /// Set-Cookie on the way.
    /// </summary>
    private sealed class Client : IDisposable
    {
        private readonly HttpClient _http;
        private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);
        private readonly string? _spoofedFor;

        public Client(string baseUrl, string localAddress, string? spoofedFor = null)
        {
            _spoofedFor = spoofedFor;
            var handler = new SocketsHttpHandler
            {
                UseCookies = false,
                AllowAutoRedirect = false,
                ConnectCallback = async (context, cancellationToken) =>
                {
                    var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    try
                    {
                        socket.Bind(new IPEndPoint(IPAddress.Parse(localAddress), 0));
                        await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                        return new NetworkStream(socket, ownsSocket: true);
                    }
                    catch
                    {
                        socket.Dispose();
                        throw;
                    }
                },
            };
            _http = new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
        }

        /// <summary>Every Set-Cookie header this browser received.</summary>
        public List<string> SetCookies { get; } = [];

        public Task<Answer> GetAsync(string path, bool followRedirects = true) =>
            SendAsync(new HttpRequestMessage(HttpMethod.Get, path), followRedirects);

        /// <summary>Posts the fields with the antiforgery token of the page the form was on.</summary>
        public Task<Answer> PostAsync(string path, string page, params (string Name, string Value)[] fields)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, path)
            {
                Content = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))
                    .Append(KeyValuePair.Create("__RequestVerificationToken", Token().Match(page).Groups[1].Value))),
            };
            return SendAsync(request, followRedirects: true);
        }

        public async Task<EventStream> OpenStreamAsync(string path)
        {
            var request = Prepare(new HttpRequestMessage(HttpMethod.Get, path));
            var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return new EventStream(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
        }

        public void Dispose() => _http.Dispose();

        private async Task<Answer> SendAsync(HttpRequestMessage request, bool followRedirects)
        {
            for (var hops = 0; ; hops++)
            {
                using var response = await _http.SendAsync(Prepare(request));
                Keep(response);
                var answer = new Answer(response.StatusCode, request.RequestUri!.OriginalString, await response.Content.ReadAsStringAsync(),
                    response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase));
                request.Dispose();
                if (!followRedirects || response.Headers.Location is null || hops > 5)
                {
                    return answer;
                }

                request = new HttpRequestMessage(HttpMethod.Get, response.Headers.Location);
            }
        }

        private HttpRequestMessage Prepare(HttpRequestMessage request)
        {
            request.Headers.Host = Host;
            if (_cookies.Count > 0)
            {
                request.Headers.TryAddWithoutValidation("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
            }

            if (_spoofedFor is not null)
            {
                request.Headers.TryAddWithoutValidation("X-Forwarded-For", _spoofedFor);
            }

            return request;
        }

        private void Keep(HttpResponseMessage response)
        {
            foreach (var cookie in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                SetCookies.Add(cookie);
                var pair = cookie.Split(';')[0];
                var name = pair[..pair.IndexOf('=', StringComparison.Ordinal)];
                var value = pair[(name.Length + 1)..];
                if (value.Length == 0)
                {
                    _cookies.Remove(name);
                }
                else
                {
                    _cookies[name] = value;
                }
            }
        }
    }

    private sealed record Answer(HttpStatusCode Status, string Path, string Body, Dictionary<string, string> Headers);

    /// <summary>A Server-Sent Events stream, read one event type at a time (pings skipped).</summary>
    private sealed class EventStream(HttpResponseMessage response, StreamReader reader) : IDisposable
    {
        public async Task<string> NextEventAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            while (await reader.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith("event: ", StringComparison.Ordinal) && line != "event: ping")
                {
                    return line["event: ".Length..];
                }
            }

            throw new EndOfStreamException("The stream ended.");
        }

        public void Dispose()
        {
            reader.Dispose();
            response.Dispose();
        }
    }
}
