using System.Text.RegularExpressions;
using HandhavingsKoers.Web.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HandhavingsKoers.EndToEnd;

/// <summary>
/// A page beyond the limit of open live pages (here: one per participant) is refused its stream with a 429. It keeps
/// working, does not ask again in a tight loop, and follows the room again once a place is free.
/// </summary>
public sealed class LiveLimitTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private readonly LiveApp _app = new(new Dictionary<string, string?> { ["Security:StreamsPerParticipant"] = "1" });
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync() => (_playwright, _browser) = await Browsers.LaunchAsync();

    [BrowserFact]
    public async Task A_tab_over_the_limit_backs_off_and_follows_the_room_again_when_a_place_is_free()
    {
        var facilitator = await (await NewUserAsync(1280, 800)).NewPageAsync();
        await facilitator.GotoAsync(_app.BaseUrl + "/starten");
        await facilitator.GetByLabel("Gemeente", new() { Exact = true }).FillAsync("Gemeente Zuidwolde");
        await facilitator.GetByLabel("Titel van de workshop").FillAsync("Veel tabbladen");
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Workshop starten" }).ClickAsync();
        var code = Regex.Replace(await facilitator.Locator(".join-code").TextContentAsync() ?? "", @"\s", "");

        // The room is on its first topic before Sanne and Piet join, and the facilitator's laptop is closed: no page
        // here moves on (a page that moves on opens its new stream while the old one may still be closing, which a
        // limit of one would refuse), so the streams counted below are Sanne's and Piet's.
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Volgende stap: Vertrouwen" }).ClickAsync();
        await Assertions.Expect(facilitator.GetByRole(AriaRole.Heading, new() { Name = "Vertrouwen", Level = 1 })).ToBeVisibleAsync();
        await facilitator.CloseAsync();
        var sanne = await NewUserAsync(360, 740);
        var firstTab = await JoinAsync(sanne, code, "Sanne");
        var piet = await JoinAsync(await NewUserAsync(360, 740), code, "Piet");
        var slots = _app.Services.GetRequiredService<StreamSlots>();
        await WaitUntilAsync(() => slots.Total == 2, "Piet and Sanne's first tab should each have a stream");

        // Sanne opens the same step in a second tab: her one place is taken by the first, so its stream gets a 429.
        await sanne.Clock.InstallAsync();
        var secondTab = await sanne.NewPageAsync();
        var asked = new List<(DateTime At, string Url)>();
        var refused = new TaskCompletionSource();
        secondTab.Request += (_, request) =>
        {
            if (new Uri(request.Url).AbsolutePath.EndsWith("/live", StringComparison.Ordinal))
            {
                lock (asked) asked.Add((DateTime.UtcNow, request.Url));
            }
        };
        secondTab.Response += (_, response) =>
        {
            if (new Uri(response.Url).AbsolutePath.EndsWith("/live", StringComparison.Ordinal) && response.Status == 429) refused.TrySetResult();
        };
        await secondTab.GotoAsync(firstTab.Url);
        await refused.Task.WaitAsync(TimeSpan.FromSeconds(10));

        // The page itself works (here: writing a note, without live updates), and nothing asks again for 8 seconds.
        await secondTab.GetByLabel("Uw notitie").First.FillAsync("Geschreven in het tweede tabblad");
        await secondTab.GetByRole(AriaRole.Button, new() { Name = "Toevoegen bij: Wat doet mijn gemeente al?" }).ClickAsync();
        await Assertions.Expect(secondTab.Locator("#notes-Already")).ToContainTextAsync("Geschreven in het tweede tabblad");
        await secondTab.WaitForTimeoutAsync(8000);
        lock (asked)
        {
            output.WriteLine(string.Join("\n", asked.Select(a => $"{a.At:HH:mm:ss.fff} {a.Url}")));
            Assert.Single(asked);
        }

        // The first tab closes; after the wait (at most 30 s × 1.25) the second tab listens again and follows the room.
        Assert.Equal(2, slots.Total);
        await firstTab.CloseAsync();
        await WaitUntilAsync(() => slots.Total == 1, "the first tab's place was not given back");
        await sanne.Clock.FastForwardAsync("00:40");
        await WaitUntilAsync(() => slots.Total == 2, "the second tab did not ask again");
        lock (asked)
        {
            Assert.Equal(2, asked.Count);
        }

        await piet.GetByLabel("Uw notitie").First.FillAsync("Piet schrijft mee");
        await piet.GetByRole(AriaRole.Button, new() { Name = "Toevoegen bij: Wat doet mijn gemeente al?" }).ClickAsync();
        await Assertions.Expect(secondTab.Locator("#notes-Already")).ToContainTextAsync("Piet schrijft mee", new() { Timeout = 5000 });
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string message)
    {
        for (var waited = 0; !condition(); waited += 50)
        {
            Assert.True(waited < 5000, message);
            await Task.Delay(50);
        }
    }

    private Task<IBrowserContext> NewUserAsync(int width, int height) =>
        _browser.NewContextAsync(new()
        {
            TimezoneId = "Europe/Amsterdam",
            Locale = "nl-NL",
            ViewportSize = new() { Width = width, Height = height },
        });

    private async Task<IPage> JoinAsync(IBrowserContext context, string code, string name)
    {
        var phone = await context.NewPageAsync();
        await phone.GotoAsync($"{_app.BaseUrl}/doemee/{code}");
        await phone.GetByLabel("Uw naam").FillAsync(name);
        await phone.GetByRole(AriaRole.Button, new() { Name = "Meedoen" }).ClickAsync();
        await Assertions.Expect(phone).ToHaveURLAsync(new Regex("/stap$"), new() { Timeout = 15000 }); // the address, not the load event (see BrowserTest.JoinOnPhoneAsync)
        return phone;
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _app.DisposeAsync();
    }
}
