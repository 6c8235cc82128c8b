using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace HandhavingsKoers.EndToEnd;

/// <summary>
/// After the room: the facilitator finishes the report with the script on (saved as typed, still there after a
/// reload), publishes it, and a browser without any cookie reads it. Both pages pass axe at phone and laptop width.
/// </summary>
public sealed class ConcludeAndPublishTests(Xunit.Abstractions.ITestOutputHelper output) : BrowserTest
{
    private const string Conclusion = "Het team vertrouwt inwoners. Dat leggen we nu ook vast in de beleidsregels.";

    /// <summary>A workshop with a participant's note on Vertrouwen, closed; returns the facilitator's page and the workshop's address.</summary>
    private async Task<(IPage Facilitator, string WorkshopUrl)> ClosedWorkshopAsync(IBrowserContext laptop)
    {
        var facilitator = await laptop.NewPageAsync();
        await facilitator.GotoAsync(App.BaseUrl + "/starten");
        await facilitator.GetByLabel("Gemeente", new() { Exact = true }).FillAsync("Gemeente Zuidwolde");
        await facilitator.GetByLabel("Titel van de workshop").FillAsync("Na de zaal");
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Workshop starten" }).ClickAsync();
        var code = Regex.Replace(await facilitator.Locator(".join-code").TextContentAsync() ?? "", @"\s", "");
        var workshopUrl = Regex.Replace(facilitator.Url, "/begeleider.*$", "");

        var phone = await (await NewUserAsync(360, 740)).NewPageAsync();
        await phone.GotoAsync($"{App.BaseUrl}/doemee/{code}");
        await phone.GetByLabel("Uw naam").FillAsync("Sanne Jansen");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Meedoen" }).ClickAsync();
        await Assertions.Expect(phone).ToHaveURLAsync(new Regex("/stap$"), new() { Timeout = 15000 }); // the address, not the load event (see BrowserTest.JoinOnPhoneAsync)
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Volgende stap: Vertrouwen" }).ClickAsync();
        await phone.WaitForURLAsync(new Regex("/stap/vertrouwen$"));
        foreach (var note in new[] { "We bellen eerst, dan pas een brief", "Een vaste contactpersoon per inwoner" })
        {
            await phone.GetByLabel("Uw notitie").Last.FillAsync(note);
            await phone.GetByRole(AriaRole.Button, new() { Name = "Toevoegen bij: Wat moeten we nog doen?" }).ClickAsync();
            await Assertions.Expect(phone.Locator("#notes-Todo")).ToContainTextAsync(note);
        }

        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Workshop afsluiten" }).ClickAsync();
        await Assertions.Expect(facilitator.GetByRole(AriaRole.Button, new() { Name = "Workshop weer openen" })).ToBeVisibleAsync();
        await phone.Context.CloseAsync();
        return (facilitator, workshopUrl);
    }

    [BrowserFact]
    public async Task The_facilitator_concludes_as_typed_publishes_and_a_stranger_reads_it_without_cookies()
    {
        var laptop = await NewUserAsync(1280, 800);
        var (facilitator, _) = await ClosedWorkshopAsync(laptop);
        await facilitator.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Verslag afronden") }).ClickAsync();
        await Assertions.Expect(facilitator.GetByRole(AriaRole.Heading, new() { Name = "Verslag afronden", Level = 1 })).ToBeVisibleAsync();

        // With the script on, the page says that what is typed saves itself (without it: "Druk op Opslaan").
        await Assertions.Expect(facilitator.GetByText("Wat u typt, wordt vanzelf bewaard.", new() { Exact = false })).ToBeVisibleAsync();

        // Typed with the script on; no button pressed. The status says when it was saved (and is a live region).
        var vertrouwen = facilitator.GetByRole(AriaRole.Region, new() { Name = "Vertrouwen", Exact = true });
        await vertrouwen.GetByLabel("Conclusie: Vertrouwen").PressSequentiallyAsync(Conclusion, new() { Delay = 5 });
        await vertrouwen.GetByRole(AriaRole.Checkbox, new() { Name = "Een vaste contactpersoon per inwoner" }).CheckAsync();
        var status = vertrouwen.GetByRole(AriaRole.Status);
        await Assertions.Expect(status).ToHaveTextAsync(new Regex(@"^Opgeslagen om \d\d:\d\d$"), new() { Timeout = 5000 });

        // A reload (or a second device) shows the saved text and choice.
        await facilitator.WaitForTimeoutAsync(1200);
        await facilitator.ReloadAsync();
        vertrouwen = facilitator.GetByRole(AriaRole.Region, new() { Name = "Vertrouwen", Exact = true });
        await Assertions.Expect(vertrouwen.GetByLabel("Conclusie: Vertrouwen")).ToHaveValueAsync(Conclusion);
        await Assertions.Expect(vertrouwen.GetByRole(AriaRole.Checkbox, new() { Name = "Een vaste contactpersoon per inwoner" })).ToBeCheckedAsync();

        // Publish, and read the link the page shows.
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Openbare link maken" }).ClickAsync();
        var link = await facilitator.GetByLabel("Openbare link").InputValueAsync();
        Assert.StartsWith(App.BaseUrl + "/openbaar/", link, StringComparison.Ordinal);

        // A fresh browser, without any cookie, reads it and is given none.
        var stranger = await NewUserAsync(360, 740);
        var page = await stranger.NewPageAsync();
        var response = await page.GotoAsync(link);
        Assert.Equal(200, response!.Status);
        await Assertions.Expect(page.GetByText(Conclusion)).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Een vaste contactpersoon per inwoner").First).ToBeVisibleAsync();
        Assert.DoesNotContain("Sanne", await page.Locator("body").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(await stranger.CookiesAsync());
    }

    [BrowserFact]
    public async Task The_conclude_page_and_the_public_page_pass_axe()
    {
        var laptop = await NewUserAsync(1280, 800, bypassCsp: true);
        var (facilitator, workshopUrl) = await ClosedWorkshopAsync(laptop);
        await facilitator.GotoAsync(workshopUrl + "/verslag");
        var vertrouwen = facilitator.GetByRole(AriaRole.Region, new() { Name = "Vertrouwen", Exact = true });
        await vertrouwen.GetByLabel("Conclusie: Vertrouwen").FillAsync(Conclusion);
        await vertrouwen.GetByRole(AriaRole.Checkbox, new() { Name = "We bellen eerst, dan pas een brief" }).CheckAsync();
        await facilitator.GetByLabel("Samenvatting voor het college").FillAsync("Het team werkt vanuit vertrouwen.\n\nWe vragen het college om de beleidsregels aan te passen.");
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Assertions.Expect(facilitator.GetByText("Het verslag is opgeslagen.")).ToBeVisibleAsync();
        var violations = new List<string>();
        await CheckAsync(facilitator, "conclude 1280", violations);
        await facilitator.ScreenshotAsync(new() { Path = Browsers.Artifact("conclude-1280.png") });

        // An error shown by the form.
        await vertrouwen.GetByLabel("Conclusie: Vertrouwen").FillAsync(new string('a', 20));
        await facilitator.EvaluateAsync("() => document.querySelector('textarea[name=\"Panels[vertrouwen].Conclusion\"]').removeAttribute('maxlength')");
        await vertrouwen.GetByLabel("Conclusie: Vertrouwen").FillAsync(new string('a', 1501));
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Assertions.Expect(facilitator.GetByRole(AriaRole.Alert)).ToContainTextAsync("te lang");
        await CheckAsync(facilitator, "conclude with error", violations);

        await facilitator.GotoAsync(workshopUrl + "/verslag");
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Openbare link maken" }).ClickAsync();
        await CheckAsync(facilitator, "conclude published", violations);
        var link = await facilitator.GetByLabel("Openbare link").InputValueAsync();

        var phone = await (await NewUserAsync(360, 740, bypassCsp: true)).NewPageAsync();
        await phone.GotoAsync(link);
        await CheckAsync(phone, "public 360", violations);
        await phone.ScreenshotAsync(new() { Path = Browsers.Artifact("public-report-360.png"), FullPage = true, Clip = new() { X = 0, Y = 0, Width = 360, Height = 1200 } });
        await facilitator.GotoAsync(link);
        await CheckAsync(facilitator, "public 1280", violations);

        await facilitator.GotoAsync(workshopUrl + "/verslag");
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Link intrekken" }).ClickAsync();
        await phone.GotoAsync(link);
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Niet meer beschikbaar" })).ToBeVisibleAsync();
        await CheckAsync(phone, "public revoked", violations);

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    private async Task CheckAsync(IPage page, string name, List<string> violations)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        foreach (var violation in result.Violations)
        {
            violations.Add($"{name}: {violation.Id} ({violation.Impact}) {violation.Help} — {string.Join(", ", violation.Nodes.Take(3).Select(n => string.Join(' ', n.Target)))}");
        }

        foreach (var review in result.Incomplete.Where(r => r.Id == "color-contrast"))
        {
            violations.Add($"{name}: color-contrast needs review — {string.Join(", ", review.Nodes.Take(3).Select(n => string.Join(' ', n.Target)))}");
        }

        output.WriteLine($"{name}: {result.Violations.Length} violations, {result.Passes.Length} passes");
    }
}
