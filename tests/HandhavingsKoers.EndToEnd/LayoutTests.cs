using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace HandhavingsKoers.EndToEnd;

/// <summary>
/// The pages as people see them: the NL Design System theme really applied, and nothing that needs sideways
/// scrolling at 360 px or at 200% zoom on a laptop (WCAG 1.4.10 reflow and 1.4.4 resize text).
/// </summary>
public sealed class LayoutTests(Xunit.Abstractions.ITestOutputHelper output) : BrowserTest
{
    [BrowserFact]
    public async Task On_a_phone_the_first_note_field_is_on_the_first_screen_also_after_the_room_has_written()
    {
        var laptop = await NewUserAsync(1280, 800);
        var facilitator = await laptop.NewPageAsync();
        var (code, _) = await StartOnVertrouwenAsync(facilitator, "Schrijven op de telefoon");
        for (var i = 1; i <= 6; i++)
        {
            await facilitator.GetByLabel("Notitie voor de groep").First.FillAsync($"De begeleider schrijft notitie {i} voor de zaal, zodat de lijst lang wordt");
            await facilitator.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Toevoegen") }).First.ClickAsync();
            await Assertions.Expect(facilitator.GetByText($"notitie {i} voor de zaal", new() { Exact = false })).ToBeVisibleAsync();
        }

        var phone = await JoinOnPhoneAsync(code);
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Vertrouwen", Level = 1 })).ToBeVisibleAsync();

        // Writing comes first: without scrolling, the first field is whole on the screen.
        var first = phone.GetByLabel("Uw notitie").First;
        var box = await first.BoundingBoxAsync();
        output.WriteLine($"first note field at {box!.Y:0}–{box.Y + box.Height:0} px of 740");
        Assert.True(box.Y + box.Height <= 740, $"The first note field ends at {box.Y + box.Height:0} px; the phone shows 740.");
        await phone.ScreenshotAsync(new() { Path = Browsers.Artifact("participant-principle-360.png"), FullPage = true });
    }

    [BrowserFact]
    public async Task On_a_phone_the_headings_keep_their_order()
    {
        var facilitator = await (await NewUserAsync(1280, 800)).NewPageAsync();
        var (_, workshopUrl) = await StartOnVertrouwenAsync(facilitator, "Koppen op de telefoon");
        await facilitator.SetViewportSizeAsync(360, 740);
        await facilitator.GotoAsync(workshopUrl + "/samenvatting");

        // The page's title, a principle's name, a question under it, and the text they all stand above.
        var sizes = await facilitator.EvaluateAsync<double[]>(
            "() => ['main h1', '#paneel-vertrouwen', '.summary-panel h3', 'main'].map(s => parseFloat(getComputedStyle(document.querySelector(s)).fontSize))");
        output.WriteLine($"at 360 px: h1 {sizes[0]} px, h2 {sizes[1]} px, h3 {sizes[2]} px, text {sizes[3]} px");
        await facilitator.Locator(".summary-panel").First.ScreenshotAsync(new() { Path = Browsers.Artifact("summary-headings-360.png") });
        Assert.True(sizes[0] > sizes[1] && sizes[1] > sizes[2] && sizes[2] >= sizes[3],
            $"Headings out of order at 360 px: h1 {sizes[0]}, h2 {sizes[1]}, h3 {sizes[2]}, text {sizes[3]} px");
    }

    [BrowserFact]
    public async Task A_select_shows_its_arrow_inside_its_right_edge()
    {
        var facilitator = await (await NewUserAsync(1280, 800)).NewPageAsync();
        var (_, workshopUrl) = await StartOnVertrouwenAsync(facilitator, "Een keuzelijst");
        await facilitator.GotoAsync(workshopUrl + "/prioriteren");
        var select = facilitator.GetByLabel("Welke notities?");

        foreach (var width in new[] { 1280, 360 })
        {
            await facilitator.SetViewportSizeAsync(width, 800);
            // Utrecht's select has appearance: none, so the arrow is the background image the app sets as the token.
            var style = await select.EvaluateAsync<string[]>(
                "s => { const c = getComputedStyle(s); return [c.appearance, c.backgroundImage, c.backgroundPosition, c.paddingRight]; }");
            var (appearance, image, position) = (style[0], style[1], style[2]);
            var padding = double.Parse(style[3].Replace("px", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
            output.WriteLine($"{width} px: appearance {appearance}, arrow {image[..Math.Min(40, image.Length)]}…, at {position}, padding {padding} px");
            await select.Locator("xpath=..").ScreenshotAsync(new() { Path = Browsers.Artifact($"select-arrow-{width}.png") });
            Assert.Equal("none", appearance);
            Assert.StartsWith("url(\"data:image/svg+xml", image, StringComparison.Ordinal);
            Assert.Equal("calc(100% - 12px) 50%", position); // 0.75rem in from the border, not against it
            Assert.True(padding >= 40, $"The select's text may run under the arrow: {padding} px on the right");
        }
    }

    [BrowserFact]
    public async Task Pages_use_the_theme_and_reflow_at_360_px_and_at_200_percent_zoom()
    {
        var laptop = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        var facilitator = await laptop.NewPageAsync();
        await facilitator.GotoAsync(App.BaseUrl + "/starten");

        // The voorbeeld theme's tokens reach the components: the primary button has the theme's colour and font.
        var token = await facilitator.EvaluateAsync<string>(
            "() => getComputedStyle(document.body).getPropertyValue('--utrecht-button-primary-action-background-color').trim()");
        Assert.False(string.IsNullOrEmpty(token), "the theme's button token is not set");
        var button = facilitator.Locator("form.form button[type=submit]");
        var background = await button.EvaluateAsync<string>("b => getComputedStyle(b).backgroundColor");
        var expected = await facilitator.EvaluateAsync<string>(
            "() => { const probe = document.createElement('div'); probe.style.color = 'var(--utrecht-button-primary-action-background-color)'; document.body.append(probe); const c = getComputedStyle(probe).color; probe.remove(); return c; }");
        Assert.Equal(expected, background);
        Assert.NotEqual("rgba(0, 0, 0, 0)", background);
        Assert.Contains("Noto Sans", await facilitator.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('main p')).fontFamily"), StringComparison.Ordinal);
        Assert.True(await facilitator.EvaluateAsync<bool>("async () => { await document.fonts.ready; return document.fonts.check('16px \"Noto Sans\"'); }"));

        // A workshop with something on every page.
        await facilitator.FillAsync("#Input_Gemeente", "Gemeente Zuidwolde");
        await facilitator.FillAsync("#Input_Title", "Een titel die zo lang is dat hij op een telefoon over meerdere regels moet lopen");
        await facilitator.ClickAsync("form.form button[type=submit]");
        var workshopUrl = Regex.Replace(facilitator.Url, "/begeleider.*$", "");
        var code = Regex.Replace(await facilitator.TextContentAsync(".join-code") ?? "", @"\s", "");
        var phone = await (await Browser.NewContextAsync(new() { ViewportSize = new() { Width = 360, Height = 740 } })).NewPageAsync();
        await phone.GotoAsync($"{App.BaseUrl}/doemee/{code}");
        await phone.FillAsync("#DisplayName", "Fatima");
        await phone.ClickAsync("form.form button[type=submit]");
        await facilitator.GotoAsync(workshopUrl + "/begeleider/vertrouwen");
        await facilitator.ClickAsync("form:has(input[name=target][value=vertrouwen]) button");
        await phone.WaitForURLAsync(new Regex("/stap/vertrouwen$")); // the phone follows the room by itself
        await phone.FillAsync("#nieuw-Already", "Eenheelerglangwoordzonderspatiesdatnietmagdoorbrekenbuitenhetscherm" + new string('x', 80));
        await phone.ClickAsync("form.note-add:has(#nieuw-Already) button");
        await Assertions.Expect(phone.Locator("#notes-Already .note-text")).ToHaveCountAsync(1);
        await phone.CheckAsync(".score-form input[name=score][value='2']");
        await phone.ClickAsync(".score-form button:not([name])");
        await facilitator.GotoAsync(workshopUrl + "/begeleider/vertrouwen");
        await facilitator.ClickAsync("form[action*='handler=RevealScores'] button");

        string[] pages =
        [
            "/", "/starten", "/doemee", "/toegankelijkheid", "/bestaat-niet",
            "/begeleider/vertrouwen", "/begeleider/acties", "/samenvatting", "/presenteren", "/vervolg",
        ];
        var problems = new List<string>();
        async Task CheckAsync(IPage page, string name)
        {
            var (scroll, width) = (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("() => window.innerWidth"));
            output.WriteLine($"{name}: content {scroll} px in a {width} px window");
            if (scroll > width + 1)
            {
                problems.Add($"{name}: {scroll} px wide in a {width} px window");
            }
        }

        // 200% zoom on a 1280×800 laptop is a 640×400 CSS-pixel window at twice the pixel density.
        var facilitatorState = await laptop.StorageStateAsync();
        var zoomed = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = 640, Height = 400 }, DeviceScaleFactor = 2, StorageState = facilitatorState });
        var zoomedPage = await zoomed.NewPageAsync();
        var narrow = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = 360, Height = 740 }, StorageState = facilitatorState });
        var narrowPage = await narrow.NewPageAsync();
        foreach (var path in pages)
        {
            var url = path.StartsWith("/begeleider", StringComparison.Ordinal) || path is "/samenvatting" or "/presenteren" or "/vervolg" ? workshopUrl + path : App.BaseUrl + path;
            await zoomedPage.GotoAsync(url);
            await CheckAsync(zoomedPage, $"200% {path}");
            await narrowPage.GotoAsync(url);
            await CheckAsync(narrowPage, $"360 px {path}");
        }

        await CheckAsync(phone, "360 px participant principle");
        Assert.True(problems.Count == 0, "Sideways scrolling:\n" + string.Join('\n', problems));
    }
}
