using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using HandhavingsKoers.Web.Maintenance;
using Microsoft.Playwright;

namespace HandhavingsKoers.EndToEnd;

/// <summary>
/// Preparing a concept in a real browser (decision 0020): a beheerder starts a concept, prepares it (skips a principle,
/// moves one up, adds an own question, writes an introduction) and opens it; a phone joins and sees the own question
/// marked as the gemeente's; the projector shows it. The prepare page passes axe.
/// </summary>
public sealed partial class ConceptPlanTests : BrowserTest
{
    [BrowserFact]
    public async Task A_beheerder_prepares_a_concept_opens_it_and_the_room_walks_the_plan_with_the_own_question()
    {
        using var output = new StringWriter();
        Assert.Equal(0, await GemeenteCommands.RunAsync(App.Services, ["gemeente", "add", "Zuidwaarde"], output));
        var path = BeheerderPath().Match(output.ToString()).Value;

        var beheerder = await (await NewUserAsync(1280, 900)).NewPageAsync();
        await beheerder.GotoAsync(App.BaseUrl + path);
        await beheerder.GetByLabel("Titel van de workshop").FillAsync("Teamsessie voorjaar");
        await beheerder.GetByLabel("Als concept klaarzetten", new() { Exact = false }).CheckAsync();
        await beheerder.GetByRole(AriaRole.Button, new() { Name = "Sessie starten" }).ClickAsync();
        var facilitatorLink = await beheerder.GetByLabel("Begeleiderslink", new() { Exact = true }).InputValueAsync();

        await beheerder.GetByRole(AriaRole.Link, new() { Name = "Voorbereiden voor “Teamsessie voorjaar”" }).ClickAsync();
        await Assertions.Expect(beheerder.GetByRole(AriaRole.Heading, new() { Name = "Sessie voorbereiden: Teamsessie voorjaar", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(beheerder.GetByText("werkt pas als de begeleider de sessie opent")).ToBeVisibleAsync();

        await beheerder.GetByRole(AriaRole.Button, new() { Name = "overslaan Menselijke maat" }).ClickAsync();
        await beheerder.GetByRole(AriaRole.Button, new() { Name = "omhoog Maatwerk" }).ClickAsync();
        await beheerder.GetByLabel("Korte titel").FillAsync("Samenwerking met de politie");
        await beheerder.GetByLabel("De vraag").FillAsync("Hoe werken wij samen met de politie bij overlast?");
        await beheerder.GetByRole(AriaRole.Button, new() { Name = "Eigen vraag toevoegen" }).ClickAsync();
        await Assertions.Expect(beheerder.GetByRole(AriaRole.Status).Filter(new() { HasText = "De eigen vraag staat in de sessie." })).ToBeVisibleAsync();
        await beheerder.GetByLabel("Inleiding voor het welkom").FillAsync("Welkom bij onze voorjaarssessie.\n\nWe sluiten af met koffie.");
        await beheerder.GetByRole(AriaRole.Button, new() { Name = "Inleiding bewaren" }).ClickAsync();

        var order = await beheerder.Locator("ol.plan-list > li strong").AllTextContentsAsync();
        Assert.Equal(["Vertrouwen", "Preventie", "Maatwerk", "Gepaste sanctionering", "Doenvermogen", "Samenwerking met de politie"], order);

        // WCAG 2.1 AA on the prepare page; screenshots of it and of the invitation.
        var axe = await beheerder.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        Assert.True(axe.Violations.Length == 0, string.Join("\n", axe.Violations.Select(v => $"{v.Id}: {v.Help} — {string.Join(", ", v.Nodes.Take(3).Select(n => string.Join(' ', n.Target)))}")));
        await beheerder.EvaluateAsync("() => document.activeElement?.blur()");
        await beheerder.ScreenshotAsync(new() { Path = Browsers.Artifact("concept-prepare-1280.png"), FullPage = true });
        await beheerder.Locator(".invitation-card").ScreenshotAsync(new() { Path = Browsers.Artifact("concept-invitation-1280.png") });
        await beheerder.SetViewportSizeAsync(360, 740);
        await beheerder.ScreenshotAsync(new() { Path = Browsers.Artifact("concept-prepare-360.png"), FullPage = true });
        Assert.False(await beheerder.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "The prepare page scrolls sideways on a phone.");
        await beheerder.Locator(".invitation-card").ScreenshotAsync(new() { Path = Browsers.Artifact("concept-invitation-360.png") });
        await beheerder.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(beheerder.GetByRole(AriaRole.Heading, new() { Name = "Wat bespreken we?" })).ToBeHiddenAsync();
        await Assertions.Expect(beheerder.Locator(".invitation-card")).ToBeVisibleAsync();
        await beheerder.EmulateMediaAsync(new() { Media = Media.Screen });
        await beheerder.SetViewportSizeAsync(1280, 900);
        var invited = Regex.Match(await beheerder.Locator(".invitation-card").TextContentAsync() ?? "", @"De code (\w{3}) (\w{3}) staat daar al ingevuld");
        Assert.True(invited.Success, "The invitation gives no code.");
        var code = invited.Groups[1].Value + invited.Groups[2].Value;

        // The facilitator opens the session from the same page (through the facilitator link's cookie).
        var facilitator = await (await NewUserAsync(1280, 900)).NewPageAsync();
        await facilitator.GotoAsync(facilitatorLink);
        await facilitator.GetByRole(AriaRole.Link, new() { Name = "Sessie voorbereiden", Exact = false }).ClickAsync();
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Sessie openen voor deelnemers" }).ClickAsync();
        await Assertions.Expect(facilitator.GetByRole(AriaRole.Heading, new() { Name = "Deze sessie is geopend" })).ToBeVisibleAsync();

        var phone = await JoinOnPhoneAsync(code);
        await Assertions.Expect(phone.GetByText("Welkom bij onze voorjaarssessie.")).ToBeVisibleAsync();

        await facilitator.GetByRole(AriaRole.Link, new() { Name = "Naar de pagina van de begeleider" }).ClickAsync();
        var workshopUrl = Regex.Replace(facilitator.Url, "/begeleider.*$", "");
        await facilitator.GotoAsync(workshopUrl + "/begeleider/eigen-vraag-1");
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Zet de zaal op deze stap" }).ClickAsync();

        // The phone follows the room to the own question, marked as the gemeente's, without a praatplaat source line.
        // The phone's page follows the room by itself (a navigation of our own here would race it).
        await phone.WaitForURLAsync(new Regex("/stap/eigen-vraag-1$"), new() { Timeout = 10000 });
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Samenwerking met de politie", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(phone.GetByText("Eigen vraag van de gemeente")).ToBeVisibleAsync();
        await Assertions.Expect(phone.GetByText("Bron:")).ToHaveCountAsync(0);

        // The projector shows it too (the facilitator's cookie: the projector is opened from the facilitator's browser).
        var projection = await facilitator.Context.NewPageAsync();
        await projection.GotoAsync(workshopUrl + "/presenteren");
        await Assertions.Expect(projection.GetByText("Hoe werken wij samen met de politie bij overlast?")).ToBeVisibleAsync();
        await Assertions.Expect(projection.GetByText("Eigen vraag van de gemeente")).ToBeVisibleAsync();
    }

    [GeneratedRegex(@"/gemeente/\S+")]
    private static partial Regex BeheerderPath();
}
