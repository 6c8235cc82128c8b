using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace HandhavingsKoers.EndToEnd;

/// <summary>
/// Following actions between sessions in real Chromium (decision 0022): a facilitator closes a session with two team
/// actions, marks one "mee bezig" with a note on "Acties volgen" after closing, and the follow-up opens with both, the
/// busy one with its age and (on its own "Acties volgen") its history. The pages pass axe at 360 and 1280 px.
/// </summary>
public sealed class FollowActionsTests(Xunit.Abstractions.ITestOutputHelper output) : BrowserTest
{
    [BrowserFact]
    public async Task A_follow_up_opens_with_the_actions_followed_between_sessions()
    {
        var laptop = await NewUserAsync(1280, 900, bypassCsp: true);
        var facilitator = await laptop.NewPageAsync();
        await facilitator.GotoAsync(App.BaseUrl + "/starten");
        await facilitator.GetByLabel("Gemeente", new() { Exact = true }).FillAsync("Gemeente Zuidwolde");
        await facilitator.GetByLabel("Titel van de workshop").FillAsync("Jaarsessie handhaving");
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Workshop starten" }).ClickAsync();
        var workshopUrl = Regex.Replace(facilitator.Url, "/begeleider.*$", "");

        await facilitator.GotoAsync(workshopUrl + "/begeleider/acties");
        foreach (var (text, owner) in new[] { ("Brieven herschrijven in B1", "Teamleider handhaving"), ("Eerst bellen, dan een brief", "Consulenten") })
        {
            await facilitator.GetByLabel("Wat gaat het team doen?").FillAsync(text);
            await facilitator.GetByLabel("Wie pakt het op?").FillAsync(owner);
            await facilitator.GetByLabel("Klaar op").FillAsync("2027-03-31");
            await facilitator.GetByRole(AriaRole.Button, new() { Name = "Teamactie toevoegen" }).ClickAsync();
            await Assertions.Expect(facilitator.GetByText("De teamactie is toegevoegd.")).ToBeVisibleAsync();
        }

        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Workshop afsluiten" }).ClickAsync();
        await Assertions.Expect(facilitator.GetByRole(AriaRole.Button, new() { Name = "Workshop weer openen" })).ToBeVisibleAsync();

        // Between sessions: "Acties volgen", mee bezig with a note.
        await facilitator.GetByRole(AriaRole.Link, new() { Name = "Acties volgen" }).ClickAsync();
        await Assertions.Expect(facilitator.GetByRole(AriaRole.Heading, new() { Name = "Acties volgen", Level = 1 })).ToBeVisibleAsync();
        var letters = facilitator.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Brieven herschrijven in B1" });
        await letters.GetByRole(AriaRole.Radio, new() { Name = "Mee bezig" }).CheckAsync();
        await letters.GetByLabel("Korte toelichting (niet verplicht)").FillAsync("Wacht op de nieuwe huisstijl");
        await letters.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Status opslaan") }).ClickAsync();
        await Assertions.Expect(facilitator.GetByRole(AriaRole.Status)).ToHaveTextAsync("De status is opgeslagen.");
        letters = facilitator.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Brieven herschrijven in B1" }).First;
        await Assertions.Expect(letters).ToContainTextAsync("Mee bezig");
        await Assertions.Expect(letters).ToContainTextAsync("Wacht op de nieuwe huisstijl");
        var violations = new List<string>();
        await CheckAsync(facilitator, "acties volgen 1280", violations);
        await facilitator.ScreenshotAsync(new() { Path = Browsers.Artifact("actions-1280.png"), FullPage = true });

        // The follow-up opens with both actions: the busy one with its note and how long it has been open.
        await facilitator.GotoAsync(workshopUrl + "/vervolg");
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Vervolgsessie starten" }).ClickAsync();
        await Assertions.Expect(facilitator.GetByRole(AriaRole.Heading, new() { Name = "Wat is er gebeurd met de acties van vorige keer?" })).ToBeVisibleAsync();
        var carried = facilitator.Locator("li.previous-action");
        await Assertions.Expect(carried).ToHaveCountAsync(2);
        var busy = carried.Filter(new() { HasText = "Brieven herschrijven in B1" });
        await Assertions.Expect(busy).ToContainTextAsync("Mee bezig");
        await Assertions.Expect(busy).ToContainTextAsync("sinds minder dan een maand open");
        await Assertions.Expect(carried.Filter(new() { HasText = "Eerst bellen, dan een brief" })).ToContainTextAsync("Nog niet besproken");
        await CheckAsync(facilitator, "follow-up welcome 1280", violations);

        // Its own "Acties volgen" shows the action's history, at phone width too.
        var followUpUrl = Regex.Replace(facilitator.Url, "/begeleider.*$", "");
        await facilitator.GotoAsync(followUpUrl + "/acties");
        var history = facilitator.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Brieven herschrijven in B1" }).First;
        await Assertions.Expect(history).ToContainTextAsync("Mee bezig – Wacht op de nieuwe huisstijl");
        await facilitator.SetViewportSizeAsync(360, 740);
        await CheckAsync(facilitator, "acties volgen 360", violations);
        await facilitator.ScreenshotAsync(new() { Path = Browsers.Artifact("actions-360.png"), FullPage = true });

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
