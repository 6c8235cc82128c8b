using System.Net;
using HandhavingsKoers.Tests.Infrastructure;
using HandhavingsKoers.Web.Hosting;
using HandhavingsKoers.Web.Pages.Present;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace HandhavingsKoers.Tests.Hosting;

/// <summary>
/// Behind a reverse proxy that speaks HTTPS to the browsers and HTTP to the app (docs/deployment.md): what a
/// trusted proxy says in X-Forwarded-Proto and X-Forwarded-For counts, what anyone else says does not.
/// (tests/HandhavingsKoers.EndToEnd/Deployment/NginxTests does the same through a real nginx.)
/// </summary>
public sealed class ReverseProxyTests
{
    private const string Host = "handhaving.example.nl";

    [Fact]
    public async Task Behind_a_trusted_proxy_saying_https_cookies_are_secure_hsts_is_sent_and_links_and_qr_codes_say_https()
    {
        await using var app = App();
        var cookies = new List<string>();
        using var facilitator = app.NewUser(Via("127.0.0.1", "https", "203.0.113.10"), cookies);

        using (var form = await facilitator.Client.GetAsync("/starten"))
        {
            Assert.Equal("max-age=2592000", form.Headers.GetValues("Strict-Transport-Security").Single()); // 30 days
        }

        var workshop = await facilitator.StartWorkshopAsync();

        // Antiforgery, facilitator, TempData (set and cleared): each one Secure.
        Assert.True(cookies.Count >= 4, string.Join("\n", cookies));
        Assert.All(cookies, cookie => Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase));
        Assert.StartsWith($"https://{Host}/w/{workshop.Id}/begeleider?sleutel=", workshop.FacilitatorLink, StringComparison.Ordinal);
        var join = $"https://{Host}/doemee/{workshop.JoinCode}";
        Assert.Contains(workshop.FacilitatorPage.Document.QuerySelectorAll("a"), a => a.TextContent == join);

        var presenter = await facilitator.OpenAsync($"/w/{workshop.Id}/presenteren");
        Assert.Contains(join, presenter.Text, StringComparison.Ordinal);
        Assert.Equal(Parsed(JoinQrCodes.Render(join)), presenter.Document.QuerySelector(".join-qr")!.InnerHtml);
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_the_join_limit_counts_per_real_client()
    {
        await using var app = App(joinAttempts: 3);
        using var first = app.NewUser(Via("127.0.0.1", "https", "203.0.113.21"));
        using var second = app.NewUser(Via("127.0.0.1", "https", "203.0.113.22"));

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await first.JoinAsync("ZZZZZZ")).Status);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await first.JoinAsync("ZZZZZZ")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await second.JoinAsync("ZZZZZZ")).Status);
    }

    [Fact]
    public async Task From_an_address_that_is_not_a_known_proxy_forwarded_headers_count_for_nothing()
    {
        await using var app = App(joinAttempts: 3);
        using var first = app.NewUser(Via("198.51.100.7", "https", "203.0.113.31"));
        using var second = app.NewUser(Via("198.51.100.7", "https", "203.0.113.32"));

        using (var form = await first.Client.GetAsync("/starten"))
        {
            Assert.False(form.Headers.Contains("Strict-Transport-Security"));
            Assert.All(form.Headers.GetValues("Set-Cookie"), cookie => Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase));
        }

        var workshop = await first.StartWorkshopAsync();
        Assert.StartsWith($"http://{Host}/", workshop.FacilitatorLink, StringComparison.Ordinal);

        // Claiming to be someone else does not give a new quota: both come from one address.
        Assert.Equal(HttpStatusCode.BadRequest, (await first.JoinAsync("ZZZZZZ")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await first.JoinAsync("ZZZZZZ")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await second.JoinAsync("ZZZZZZ")).Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await second.JoinAsync("ZZZZZZ")).Status);
    }

    [Fact]
    public async Task Proxies_on_other_machines_are_trusted_once_configured_by_address_or_network()
    {
        await using var app = App(settings: new Dictionary<string, string?>
        {
            ["ForwardedHeaders:KnownProxies:0"] = "10.0.0.5",
            ["ForwardedHeaders:KnownNetworks:0"] = "192.168.10.0/24",
        });

        foreach (var (peer, trusted) in new[] { ("10.0.0.5", true), ("192.168.10.20", true), ("10.0.0.6", false), ("192.168.11.1", false), ("127.0.0.1", true) })
        {
            using var user = app.NewUser(Via(peer, "https", "203.0.113.41"));
            using var response = await user.Client.GetAsync("/starten");
            Assert.True(trusted == response.Headers.Contains("Strict-Transport-Security"), $"{peer} should {(trusted ? "" : "not ")}be trusted");
        }
    }

    [Theory]
    [InlineData("KnownProxies", "10.0.0", "ForwardedHeaders:KnownProxies has '10.0.0', which is not an IP address")]
    [InlineData("KnownNetworks", "10.0.0.0", "ForwardedHeaders:KnownNetworks has '10.0.0.0', which is not a network in CIDR form")]
    public void A_proxy_setting_that_is_not_an_address_stops_the_start_with_a_clear_message(string key, string value, string message)
    {
        var options = new ProxyOptions();
        (key == "KnownProxies" ? options.KnownProxies : options.KnownNetworks).Add(value);

        var problem = Assert.Throws<StartupProblemException>(() => options.ApplyTo(new ForwardedHeadersOptions()));
        Assert.StartsWith(message, problem.Message, StringComparison.Ordinal);
    }

    private static AppFactory App(int joinAttempts = 60, Dictionary<string, string?>? settings = null) =>
        new(AppFactory.NewFolder(),
            settings: new Dictionary<string, string?> { ["Security:JoinAttemptsPerMinute"] = joinAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture) }
                .Concat(settings ?? []).ToDictionary(),
            services: services => services.AddTransient<IStartupFilter, TestPeerAddress>());

    /// <summary>A request as it arrives from <paramref name="peer"/>, with the headers a proxy adds.</summary>
    private static Dictionary<string, string> Via(string peer, string proto, string client) => new()
    {
        [TestPeerAddress.Header] = peer,
        ["X-Forwarded-Proto"] = proto,
        ["X-Forwarded-For"] = client,
        ["Host"] = Host,
    };

    private static string Parsed(string svg) =>
        new AngleSharp.Html.Parser.HtmlParser().ParseDocument($"<div>{svg}</div>").Body!.FirstElementChild!.InnerHtml;
}
