using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace HandhavingsKoers.EndToEnd;

/// <summary>
/// The projector holds a real room: with 0, 8, 30 and 100 notes per column, at 1920×1080 and 1280×720, the question
/// and the newest notes stay on the screen and nothing runs off it, also after the scores are revealed.
/// </summary>
public sealed class ProjectorTests(Xunit.Abstractions.ITestOutputHelper output) : BrowserTest
{
    private static readonly (int Width, int Height)[] Screens = [(1920, 1080), (1280, 720)];

    [BrowserFact]
    public async Task The_question_and_the_newest_notes_stay_on_the_screen_however_much_the_room_writes()
    {
        var laptop = await NewUserAsync(1280, 800);
        var facilitator = await laptop.NewPageAsync();
        var (code, workshopUrl) = await StartOnVertrouwenAsync(facilitator, "Een volle zaal");
        var token = await facilitator.Locator("input[name=__RequestVerificationToken]").First.GetAttributeAsync("value");

        // The projector is a second window of the facilitator's browser.
        var presenter = await laptop.NewPageAsync();
        await presenter.GotoAsync(workshopUrl + "/presenteren");

        var written = 0;
        foreach (var count in new[] { 0, 8, 30, 100 })
        {
            // The facilitator writes for the room (the quickest way to fill a column through the real form).
            for (; written < count; written++)
            {
                foreach (var (column, text) in new[] { ("Already", "al"), ("Todo", "nog") })
                {
                    var form = laptop.APIRequest.CreateFormData();
                    form.Set("__RequestVerificationToken", token!);
                    form.Set("Form.Column", column);
                    form.Set("Form.Text", $"Notitie {written + 1} bij wat {text} gebeurt");
                    var response = await laptop.APIRequest.PostAsync(workshopUrl + "/begeleider/vertrouwen?handler=AddNote",
                        new() { Form = form, Headers = new Dictionary<string, string> { ["X-Requested-With"] = "fetch" } });
                    Assert.True(response.Ok, $"posting a note answered {response.Status}");
                }
            }

            foreach (var (width, height) in Screens)
            {
                await presenter.SetViewportSizeAsync(width, height);
                await presenter.ReloadAsync();
                await AssertOnScreenAsync(presenter, count, $"{count} notes at {width}×{height}");
            }

            if (count == 30)
            {
                await presenter.SetViewportSizeAsync(1920, 1080);
                await presenter.ReloadAsync();
                await presenter.ScreenshotAsync(new() { Path = Browsers.Artifact("presenter-30-notes-1920.png") });
            }
        }

        // Someone scores and the facilitator reveals the scores: the distribution fits beside the notes.
        var phone = await JoinOnPhoneAsync(code);
        await phone.GetByLabel("3 We zijn ermee bezig").CheckAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "Score bewaren" }).ClickAsync();
        await presenter.Keyboard.PressAsync("s");
        await Assertions.Expect(presenter.Locator(".stage-scores .score-median")).ToBeVisibleAsync(new() { Timeout = 5000 });
        foreach (var (width, height) in Screens)
        {
            await presenter.SetViewportSizeAsync(width, height);
            await presenter.ReloadAsync();
            await Assertions.Expect(presenter.Locator(".stage-scores .score-median")).ToBeInViewportAsync(new() { Ratio = 1 });
            await AssertOnScreenAsync(presenter, 100, $"revealed scores at {width}×{height}");
        }

        await presenter.SetViewportSizeAsync(1920, 1080);
        await presenter.ReloadAsync();
        // The projected screen shows the room's view: without the mouse the facilitator's buttons and the key legend
        // fade out within a few seconds; a mouse move brings them back.
        var next = presenter.GetByRole(AriaRole.Button, new() { Name = "Volgende →" }).Locator("xpath=..");
        await Assertions.Expect(next).ToHaveCSSAsync("opacity", "0", new() { Timeout = 8000 });
        await Assertions.Expect(presenter.Locator(".keys")).ToHaveCSSAsync("opacity", "0");
        await presenter.ScreenshotAsync(new() { Path = Browsers.Artifact("presenter-scores-100-notes-1920.png") });
        await presenter.Mouse.MoveAsync(200, 200);
        await presenter.Mouse.MoveAsync(300, 300);
        await Assertions.Expect(next).ToHaveCSSAsync("opacity", "1");
    }

    [BrowserFact]
    public async Task The_radar_on_the_closing_screen_can_be_read_from_the_back_of_the_room()
    {
        var laptop = await NewUserAsync(1280, 800);
        var facilitator = await laptop.NewPageAsync();
        var (code, workshopUrl) = await StartOnVertrouwenAsync(facilitator, "Achter in de zaal");

        var phone = await JoinOnPhoneAsync(code);
        await phone.GetByLabel("3 We zijn ermee bezig").CheckAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "Score bewaren" }).ClickAsync();

        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Scores aan de zaal laten zien" }).ClickAsync();
        await facilitator.GetByRole(AriaRole.Link, new() { Name = "Afronding" }).ClickAsync();
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Zet de zaal op deze stap" }).ClickAsync();

        var presenter = await laptop.NewPageAsync();
        await presenter.SetViewportSizeAsync(1920, 1080);
        await presenter.GotoAsync(workshopUrl + "/presenteren");
        var radar = presenter.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("^Radar") });
        await Assertions.Expect(radar).ToBeVisibleAsync();

        // The smallest topic name as drawn on the screen, in CSS pixels (the SVG is scaled to fit its box).
        var smallest = await radar.EvaluateAsync<double>("""
            svg => {
                const box = svg.getBoundingClientRect(), view = svg.viewBox.baseVal;
                const scale = Math.min(box.width / view.width, box.height / view.height);
                return Math.min(...[...svg.querySelectorAll('text[font-weight=bold]')].map(t => parseFloat(t.getAttribute('font-size')) * scale));
            }
            """);
        output.WriteLine($"smallest topic name on the projector: {smallest:0.0} px");
        Assert.True(smallest >= 24, $"The radar's topic names are {smallest:0.0} px at 1920×1080; readable from the back of the room needs 24 px.");
        var fits = await presenter.EvaluateAsync<bool>("() => document.documentElement.scrollHeight <= window.innerHeight + 1");
        Assert.True(fits, "The closing screen with the radar runs off the projector.");
        await presenter.ScreenshotAsync(new() { Path = Browsers.Artifact("presenter-closing-1920.png") });
    }

    private async Task AssertOnScreenAsync(IPage presenter, int newest, string situation)
    {
        output.WriteLine(situation);
        await Assertions.Expect(presenter.Locator(".stage-question")).ToBeInViewportAsync(new() { Ratio = 1 });
        if (newest > 0)
        {
            await Assertions.Expect(presenter.GetByText($"Notitie {newest} bij wat al gebeurt", new() { Exact = true })).ToBeInViewportAsync(new() { Ratio = 1 });
            await Assertions.Expect(presenter.GetByText($"Notitie {newest} bij wat nog gebeurt", new() { Exact = true })).ToBeInViewportAsync(new() { Ratio = 1 });
        }

        var fits = await presenter.EvaluateAsync<bool>("() => document.documentElement.scrollHeight <= window.innerHeight + 1 && document.documentElement.scrollWidth <= window.innerWidth + 1");
        Assert.True(fits, $"The stage runs off the screen with {situation}.");
    }
}
