using Microsoft.Playwright;

namespace HandhavingsKoers.EndToEnd;

/// <summary>A test class with the app on a real port and a Chromium to drive, both fresh per test.</summary>
public abstract class BrowserTest : IAsyncLifetime
{
    protected LiveApp App { get; } = new();
    protected IPlaywright Playwright { get; private set; } = null!;
    protected IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync() => (Playwright, Browser) = await Browsers.LaunchAsync();

    /// <summary>A browser as our users have it: Dutch time and language, at a phone's, laptop's or projector's size.</summary>
    /// <param name="width">The viewport's width in CSS pixels.</param>
    /// <param name="height">The viewport's height in CSS pixels.</param>
    /// <param name="bypassCsp">Lets the test inject scripts (axe) past the app's content security policy.</param>
    /// <param name="javaScript">False: a browser with JavaScript switched off, where every page must still work.</param>
    protected Task<IBrowserContext> NewUserAsync(int width, int height, bool bypassCsp = false, bool javaScript = true) =>
        Browser.NewContextAsync(new()
        {
            TimezoneId = "Europe/Amsterdam",
            Locale = "nl-NL",
            ViewportSize = new() { Width = width, Height = height },
            BypassCSP = bypassCsp,
            JavaScriptEnabled = javaScript,
        });

    /// <summary>
    /// The facilitator starts a workshop through the start form and moves the room to "Vertrouwen", as a person does.
    /// Returns the join code (without spaces) and the workshop's address.
    /// </summary>
    protected async Task<(string Code, string WorkshopUrl)> StartOnVertrouwenAsync(IPage facilitator, string title)
    {
        await facilitator.GotoAsync(App.BaseUrl + "/starten");
        await facilitator.GetByLabel("Gemeente", new() { Exact = true }).FillAsync("Gemeente Zuidwolde");
        await facilitator.GetByLabel("Titel van de workshop").FillAsync(title);
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Workshop starten" }).ClickAsync();
        var code = System.Text.RegularExpressions.Regex.Replace(await facilitator.Locator(".join-code").TextContentAsync() ?? "", @"\s", "");
        var workshopUrl = System.Text.RegularExpressions.Regex.Replace(facilitator.Url, "/begeleider.*$", "");
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Volgende stap: Vertrouwen" }).ClickAsync();
        await facilitator.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/begeleider/vertrouwen$"));
        return (code, workshopUrl);
    }

    /// <summary>Someone joins with the code on a phone (360×740), without a name; the page lands on the room's step.</summary>
    protected async Task<IPage> JoinOnPhoneAsync(string code)
    {
        var phone = await (await NewUserAsync(360, 740)).NewPageAsync();
        await phone.GotoAsync($"{App.BaseUrl}/doemee/{code}");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Meedoen" }).ClickAsync();

        // The address, not the page's load event (which once, in CI, never reached the test); a failure names the address.
        await Assertions.Expect(phone).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/stap$"), new() { Timeout = 15000 });
        return phone;
    }

    /// <summary>
    /// A gemeente space with one session, set up as people do it: the operator adds the gemeente with the command (as
    /// <c>dotnet run -- gemeente add</c>), its beheerder opens the printed link, fills in the title, as a concept if
    /// asked, and presses "Sessie starten". Returns the beheerder's page (on the gemeente page, which shows the new
    /// facilitator link once), the gemeente page's address without its key, and that facilitator link.
    /// </summary>
    /// <param name="title">The session's title.</param>
    /// <param name="concept">True: "Als concept klaarzetten" is ticked, so the room can only join once it is opened.</param>
    /// <param name="width">The beheerder's viewport width.</param>
    /// <param name="height">The beheerder's viewport height.</param>
    /// <param name="javaScript">False: the beheerder's browser has JavaScript switched off.</param>
    /// <param name="bypassCsp">Lets the test run axe in the beheerder's browser.</param>
    /// <param name="beheerderName">Who the first beheerder link is for (the command's optional second argument).</param>
    protected async Task<(IPage Beheerder, string GemeenteUrl, string FacilitatorLink)> GemeenteWithSessionAsync(
        string title, bool concept = false, int width = 1280, int height = 900, bool javaScript = true, bool bypassCsp = false, string? beheerderName = null)
    {
        using var output = new StringWriter();
        string[] command = beheerderName is null ? ["gemeente", "add", "Zuidwaarde"] : ["gemeente", "add", "Zuidwaarde", beheerderName];
        Assert.Equal(0, await HandhavingsKoers.Web.Maintenance.GemeenteCommands.RunAsync(App.Services, command, output));
        var path = System.Text.RegularExpressions.Regex.Match(output.ToString(), @"/gemeente/\S+").Value;
        Assert.NotEmpty(path);

        var beheerder = await (await NewUserAsync(width, height, bypassCsp, javaScript)).NewPageAsync();
        await beheerder.GotoAsync(App.BaseUrl + path);
        await Assertions.Expect(beheerder.GetByRole(AriaRole.Heading, new() { Name = "Gemeente Zuidwaarde", Level = 1 })).ToBeVisibleAsync();
        Assert.DoesNotContain("sleutel", beheerder.Url, StringComparison.Ordinal); // the key leaves the address bar at once
        await beheerder.GetByLabel("Titel van de workshop").FillAsync(title);
        if (concept)
        {
            await beheerder.GetByLabel("Als concept klaarzetten", new() { Exact = false }).CheckAsync();
        }

        await beheerder.GetByRole(AriaRole.Button, new() { Name = "Sessie starten" }).ClickAsync();
        await Assertions.Expect(beheerder.GetByRole(AriaRole.Status).Filter(new() { HasText = "De sessie is gestart." })).ToBeVisibleAsync();
        var facilitatorLink = await beheerder.GetByLabel("Begeleiderslink", new() { Exact = true }).InputValueAsync();
        return (beheerder, App.BaseUrl + path[..path.IndexOf('?', StringComparison.Ordinal)], facilitatorLink);
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await App.DisposeAsync();

        // No input ever produces a server error: a 500 behind a page that looked fine (a background save, a live
        // fragment) fails the test too, and the failure shows the exception from the app's log.
        var errors = App.ServerErrors();
        Assert.True(errors.Count == 0, "The server answered with an error during this test:\n" + string.Join("\n---\n", errors));
    }
}
