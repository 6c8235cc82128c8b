using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace HandhavingsKoers.EndToEnd;

/// <summary>
/// What broke when a workshop was run as people do it (Dutch time, a laptop and phones, elements found by their
/// visible Dutch labels), with JavaScript on: the timer, editing a note while the room writes, a locked step.
/// </summary>
public sealed class InTheRoomTests : BrowserTest
{
    private IPage _facilitator = null!;
    private IPage _phone = null!;
    private IPage _otherPhone = null!;
    private string _workshopUrl = "";

    private async Task StartRoomOnVertrouwenAsync()
    {
        _facilitator = await (await NewUserAsync(1280, 800)).NewPageAsync();
        await _facilitator.GotoAsync(App.BaseUrl + "/starten");
        await _facilitator.GetByLabel("Gemeente", new() { Exact = true }).FillAsync("Gemeente Zuidwolde");
        await _facilitator.GetByLabel("Titel van de workshop").FillAsync("In de zaal");
        await _facilitator.GetByRole(AriaRole.Button, new() { Name = "Workshop starten" }).ClickAsync();
        var code = Regex.Replace(await _facilitator.Locator(".join-code").TextContentAsync() ?? "", @"\s", "");
        _workshopUrl = Regex.Replace(_facilitator.Url, "/begeleider.*$", "");

        _phone = await JoinAsync(code, "Sanne");
        _otherPhone = await JoinAsync(code, "Piet");
        await _facilitator.GetByRole(AriaRole.Button, new() { Name = "Volgende stap: Vertrouwen" }).ClickAsync();
        await _phone.WaitForURLAsync(new Regex("/stap/vertrouwen$"));
        await _otherPhone.WaitForURLAsync(new Regex("/stap/vertrouwen$"));
    }

    private async Task<IPage> JoinAsync(string code, string name)
    {
        var phone = await (await NewUserAsync(360, 740)).NewPageAsync();
        await phone.GotoAsync($"{App.BaseUrl}/doemee/{code}");
        await phone.GetByLabel("Uw naam").FillAsync(name);
        await phone.GetByRole(AriaRole.Button, new() { Name = "Meedoen" }).ClickAsync();
        await Assertions.Expect(phone).ToHaveURLAsync(new Regex("/stap$"), new() { Timeout = 15000 }); // the address, not the load event (see BrowserTest.JoinOnPhoneAsync)
        return phone;
    }

    [BrowserFact]
    public async Task A_timer_started_by_the_facilitator_counts_down_in_dutch_time_on_open_phones()
    {
        await StartRoomOnVertrouwenAsync();
        await _facilitator.GetByLabel("Timer (minuten)").FillAsync("3");
        await _facilitator.GetByRole(AriaRole.Button, new() { Name = "Start timer" }).ClickAsync();

        // The facilitator's own countdown, and the phone that was already open, without a reload.
        await Assertions.Expect(_facilitator.Locator(".timer")).ToHaveTextAsync(new Regex(@"^Nog [23]:\d\d$"), new() { Timeout = 3000 });
        await Assertions.Expect(_phone.Locator(".timer")).ToHaveTextAsync(new Regex(@"^Nog [23]:\d\d$"), new() { Timeout = 3000 });
        await _phone.ReloadAsync();
        await Assertions.Expect(_phone.Locator(".timer")).ToHaveTextAsync(new Regex(@"^Nog [23]:\d\d$"));
    }

    [BrowserFact]
    public async Task Editing_a_note_keeps_its_form_while_others_write()
    {
        await StartRoomOnVertrouwenAsync();
        await _phone.GetByLabel("Uw notitie").First.FillAsync("Wij bellen eerst");
        await _phone.GetByRole(AriaRole.Button, new() { Name = "Toevoegen bij: Wat doet mijn gemeente al?" }).ClickAsync();
        await Assertions.Expect(_phone.Locator("#notes-Already")).ToContainTextAsync("Wij bellen eerst");

        await _phone.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^Bewerken\s*: Wij bellen eerst$") }).ClickAsync();
        var editor = _phone.GetByLabel("Notitie bewerken");
        await Assertions.Expect(editor).ToBeVisibleAsync();

        // Another phone writes in the same column: the live refresh arrives while Sanne edits.
        await _otherPhone.GetByLabel("Uw notitie").First.FillAsync("Piet schrijft mee");
        await _otherPhone.GetByRole(AriaRole.Button, new() { Name = "Toevoegen bij: Wat doet mijn gemeente al?" }).ClickAsync();
        await Assertions.Expect(_phone.Locator("#count-Already")).ToHaveTextAsync("(2)", new() { Timeout = 3000 });
        await _phone.WaitForTimeoutAsync(700);
        await Assertions.Expect(editor).ToBeVisibleAsync();

        await editor.FillAsync("Wij bellen altijd eerst");
        await _phone.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Assertions.Expect(_phone.Locator("#notes-Already")).ToContainTextAsync("Wij bellen altijd eerst");
        await Assertions.Expect(_phone.Locator("#notes-Already")).ToContainTextAsync("Piet schrijft mee");
    }

    [BrowserFact]
    public async Task The_facilitator_copies_the_secret_link_and_the_long_summary_has_contents()
    {
        await StartRoomOnVertrouwenAsync();
        var laptop = await NewUserAsync(1280, 800);
        await laptop.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        var page = await laptop.NewPageAsync();
        await page.GotoAsync(App.BaseUrl + "/starten");
        await page.GetByLabel("Gemeente", new() { Exact = true }).FillAsync("Gemeente Zuidwolde");
        await page.GetByLabel("Titel van de workshop").FillAsync("Met een link");
        await page.GetByRole(AriaRole.Button, new() { Name = "Workshop starten" }).ClickAsync();

        var link = await page.GetByRole(AriaRole.Textbox, new() { Name = "Begeleiderslink" }).InputValueAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Kopieer de link" }).ClickAsync();
        await Assertions.Expect(page.GetByText("De link is gekopieerd.")).ToBeVisibleAsync();
        Assert.Equal(link, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        Assert.Contains("?sleutel=", link, StringComparison.Ordinal);

        // The summary opens with its contents; a link takes the reader to that principle.
        await _phone.GotoAsync(_workshopUrl + "/samenvatting");
        var contents = _phone.GetByRole(AriaRole.Navigation, new() { Name = "Inhoud" });
        await contents.GetByRole(AriaRole.Link, new() { Name = "Vertrouwen" }).ClickAsync();
        await Assertions.Expect(_phone.GetByRole(AriaRole.Heading, new() { Name = "Vertrouwen", Level = 2 })).ToBeInViewportAsync();
    }

    [BrowserFact]
    public async Task A_saved_score_is_confirmed_on_screen()
    {
        await StartRoomOnVertrouwenAsync();
        await _phone.GetByLabel("3 We zijn ermee bezig").CheckAsync();
        await _phone.GetByRole(AriaRole.Button, new() { Name = "Score bewaren" }).ClickAsync();
        // In the "Waar staan we?" section itself, where the person looks (the screen reader's copy is elsewhere).
        var scores = _phone.GetByRole(AriaRole.Region, new() { Name = "Waar staan we?" });
        await Assertions.Expect(scores.GetByText("Uw score is bewaard. Niemand ziet wat u koos.")).ToBeVisibleAsync();
        Assert.EndsWith("/stap/vertrouwen", _phone.Url, StringComparison.Ordinal); // saved by the script, no reload
    }

    [BrowserFact]
    public async Task The_three_actions_are_live_on_every_screen_and_the_laptop_follows_the_projector()
    {
        await StartRoomOnVertrouwenAsync();
        // The projector is a second window of the facilitator's browser (it holds the facilitator's key).
        var presenter = await _facilitator.Context.NewPageAsync();
        await presenter.SetViewportSizeAsync(1920, 1080);
        await presenter.GotoAsync(_workshopUrl + "/presenteren");

        // The projector's keys move the room to the end of the walk; the facilitator's laptop and the phones follow.
        for (var step = 3; step <= 9; step++)
        {
            await presenter.Keyboard.PressAsync("ArrowRight");
            await Assertions.Expect(presenter.Locator(".stage-counter")).ToContainTextAsync($"Stap {step} van 10", new() { Timeout = 5000 });
        }

        await _facilitator.WaitForURLAsync(new Regex("/begeleider/acties$"), new() { Timeout = 5000 });
        await _phone.WaitForURLAsync(new Regex("/stap/acties$"), new() { Timeout = 5000 });

        // A participant writes their actions: the facilitator's page shows them without a reload.
        await _phone.GetByLabel("Zaak 1").FillAsync("Brieven herlezen");
        await _phone.GetByRole(AriaRole.Button, new() { Name = "Bewaren" }).ClickAsync();
        await Assertions.Expect(_facilitator.GetByText("Brieven herlezen", new() { Exact = true })).ToBeVisibleAsync(new() { Timeout = 5000 });

        // The facilitator makes it a team action: the phones and the projector show it without a reload.
        var phoneUrl = _otherPhone.Url;
        await _facilitator.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^Maak er een teamactie van") }).ClickAsync();
        await _facilitator.GetByLabel("Wie pakt het op?").FillAsync("Teamleider");
        await _facilitator.GetByLabel("Klaar op").FillAsync(DateTime.Today.AddMonths(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await _facilitator.GetByRole(AriaRole.Button, new() { Name = "Teamactie toevoegen" }).ClickAsync();
        await Assertions.Expect(_otherPhone.Locator("#teamacties")).ToContainTextAsync("Brieven herlezen", new() { Timeout = 5000 });
        await Assertions.Expect(presenter.Locator(".stage-team-actions")).ToContainTextAsync("Brieven herlezen", new() { Timeout = 5000 });
        await presenter.ScreenshotAsync(new() { Path = Browsers.Artifact("presenter-team-actions-1920.png") });
        Assert.Equal(phoneUrl, _otherPhone.Url);
    }

    [BrowserFact]
    public async Task A_locked_step_shows_no_forms_to_participants_live_and_after_a_reload()
    {
        await StartRoomOnVertrouwenAsync();
        await Assertions.Expect(_phone.GetByLabel("Uw notitie").First).ToBeVisibleAsync();
        await _facilitator.GetByRole(AriaRole.Button, new() { Name = "Stap sluiten" }).ClickAsync();

        foreach (var reload in new[] { false, true })
        {
            if (reload)
            {
                await _phone.ReloadAsync();
            }

            await Assertions.Expect(_phone.GetByText("De begeleider heeft deze stap gesloten.")).ToBeVisibleAsync(new() { Timeout = 3000 });
            await Assertions.Expect(_phone.GetByLabel("Uw notitie")).ToHaveCountAsync(2);
            foreach (var field in await _phone.GetByLabel("Uw notitie").AllAsync())
            {
                await Assertions.Expect(field).ToBeHiddenAsync();
            }

            foreach (var button in await _phone.GetByRole(AriaRole.Button, new() { Name = "Toevoegen" }).AllAsync())
            {
                await Assertions.Expect(button).ToBeHiddenAsync();
            }

            await Assertions.Expect(_phone.GetByRole(AriaRole.Button, new() { Name = "Score bewaren" })).ToBeHiddenAsync();
        }

        await _phone.ScreenshotAsync(new() { Path = Browsers.Artifact("participant-locked-360.png"), FullPage = true });
    }
}
