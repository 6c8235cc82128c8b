using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace HandhavingsKoers.Pdf.Fonts;

/// <summary>
/// The fonts inside this assembly, handed to PDFsharp (which finds no fonts on Linux by itself).
/// The resolver is process-wide and <see cref="EnsureRegistered"/> sets it once. PDFsharp stays on 6.2.4 (MIT), which needs
/// no licence call; 6.5.0 is AGPL-3.0 and wanted <c>PdfSharpLicense.SetAgplLicense()</c> here. See docs/decisions/0004.
/// </summary>
public sealed class EmbeddedFonts : IFontResolver
{
    public const string Primary = "Noto Sans";
    public const string Fallback = "DejaVu Sans";

    private static readonly Lock Gate = new();
    private static readonly ConcurrentDictionary<string, byte[]> Files = new();
    private static bool _registered;

    /// <summary>Code points each family can draw, read from the fonts' own character maps.</summary>
    public static CharacterMap PrimaryCoverage { get; } = CharacterMap.Read(Load("NotoSans-Regular.ttf"));

    public static CharacterMap FallbackCoverage { get; } = CharacterMap.Read(Load("DejaVuSans.ttf"));

    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (_registered)
            {
                return;
            }

            GlobalFontSettings.FontResolver ??= new EmbeddedFonts();
            _registered = true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => familyName switch
    {
        Primary when bold => new FontResolverInfo("NotoSans-Bold.ttf"),
        Primary when italic => new FontResolverInfo("NotoSans-Italic.ttf"),
        Primary => new FontResolverInfo("NotoSans-Regular.ttf"),
        Fallback when bold => new FontResolverInfo("DejaVuSans-Bold.ttf"),
        Fallback => new FontResolverInfo("DejaVuSans.ttf", mustSimulateBold: false, mustSimulateItalic: italic),
        _ => null,
    };

    public byte[]? GetFont(string faceName) => Load(faceName);

    private static byte[] Load(string file) => Files.GetOrAdd(file, static name =>
    {
        using var stream = typeof(EmbeddedFonts).Assembly.GetManifestResourceStream($"HandhavingsKoers.Pdf.Fonts.{name}")
            ?? throw new InvalidOperationException($"Font {name} is not embedded in {typeof(EmbeddedFonts).Assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });
}
