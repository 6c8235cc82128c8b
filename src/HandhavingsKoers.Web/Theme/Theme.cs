using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace HandhavingsKoers.Web.Theme;

/// <summary>
/// The look of the app comes from NL Design System design tokens: a CSS file that sets the tokens under one class.
/// By default the "voorbeeld" theme from npm; a municipality points <c>Theme:Stylesheet</c> at its own token file
/// (or the theme.css of its own token package) and <c>Theme:ClassName</c> at its class. No rebuild needed.
/// </summary>
public sealed class ThemeOptions
{
    public const string Section = "Theme";

    /// <summary>The theme the build restores from npm.</summary>
    public const string DefaultStylesheet = "wwwroot/lib/voorbeeld-theme/theme.css";

    /// <summary>Path of the token CSS file, absolute or relative to the content root; empty for the default.</summary>
    public string? Stylesheet { get; set; }

    /// <summary>The class the token file puts its tokens under, e.g. "voorbeeld-theme".</summary>
    public string ClassName { get; set; } = "voorbeeld-theme";
}

/// <summary>The configured theme, checked once at start-up, and served at <c>/thema.css</c>.</summary>
public sealed partial class ThemeStylesheet
{
    public const string Path = "/thema.css";

    public ThemeStylesheet(IOptions<ThemeOptions> options, IHostEnvironment environment, ILogger<ThemeStylesheet> logger)
    {
        var configured = options.Value;
        var own = !string.IsNullOrWhiteSpace(configured.Stylesheet);
        File = System.IO.Path.GetFullPath(own ? configured.Stylesheet! : ThemeOptions.DefaultStylesheet, environment.ContentRootPath);
        if (!System.IO.File.Exists(File))
        {
            if (own)
            {
                // A municipality's own theme that is not there is a configuration error: say so at start-up.
                throw new InvalidOperationException(
                    $"Theme:Stylesheet '{configured.Stylesheet}' was not found (looked at {File}). Point it at a CSS file with design tokens, or remove the setting to use the default theme.");
            }

            // The default comes with the build; without it (a bare copy of the binaries) the pages still work, plainer.
            LogDefaultMissing(logger, File);
            Exists = false;
        }

        if (!CssClassName().IsMatch(configured.ClassName))
        {
            throw new InvalidOperationException($"Theme:ClassName '{configured.ClassName}' is not a CSS class name (letters, digits, '-' and '_').");
        }

        ClassName = configured.ClassName;
        if (Exists)
        {
            using var stream = System.IO.File.OpenRead(File);
            Version = Convert.ToHexStringLower(SHA256.HashData(stream))[..12];
        }
    }

    public bool Exists { get; } = true;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The default theme {File} is missing; pages are shown without the NL Design System tokens. Build the project to restore it.")]
    private static partial void LogDefaultMissing(ILogger logger, string file);

    public string File { get; }

    public string ClassName { get; }

    /// <summary>Changes when the file changes, so browsers may cache each version for good.</summary>
    public string Version { get; } = "";

    public string Url => $"{Path}?v={Version}";

    [GeneratedRegex("^-?[A-Za-z_][A-Za-z0-9_-]*$")]
    private static partial Regex CssClassName();
}

public static class ThemeEndpoint
{
    public static void MapTheme(this IEndpointRouteBuilder app) =>
        app.MapGet(ThemeStylesheet.Path, (HttpContext context, ThemeStylesheet theme) =>
        {
            if (!theme.Exists)
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = context.Request.Query.ContainsKey("v") ? "public, max-age=31536000, immutable" : "no-cache";
            return Results.File(theme.File, "text/css; charset=utf-8", lastModified: System.IO.File.GetLastWriteTimeUtc(theme.File));
        });
}
