using System.Net;
using AngleSharp;
using AngleSharp.Html.Dom;
using HandhavingsKoers.Tests.Infrastructure;
using HandhavingsKoers.Tests.Pages.Conclude;
using HandhavingsKoers.Tests.Pdf;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HandhavingsKoers.Tests.Pages.Public;

/// <summary>
/// The published report: anyone with the link reads it without any cookie (none sent, none set); it shows no names,
/// no participant's own actions, no notes still hidden and no scores never revealed; revoking it, or its last day
/// passing, makes the link answer "niet meer beschikbaar" (410) at once, exactly as an unknown or guessed link does.
/// </summary>
public sealed class PublicReportTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero));
    private AppFactory _app = null!;
    private User _facilitator = null!;
    private Journey.StartedWorkshop _workshop = null!;

    public async Task InitializeAsync()
    {
        _app = new AppFactory(AppFactory.NewFolder(), services: s => s.AddSingleton<TimeProvider>(_clock));
        _facilitator = _app.NewUser();
        using var sanne = _app.NewUser();
        using var piet = _app.NewUser();
        _workshop = await _facilitator.StartWorkshopAsync("Gemeente Zuidwolde", "Sessie voor de raad", "2026-11-22");
        await sanne.JoinAsync(_workshop.JoinCode, "Sanne Jansen");
        await piet.JoinAsync(_workshop.JoinCode, "Piet de Vries");

        // On the first principle the room sees the notes; its scores are never revealed.
        await _facilitator.MoveRoomAsync(_workshop, "vertrouwen");
        await sanne.AddNoteAsync(_workshop.ParticipantUrl("vertrouwen"), "Todo", "We bellen eerst, dan pas een brief");
        await piet.ScoreAsync(_workshop.ParticipantUrl("vertrouwen"), 5);

        // On the second, the room writes in silence and the notes are never revealed.
        await _facilitator.MoveRoomAsync(_workshop, "preventie");
        await _facilitator.PressAsync(_workshop.FacilitatorUrl("preventie"), "Hide");
        await piet.AddNoteAsync(_workshop.ParticipantUrl("preventie"), "Todo", "Stil geschreven en nooit getoond");

        // Each participant's own three actions are theirs, not the public's.
        await _facilitator.MoveRoomAsync(_workshop, "acties");
        var actions = await sanne.OpenAsync(_workshop.ParticipantUrl("acties"));
        await sanne.SubmitAsync(actions.FormWith("#actie-1"), new Dictionary<string, string> { ["Actions[0]"] = "Mijn eigen actie voor morgen" });
        await _facilitator.AddTeamActionAsync(_workshop, "Beleidsregel herschrijven", "Teamleider handhaving", "2027-03-31");

        await _facilitator.CloseAsync(_workshop);
        await _facilitator.ConcludeAsync(_workshop, "vertrouwen", "Het team vertrouwt inwoners en legt dat nu vast.",
            ["We bellen eerst, dan pas een brief"], "De samenvatting voor het college.");

        // The facilitator also picks the hidden note as a kernpunt: it still stays out of the public page.
        await _facilitator.ConcludeAsync(_workshop, "preventie", "Preventie krijgt meer aandacht.", ["Stil geschreven en nooit getoond"]);
    }

    public async Task DisposeAsync()
    {
        _facilitator.Dispose();
        await _app.DisposeAsync();
    }

    /// <summary>A browser without any cookie jar: it cannot send a cookie, and keeps none it is given.</summary>
    private HttpClient Stranger() => _app.CreateDefaultClient();

    [Fact]
    public async Task The_public_page_opens_without_cookies_sets_none_and_shows_no_names_or_hidden_content()
    {
        var link = await _facilitator.PublishAsync(_workshop);
        Assert.Matches("^http://localhost/openbaar/[A-Za-z0-9_-]{43}$", link);

        using var stranger = Stranger();
        using var response = await stranger.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.RequestMessage!.Headers.Contains("Cookie") ? "a cookie was sent" : null);
        Assert.False(response.Headers.Contains("Set-Cookie"), "The public page set a cookie: " + string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var c) ? c : []));
        Assert.Contains("noindex", string.Join(",", response.Headers.GetValues("X-Robots-Tag")), StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());

        var html = await response.Content.ReadAsStringAsync();
        var document = (IHtmlDocument)await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html));
        Assert.Equal("noindex, nofollow", document.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
        Assert.Empty(document.QuerySelectorAll("form"));
        var text = document.Body!.TextContent;
        Assert.Contains("Het team vertrouwt inwoners en legt dat nu vast.", text, StringComparison.Ordinal);
        Assert.Contains("De samenvatting voor het college.", text, StringComparison.Ordinal);
        Assert.Contains("We bellen eerst, dan pas een brief", text, StringComparison.Ordinal);
        Assert.Contains("Preventie krijgt meer aandacht.", text, StringComparison.Ordinal);
        Assert.Contains("Beleidsregel herschrijven", text, StringComparison.Ordinal);
        AssertNothingPrivate(text);

        // The PDF offered on the page: no cookie either, no names, and its QR code and link lead back to this page.
        var pdfLink = document.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).Single(h => h.Contains("handler=Pdf", StringComparison.Ordinal));
        using var pdf = await stranger.GetAsync(pdfLink);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.False(pdf.Headers.Contains("Set-Cookie"));
        var inspector = new PdfInspector(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains(inspector.Links(), l => l.Uri == link);
        if (inspector.ExtractText() is { } pdfText)
        {
            Assert.Contains("We bellen eerst, dan pas een brief", pdfText.Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);
            AssertNothingPrivate(pdfText);

            // Participants' own actions are left out for the public by rule; the report does not claim there were none.
            Assert.DoesNotContain("Niemand heeft acties opgeschreven.", pdfText.Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        }

        // The Word version too: no cookie, no names.
        var wordLink = document.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).Single(h => h.Contains("handler=Word", StringComparison.Ordinal));
        using var word = await stranger.GetAsync(wordLink);
        Assert.Equal(HttpStatusCode.OK, word.StatusCode);
        Assert.EndsWith(".docx", word.Content.Headers.ContentDisposition?.FileNameStar ?? word.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        Assert.False(word.Headers.Contains("Set-Cookie"));
        using (var docx = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await word.Content.ReadAsByteArrayAsync()), false))
        {
            var wordText = docx.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains("Het team vertrouwt inwoners en legt dat nu vast.", wordText, StringComparison.Ordinal);
            AssertNothingPrivate(wordText);
            Assert.DoesNotContain("Niemand heeft acties opgeschreven.", wordText, StringComparison.Ordinal);
        }

        // The facilitator's own PDF (this browser made the link) points to the public page too.
        var facilitatorPdf = new PdfInspector(await _facilitator.Client.GetByteArrayAsync(_workshop.SummaryUrl + "?handler=Pdf"));
        Assert.Contains(facilitatorPdf.Links(), l => l.Uri == link);
    }

    [Fact]
    public async Task A_host_header_of_the_visitors_choosing_neither_steers_the_qr_code_nor_forces_a_fresh_render()
    {
        var link = await _facilitator.PublishAsync(_workshop);
        using var stranger = Stranger();

        // Two renders of one report differ (PDFsharp stamps each file), so equal bytes mean the second came from the cache.
        var first = await GetWithHostAsync(stranger, link + "?handler=Pdf", "localhost");
        foreach (var host in new[] { "ander.example", "nog-een.example:8080", "127.0.0.1" })
        {
            var again = await GetWithHostAsync(stranger, link + "?handler=Pdf", host);
            Assert.Equal(first, again);
            Assert.Contains(new PdfInspector(again).Links(), l => l.Uri == link);
        }

        var word = await GetWithHostAsync(stranger, link + "?handler=Word", "ander.example");
        Assert.Equal(word, await GetWithHostAsync(stranger, link + "?handler=Word", "weer-een-ander.example"));
    }

    private static async Task<byte[]> GetWithHostAsync(HttpClient client, string url, string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        Assert.True(request.Headers.TryAddWithoutValidation("Host", host));
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static void AssertNothingPrivate(string text)
    {
        foreach (var name in new[] { "Sanne", "Piet", "Jansen", "Vries" })
        {
            Assert.DoesNotContain(name, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Stil geschreven en nooit getoond", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Mijn eigen actie voor morgen", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Mediaan", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoking_makes_the_link_answer_410_at_once_like_an_unknown_or_guessed_link()
    {
        var link = await _facilitator.PublishAsync(_workshop);
        using var stranger = Stranger();
        Assert.Equal(HttpStatusCode.OK, (await stranger.GetAsync(link)).StatusCode);

        // A guess: the real token with one character changed, and a random one of the same form.
        var token = link[(link.LastIndexOf('/') + 1)..];
        var guessed = link[..^1] + (token[^1] == 'A' ? 'B' : 'A');
        var unknown = "/openbaar/" + new string('x', 43);
        var (unknownStatus, unknownText) = await GetAsync(stranger, unknown);
        Assert.Equal(HttpStatusCode.Gone, unknownStatus);
        Assert.Contains("Dit verslag is niet meer beschikbaar.", unknownText, StringComparison.Ordinal);
        Assert.Equal((unknownStatus, unknownText), await GetAsync(stranger, guessed));
        Assert.Equal((unknownStatus, unknownText), await GetAsync(stranger, "/openbaar/" + new string('y', 500)));

        var revoked = await _facilitator.RevokeAsync(_workshop);
        Assert.Contains("De openbare link is ingetrokken.", revoked.Text, StringComparison.Ordinal);
        Assert.Equal((unknownStatus, unknownText), await GetAsync(stranger, link));
        Assert.Equal(HttpStatusCode.Gone, (await stranger.GetAsync(link + "?handler=Pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await stranger.GetAsync(link + "?handler=Word")).StatusCode);

        // Revoking twice: a Dutch message, nothing changes.
        var stale = await _facilitator.OpenAsync(_workshop.ConcludeUrl());
        Assert.Null(stale.Document.QuerySelector("form[action*='handler=Revoke']"));
        using var again = await _facilitator.PostAsScriptAsync(stale, _workshop.ConcludeUrl() + "?handler=Revoke", []);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("Er is geen openbare link om in te trekken.", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A new link works; the old one stays gone.
        var second = await _facilitator.PublishAsync(_workshop);
        Assert.NotEqual(link, second);
        Assert.Equal(HttpStatusCode.OK, (await stranger.GetAsync(second)).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await stranger.GetAsync(link)).StatusCode);
    }

    [Fact]
    public async Task The_link_works_through_its_last_day_and_not_after()
    {
        // 30 November, 11:00 in the Netherlands: the last day is tomorrow.
        var link = await _facilitator.PublishAsync(_workshop, "2026-12-01");
        using var stranger = Stranger();
        Assert.Equal(HttpStatusCode.OK, (await stranger.GetAsync(link)).StatusCode);
        var page = await _facilitator.OpenAsync(_workshop.ConcludeUrl());
        Assert.Contains("De link werkt tot en met 1 december 2026.", page.Text, StringComparison.Ordinal);

        // 1 December, 23:30 Dutch time (22:30 UTC): still the last day.
        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 22, 30, 0, TimeSpan.Zero));
        Assert.Equal(HttpStatusCode.OK, (await stranger.GetAsync(link)).StatusCode);

        // Just after midnight in the Netherlands: gone.
        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 23, 5, 0, TimeSpan.Zero));
        var (status, text) = await GetAsync(stranger, link);
        Assert.Equal(HttpStatusCode.Gone, status);
        Assert.Contains("niet meer beschikbaar", text, StringComparison.Ordinal);

        // The facilitator sees no link any more and may make a new one.
        var after = await _facilitator.OpenAsync(_workshop.ConcludeUrl());
        Assert.NotNull(after.Document.QuerySelector("form[action*='handler=Publish']"));
    }

    [Theory]
    [InlineData("29-11-2026", "Die datum is al voorbij.")]
    [InlineData("31-12-2031", "Een openbare link werkt hoogstens 5 jaar.")]
    [InlineData("morgen", "Vul de datum in als dag-maand-jaar")]
    public async Task A_wrong_last_day_is_refused_with_a_Dutch_message(string endsOn, string message)
    {
        // As typed in a browser without a date picker, where the field is a plain text box.
        var page = await _facilitator.OpenAsync(_workshop.ConcludeUrl());
        ((IHtmlInputElement)page.Document.GetElementById("openbaar-tot")!).Type = "text";
        var refused = await _facilitator.SubmitAsync(page.Form("form[action*='handler=Publish']"), new Dictionary<string, string> { ["EndsOn"] = endsOn });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains(refused.Errors, e => e.StartsWith(message, StringComparison.Ordinal));
        Assert.Equal(endsOn, ((IHtmlInputElement)refused.Document.GetElementById("openbaar-tot")!).Value);
        Assert.Equal(0, _app.Count("select count(*) from Publications"));
    }

    [Fact]
    public async Task A_second_link_while_one_works_is_refused_and_a_reopened_workshop_is_not_public()
    {
        var link = await _facilitator.PublishAsync(_workshop);
        var page = await _facilitator.OpenAsync(_workshop.ConcludeUrl());
        Assert.Null(page.Document.QuerySelector("form[action*='handler=Publish']"));
        using var twice = await _facilitator.PostAsScriptAsync(page, _workshop.ConcludeUrl() + "?handler=Publish", []);
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Contains("Er is al een openbare link.", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, _app.Count("select count(*) from Publications"));

        // Reopened, the workshop changes again: the public page waits until it is closed again.
        using var stranger = Stranger();
        await _facilitator.ReopenAsync(_workshop);
        Assert.Equal(HttpStatusCode.Gone, (await stranger.GetAsync(link)).StatusCode);
        await _facilitator.CloseAsync(_workshop);
        Assert.Equal(HttpStatusCode.OK, (await stranger.GetAsync(link)).StatusCode);
    }

    [Fact]
    public async Task The_token_is_stored_only_as_a_hash()
    {
        var link = await _facilitator.PublishAsync(_workshop);
        var token = link[(link.LastIndexOf('/') + 1)..];
        var bytes = File.ReadAllBytes(_app.DatabasePath).Concat(File.Exists(_app.DatabasePath + "-wal") ? File.ReadAllBytes(_app.DatabasePath + "-wal") : []).ToArray();
        Assert.DoesNotContain(token, System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);

        // A facilitator on another device sees that there is a link, not the link.
        using var otherLaptop = _app.NewUser();
        await otherLaptop.OpenAsync(_workshop.FacilitatorLink);
        var page = await otherLaptop.OpenAsync(_workshop.ConcludeUrl());
        Assert.Contains("Het verslag is openbaar.", page.Text, StringComparison.Ordinal);
        Assert.Contains("op een ander apparaat", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(token, page.Document.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_token_never_reaches_a_log()
    {
        var link = await _facilitator.PublishAsync(_workshop);
        var token = link[(link.LastIndexOf('/') + 1)..];
        using var stranger = Stranger();
        Assert.Equal(HttpStatusCode.OK, (await stranger.GetAsync(link)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await stranger.GetAsync(link + "?handler=Pdf")).StatusCode);
        await _facilitator.RevokeAsync(_workshop);
        Assert.Equal(HttpStatusCode.Gone, (await stranger.GetAsync(link)).StatusCode);

        var logs = _app.ReadLog();
        Assert.Contains("/openbaar/[redacted]", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(token, logs, StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode, string)> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        var document = await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html));
        return (response.StatusCode, document.QuerySelector("main")?.TextContent.Trim() ?? "");
    }
}
