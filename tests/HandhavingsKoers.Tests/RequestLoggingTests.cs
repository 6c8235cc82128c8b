using System.Net;
using System.Text.RegularExpressions;
using HandhavingsKoers.Tests.Infrastructure;

namespace HandhavingsKoers.Tests;

/// <summary>
/// What an operator reads in the log file: one line per request with its method, path, status and time, and never
/// the facilitator's key (it travels in the query string of the secret link).
/// </summary>
public sealed partial class RequestLoggingTests
{
    [Fact]
    public async Task Each_request_is_one_line_with_its_status_and_time_and_the_facilitator_key_never_is()
    {
        // On a real port: the in-memory test server leaves the raw request line (with its query string) empty, Kestrel
        // does not, so only there would a middleware that logs the raw target show the key.
        await using var app = AppFactory.Fresh().OnRealPort();
        using var facilitator = app.NewUser();
        var workshop = await facilitator.StartWorkshopAsync(); // GET /starten, POST /starten (302), GET the facilitator page
        var key = new Uri(workshop.FacilitatorLink).Query["?sleutel=".Length..];
        var page = $"/w/{workshop.Id}/begeleider";

        // A laptop opens the secret link (the key goes into a cookie, 302 to the bare address), follows it, and asks
        // for a page that does not exist with the key in its query string too (the 404 page is re-executed inside
        // that same request).
        using var laptop = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = app.ClientOptions.BaseAddress,
        };
        using (var link = await laptop.GetAsync(workshop.FacilitatorLink))
        {
            Assert.Equal(HttpStatusCode.Redirect, link.StatusCode);
        }

        using (var bare = await laptop.GetAsync(page))
        {
            Assert.Equal(HttpStatusCode.OK, bare.StatusCode);
        }

        using (var missing = await laptop.GetAsync("/bestaat-niet?sleutel=" + key))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        var log = await ReadLogAsync(app.Folder, until: l => l.Contains("/bestaat-niet", StringComparison.Ordinal));
        Assert.DoesNotContain(key, log, StringComparison.Ordinal);
        Assert.DoesNotContain("sleutel", log, StringComparison.OrdinalIgnoreCase);

        var requests = log.Split('\n').Select(l => RequestLine().Match(l)).Where(m => m.Success)
            .Select(m => (Level: m.Groups["level"].Value, Method: m.Groups["method"].Value, Path: m.Groups["path"].Value, Status: m.Groups["status"].Value))
            .ToList();
        Assert.Equal(
            [
                ("INF", "GET", "/starten", "200"),
                ("INF", "POST", "/starten", "302"),
                ("INF", "GET", page, "200"),
                ("INF", "GET", page, "302"),
                ("INF", "GET", page, "200"),
                ("INF", "GET", "/bestaat-niet", "404"),
            ],
            requests);
    }

    /// <summary>A co-facilitator's or notulist's link (decision 0021) uses the same parameter: its key stays out of the log, also when it is refused.</summary>
    [Fact]
    public async Task A_shared_link_is_never_in_the_log_when_it_opens_or_is_refused_after_revoking()
    {
        await using var app = AppFactory.Fresh().OnRealPort();
        using var facilitator = app.NewUser();
        var workshop = await facilitator.StartWorkshopAsync();
        var page = await facilitator.OpenAsync(workshop.FacilitatorUrl("welkom"));
        var invite = page.Document.QuerySelectorAll("form").OfType<AngleSharp.Html.Dom.IHtmlFormElement>().First(f => f.Action.EndsWith("handler=Invite", StringComparison.Ordinal));
        var made = await facilitator.SubmitAsync(invite, new Dictionary<string, string> { ["Invite.Role"] = "Notulist", ["Invite.ForWhom"] = "Iris" });
        var link = ((AngleSharp.Html.Dom.IHtmlInputElement)made.Document.QuerySelector("#gedeelde-link")!).Value;
        var key = link[(link.IndexOf("sleutel=", StringComparison.Ordinal) + "sleutel=".Length)..];

        using var laptop = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = app.ClientOptions.BaseAddress,
        };
        using (var opened = await laptop.GetAsync(link))
        {
            Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        }

        var revoke = made.Document.QuerySelectorAll("form").OfType<AngleSharp.Html.Dom.IHtmlFormElement>().First(f => f.Action.EndsWith("handler=RevokeLink", StringComparison.Ordinal));
        await facilitator.SubmitAsync(revoke);
        using (var refused = await laptop.GetAsync(link))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using (var marker = await laptop.GetAsync("/bestaat-niet"))
        {
            Assert.Equal(HttpStatusCode.NotFound, marker.StatusCode);
        }

        var log = await ReadLogAsync(app.Folder, until: l => l.Contains("/bestaat-niet", StringComparison.Ordinal));
        Assert.Contains("shared facilitator link", log, StringComparison.Ordinal);
        Assert.DoesNotContain(key, log, StringComparison.Ordinal);
        Assert.DoesNotContain("sleutel", log, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Test hosts in one process (and the app's own commands) each have their own logger: none of them sets or closes
    /// the static <c>Log.Logger</c>, so stopping one host does not silence another or send its lines elsewhere.
    /// </summary>
    [Fact]
    public async Task Two_hosts_in_one_process_log_to_their_own_files_and_stopping_one_leaves_the_other_logging()
    {
        var first = AppFactory.Fresh();
        await using var second = AppFactory.Fresh();
        using (var client = first.CreateClient())
        {
            (await client.GetAsync("/eerste-host")).Dispose();
        }

        using var other = second.CreateClient();
        (await other.GetAsync("/tweede-host")).Dispose();
        await first.DisposeAsync();
        (await other.GetAsync("/na-de-eerste")).Dispose();

        var firstLog = await ReadLogAsync(first.Folder, until: l => l.Contains("Application is shutting down", StringComparison.Ordinal));
        var secondLog = await ReadLogAsync(second.Folder, until: l => l.Contains("/na-de-eerste", StringComparison.Ordinal));
        Assert.Contains("HTTP GET /eerste-host responded 404", firstLog, StringComparison.Ordinal);
        Assert.DoesNotContain("/tweede-host", firstLog, StringComparison.Ordinal);
        Assert.Contains("HTTP GET /tweede-host responded 404", secondLog, StringComparison.Ordinal);
        Assert.Contains("HTTP GET /na-de-eerste responded 404", secondLog, StringComparison.Ordinal);
        Assert.DoesNotContain("/eerste-host", secondLog, StringComparison.Ordinal);
        Assert.DoesNotContain("Application is shutting down", secondLog, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\[(?<level>[A-Z]{3})\] HTTP (?<method>[A-Z]+) (?<path>\S+) responded (?<status>\d{3}) in \d+\.\d ms\r?$")]
    private static partial Regex RequestLine();

    /// <summary>
    /// The log files of one installation. A request's line is written when the request has finished, which can be just
    /// after its client got the response: wait (briefly) for the line the test expects last.
    /// </summary>
    private static async Task<string> ReadLogAsync(string folder, Func<string, bool> until)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (true)
        {
            var log = string.Concat(Directory.GetFiles(Path.Combine(folder, "logs")).Select(f =>
            {
                using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                using var reader = new StreamReader(stream);
                return reader.ReadToEnd();
            }));
            if (log.Split('\n').Any(until) || DateTime.UtcNow > deadline)
            {
                return log;
            }

            await Task.Delay(50);
        }
    }
}
