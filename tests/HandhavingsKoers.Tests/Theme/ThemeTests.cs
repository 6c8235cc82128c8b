using System.Net;
using HandhavingsKoers.Tests.Infrastructure;

namespace HandhavingsKoers.Tests.Theme;

/// <summary>The NL Design System look: restored from npm by the build, and a municipality's own theme by configuration.</summary>
public sealed class ThemeTests
{
    [Fact]
    public async Task By_default_every_page_uses_the_utrecht_components_and_the_voorbeeld_theme_from_npm()
    {
        await using var app = AppFactory.Fresh();
        using var user = app.NewUser();
        var home = await user.OpenAsync("/");

        Assert.Contains("voorbeeld-theme", home.Document.Body!.ClassList);
        Assert.Contains("utrecht-document", home.Document.Body!.ClassList);
        var sheets = home.Document.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!.Split('?')[0]).ToList();
        Assert.Equal(["/css/fonts.css", "/css/nlds.css", "/thema.css", "/css/site.css"], sheets);

        // The files the build restored are served: the component CSS, the tokens and the fonts.
        var nlds = await user.Client.GetStringAsync("/css/nlds.css");
        foreach (var import in new[] { "/lib/utrecht/component-library.css", "/lib/utrecht/html.css" })
        {
            Assert.Contains(import, nlds, StringComparison.Ordinal);
            Assert.Contains(".utrecht-", await user.Client.GetStringAsync(import), StringComparison.Ordinal);
        }

        var theme = await user.Client.GetAsync(home.Document.QuerySelector("link[href^='/thema.css']")!.GetAttribute("href"));
        Assert.Equal("text/css", theme.Content.Headers.ContentType!.MediaType);
        Assert.Contains("immutable", theme.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Contains(".voorbeeld-theme {", await theme.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var font = await user.Client.GetAsync("/lib/fonts/noto-sans-latin-400-normal.woff2");
        Assert.Equal(HttpStatusCode.OK, font.StatusCode);

        // Buttons and fields are Utrecht components.
        var start = await user.OpenAsync("/starten");
        Assert.NotNull(start.Document.QuerySelector("button.utrecht-button.utrecht-button--primary-action[type=submit]"));
        Assert.NotNull(start.Document.QuerySelector("input.utrecht-textbox#Input_Gemeente"));
        Assert.NotNull(start.Document.QuerySelector("input.utrecht-radio-button[name='Input.EditionKey']"));
    }

    [Fact]
    public async Task A_municipality_switches_to_its_own_token_theme_by_configuration()
    {
        var folder = AppFactory.NewFolder();
        var own = Path.Combine(folder, "gemeente-theme.css");
        await File.WriteAllTextAsync(own, ".zuidwolde-theme { --utrecht-button-primary-action-background-color: #006400; }");
        await using var app = new AppFactory(folder, settings: new Dictionary<string, string?>
        {
            ["Theme:Stylesheet"] = own,
            ["Theme:ClassName"] = "zuidwolde-theme",
        });
        using var user = app.NewUser();
        var home = await user.OpenAsync("/");

        Assert.Contains("zuidwolde-theme", home.Document.Body!.ClassList);
        Assert.DoesNotContain("voorbeeld-theme", home.Document.Body!.ClassList);
        var css = await user.Client.GetStringAsync(home.Document.QuerySelector("link[href^='/thema.css']")!.GetAttribute("href"));
        Assert.Contains("#006400", css, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("does-not-exist.css", "gemeente-theme", "was not found")]
    [InlineData(null, "not a class!", "is not a CSS class name")]
    public void A_wrong_theme_setting_stops_the_app_at_start_with_a_clear_message(string? stylesheet, string className, string message)
    {
        var folder = AppFactory.NewFolder();
        using var app = new AppFactory(folder, settings: new Dictionary<string, string?>
        {
            ["Theme:Stylesheet"] = stylesheet is null ? null : Path.Combine(folder, stylesheet),
            ["Theme:ClassName"] = className,
        });
        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
    }
}
