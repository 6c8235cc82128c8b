using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace HandhavingsKoers.EndToEnd;

/// <summary>
/// The walk issue 17 asks for, in one go, in real Chromium: the operator creates a gemeente; its beheerder prepares a
/// concept with an own question; the facilitator invites a co-facilitator, who opens the session and runs it while the
/// facilitator watches the projector; the session closes with a team action, and its follow-up opens with that action
/// carried over. Each part has its own, more detailed test (GemeenteTests, ConceptPlanTests,
/// SharedFacilitationTests, FollowActionsTests); this one checks that they work together.
/// </summary>
public sealed class GemeenteWalkTests : BrowserTest
{
    [BrowserFact]
    public async Task A_gemeente_prepares_shares_runs_and_follows_up_a_session()
    {
        // The operator adds the gemeente; its beheerder starts a concept and prepares it with an own question.
        var (beheerder, gemeenteUrl, facilitatorLink) = await GemeenteWithSessionAsync("Teamsessie voorjaar", concept: true);
        await beheerder.GetByRole(AriaRole.Link, new() { Name = "Voorbereiden voor “Teamsessie voorjaar”" }).ClickAsync();
        await beheerder.GetByLabel("Korte titel").FillAsync("Samenwerking met de politie");
        await beheerder.GetByLabel("De vraag").FillAsync("Hoe werken wij samen met de politie bij overlast?");
        await beheerder.GetByRole(AriaRole.Button, new() { Name = "Eigen vraag toevoegen" }).ClickAsync();
        await Assertions.Expect(beheerder.GetByRole(AriaRole.Status).Filter(new() { HasText = "De eigen vraag staat in de sessie." })).ToBeVisibleAsync();

        // The facilitator opens their link and invites a co-facilitator.
        var laptop = await NewUserAsync(1280, 900, bypassCsp: true);
        var facilitator = await laptop.NewPageAsync();
        await facilitator.GotoAsync(facilitatorLink);
        var workshopUrl = Regex.Replace(facilitator.Url, "/begeleider.*$", "");
        var sharing = facilitator.Locator("section.sharing-panel");
        await sharing.GetByRole(AriaRole.Radio, new() { Name = "Medebegeleider", Exact = true }).CheckAsync();
        await sharing.GetByLabel("Voor wie").FillAsync("Bram");
        await sharing.GetByRole(AriaRole.Button, new() { Name = "Link maken" }).ClickAsync();
        var coLink = await facilitator.GetByLabel("Link voor Bram (medebegeleider)").InputValueAsync();

        // The co-facilitator opens the session for the room.
        var co = await (await NewUserAsync(1280, 900)).NewPageAsync();
        await co.GotoAsync(coLink);
        await Assertions.Expect(co.GetByText("U begeleidt deze workshop mee als medebegeleider.")).ToBeVisibleAsync();
        await co.GetByRole(AriaRole.Link, new() { Name = "Sessie voorbereiden", Exact = false }).ClickAsync();
        await co.GetByRole(AriaRole.Button, new() { Name = "Sessie openen voor deelnemers" }).ClickAsync();
        await Assertions.Expect(co.GetByRole(AriaRole.Heading, new() { Name = "Deze sessie is geopend" })).ToBeVisibleAsync();

        // The facilitator watches the projector; the co-facilitator moves the room to the gemeente's own question.
        var projector = await laptop.NewPageAsync();
        await projector.SetViewportSizeAsync(1920, 1080);
        await projector.GotoAsync(workshopUrl + "/presenteren");
        await co.GotoAsync(workshopUrl + "/begeleider/eigen-vraag-1");
        await co.GetByRole(AriaRole.Button, new() { Name = "Zet de zaal op deze stap" }).ClickAsync();
        await Assertions.Expect(projector.GetByText("Hoe werken wij samen met de politie bij overlast?")).ToBeVisibleAsync(new() { Timeout = 10000 });
        await Assertions.Expect(projector.GetByText("Eigen vraag van de gemeente")).ToBeVisibleAsync();

        // The co-facilitator records a team action and closes the session.
        await co.GotoAsync(workshopUrl + "/begeleider/acties");
        await co.GetByLabel("Wat gaat het team doen?").FillAsync("Vaste afspraken met de wijkagent");
        await co.GetByLabel("Wie pakt het op?").FillAsync("Teamleider handhaving");
        await co.GetByLabel("Klaar op").FillAsync("2027-06-30");
        await co.GetByRole(AriaRole.Button, new() { Name = "Teamactie toevoegen" }).ClickAsync();
        await Assertions.Expect(co.GetByText("De teamactie is toegevoegd.")).ToBeVisibleAsync();
        await co.GetByRole(AriaRole.Button, new() { Name = "Workshop afsluiten" }).ClickAsync();
        await Assertions.Expect(co.GetByRole(AriaRole.Button, new() { Name = "Workshop weer openen" })).ToBeVisibleAsync();

        // The facilitator starts the follow-up: it opens with the action carried over, and how long it has been open.
        // In a fresh tab: the facilitator's first tab follows the room live, and a late move of it would interrupt a
        // navigation there.
        await facilitator.CloseAsync();
        facilitator = await laptop.NewPageAsync();
        await facilitator.GotoAsync(workshopUrl + "/vervolg");
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Vervolgsessie starten" }).ClickAsync();
        await Assertions.Expect(facilitator.GetByRole(AriaRole.Heading, new() { Name = "Wat is er gebeurd met de acties van vorige keer?" })).ToBeVisibleAsync();
        var carried = facilitator.Locator("li.previous-action");
        await Assertions.Expect(carried).ToHaveCountAsync(1);
        await Assertions.Expect(carried).ToContainTextAsync("Vaste afspraken met de wijkagent");
        await Assertions.Expect(carried).ToContainTextAsync("sinds minder dan een maand open");

        // And the beheerder's list shows the chain: the session and its follow-up.
        await beheerder.GotoAsync(gemeenteUrl);
        await Assertions.Expect(beheerder.GetByText("Teamsessie voorjaar").First).ToBeVisibleAsync();
        Assert.True(await beheerder.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Acties volgen") }).CountAsync() >= 1);
    }
}
