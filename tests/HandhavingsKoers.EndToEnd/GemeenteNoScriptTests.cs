using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace HandhavingsKoers.EndToEnd;

/// <summary>
/// The gemeente walk of <see cref="GemeenteWalkTests"/> again, with JavaScript switched off in every browser: each
/// form must work as a plain form (POST, redirect, GET), keep what was typed after a refusal, and each new page must
/// pass axe at phone width and fit at 360, 1280 and 1920 px. Screenshots of each page at the three sizes are kept
/// as artifacts.
/// </summary>
public sealed partial class GemeenteNoScriptTests(Xunit.Abstractions.ITestOutputHelper output) : BrowserTest
{
    private readonly List<string> _violations = [];

    [BrowserFact]
    public async Task Without_JavaScript_a_gemeente_prepares_shares_runs_closes_and_follows_up_a_session()
    {
        // The operator adds the gemeente; its beheerder starts a concept on a phone.
        var (beheerder, _, facilitatorLink) = await GemeenteWithSessionAsync("Teamsessie voorjaar", concept: true, width: 360, height: 740, javaScript: false, bypassCsp: true);
        await beheerder.GetByRole(AriaRole.Link, new() { Name = "Voorbereiden voor “Teamsessie voorjaar”" }).ClickAsync();
        await Assertions.Expect(beheerder.GetByRole(AriaRole.Heading, new() { Name = "Sessie voorbereiden: Teamsessie voorjaar", Level = 1 })).ToBeVisibleAsync();

        // Chooses the principles: skips two, takes one back, moves one up.
        await beheerder.GetByRole(AriaRole.Button, new() { Name = "overslaan Menselijke maat" }).ClickAsync();
        await beheerder.GetByRole(AriaRole.Button, new() { Name = "overslaan Doenvermogen" }).ClickAsync();
        await beheerder.GetByRole(AriaRole.Button, new() { Name = "weer meenemen Doenvermogen" }).ClickAsync();
        await beheerder.GetByRole(AriaRole.Button, new() { Name = "omhoog Maatwerk" }).ClickAsync();

        // An own question: without the question itself it is refused, and the title typed stays.
        await beheerder.GetByLabel("Korte titel").FillAsync("Samenwerking met de politie");
        await beheerder.GetByRole(AriaRole.Button, new() { Name = "Eigen vraag toevoegen" }).ClickAsync();
        await Assertions.Expect(beheerder.GetByRole(AriaRole.Heading, new() { Name = "Er ging iets mis" })).ToBeVisibleAsync();
        await Assertions.Expect(beheerder.GetByLabel("Korte titel")).ToHaveValueAsync("Samenwerking met de politie");
        await beheerder.GetByLabel("De vraag").FillAsync("Hoe werken wij samen met de politie bij overlast?");
        await beheerder.GetByRole(AriaRole.Button, new() { Name = "Eigen vraag toevoegen" }).ClickAsync();
        await Assertions.Expect(beheerder.GetByRole(AriaRole.Status).Filter(new() { HasText = "De eigen vraag staat in de sessie." })).ToBeVisibleAsync();
        await beheerder.GetByRole(AriaRole.Button, new() { Name = "omhoog Samenwerking met de politie" }).ClickAsync();

        // Timer minutes: too many is refused and stays in its field (and so does the other one typed); a number is kept.
        await beheerder.GetByLabel("Preventie: minuten").FillAsync("12");
        await beheerder.GetByLabel("Vertrouwen: minuten").FillAsync("500");
        await beheerder.GetByRole(AriaRole.Button, new() { Name = "Tijden bewaren" }).ClickAsync();
        await Assertions.Expect(beheerder.GetByRole(AriaRole.Heading, new() { Name = "Er ging iets mis" })).ToBeVisibleAsync();
        await Assertions.Expect(beheerder.GetByLabel("Vertrouwen: minuten")).ToHaveValueAsync("500");
        await Assertions.Expect(beheerder.GetByLabel("Preventie: minuten")).ToHaveValueAsync("12");
        await beheerder.GetByLabel("Vertrouwen: minuten").FillAsync("10");
        await beheerder.GetByRole(AriaRole.Button, new() { Name = "Tijden bewaren" }).ClickAsync();
        await Assertions.Expect(beheerder.GetByRole(AriaRole.Status).Filter(new() { HasText = "Opgeslagen." })).ToBeVisibleAsync();
        await Assertions.Expect(beheerder.GetByLabel("Vertrouwen: minuten")).ToHaveValueAsync("10");
        await Assertions.Expect(beheerder.GetByLabel("Preventie: minuten")).ToHaveValueAsync("12");

        // An own introduction.
        await beheerder.GetByLabel("Inleiding voor het welkom").FillAsync("Welkom bij onze voorjaarssessie.\n\nWe sluiten af met koffie.");
        await beheerder.GetByRole(AriaRole.Button, new() { Name = "Inleiding bewaren" }).ClickAsync();
        await Assertions.Expect(beheerder.GetByLabel("Inleiding voor het welkom")).ToHaveValueAsync("Welkom bij onze voorjaarssessie.\n\nWe sluiten af met koffie.");

        var order = await beheerder.Locator("ol.plan-list > li strong").AllTextContentsAsync();
        Assert.Equal(["Vertrouwen", "Preventie", "Maatwerk", "Gepaste sanctionering", "Samenwerking met de politie", "Doenvermogen"], order);
        await LookAsync(beheerder, "prepare");
        Assert.True(await GapAsync(beheerder.GetByText("U kunt tot drie eigen vragen"), beheerder.GetByText("Korte titel", new() { Exact = true })) >= 12, "The introduction touches the form below it.");
        Assert.True(await GapAsync(beheerder.GetByText("Hoeveel minuten wilt u per vraag?"), beheerder.GetByText("Vertrouwen: minuten")) >= 12, "The introduction touches the form below it.");

        // The invitation, printed: only the invitation goes on paper, on one page.
        await beheerder.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(beheerder.GetByRole(AriaRole.Heading, new() { Name = "Wat bespreken we?" })).ToBeHiddenAsync();
        await Assertions.Expect(beheerder.GetByRole(AriaRole.Heading, new() { Name = "Uitnodiging: Teamsessie voorjaar" })).ToBeVisibleAsync();
        foreach (var (width, height) in new[] { (360, 740), (1280, 900), (1920, 1080) })
        {
            await beheerder.SetViewportSizeAsync(width, height);
            await beheerder.ScreenshotAsync(new() { Path = Browsers.Artifact($"gemeente-noscript-invitation-print-{width}.png"), FullPage = true });
        }

        var pdf = await beheerder.PdfAsync(new() { Format = "A4", Path = Browsers.Artifact("gemeente-noscript-invitation.pdf") });
        Assert.Equal(1, PdfPages().Count(System.Text.Encoding.Latin1.GetString(pdf)));
        await beheerder.EmulateMediaAsync(new() { Media = Media.Screen });
        await beheerder.SetViewportSizeAsync(360, 740);
        await LookAsync(beheerder.Locator(".invitation-card"), beheerder, "invitation");

        // The facilitator opens their link and makes a link for a co-facilitator and one for a notulist.
        var facilitator = await (await NewUserAsync(1280, 900, bypassCsp: true, javaScript: false)).NewPageAsync();
        await facilitator.GotoAsync(facilitatorLink);
        var workshopUrl = Regex.Replace(facilitator.Url, "/begeleider.*$", "");
        var notulistLink = await InviteAsync(facilitator, "Notulist", "Iris");
        var coLink = await InviteAsync(facilitator, "Medebegeleider", "Bram");
        await Assertions.Expect(facilitator.GetByRole(AriaRole.Button, new() { Name = "Link van Iris intrekken" })).ToBeVisibleAsync();
        await Assertions.Expect(facilitator.GetByLabel("Link voor Bram (medebegeleider)")).ToHaveCSSAsync("border-top-style", "solid");
        await LookAsync(facilitator, "facilitator-links");

        // The co-facilitator opens the session for the room and moves it through the steps.
        var co = await (await NewUserAsync(1280, 900, javaScript: false)).NewPageAsync();
        await co.GotoAsync(coLink);
        await Assertions.Expect(co.GetByText("U begeleidt deze workshop mee als medebegeleider.")).ToBeVisibleAsync();
        await co.GetByRole(AriaRole.Link, new() { Name = "Sessie voorbereiden", Exact = false }).ClickAsync();
        await co.GetByRole(AriaRole.Button, new() { Name = "Sessie openen voor deelnemers" }).ClickAsync();
        await Assertions.Expect(co.GetByRole(AriaRole.Heading, new() { Name = "Deze sessie is geopend" })).ToBeVisibleAsync();
        await co.GetByRole(AriaRole.Link, new() { Name = "Naar de pagina van de begeleider" }).ClickAsync();
        await co.GetByRole(AriaRole.Button, new() { Name = "Volgende stap: Vertrouwen" }).ClickAsync();
        await Assertions.Expect(co.GetByRole(AriaRole.Heading, new() { Name = "Vertrouwen", Level = 1 })).ToBeVisibleAsync();
        await co.GetByRole(AriaRole.Button, new() { Name = "Volgende stap: Preventie" }).ClickAsync();
        await Assertions.Expect(co.GetByRole(AriaRole.Heading, new() { Name = "Preventie", Level = 1 })).ToBeVisibleAsync();
        await co.GotoAsync(workshopUrl + "/begeleider/eigen-vraag-1");
        await co.GetByRole(AriaRole.Button, new() { Name = "Zet de zaal op deze stap" }).ClickAsync();
        await Assertions.Expect(co.GetByText("Eigen vraag van de gemeente")).ToBeVisibleAsync();

        // The notulist lands on the room's step, writes a note for the room and adds a team action.
        var notulist = await (await NewUserAsync(1280, 900, javaScript: false)).NewPageAsync();
        await notulist.GotoAsync(notulistLink);
        await Assertions.Expect(notulist.GetByText("U begeleidt deze workshop mee als notulist.")).ToBeVisibleAsync();
        await Assertions.Expect(notulist.GetByRole(AriaRole.Heading, new() { Name = "Samenwerking met de politie", Level = 1 })).ToBeVisibleAsync();
        await notulist.GetByLabel("Notitie voor de groep").First.FillAsync("Vaste wijkagent per buurt");
        await notulist.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Toevoegen") }).First.ClickAsync();
        await Assertions.Expect(notulist.Locator(".note-text").Filter(new() { HasText = "Vaste wijkagent per buurt" })).ToBeVisibleAsync();
        await notulist.GotoAsync(workshopUrl + "/begeleider/acties");
        await notulist.GetByLabel("Wat gaat het team doen?").FillAsync("Vaste afspraken met de wijkagent");
        await notulist.GetByRole(AriaRole.Button, new() { Name = "Teamactie toevoegen" }).ClickAsync();
        await Assertions.Expect(notulist.GetByRole(AriaRole.Heading, new() { Name = "Er ging iets mis" })).ToBeVisibleAsync();
        await Assertions.Expect(notulist.GetByLabel("Wat gaat het team doen?")).ToHaveValueAsync("Vaste afspraken met de wijkagent");
        await notulist.GetByLabel("Wie pakt het op?").FillAsync("Teamleider handhaving");
        await notulist.GetByLabel("Klaar op").FillAsync("2027-06-30");
        await notulist.GetByRole(AriaRole.Button, new() { Name = "Teamactie toevoegen" }).ClickAsync();
        await Assertions.Expect(notulist.GetByText("De teamactie is toegevoegd.")).ToBeVisibleAsync();

        // The facilitator closes the session (no live update without script: the page is reloaded by hand).
        await facilitator.ReloadAsync();
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Workshop afsluiten" }).ClickAsync();
        await Assertions.Expect(facilitator.GetByRole(AriaRole.Button, new() { Name = "Workshop weer openen" })).ToBeVisibleAsync();

        // "Acties volgen": an edit without the "what" is refused; the form stays open with the owner typed in it.
        await facilitator.GetByRole(AriaRole.Link, new() { Name = "Acties volgen" }).ClickAsync();
        await Assertions.Expect(facilitator.GetByRole(AriaRole.Heading, new() { Name = "Acties volgen", Level = 1 })).ToBeVisibleAsync();
        var action = facilitator.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Vaste afspraken met de wijkagent" }).First;
        await action.GetByText("Actie aanpassen").ClickAsync();
        await action.GetByLabel("Wat", new() { Exact = true }).FillAsync("");
        await action.GetByLabel("Wie pakt het op").FillAsync("Teamleider en wijkagent");
        await action.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Actie opslaan") }).ClickAsync();
        await Assertions.Expect(facilitator.GetByRole(AriaRole.Heading, new() { Name = "Er ging iets mis" })).ToBeVisibleAsync();
        await Assertions.Expect(action.GetByLabel("Wie pakt het op")).ToHaveValueAsync("Teamleider en wijkagent");

        // Then "Mee bezig" with a note.
        await action.GetByLabel("Korte toelichting (niet verplicht)").FillAsync("Eerste gesprek is gepland");
        await action.GetByRole(AriaRole.Radio, new() { Name = "Mee bezig" }).CheckAsync();
        await action.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Status opslaan") }).ClickAsync();
        await Assertions.Expect(facilitator.GetByRole(AriaRole.Status)).ToHaveTextAsync("De status is opgeslagen.");
        await Assertions.Expect(action).ToContainTextAsync("Mee bezig");
        await Assertions.Expect(action).ToContainTextAsync("Eerste gesprek is gepland");
        await LookAsync(facilitator, "actions");
        Assert.True(await GapAsync(facilitator.GetByText("Sessie: Teamsessie voorjaar"), facilitator.GetByText("Houd hier bij hoe het staat met de teamacties")) >= 8, "The introduction's paragraphs run together.");

        // The follow-up: its start page, then its welcome with the action carried over and its age.
        await facilitator.GetByRole(AriaRole.Link, new() { Name = "Terug naar de sessie" }).ClickAsync();
        await facilitator.GetByRole(AriaRole.Link, new() { Name = "Vervolgsessie starten" }).ClickAsync();
        await Assertions.Expect(facilitator.GetByRole(AriaRole.Heading, new() { Name = "Vervolgsessie starten", Level = 1 })).ToBeVisibleAsync();
        await LookAsync(facilitator, "follow-up-start");
        Assert.True(await GapAsync(facilitator.GetByText("Een vervolgsessie laat zien"), facilitator.GetByText("Gemeente", new() { Exact = true })) >= 8, "The introduction touches the facts below it.");

        // On a phone the facts use the page's width: a long term does not squeeze its value into a narrow column.
        await facilitator.SetViewportSizeAsync(360, 740);
        Assert.True((await facilitator.GetByText("Teamsessie voorjaar, ").BoundingBoxAsync())!.Width >= 250, "The follow-up's facts are squeezed at 360 px.");
        await facilitator.SetViewportSizeAsync(1280, 900);
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Vervolgsessie starten" }).ClickAsync();
        await Assertions.Expect(facilitator.GetByRole(AriaRole.Heading, new() { Name = "Wat is er gebeurd met de acties van vorige keer?" })).ToBeVisibleAsync();
        var carried = facilitator.Locator("li.previous-action");
        await Assertions.Expect(carried).ToHaveCountAsync(1);
        await Assertions.Expect(carried).ToContainTextAsync("Vaste afspraken met de wijkagent");
        await Assertions.Expect(carried).ToContainTextAsync("Mee bezig");
        await Assertions.Expect(carried).ToContainTextAsync("sinds minder dan een maand open");
        var choices = await carried.GetByRole(AriaRole.Radio).EvaluateAllAsync<string[]>("radios => radios.map(r => r.labels[0].textContent.trim())");
        Assert.Equal(["Nog niet begonnen", "Mee bezig", "Gedaan", "Vervallen"], choices); // as on "Acties volgen"
        await LookAsync(facilitator, "follow-up-welcome");

        Assert.True(_violations.Count == 0, string.Join("\n", _violations));
    }

    private static async Task<string> InviteAsync(IPage facilitator, string role, string forWhom)
    {
        var sharing = facilitator.Locator("section.sharing-panel");
        await sharing.GetByRole(AriaRole.Radio, new() { Name = role, Exact = true }).CheckAsync();
        await sharing.GetByLabel("Voor wie").FillAsync(forWhom);
        await sharing.GetByRole(AriaRole.Button, new() { Name = "Link maken" }).ClickAsync();
        var link = facilitator.GetByLabel($"Link voor {forWhom} ({role.ToLowerInvariant()})");
        await Assertions.Expect(link).ToBeVisibleAsync();
        return await link.InputValueAsync();
    }

    private Task LookAsync(IPage page, string name) => LookAsync(null, page, name);

    /// <summary>
    /// axe at 360 px (a "needs review" contrast counts as a violation), no sideways scrolling at any size, and a
    /// screenshot at 360, 1280 and 1920×1080 (of the element when one is given); the viewport is restored afterwards.
    /// </summary>
    private async Task LookAsync(ILocator? element, IPage page, string name)
    {
        // axe is a script: it hangs in a page without JavaScript, so it checks the same address (same cookies) in a
        // browser with JavaScript, at phone width.
        var size = page.ViewportSize!;
        await using var checker = await Browser.NewContextAsync(new()
        {
            TimezoneId = "Europe/Amsterdam",
            Locale = "nl-NL",
            ViewportSize = new() { Width = 360, Height = 740 },
            BypassCSP = true,
            StorageState = await page.Context.StorageStateAsync(),
        });
        var check = await checker.NewPageAsync();
        await check.GotoAsync(page.Url);
        var result = await check.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        foreach (var violation in result.Violations)
        {
            _violations.Add($"{name}: {violation.Id} ({violation.Impact}) {violation.Help} — {string.Join(", ", violation.Nodes.Take(3).Select(n => string.Join(' ', n.Target)))}");
        }

        foreach (var review in result.Incomplete.Where(r => r.Id == "color-contrast"))
        {
            _violations.Add($"{name}: color-contrast needs review — {string.Join(", ", review.Nodes.Take(3).Select(n => string.Join(' ', n.Target) + " " + string.Join("; ", n.Any.Select(c => c.Message))))}");
        }

        output.WriteLine($"{name}: {result.Violations.Length} violations, {result.Passes.Length} rules passed");

        // The page's text keeps its distance from the header above and the footer below.
        var main = (await page.Locator("main").BoundingBoxAsync())!;
        var first = (await page.Locator("main > :visible").First.BoundingBoxAsync())!;
        var last = (await page.Locator("main > :visible").Last.BoundingBoxAsync())!;
        if (first.Y - main.Y < 16 || main.Y + main.Height - (last.Y + last.Height) < 16)
        {
            _violations.Add($"{name}: the content touches the header or the footer");
        }

        // From the top: a full-page screenshot of a scrolled page draws the off-screen skip link (fixed at -200%) inside it.
        await page.EvaluateAsync("() => { document.activeElement?.blur(); window.scrollTo(0, 0); }");
        foreach (var (width, height) in new[] { (360, 740), (1280, 900), (1920, 1080) })
        {
            // Measured in the checker's page (the same address and layout): a page without JavaScript cannot measure.
            await page.SetViewportSizeAsync(width, height);
            await check.SetViewportSizeAsync(width, height);
            if (await check.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"))
            {
                _violations.Add($"{name}: scrolls sideways at {width} px");
            }

            var path = Browsers.Artifact($"gemeente-noscript-{name}-{width}.png");
            if (element is null)
            {
                await page.ScreenshotAsync(new() { Path = path, FullPage = true });
            }
            else
            {
                await element.ScreenshotAsync(new() { Path = path });
            }
        }

        await page.SetViewportSizeAsync(size.Width, size.Height);
    }

    /// <summary>The vertical space in CSS pixels between the bottom of one element and the top of the next.</summary>
    private static async Task<float> GapAsync(ILocator above, ILocator below) =>
        (await below.BoundingBoxAsync())!.Y - ((await above.BoundingBoxAsync())!.Y + (await above.BoundingBoxAsync())!.Height);

    /// <summary>A page object in a PDF (not the page tree, <c>/Type /Pages</c>).</summary>
    [GeneratedRegex(@"/Type\s*/Page\b")]
    private static partial Regex PdfPages();
}
