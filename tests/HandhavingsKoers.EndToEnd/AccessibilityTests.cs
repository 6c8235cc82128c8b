using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace HandhavingsKoers.EndToEnd;

/// <summary>
/// axe-core (WCAG 2.0/2.1 A and AA rules) on every page a user meets, at phone and laptop width, filled with data.
/// </summary>
public sealed class AccessibilityTests(Xunit.Abstractions.ITestOutputHelper output) : BrowserTest
{
    /// <summary>WCAG's contrast ratio of an element's text (or SVG fill) against the first opaque background behind it.</summary>
    private const string MeasureContrast = """
        selector => {
            const element = document.querySelector(selector);
            const rgba = text => { const p = text.match(/[\d.]+/g).map(Number); return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 }; };
            const style = getComputedStyle(element);
            const fore = rgba(element instanceof SVGElement ? style.fill : style.color);
            let back = { r: 255, g: 255, b: 255, a: 1 };
            for (let node = element; node && node.nodeType === 1; node = node.parentElement) {
                const colour = rgba(getComputedStyle(node).backgroundColor);
                if (colour.a > 0) { back = colour; break; }
            }
            const channel = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
            const luminance = c => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
            const [light, dark] = [luminance(fore), luminance(back)].sort((a, b) => b - a);
            return (light + 0.05) / (dark + 0.05);
        }
        """;

    [BrowserFact]
    public async Task Every_page_passes_axe_with_zero_violations()
    {
        // The CSP forbids injected scripts; axe is injected, so the test contexts bypass it.
        var laptop = await NewUserAsync(1280, 800, bypassCsp: true);
        var phoneContext = await NewUserAsync(360, 740, bypassCsp: true);
        var facilitator = await laptop.NewPageAsync();
        var phone = await phoneContext.NewPageAsync();
        var violations = new List<string>();

        async Task Check(IPage page, string name)
        {
            if (name.StartsWith("presenter", StringComparison.Ordinal))
            {
                // The projector's buttons fade out without the mouse; check them as the facilitator sees them when
                // reaching for them (a check during the fade would measure a half-transparent button).
                await page.Mouse.MoveAsync(5, 5);
                await page.Mouse.MoveAsync(15, 15);
                await Assertions.Expect(page.Locator(".presenter-controls")).ToHaveCSSAsync("opacity", "1");
            }

            var result = await page.RunAxe(new AxeRunOptions
            {
                RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
            });
            foreach (var violation in result.Violations)
            {
                violations.Add($"{name}: {violation.Id} ({violation.Impact}) {violation.Help} — {string.Join(", ", violation.Nodes.Take(3).Select(n => string.Join(' ', n.Target)))}");
            }

            // axe cannot always work out a contrast and reports it as "needs review" instead of as a violation. We
            // count those as failures, except where axe only doubts whether the element is text at all (an arrow key,
            // a single digit on a chart's scale) or cannot look behind an SVG chart's own text: there we measure the
            // contrast of its colours against the page ourselves (the charts have no background of their own).
            foreach (var review in result.Incomplete.Where(r => r.Id == "color-contrast"))
            {
                foreach (var node in review.Nodes)
                {
                    var reason = string.Join("; ", node.Any.Select(c => c.Message));
                    var onlyDoubtsText = reason.Contains("non-text characters", StringComparison.Ordinal) || reason.Contains("too short", StringComparison.Ordinal)
                        || (reason.Contains("image node", StringComparison.Ordinal) && node.Html.StartsWith("<tspan", StringComparison.Ordinal));
                    var ratio = onlyDoubtsText ? await page.EvaluateAsync<double>(MeasureContrast, string.Join(' ', node.Target)) : 0;
                    if (ratio < 4.5)
                    {
                        violations.Add($"{name}: color-contrast needs review — {string.Join(' ', node.Target)} {node.Html} ({reason}; measured {ratio:0.0}:1)");
                    }
                }
            }

            output.WriteLine($"{name}: {result.Violations.Length} violations, {result.Passes.Length} rules passed");
        }

        await facilitator.GotoAsync(App.BaseUrl + "/");
        await Check(facilitator, "home");
        await facilitator.GotoAsync(App.BaseUrl + "/starten");
        await Check(facilitator, "start");
        await facilitator.ClickAsync("button[type=submit]"); // empty: errors shown
        await Check(facilitator, "start with errors");
        await facilitator.FillAsync("#Input_Gemeente", "Gemeente Zuidwolde");
        await facilitator.FillAsync("#Input_Title", "Toegankelijkheid");
        await facilitator.ClickAsync("button[type=submit]");
        await Check(facilitator, "facilitator welcome");
        var code = Regex.Replace(await facilitator.TextContentAsync(".join-code") ?? "", @"\s", "");
        var workshopUrl = Regex.Replace(facilitator.Url, "/begeleider.*$", "");

        await phone.GotoAsync(App.BaseUrl + "/doemee");
        await Check(phone, "join");
        await phone.FillAsync("#Code", "ZZ");
        await phone.ClickAsync("form.form button[type=submit]");
        await Check(phone, "join with error");
        await phone.GotoAsync($"{App.BaseUrl}/doemee/{code}");
        await phone.FillAsync("#DisplayName", "Fatima");
        await phone.ClickAsync("form.form button[type=submit]");
        await Assertions.Expect(phone).ToHaveURLAsync(new Regex("/stap$"), new() { Timeout = 15000 }); // the address, not the load event (see BrowserTest.JoinOnPhoneAsync)
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await Check(phone, "participant welcome");

        var presenter = await laptop.NewPageAsync();
        await presenter.SetViewportSizeAsync(1920, 1080);
        await presenter.GotoAsync(workshopUrl + "/presenteren");
        await Check(presenter, "presenter welcome");
        await presenter.Keyboard.PressAsync("ArrowRight");
        await phone.WaitForURLAsync(new Regex("/stap/vertrouwen$"));
        await phone.FillAsync("#nieuw-Already", "Een notitie om te controleren");
        await phone.ClickAsync("form.note-add:has(#nieuw-Already) button");
        await Assertions.Expect(phone.Locator("#notes-Already .note-text")).ToHaveCountAsync(1);
        await Check(phone, "participant principle");
        await phone.ClickAsync("form.note-add:has(#nieuw-Todo) button"); // empty note: error by the field
        await Check(phone, "participant principle with error");
        await Assertions.Expect(presenter.Locator(".stage-notes li")).ToHaveCountAsync(1);
        await Check(presenter, "presenter principle");

        // "Waar staan we?": the phone scores (by script, no reload); the presenter reveals with S; both update live.
        await phone.CheckAsync(".score-form input[name=score][value='3']");
        await phone.ClickAsync(".score-form button:not([name])");
        await Assertions.Expect(phone.Locator("#scores-result")).ToContainTextAsync("1 van de 1 deelnemer heeft");
        await Assertions.Expect(presenter.Locator(".stage-score-count")).ToContainTextAsync("1 score gegeven");
        await presenter.Keyboard.PressAsync("s");
        await Assertions.Expect(presenter.Locator(".stage-scores .score-median")).ToHaveTextAsync("Mediaan: 3 – We zijn ermee bezig (1 score)");
        await Assertions.Expect(phone.Locator("#scores-result .score-median")).ToHaveTextAsync("Mediaan: 3 – We zijn ermee bezig (1 score)");
        await Check(presenter, "presenter scores");
        await Check(phone, "participant scores");
        await facilitator.GotoAsync(workshopUrl + "/begeleider/vertrouwen");
        await Check(facilitator, "facilitator principle");

        await facilitator.GotoAsync(workshopUrl + "/begeleider/acties");
        await facilitator.ClickAsync("form:has(input[name=target][value=acties]) button");
        await phone.WaitForURLAsync(new Regex("/stap/acties$")); // the phone follows the room
        await Check(phone, "participant actions");
        await facilitator.GotoAsync(workshopUrl + "/begeleider/acties");
        await facilitator.ClickAsync("#teamactie-formulier button[type=submit]"); // empty: three errors
        await Check(facilitator, "facilitator team action with errors");
        await facilitator.FillAsync("#TeamAction_Text", "Brieven herschrijven in B1");
        await facilitator.FillAsync("#TeamAction_Owner", "Teamleider handhaving");
        await facilitator.FillAsync("#TeamAction_DueDate", "2027-03-01");
        await facilitator.ClickAsync("#teamactie-formulier button[type=submit]");
        await Assertions.Expect(facilitator.Locator(".team-action .note-text")).ToHaveTextAsync("Brieven herschrijven in B1");
        await Check(facilitator, "facilitator team actions");

        // The closing step on the phone: its button to the filled-in praatplaat.
        await facilitator.GotoAsync(workshopUrl + "/begeleider/afronding");
        await facilitator.ClickAsync("form:has(input[name=target][value=afronding]) button");
        await phone.WaitForURLAsync(new Regex("/stap/afronding$"));
        await Check(phone, "participant closing");
        await facilitator.GotoAsync(workshopUrl + "/samenvatting");
        await Check(facilitator, "summary");

        // A follow-up session: its start page, its welcome with last time's actions, its summary with the radar.
        await facilitator.GotoAsync(workshopUrl + "/vervolg");
        await Check(facilitator, "follow-up start");
        await facilitator.FillAsync("#Input_Date", "2099-01-01");
        await facilitator.ClickAsync("form.form button[type=submit]");
        await Assertions.Expect(facilitator.Locator("li.previous-action .note-text").First).ToHaveTextAsync("Brieven herschrijven in B1");
        await facilitator.CheckAsync("form.review-form input[value=Busy]");
        await facilitator.ClickAsync("form.review-form button");
        await Assertions.Expect(facilitator.Locator("li.previous-action .status")).ToHaveTextAsync("Mee bezig");
        await Check(facilitator, "follow-up welcome with review");
        var followUpUrl = Regex.Replace(facilitator.Url, "/begeleider.*$", "");
        await facilitator.GotoAsync(followUpUrl + "/samenvatting");
        await Assertions.Expect(facilitator.Locator(".radar-chart svg[role=img]")).ToHaveCountAsync(1);
        await Check(facilitator, "follow-up summary with radar");
        await facilitator.GotoAsync(App.BaseUrl + "/bestaat-niet");
        await Check(facilitator, "not found");
        await facilitator.ClickAsync("footer a[href='/toegankelijkheid']");
        await Assertions.Expect(facilitator.Locator("h1")).ToHaveTextAsync("Toegankelijkheid");
        await Check(facilitator, "accessibility statement");
        await facilitator.GotoAsync(App.BaseUrl + "/handleiding");
        await Check(facilitator, "guide");
        await phone.GotoAsync(App.BaseUrl + "/handleiding");
        await Check(phone, "guide on a phone");

        Assert.True(violations.Count == 0, "axe found:\n" + string.Join('\n', violations));
    }
}
