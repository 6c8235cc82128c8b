using System.Net;
using HandhavingsKoers.Tests.Infrastructure;
using HandhavingsKoers.Web.Hosting;
using HandhavingsKoers.Web.Pages.Present;
using Microsoft.Extensions.DependencyInjection;

namespace HandhavingsKoers.Tests.Hosting;

/// <summary>
/// The Host header is the visitor's to choose. With a public address configured it never reaches a link or a QR
/// code; without one, a silly Host header is refused and many different ones cannot fill the server's memory.
/// </summary>
public sealed class HostHeaderTests
{
    [Fact]
    public async Task With_a_public_address_every_link_and_qr_code_uses_it_whatever_host_header_comes_in()
    {
        await using var app = new AppFactory(AppFactory.NewFolder(), settings: new Dictionary<string, string?> { ["Site:PublicBaseUrl"] = "https://handhaving.example.nl/" });
        using var facilitator = app.NewUser();
        var workshop = await facilitator.StartWorkshopAsync();
        var join = $"https://handhaving.example.nl/doemee/{workshop.JoinCode}";

        Assert.StartsWith($"https://handhaving.example.nl/w/{workshop.Id}/begeleider?sleutel=", workshop.FacilitatorLink, StringComparison.Ordinal);
        Assert.Contains(workshop.FacilitatorPage.Document.QuerySelectorAll("a"), a => a.TextContent == join);

        for (var i = 0; i < 20; i++)
        {
            var presenter = await OpenWithHostAsync(facilitator, $"/w/{workshop.Id}/presenteren", $"ander-{i}.example");
            Assert.Equal(HttpStatusCode.OK, presenter.Status);
            Assert.Contains(join, presenter.Text, StringComparison.Ordinal);
            Assert.DoesNotContain($"ander-{i}.example", presenter.Document.DocumentElement.OuterHtml, StringComparison.Ordinal);
            Assert.Equal(QrAsParsed(join), presenter.Document.QuerySelector(".join-qr")!.InnerHtml);
        }

        Assert.Equal(1, app.Services.GetRequiredService<JoinQrCodes>().Count);
    }

    [Fact]
    public async Task The_older_setting_reports_public_base_url_still_sets_the_public_address()
    {
        await using var app = new AppFactory(AppFactory.NewFolder(), settings: new Dictionary<string, string?> { ["Reports:PublicBaseUrl"] = "https://oud.example.nl" });
        using var facilitator = app.NewUser();
        var workshop = await facilitator.StartWorkshopAsync();

        Assert.StartsWith("https://oud.example.nl/w/", workshop.FacilitatorLink, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_public_address_links_follow_the_host_and_the_qr_codes_kept_stay_few_whatever_comes_in()
    {
        await using var app = AppFactory.Fresh();
        using var facilitator = app.NewUser();
        var workshop = await facilitator.StartWorkshopAsync();

        for (var i = 0; i < JoinQrCodes.Capacity * 3; i++)
        {
            var host = $"host-{i}-{new string('x', 200)}.example";
            var presenter = await OpenWithHostAsync(facilitator, $"/w/{workshop.Id}/presenteren", host);
            Assert.Equal(HttpStatusCode.OK, presenter.Status);
            Assert.Contains($"http://{host}/doemee/{workshop.JoinCode}", presenter.Text, StringComparison.Ordinal);
        }

        Assert.InRange(app.Services.GetRequiredService<JoinQrCodes>().Count, 1, JoinQrCodes.Capacity);
    }

    [Theory]
    [InlineData(2400)]
    [InlineData(HostHeaderCheck.MaxLength + 1)]
    public async Task An_overlong_host_header_gets_the_dutch_refusal_not_a_500(int length)
    {
        await using var app = AppFactory.Fresh();
        using var facilitator = app.NewUser();
        var workshop = await facilitator.StartWorkshopAsync();
        var host = new string('a', length - ".nl".Length) + ".nl";

        foreach (var url in new[] { "/", $"/w/{workshop.Id}/presenteren", workshop.FacilitatorUrl(), "/doemee" })
        {
            var page = await OpenWithHostAsync(facilitator, url, host);
            Assert.Equal(HttpStatusCode.BadRequest, page.Status);
            Assert.Contains("Uw verzoek kon niet worden verwerkt", page.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Allowed_hosts_answers_only_the_hosts_it_names()
    {
        await using var app = new AppFactory(AppFactory.NewFolder(), settings: new Dictionary<string, string?> { ["AllowedHosts"] = "handhaving.example.nl;localhost" });
        using var visitor = app.NewUser();

        Assert.Equal(HttpStatusCode.OK, (await OpenWithHostAsync(visitor, "/", "handhaving.example.nl")).Status);
        Assert.Equal(HttpStatusCode.OK, (await OpenWithHostAsync(visitor, "/health", "localhost")).Status);
        var refused = await OpenWithHostAsync(visitor, "/", "ander.example.nl");
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("Invalid Hostname", refused.Text, StringComparison.Ordinal); // ASP.NET Core's own short page
    }

    [Theory]
    [InlineData("handhaving.example.nl", true)]
    [InlineData("handhaving.example.nl:8443", true)]
    [InlineData("127.0.0.1:5080", true)]
    [InlineData("[::1]:5080", true)]
    [InlineData("localhost", true)]
    [InlineData("evil.example/pad", false)]
    [InlineData("a b", false)]
    [InlineData("<script>", false)]
    [InlineData("host:poort", false)]
    [InlineData("host:123456", false)]
    [InlineData("[::1", false)]
    public void Only_host_names_and_addresses_with_an_optional_port_pass(string host, bool acceptable) =>
        Assert.Equal(acceptable, HostHeaderCheck.IsAcceptable(new Microsoft.AspNetCore.Http.HostString(host)));

    [Theory]
    [InlineData("https://handhaving.example.nl", "https://handhaving.example.nl")]
    [InlineData("https://handhaving.example.nl/", "https://handhaving.example.nl")]
    [InlineData("http://intern.gemeente.local:8080", "http://intern.gemeente.local:8080")]
    [InlineData("", null)]
    public void A_public_address_is_scheme_and_host(string value, string? expected) =>
        Assert.Equal(expected, SiteOptions.Normalize(value, "Site:PublicBaseUrl"));

    [Theory]
    [InlineData("handhaving.example.nl")]
    [InlineData("ftp://handhaving.example.nl")]
    [InlineData("https://handhaving.example.nl/handhaving")]
    [InlineData("https://handhaving.example.nl/?a=b")]
    public void A_public_address_with_a_path_or_without_scheme_stops_the_start_with_a_clear_message(string value)
    {
        var problem = Assert.Throws<StartupProblemException>(() => SiteOptions.Normalize(value, "Site:PublicBaseUrl"));
        Assert.Contains("Site:PublicBaseUrl must be an http(s) address without a path", problem.Message, StringComparison.Ordinal);
    }

    /// <summary>The QR code for the address as the page's parser sees it, to compare with the page's.</summary>
    private static string QrAsParsed(string url) =>
        new AngleSharp.Html.Parser.HtmlParser().ParseDocument($"<div>{JoinQrCodes.Render(url)}</div>").Body!.FirstElementChild!.InnerHtml;

    private static async Task<Page> OpenWithHostAsync(User user, string url, string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        Assert.True(request.Headers.TryAddWithoutValidation("Host", host));
        using var response = await user.Client.SendAsync(request);
        return await Page.FromAsync(response);
    }
}
