using System.Net;
using HandhavingsKoers.Tests.Infrastructure;

namespace HandhavingsKoers.Tests;

public sealed class SecurityTests
{
    [Fact]
    public async Task Every_answer_carries_the_security_headers()
    {
        await using var app = AppFactory.Fresh();
        using var user = app.NewUser();
        foreach (var url in new[] { "/", "/starten", "/doemee", "/bestaat-niet", "/health" })
        {
            using var response = await user.Client.GetAsync(url);
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        }
    }

    [Fact]
    public async Task Pages_have_no_inline_script()
    {
        await using var app = AppFactory.Fresh();
        using var facilitator = app.NewUser();
        var workshop = await facilitator.StartWorkshopAsync();
        foreach (var url in new[] { "/", workshop.FacilitatorUrl(), $"/w/{workshop.Id}/presenteren", workshop.SummaryUrl })
        {
            var page = await facilitator.OpenAsync(url);
            Assert.All(page.Document.QuerySelectorAll("script"), s => Assert.True(s.HasAttribute("src"), $"inline script on {url}"));
            Assert.Empty(page.Document.QuerySelectorAll("[onclick], [onload], [onsubmit]"));
        }
    }

    [Fact]
    public async Task Guessing_join_codes_is_limited_with_a_dutch_message()
    {
        await using var app = new AppFactory(AppFactory.NewFolder(), settings: new Dictionary<string, string?> { ["Security:JoinAttemptsPerMinute"] = "5" });
        using var guesser = app.NewUser();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await guesser.JoinAsync($"ZZZZZ{i + 2}")).Status);
        }

        var limited = await guesser.JoinAsync("ZZZZZ9");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Contains("te vaak een code geprobeerd", limited.Text, StringComparison.Ordinal);

        // Opening pages is not limited.
        Assert.Equal(HttpStatusCode.OK, (await guesser.OpenAsync("/doemee")).Status);
    }

    [Fact]
    public async Task Starting_workshops_is_limited_per_address_with_a_dutch_message_and_stores_nothing_more()
    {
        await using var app = new AppFactory(AppFactory.NewFolder(), settings: new Dictionary<string, string?> { ["Security:StartsPerHour"] = "2" });
        using var starter = app.NewUser();
        await starter.StartWorkshopAsync(title: "Eerste");
        await starter.StartWorkshopAsync(title: "Tweede");

        var form = (await starter.OpenAsync("/starten")).FormWith("#Input_Gemeente");
        var limited = await starter.SubmitAsync(form, new Dictionary<string, string> { ["Input.Gemeente"] = "Gemeente Zuidwolde", ["Input.Title"] = "Derde" });
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Contains("al veel workshops gestart", limited.Text, StringComparison.Ordinal);
        Assert.Equal(2, app.Count("select count(*) from Workshops"));

        // Joining and reading are not affected.
        Assert.Equal(HttpStatusCode.OK, (await starter.OpenAsync("/starten")).Status);
    }

    [Fact]
    public async Task Cookies_are_http_only_and_same_site()
    {
        await using var app = AppFactory.Fresh();

        // Without the test client's cookie handling, to see the Set-Cookie headers as a browser gets them.
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var form = await client.GetAsync("/starten");
        var antiforgery = form.Headers.GetValues("Set-Cookie").Single();
        Assert.Contains("httponly", antiforgery.ToLowerInvariant(), StringComparison.Ordinal);
        var token = System.Text.RegularExpressions.Regex.Match(await form.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

        using var start = new HttpRequestMessage(HttpMethod.Post, "/starten")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Gemeente"] = "Gemeente X",
                ["Input.Title"] = "T",
                ["Input.Date"] = "2026-11-22",
                ["Input.EditionKey"] = "praatplaat-2024",
                ["__RequestVerificationToken"] = token,
            }),
        };
        start.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        using var started = await client.SendAsync(start);

        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var facilitatorCookie = started.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("hk_begeleider_", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", facilitatorCookie, StringComparison.Ordinal);
        Assert.Contains("samesite=lax", facilitatorCookie, StringComparison.Ordinal);
        Assert.Contains("path=/w/", facilitatorCookie, StringComparison.Ordinal);
        Assert.DoesNotContain("secure", facilitatorCookie, StringComparison.Ordinal); // plain HTTP here; Secure under HTTPS
    }
}
