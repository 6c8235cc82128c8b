using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace HandhavingsKoers.EndToEnd;

/// <summary>
/// Sharing the facilitation in real browsers (decision 0021): the facilitator invites a notulist and a
/// co-facilitator; the notulist writes for the room and starts the timer but sees nothing that moves the room; the
/// co-facilitator moves the room and the facilitator's projector follows; a revoked notulist gets the Dutch 403.
/// </summary>
public sealed class SharedFacilitationTests : BrowserTest
{
    [BrowserFact]
    public async Task The_facilitator_shares_the_room_with_a_notulist_and_a_co_facilitator_and_revokes_the_notulist()
    {
        var facilitatorContext = await NewUserAsync(1280, 900, bypassCsp: true);
        var facilitator = await facilitatorContext.NewPageAsync();
        var (_, workshopUrl) = await StartOnVertrouwenAsync(facilitator, "Samen begeleiden");
        var presenter = await facilitatorContext.NewPageAsync();
        await presenter.GotoAsync(workshopUrl + "/presenteren");
        await Assertions.Expect(presenter.GetByRole(AriaRole.Heading, new() { Name = "Vertrouwen", Level = 1 })).ToBeVisibleAsync();

        var notulistLink = await InviteAsync(facilitator, "Notulist", "Iris, notulen");
        var coLink = await InviteAsync(facilitator, "Medebegeleider", "Bram");
        var sharing = facilitator.Locator("section.sharing-panel");
        await Assertions.Expect(sharing.GetByRole(AriaRole.Button, new() { Name = "Link van Iris, notulen intrekken" })).ToBeVisibleAsync();
        await Assertions.Expect(sharing.GetByRole(AriaRole.Button, new() { Name = "Link van Bram intrekken" })).ToBeVisibleAsync();

        // The section, with the link just made, passes axe, and is kept as screenshots at laptop and phone width.
        var axe = await sharing.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        Assert.True(axe.Violations.Length == 0, string.Join("\n", axe.Violations.Select(v => $"{v.Id}: {v.Help} — {string.Join(", ", v.Nodes.Take(3).Select(n => string.Join(' ', n.Target)))}")));
        await sharing.ScreenshotAsync(new() { Path = Browsers.Artifact("roles-1280.png") });
        await facilitator.SetViewportSizeAsync(360, 740);
        await sharing.ScreenshotAsync(new() { Path = Browsers.Artifact("roles-360.png") });
        var overflow = await facilitator.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "The facilitator's page scrolls sideways on a phone.");
        await facilitator.SetViewportSizeAsync(1280, 900);

        // The notulist: no buttons that move the room or close it; writes a note for the room and starts the timer.
        var notulist = await (await NewUserAsync(1280, 900)).NewPageAsync();
        await notulist.GotoAsync(notulistLink);
        await Assertions.Expect(notulist.GetByText("U begeleidt deze workshop mee als notulist.")).ToBeVisibleAsync();
        Assert.DoesNotContain("sleutel", notulist.Url, StringComparison.Ordinal);
        await Assertions.Expect(notulist.GetByRole(AriaRole.Heading, new() { Name = "Vertrouwen", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(notulist.GetByRole(AriaRole.Button, new() { Name = "Workshop afsluiten" })).ToHaveCountAsync(0);
        await Assertions.Expect(notulist.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Volgende stap") })).ToHaveCountAsync(0);
        await Assertions.Expect(notulist.GetByRole(AriaRole.Button, new() { Name = "Stil schrijven: notities verbergen" })).ToHaveCountAsync(0);
        await Assertions.Expect(notulist.GetByRole(AriaRole.Heading, new() { Name = "Samen begeleiden" })).ToHaveCountAsync(0);
        await notulist.GetByLabel("Notitie voor de groep").First.FillAsync("Uit de zaal: vaker langsgaan bij ondernemers");
        await notulist.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Toevoegen") }).First.ClickAsync();
        await Assertions.Expect(notulist.GetByText("Uit de zaal: vaker langsgaan bij ondernemers")).ToBeVisibleAsync();
        await Assertions.Expect(facilitator.GetByText("Uit de zaal: vaker langsgaan bij ondernemers")).ToBeVisibleAsync(new() { Timeout = 10000 });
        await notulist.GetByLabel("Timer (minuten)").FillAsync("3");
        await notulist.GetByRole(AriaRole.Button, new() { Name = "Start timer" }).ClickAsync();
        await Assertions.Expect(notulist.Locator(".timer")).ToHaveTextAsync(new Regex(@"^Nog [23]:\d\d$"), new() { Timeout = 5000 });
        await Assertions.Expect(presenter.Locator(".stage .timer")).ToBeVisibleAsync(new() { Timeout = 10000 });

        // The co-facilitator moves the room; the facilitator's projector follows.
        var co = await (await NewUserAsync(1280, 900)).NewPageAsync();
        await co.GotoAsync(coLink);
        await Assertions.Expect(co.GetByText("U begeleidt deze workshop mee als medebegeleider.")).ToBeVisibleAsync();
        await co.GetByRole(AriaRole.Button, new() { Name = "Volgende stap: Menselijke maat" }).ClickAsync();
        await Assertions.Expect(presenter.GetByRole(AriaRole.Heading, new() { Name = "Menselijke maat", Level = 1 })).ToBeVisibleAsync(new() { Timeout = 10000 });

        // The facilitator revokes the notulist: the notulist's next action gets the Dutch 403.
        await sharing.GetByRole(AriaRole.Button, new() { Name = "Link van Iris, notulen intrekken" }).ClickAsync();
        await Assertions.Expect(facilitator.GetByText("De link is ingetrokken. Hij werkt meteen niet meer.")).ToBeVisibleAsync();
        await Assertions.Expect(sharing.GetByRole(AriaRole.Button, new() { Name = "Link van Iris, notulen intrekken" })).ToHaveCountAsync(0);
        await notulist.GotoAsync(workshopUrl + "/begeleider/vertrouwen");
        await Assertions.Expect(notulist.GetByText("Deze link is ingetrokken door de begeleider en werkt niet meer.")).ToBeVisibleAsync();
        var again = await notulist.GotoAsync(notulistLink);
        Assert.Equal(403, again!.Status);
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
}
