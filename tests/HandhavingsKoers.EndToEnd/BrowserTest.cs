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
    protected Task<IBrowserContext> NewUserAsync(int width, int height, bool bypassCsp = false) =>
        Browser.NewContextAsync(new()
        {
            TimezoneId = "Europe/Amsterdam",
            Locale = "nl-NL",
            ViewportSize = new() { Width = width, Height = height },
            BypassCSP = bypassCsp,
        });

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await App.DisposeAsync();
    }
}
