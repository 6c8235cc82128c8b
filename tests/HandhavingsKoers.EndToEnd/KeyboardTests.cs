using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace HandhavingsKoers.EndToEnd;

/// <summary>A whole workshop without a mouse: Tab to move, type, Enter or Space to act.</summary>
public sealed class KeyboardTests : BrowserTest
{
    [BrowserFact]
    public async Task A_workshop_can_be_run_and_joined_with_the_keyboard_only()
    {
        var facilitator = await (await Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } })).NewPageAsync();
        await facilitator.GotoAsync(App.BaseUrl + "/");

        // The skip link comes first and jumps to the content.
        await facilitator.Keyboard.PressAsync("Tab");
        Assert.Equal("Naar de inhoud", await facilitator.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));
        await AssertVisibleFocusAsync(facilitator);

        await TabToAsync(facilitator, "a[href='/starten']");
        await facilitator.Keyboard.PressAsync("Enter");
        await Assertions.Expect(facilitator).ToHaveURLAsync(new Regex("/starten$"), new() { Timeout = 15000 });
        await TabToAsync(facilitator, "#Input_Gemeente");
        await facilitator.Keyboard.TypeAsync("Gemeente Toetsenbord");
        await facilitator.Keyboard.PressAsync("Tab");
        await facilitator.Keyboard.TypeAsync("Sessie zonder muis");

        // A date field shows its focus too (Chromium focuses a part inside it, which :focus-visible missed).
        await TabToAsync(facilitator, "input[type=date]");
        await AssertVisibleFocusAsync(facilitator);
        await TabToAsync(facilitator, "form.form button[type=submit]");
        await facilitator.Keyboard.PressAsync("Enter");
        await Assertions.Expect(facilitator).ToHaveURLAsync(new Regex("/begeleider$"), new() { Timeout = 15000 });
        var code = Regex.Replace(await facilitator.TextContentAsync(".join-code") ?? "", @"\s", "");

        // A participant joins from the home page with the keyboard.
        var phone = await (await Browser.NewContextAsync(new() { ViewportSize = new() { Width = 360, Height = 740 } })).NewPageAsync();
        await phone.GotoAsync(App.BaseUrl + "/");
        await TabToAsync(phone, "#code");
        await phone.Keyboard.TypeAsync(code);
        await phone.Keyboard.PressAsync("Enter");
        await Assertions.Expect(phone).ToHaveURLAsync(new Regex("/doemee"), new() { Timeout = 15000 });
        await TabToAsync(phone, "#DisplayName");
        await phone.Keyboard.TypeAsync("Toetsenbordgebruiker");
        await phone.Keyboard.PressAsync("Enter");
        await Assertions.Expect(phone).ToHaveURLAsync(new Regex("/stap$"), new() { Timeout = 15000 }); // the address, not the load event (see BrowserTest.JoinOnPhoneAsync)

        // With the script the screen follows the room, and the page says that instead of how to follow it by hand.
        await Assertions.Expect(phone.GetByText("Uw scherm gaat vanzelf mee naar de vraag die aan de beurt is.")).ToBeVisibleAsync();
        await Assertions.Expect(phone.GetByText("Uw scherm gaat niet vanzelf mee met de groep.", new() { Exact = false })).ToBeHiddenAsync();

        // The facilitator moves the room on with Tab and Enter; the phone follows.
        await TabToAsync(facilitator, ".move-buttons button");
        await AssertVisibleFocusAsync(facilitator);
        await facilitator.Keyboard.PressAsync("Enter");
        await Assertions.Expect(facilitator).ToHaveURLAsync(new Regex("/begeleider/vertrouwen$"), new() { Timeout = 15000 });
        await Assertions.Expect(phone).ToHaveURLAsync(new Regex("/stap/vertrouwen$"), new() { Timeout = 15000 });

        // The participant writes a note and sends it with the button, by keyboard.
        await TabToAsync(phone, "#nieuw-Already");
        await phone.Keyboard.TypeAsync("Geschreven zonder muis");
        await phone.Keyboard.PressAsync("Tab");
        await phone.Keyboard.PressAsync("Enter");
        await Assertions.Expect(phone.Locator("#notes-Already .note-text", new() { HasTextString = "Geschreven zonder muis" })).ToBeVisibleAsync();

        // The keyboard is back in the field, ready for the next note (the script used to leave it on the page itself,
        // so the next Tab started at the top), as the page without the script does.
        await Assertions.Expect(phone.Locator("#nieuw-Already")).ToBeFocusedAsync();
        await phone.Keyboard.TypeAsync("Tweede zonder muis");
        await phone.Keyboard.PressAsync("Tab");
        await phone.Keyboard.PressAsync("Enter");
        await Assertions.Expect(phone.Locator("#notes-Already .note-text", new() { HasTextString = "Tweede zonder muis" })).ToBeVisibleAsync();

        // Deleting a note by keyboard leaves the keyboard in that list, not at the top of the page.
        await TabToAsync(phone, "#notes-Already form.note-delete button");
        await phone.Keyboard.PressAsync("Enter");
        await Assertions.Expect(phone.Locator("#notes-Already .note-text")).ToHaveCountAsync(1);
        await Assertions.Expect(phone.Locator("#notes-Already")).ToBeFocusedAsync();

        // A note from someone else arrives and the list is drawn again: the keyboard stays in it.
        await facilitator.GetByLabel("Notitie voor de groep").First.FillAsync("Van de begeleider");
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Toevoegen bij: Wat doet mijn gemeente al?" }).ClickAsync();
        await Assertions.Expect(facilitator.Locator("#notes-Already")).ToContainTextAsync("Van de begeleider"); // its own post done
        await Assertions.Expect(phone.Locator("#notes-Already .note-text", new() { HasTextString = "Van de begeleider" })).ToBeVisibleAsync();
        await Assertions.Expect(phone.Locator("#notes-Already")).ToBeFocusedAsync();

        // "Lees meer" opens with the keyboard (a details element).
        await TabToAsync(phone, ".read-more summary");
        await phone.Keyboard.PressAsync("Enter");
        Assert.True(await phone.EvaluateAsync<bool>("() => document.querySelector('.read-more').open"));

        // The facilitator closes the workshop with the keyboard.
        await facilitator.ReloadAsync();
        await TabToAsync(facilitator, "form[action*='handler=Close'] button");
        await facilitator.Keyboard.PressAsync("Space");
        await Assertions.Expect(facilitator.Locator(".room-panel .notice")).ToContainTextAsync("afgesloten");
    }

    /// <summary>A refused form starts the keyboard at its list of errors, whose links lead to the fields (WCAG 2.4.3, 3.3.1).</summary>
    [BrowserFact]
    public async Task A_refused_form_puts_the_keyboard_on_its_list_of_errors_with_and_without_the_script()
    {
        foreach (var javaScript in new[] { false, true })
        {
            var page = await (await NewUserAsync(360, 740, javaScript: javaScript)).NewPageAsync();
            await page.GotoAsync(App.BaseUrl + "/starten");
            await page.GetByRole(AriaRole.Button, new() { Name = "Workshop starten" }).ClickAsync();

            var summary = page.GetByRole(AriaRole.Alert).Filter(new() { HasTextString = "Er ging iets mis" });
            await Assertions.Expect(summary).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.PressAsync("Enter");
            Assert.StartsWith("Input_", await page.EvaluateAsync<string>("() => document.activeElement.id"), StringComparison.Ordinal);
        }
    }

    /// <summary>Presses Tab until the element matching the selector has focus.</summary>
    private static async Task TabToAsync(IPage page, string selector, int maxTabs = 80)
    {
        for (var i = 0; i < maxTabs; i++)
        {
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) === true", selector))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        throw new InvalidOperationException($"Tab never reached {selector} on {page.Url}.");
    }

    /// <summary>The focused element shows it: an outline that is not "none".</summary>
    private static async Task AssertVisibleFocusAsync(IPage page)
    {
        var outline = await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
        Assert.NotEqual("none", outline);
    }
}
