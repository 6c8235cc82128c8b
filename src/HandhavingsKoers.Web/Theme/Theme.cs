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

    /// <summary>
    /// More themes a gemeente space may choose (<c>Theme:Available:&lt;key&gt;:Name</c>, <c>:Stylesheet</c>,
    /// <c>:ClassName</c>); the key is what the gemeente stores. Empty: every page wears the installation's theme.
    /// </summary>
    public Dictionary<string, AvailableTheme> Available { get; set; } = [];
}

/// <summary>One theme a gemeente may choose: a name people read, and its token file and class as for the installation's.</summary>
public sealed class AvailableTheme
{
    public string? Name { get; set; }

    public string? Stylesheet { get; set; }

    public string? ClassName { get; set; }

    /// <summary>The accent colour of the PDF report (titles, headings, bullets), as <c>#RRGGBB</c>; empty: the app's own.</summary>
    public string? PdfAccent { get; set; }
}

/// <summary>A theme as the layout uses it: the class on the body and the address of its token file.</summary>
public sealed record ThemeChoice(string Key, string Name, string ClassName, string File, string Version, string? PdfAccent = null)
{
    public string Url => $"{ThemeCatalog.PathPrefix}{Key}.css?v={Version}";
}

/// <summary>
/// The themes a gemeente may choose (<see cref="ThemeOptions.Available"/>), checked once at start-up like the
/// installation's own, and served at <c>/thema/{key}.css</c>.
/// </summary>
public sealed partial class ThemeCatalog
{
    public const string PathPrefix = "/thema/";

    public ThemeCatalog(IOptions<ThemeOptions> options, IHostEnvironment environment)
    {
        var themes = new List<ThemeChoice>();
        foreach (var (key, theme) in options.Value.Available.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            if (!ThemeKey().IsMatch(key))
            {
                throw new InvalidOperationException($"Theme:Available:{key} is not a usable key (lower-case letters, digits and '-', at most {Gemeenten.Gemeente.ThemeKeyMaxLength}).");
            }

            var file = System.IO.Path.GetFullPath(theme.Stylesheet ?? "", environment.ContentRootPath);
            if (string.IsNullOrWhiteSpace(theme.Stylesheet) || !System.IO.File.Exists(file))
            {
                throw new InvalidOperationException($"Theme:Available:{key}:Stylesheet '{theme.Stylesheet}' was not found (looked at {file}).");
            }

            if (theme.ClassName is null || !ThemeStylesheet.IsClassName(theme.ClassName))
            {
                throw new InvalidOperationException($"Theme:Available:{key}:ClassName '{theme.ClassName}' is not a CSS class name (letters, digits, '-' and '_').");
            }

            var accent = string.IsNullOrWhiteSpace(theme.PdfAccent) ? null : theme.PdfAccent.Trim();
            if (accent is not null && !HexColour().IsMatch(accent))
            {
                throw new InvalidOperationException($"Theme:Available:{key}:PdfAccent '{theme.PdfAccent}' is not a colour like #01689B.");
            }

            using var stream = System.IO.File.OpenRead(file);
            themes.Add(new ThemeChoice(key, string.IsNullOrWhiteSpace(theme.Name) ? key : theme.Name.Trim(), theme.ClassName, file,
                Convert.ToHexStringLower(SHA256.HashData(stream))[..12], accent));
        }

        All = themes;
    }

    public IReadOnlyList<ThemeChoice> All { get; }

    public ThemeChoice? Find(string? key) => key is null ? null : All.FirstOrDefault(t => t.Key == key);

    [GeneratedRegex("^[a-z0-9-]{1,50}$")]
    private static partial Regex ThemeKey();

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex HexColour();
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

        if (!IsClassName(configured.ClassName))
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

    public static bool IsClassName(string name) => CssClassName().IsMatch(name);

    [GeneratedRegex("^-?[A-Za-z_][A-Za-z0-9_-]*$")]
    private static partial Regex CssClassName();
}

public static class ThemeEndpoint
{
    public static void MapTheme(this IEndpointRouteBuilder app)
    {
        app.MapGet(ThemeStylesheet.Path, (HttpContext context, ThemeStylesheet theme) =>
        {
            if (!theme.Exists)
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = context.Request.Query.ContainsKey("v") ? "public, max-age=31536000, immutable" : "no-cache";
            return Results.File(theme.File, "text/css; charset=utf-8", lastModified: System.IO.File.GetLastWriteTimeUtc(theme.File));
        });
        app.MapGet(ThemeCatalog.PathPrefix + "{key}.css", (HttpContext context, ThemeCatalog catalog, string key) =>
        {
            if (catalog.Find(key) is not { } theme)
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = context.Request.Query.ContainsKey("v") ? "public, max-age=31536000, immutable" : "no-cache";
            return Results.File(theme.File, "text/css; charset=utf-8", lastModified: System.IO.File.GetLastWriteTimeUtc(theme.File));
        });
    }
}
