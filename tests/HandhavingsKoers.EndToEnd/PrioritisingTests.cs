using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace HandhavingsKoers.EndToEnd;

/// <summary>
/// A prioritising round in a real room: three phones place dots with buttons, the facilitator's laptop follows the
/// counts live, the projector shows nothing of them until the reveal and then the ranking, live.
/// </summary>
public sealed class PrioritisingTests : BrowserTest
{
    private static readonly string[] Notes = ["Brieven in B1", "Vaker samen op pad", "Een vast spreekuur"];

    [BrowserFact]
    public async Task Three_phones_place_dots_by_button_and_the_projector_shows_the_ranking_after_the_reveal()
    {
        var laptop = await NewUserAsync(1280, 800, bypassCsp: true);
        var facilitator = await laptop.NewPageAsync();
        await facilitator.GotoAsync(App.BaseUrl + "/starten");
        await facilitator.GetByLabel("Gemeente", new() { Exact = true }).FillAsync("Gemeente Zuidwolde");
        await facilitator.GetByLabel("Titel van de workshop").FillAsync("Stippen zetten");
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Workshop starten" }).ClickAsync();
        var code = Regex.Replace(await facilitator.TextContentAsync(".join-code") ?? "", @"\s", "");
        var workshopUrl = Regex.Replace(facilitator.Url, "/begeleider.*$", "");

        // The projector: a page in the facilitator's browser, on the big screen.
        var presenter = await laptop.NewPageAsync();
        await presenter.SetViewportSizeAsync(1920, 1080);
        await presenter.GotoAsync(workshopUrl + "/presenteren");

        var phones = new List<IPage>();
        for (var i = 0; i < 3; i++)
        {
            // The first phone also gets an accessibility check, which needs its script let in.
            var phone = await (await NewUserAsync(360, 740, bypassCsp: i == 0)).NewPageAsync();
            await phone.GotoAsync($"{App.BaseUrl}/doemee/{code}");
            await phone.GetByLabel("Uw naam").FillAsync($"Deelnemer {i + 1}");
            await phone.GetByRole(AriaRole.Button, new() { Name = "Meedoen" }).ClickAsync();
            await Assertions.Expect(phone).ToHaveURLAsync(new Regex("/stap$"), new() { Timeout = 15000 }); // the address, not the load event (see BrowserTest.JoinOnPhoneAsync)
            phones.Add(phone);
        }

        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Volgende stap: Vertrouwen" }).ClickAsync();
        for (var i = 0; i < 3; i++)
        {
            await phones[i].WaitForURLAsync(new Regex("/stap/vertrouwen$"), new() { Timeout = 5000 });
            await phones[i].GetByLabel("Uw notitie").Nth(1).FillAsync(Notes[i]);
            await phones[i].GetByRole(AriaRole.Button, new() { Name = "Toevoegen bij: Wat moeten we nog doen?" }).ClickAsync();
            await Assertions.Expect(phones[i].GetByText(Notes[i], new() { Exact = true })).ToBeVisibleAsync();
        }

        // The facilitator opens a round of two dots each, from the step page's link.
        await facilitator.GetByRole(AriaRole.Link, new() { Name = "Prioriteren met stippen" }).ClickAsync();
        await facilitator.GetByLabel("Stippen per deelnemer").FillAsync("2");
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Stemronde openen" }).ClickAsync();
        await Assertions.Expect(facilitator.GetByText("De stemronde is geopend.")).ToBeVisibleAsync();

        // The phones are told without a reload of their own, and go to their dots.
        foreach (var phone in phones)
        {
            await phone.GetByRole(AriaRole.Link, new() { Name = "Naar de stippen" }).ClickAsync(new() { Timeout = 5000 });
            await Assertions.Expect(phone.GetByRole(AriaRole.Status).Filter(new() { HasText = "U heeft nog 2 stippen." })).ToBeVisibleAsync();
        }

        // Dots by button; the focus stays on the note and the phone says how many are left.
        await DotButton(phones[0], "Stip geven", "Vaker samen op pad").ClickAsync();
        await Assertions.Expect(phones[0].GetByRole(AriaRole.Status).Filter(new() { HasText = "U heeft nog 1 stip." })).ToBeVisibleAsync();
        await Assertions.Expect(DotButton(phones[0], "Stip terugnemen", "Vaker samen op pad")).ToBeFocusedAsync();
        await DotButton(phones[0], "Stip geven", "Brieven in B1").ClickAsync();
        await Assertions.Expect(phones[0].GetByRole(AriaRole.Status).Filter(new() { HasText = "U heeft al uw stippen gezet." })).ToBeVisibleAsync();
        await DotButton(phones[1], "Stip geven", "Vaker samen op pad").ClickAsync();
        await DotButton(phones[1], "Stip geven", "Een vast spreekuur").ClickAsync();
        await DotButton(phones[2], "Stip geven", "Vaker samen op pad").ClickAsync();
        await Assertions.Expect(phones[2].GetByRole(AriaRole.Status).Filter(new() { HasText = "U heeft nog 1 stip." })).ToBeVisibleAsync();

        // The facilitator's page follows the counts live; the phones and the projector see none of them yet.
        var facilitatorItem = facilitator.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Vaker samen op pad" }).First;
        await Assertions.Expect(facilitatorItem).ToContainTextAsync("3 stippen", new() { Timeout = 5000 });
        await Assertions.Expect(phones[1].GetByText("3 stippen")).ToHaveCountAsync(0);
        await Assertions.Expect(presenter.GetByText("De uitslag komt straks in beeld.", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(presenter.GetByRole(AriaRole.List, new() { Name = "Rangorde, meeste stippen eerst" })).ToHaveCountAsync(0);

        // The reveal: the projector shows the ranking, most dots first.
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Stippen aan de zaal laten zien" }).ClickAsync();
        var ranking = presenter.GetByRole(AriaRole.List, new() { Name = "Rangorde, meeste stippen eerst" }).GetByRole(AriaRole.Listitem);
        await Assertions.Expect(ranking.First).ToContainTextAsync("3 stippen", new() { Timeout = 5000 });
        await Assertions.Expect(ranking.First).ToContainTextAsync("Vaker samen op pad");

        // ...and keeps it live: a last dot moves "Een vast spreekuur" up to second place.
        await DotButton(phones[2], "Stip geven", "Een vast spreekuur").ClickAsync();
        await Assertions.Expect(ranking.Nth(1)).ToContainTextAsync("Een vast spreekuur", new() { Timeout = 5000 });
        await Assertions.Expect(ranking.Nth(1)).ToContainTextAsync("2 stippen");
        // The phones catch up within a few seconds, not all at the same moment (decision 0019).
        await Assertions.Expect(phones[0].GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Een vast spreekuur" }).First).ToContainTextAsync("2 stippen", new() { Timeout = 10000 });

        await presenter.ScreenshotAsync(new() { Path = Browsers.Artifact("presenter-ranking-1920.png") });
        await facilitator.ScreenshotAsync(new() { Path = Browsers.Artifact("facilitator-priorities-1280.png"), FullPage = true });
        await phones[0].ScreenshotAsync(new() { Path = Browsers.Artifact("participant-dots-360.png"), FullPage = true });

        // The participant's dots page and the facilitator's page pass axe (WCAG 2.1 A and AA).
        foreach (var (page, name) in new[] { (phones[0], "dots page"), (facilitator, "facilitator's page") })
        {
            var axe = await page.RunAxe(new AxeRunOptions
            {
                RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
            });
            Assert.True(axe.Violations.Length == 0, $"axe found on the {name}:\n" + string.Join('\n', axe.Violations.Select(v => $"{v.Id}: {v.Help} — {string.Join(", ", v.Nodes.Take(3).Select(n => string.Join(' ', n.Target)))}")));
        }
    }

    /// <summary>A dot button, found by its accessible name: what it does and for which note.</summary>
    private static ILocator DotButton(IPage phone, string action, string note) =>
        phone.GetByRole(AriaRole.Button, new() { NameRegex = new Regex($@"^{action}\s*: {Regex.Escape(note)}$") });
}
