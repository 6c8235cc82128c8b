using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace HandhavingsKoers.EndToEnd;

/// <summary>
/// The gemeente space in a real browser: the operator creates a gemeente with the command, the beheerder opens the
/// printed link, starts a session and replaces its facilitator link, and the old link stops working.
/// </summary>
public sealed class GemeenteTests : BrowserTest
{
    [BrowserFact]
    public async Task The_operator_creates_a_gemeente_and_its_beheerder_starts_a_session_and_replaces_its_facilitator_link()
    {
        // The operator adds the gemeente; its beheerder opens the printed link and starts a session.
        var (beheerder, gemeenteUrl, firstLink) = await GemeenteWithSessionAsync("Teamsessie handhaving najaar", beheerderName: "Fatima, teamleider");

        // The copy button lines up with the link field above it (a notice once indented every button in it).
        var field = await beheerder.GetByLabel("Begeleiderslink", new() { Exact = true }).BoundingBoxAsync();
        var copy = await beheerder.GetByRole(AriaRole.Button, new() { Name = "Kopieer de link" }).BoundingBoxAsync();
        Assert.Equal(field!.X, copy!.X, 1);

        // A colleague facilitates with that link.
        var facilitator = await (await NewUserAsync(1280, 900)).NewPageAsync();
        await facilitator.GotoAsync(firstLink);
        await Assertions.Expect(facilitator).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/w/[0-9a-f-]+/begeleider$"));
        await Assertions.Expect(facilitator.GetByText("Teamsessie handhaving najaar").First).ToBeVisibleAsync();

        // The beheerder replaces the link: the colleague's browser is out at once, the new link works.
        await beheerder.GetByRole(AriaRole.Button, new() { Name = "Nieuwe begeleiderslink maken voor “Teamsessie handhaving najaar”" }).ClickAsync();
        await Assertions.Expect(beheerder.GetByRole(AriaRole.Heading, new() { Name = "Nieuwe begeleiderslink voor “Teamsessie handhaving najaar”" })).ToBeVisibleAsync();
        var secondLink = await beheerder.GetByLabel("Begeleiderslink", new() { Exact = true }).InputValueAsync();
        Assert.NotEqual(firstLink, secondLink);
        var refused = await facilitator.ReloadAsync();
        Assert.Equal(403, refused!.Status);
        await Assertions.Expect(facilitator.GetByText("Misschien heeft de beheerder van uw gemeente een nieuwe gemaakt")).ToBeVisibleAsync();
        await facilitator.GotoAsync(secondLink);
        await Assertions.Expect(facilitator).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/w/[0-9a-f-]+/begeleider$"));
        await Assertions.Expect(facilitator.GetByText("Teamsessie handhaving najaar").First).ToBeVisibleAsync();

        // The page as the beheerder sees it afterwards, on a laptop and on a phone; and checked for WCAG 2.1 AA.
        await beheerder.GotoAsync(gemeenteUrl);
        await Assertions.Expect(beheerder.GetByRole(AriaRole.Heading, new() { Name = "Reeks: Teamsessie handhaving najaar" })).ToBeVisibleAsync();
        var axe = await beheerder.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        Assert.True(axe.Violations.Length == 0, string.Join("\n", axe.Violations.Select(v => $"{v.Id}: {v.Help} — {string.Join(", ", v.Nodes.Take(3).Select(n => string.Join(' ', n.Target)))}")));
        await beheerder.ScreenshotAsync(new() { Path = Browsers.Artifact("gemeente-1280.png"), FullPage = true });
        await beheerder.SetViewportSizeAsync(360, 740);
        await beheerder.ScreenshotAsync(new() { Path = Browsers.Artifact("gemeente-360.png"), FullPage = true });
        var overflow = await beheerder.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "The gemeente page scrolls sideways on a phone.");
    }
}
