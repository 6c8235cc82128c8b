using Microsoft.Playwright;

namespace HandhavingsKoers.EndToEnd;

/// <summary>A test class with the app on a real port and a Chromium to drive, both fresh per test.</summary>
public abstract class BrowserTest : IAsyncLifetime
{
    protected LiveApp App { get; } = new();
    protected IPlaywright Playwright { get; private set; } = null!;
    protected IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync() => (Playwright, Browser) = await Browsers.LaunchAsync();

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await App.DisposeAsync();
    }
}
