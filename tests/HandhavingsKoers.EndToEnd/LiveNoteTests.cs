using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace HandhavingsKoers.EndToEnd;

/// <summary>
/// A note written on one phone reaches the other phones in the live event itself (no fragment fetched per phone),
/// and the projector at once. Measures the click-to-projector time the room sees.
/// </summary>
public sealed class LiveNoteTests(Xunit.Abstractions.ITestOutputHelper output) : BrowserTest
{
    [BrowserFact]
    public async Task A_note_from_one_phone_shows_on_the_other_phones_from_its_event_and_stays_after_a_reload()
    {
        var facilitator = await (await NewUserAsync(1280, 800)).NewPageAsync();
        var (code, _) = await StartOnVertrouwenAsync(facilitator, "Live notities");
        var writer = await JoinOnPhoneAsync(code);
        var reader = await JoinOnPhoneAsync(code);
        await Assertions.Expect(reader.GetByRole(AriaRole.Heading, new() { Name = "Vertrouwen", Level = 1 })).ToBeVisibleAsync();

        // From here on the reader's page may not fetch its notes: the note has to come in the event.
        var fetches = new List<string>();
        reader.Request += (_, request) => { if (request.Url.Contains("handler=Live", StringComparison.Ordinal)) fetches.Add(request.Url); };
        await reader.EvaluateAsync("() => { window.noReload = true; }");

        await writer.GetByLabel("Uw notitie").First.FillAsync("Wij bellen eerst voordat we een brief sturen");
        await writer.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Toevoegen") }).First.ClickAsync();

        var note = reader.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Wij bellen eerst voordat we een brief sturen" });
        await Assertions.Expect(note).ToBeVisibleAsync(new() { Timeout = 3000 });
        await Assertions.Expect(note).ToContainTextAsync("Door Anoniem");
        await Assertions.Expect(note.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Bewerken") })).ToHaveCountAsync(0);
        await Assertions.Expect(reader.Locator("#live-announcer")).ToHaveTextAsync("Er is een nieuwe notitie.");
        Assert.Empty(fetches);
        Assert.True(await reader.EvaluateAsync<bool>("() => window.noReload === true"), "The page reloaded.");

        // The writer's own page shows it as theirs, with its buttons; after a reload the reader still has it.
        await Assertions.Expect(writer.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Wij bellen eerst" })).ToContainTextAsync("Door u");
        await reader.ReloadAsync();
        await Assertions.Expect(reader.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Wij bellen eerst voordat we een brief sturen" })).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task The_projector_shows_a_note_soon_after_the_click_on_a_phone()
    {
        var laptop = await NewUserAsync(1280, 800);
        var facilitator = await laptop.NewPageAsync();
        var (code, workshopUrl) = await StartOnVertrouwenAsync(facilitator, "Snelheid");
        var projector = await laptop.NewPageAsync();
        await projector.SetViewportSizeAsync(1920, 1080);
        await projector.GotoAsync(workshopUrl + "/presenteren");
        var phone = await JoinOnPhoneAsync(code);
        await Assertions.Expect(projector.GetByRole(AriaRole.Heading, new() { Name = "Vertrouwen" })).ToBeVisibleAsync();

        // The time from the click to the note on the projector, as the room would see it, in the browsers' own clocks.
        var times = new List<double>();
        for (var i = 1; i <= 12; i++)
        {
            var text = $"Snelle notitie {i}";
            await phone.GetByLabel("Uw notitie").First.FillAsync(text);
            var watch = projector.EvaluateAsync<double>(@"(text) => new Promise((resolve) => {
                const seen = () => Array.from(document.querySelectorAll('#stage li')).some((li) => li.textContent.includes(text));
                const observer = new MutationObserver(() => { if (seen()) { observer.disconnect(); resolve(performance.timeOrigin + performance.now()); } });
                observer.observe(document.getElementById('stage'), { childList: true, subtree: true });
            })", text);
            var clicked = await phone.EvaluateAsync<double>("() => performance.timeOrigin + performance.now()");
            await phone.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Toevoegen") }).First.ClickAsync();
            var shown = await watch.WaitAsync(TimeSpan.FromSeconds(5));
            times.Add(shown - clicked);
            await Assertions.Expect(phone.GetByLabel("Uw notitie").First).ToHaveValueAsync("");
        }

        times.Sort();
        var median = times[times.Count / 2];
        output.WriteLine($"Click → projector, {times.Count} notes: min {times[0]:0} ms, median {median:0} ms, max {times[^1]:0} ms ({string.Join(", ", times.Select(t => t.ToString("0", System.Globalization.CultureInfo.InvariantCulture)))}).");

        // The README reports the distribution on a quiet machine (target: median ≤ 300 ms); the suite, which runs
        // beside other work on two cores, keeps a looser bound that the old design (a fixed 250 ms wait) broke often.
        Assert.True(median <= 700, $"The projector showed a note {median:0} ms after the click (median).");
        await projector.ScreenshotAsync(new() { Path = Browsers.Artifact("presenter-fast-notes-1920.png") });
    }
}
