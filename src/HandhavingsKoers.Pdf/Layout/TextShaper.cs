using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using HandhavingsKoers.Pdf.Fonts;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace HandhavingsKoers.Pdf.Layout;

/// <summary>A stretch of text drawn with one font.</summary>
public sealed record Run(string Text, XFont Font, double Width);

/// <summary>One wrapped line: its runs, left to right, and its width.</summary>
public sealed record Line(IReadOnlyList<Run> Runs, double Width)
{
    public string Text => string.Concat(Runs.Select(r => r.Text));
}

/// <summary>
/// Turns text into wrapped lines of font runs. Each grapheme is drawn with Noto Sans when it has the glyphs, else with
/// DejaVu Sans; one that neither has (emoji, scripts we do not carry) becomes U+FFFD, so nothing disappears silently.
/// Words longer than a line are broken between graphemes, so nothing is drawn outside the margins.
/// </summary>
public sealed class TextShaper
{
    public const string Replacement = "\uFFFD";

    // Automatic: a run of text that WinAnsi can hold (nearly all Dutch text) is written as a simple TrueType font with
    // WinAnsiEncoding, one byte per character; any other run as a Unicode (Type0, Identity-H) font with a ToUnicode
    // map. Both are embedded subsets and both give their text back to copy, search and screen readers (WinAnsi is one
    // of the standard encodings PDF/UA accepts without a ToUnicode map). Writing every run as hexadecimal glyph ids
    // allocated 15.4 instead of 12.3 MB per named 200-note report (issue 16; decision 0004).
    private static readonly XPdfFontOptions Encoding = new(PdfFontEncoding.Automatic);

    // Advance widths per em, by face and code point, shared by all renders. PDFsharp measures text as the plain sum
    // of advances (no kerning), so a word's width is the sum of its characters' and the table stays small.
    private static readonly ConcurrentDictionary<(string Family, bool Bold, bool Italic, int CodePoint), double> Advances = new();

    // Most of what people write is Latin: its advances sit in one array per face, so measuring a character is an array
    // read instead of a dictionary lookup that hashes the family name (a tenth of a report's layout time). NaN: not
    // measured yet; a race measures the same value twice, harmlessly.
    private const int LatinLimit = 0x250;
    private static readonly ConcurrentDictionary<(string Family, bool Bold, bool Italic), double[]> LatinAdvances = new();
    private static readonly Lock MeasureGate = new();
    private static readonly Dictionary<(string Family, bool Bold, bool Italic), XFont> EmFonts = [];
    private static XGraphics? _measure;

    // Code points below U+0250 that Noto Sans draws: most Dutch text takes the fast path through Shape.
    private static readonly bool[] PrimaryLatin = [.. Enumerable.Range(0, 0x250).Select(c => c >= 0x20 && EmbeddedFonts.PrimaryCoverage.Contains(c))];

    private readonly Dictionary<(string Family, double Size, bool Bold, bool Italic), XFont> _fonts = [];

    // The paginator asks for the same text at the same width more than once (its height to keep blocks together, then
    // to place it; every bullet of a list), and the writer for every page's header: each is wrapped once per shaper.
    private readonly Dictionary<(string Text, TextStyle Style, double MaxWidth), IReadOnlyList<Line>> _wrapped = [];

    public TextShaper() => EmbeddedFonts.EnsureRegistered();

    public XFont Font(TextStyle style, bool fallback = false)
    {
        var key = (fallback ? EmbeddedFonts.Fallback : EmbeddedFonts.Primary, style.Size, style.Bold, style.Italic);
        if (!_fonts.TryGetValue(key, out var font))
        {
            var fontStyle = (style.Bold ? XFontStyleEx.Bold : XFontStyleEx.Regular) | (style.Italic ? XFontStyleEx.Italic : XFontStyleEx.Regular);
            font = new XFont(key.Item1, style.Size, fontStyle, Encoding);
            _fonts[key] = font;
        }

        return font;
    }

    public static double Width(string text, XFont font) => Width(text.AsSpan(), font);

    public static double Width(ReadOnlySpan<char> text, XFont font)
    {
        var family = font.FontFamily.Name;
        var bold = font.Bold;
        var italic = font.Italic;
        var latin = LatinAdvances.GetOrAdd((family, bold, italic), static _ => [.. Enumerable.Repeat(double.NaN, LatinLimit)]);
        var perEm = 0d;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < LatinLimit)
            {
                var known = latin[c];
                perEm += double.IsNaN(known) ? latin[c] = MeasureAdvance((family, bold, italic, c), new Rune(c)) : known;
                continue;
            }

            if (Rune.DecodeFromUtf16(text[i..], out var rune, out var used) != System.Buffers.OperationStatus.Done)
            {
                rune = Rune.ReplacementChar;
            }

            i += used - 1;
            var key = (family, bold, italic, rune.Value);
            perEm += Advances.TryGetValue(key, out var advance) ? advance : MeasureAdvance(key, rune);
        }

        return perEm * font.Size;
    }

    private static double MeasureAdvance((string Family, bool Bold, bool Italic, int CodePoint) key, Rune rune)
    {
        lock (MeasureGate)
        {
            _measure ??= XGraphics.CreateMeasureContext(new XSize(2000, 2000), XGraphicsUnit.Point, XPageDirection.Downwards);
            if (!EmFonts.TryGetValue((key.Family, key.Bold, key.Italic), out var em))
            {
                var style = (key.Bold ? XFontStyleEx.Bold : XFontStyleEx.Regular) | (key.Italic ? XFontStyleEx.Italic : XFontStyleEx.Regular);
                em = new XFont(key.Family, 1000, style, Encoding);
                EmFonts[(key.Family, key.Bold, key.Italic)] = em;
            }

            var advance = _measure.MeasureString(rune.ToString(), em).Width / 1000;
            Advances[key] = advance;
            return advance;
        }
    }

    /// <summary>
    /// Wraps text to the width; line breaks in the text start a new line; an empty text gives no lines. The lines are
    /// shared by every caller asking for the same text, style and width: read them, never change them.
    /// </summary>
    public IReadOnlyList<Line> Wrap(string text, TextStyle style, double maxWidth)
    {
        var key = (text, style, maxWidth);
        if (!_wrapped.TryGetValue(key, out var lines))
        {
            lines = WrapOnce(text, style, maxWidth);
            _wrapped[key] = lines;
        }

        return lines;
    }

    private List<Line> WrapOnce(string text, TextStyle style, double maxWidth)
    {
        var lines = new List<Line>();
        // A tab is a space in flowing text (fonts have no glyph for it). A soft hyphen goes: we never break inside a
        // word at one, and drawn it would be a hard hyphen in the middle of the word.
        foreach (var hardLine in text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\u00AD", "", StringComparison.Ordinal).Replace('\t', ' ').Split('\n'))
        {
            if (IsPlainLatin(hardLine) && TryWrapPlain(hardLine, Font(style), maxWidth, lines))
            {
                continue;
            }

            var current = new List<Run>();
            var width = 0d;
            foreach (var word in hardLine.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                foreach (var piece in BreakLongWord(Shape(word, style), maxWidth))
                {
                    var pieceWidth = piece.Sum(r => r.Width);

                    // The space between words belongs to the run before it (PDFsharp draws no text of only spaces,
                    // and text extraction needs the space to keep the words apart).
                    var space = current.Count == 0 ? 0 : Width(" ", current[^1].Font);
                    if (current.Count > 0 && width + space + pieceWidth > maxWidth)
                    {
                        lines.Add(Finish(current, width));
                        current = [];
                        width = 0;
                        space = 0;
                    }

                    if (current.Count > 0)
                    {
                        current[^1] = current[^1] with { Text = current[^1].Text + " ", Width = current[^1].Width + space };
                    }

                    current.AddRange(piece);
                    width += space + pieceWidth;
                }
            }

            if (current.Count > 0)
            {
                lines.Add(Finish(current, width));
            }
            else if (lines.Count > 0)
            {
                lines.Add(new Line([], 0)); // an empty line the author typed keeps its space
            }
        }

        while (lines.Count > 0 && lines[^1].Runs.Count == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }

    /// <summary>
    /// The common case, Latin text in the primary font, wrapped without intermediate runs: each line is one substring
    /// of the input (plus its trailing space). Returns false, adding nothing, when a word is wider than the line.
    /// </summary>
    private static bool TryWrapPlain(string text, XFont font, double maxWidth, List<Line> lines)
    {
        var added = new List<Line>();
        var space = Width(" ", font);
        int lineStart = -1, lineEnd = -1;
        var lineWidth = 0d;
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && text[i] == ' ')
            {
                i++;
            }

            if (i == text.Length)
            {
                break;
            }

            var start = i;
            while (i < text.Length && text[i] != ' ')
            {
                i++;
            }

            var wordWidth = Width(text.AsSpan(start, i - start), font);
            if (wordWidth > maxWidth)
            {
                return false;
            }

            if (lineStart >= 0 && lineWidth + space + wordWidth > maxWidth)
            {
                added.Add(PlainLine(text, lineStart, lineEnd, lineWidth, font));
                lineStart = -1;
            }

            if (lineStart < 0)
            {
                lineStart = start;
                lineWidth = wordWidth;
            }
            else
            {
                // Runs of several spaces between words count as one, as in the general path.
                lineWidth += space + wordWidth;
            }

            lineEnd = i;
        }

        if (lineStart >= 0)
        {
            added.Add(PlainLine(text, lineStart, lineEnd, lineWidth, font));
        }
        else if (lines.Count > 0)
        {
            added.Add(new Line([], 0));
        }

        lines.AddRange(added);
        return true;
    }

    private static Line PlainLine(string text, int start, int end, double width, XFont font)
    {
        var content = text[start..end];
        if (content.Contains("  ", StringComparison.Ordinal))
        {
            content = string.Join(' ', content.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }

        return new Line([new Run(content + " ", font, width)], width);
    }

    /// <summary>Splits text into runs by the font that can draw each grapheme.</summary>
    public IReadOnlyList<Run> Shape(string text, TextStyle style)
    {
        if (IsPlainLatin(text))
        {
            var primary = Font(style);
            return [new Run(text, primary, Width(text, primary))];
        }

        var runs = new List<Run>();
        var buffer = new StringBuilder();
        var bufferFallback = false;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var grapheme = (string)elements.Current;
            var (drawn, fallback) = Choose(grapheme);
            if (buffer.Length > 0 && fallback != bufferFallback)
            {
                Flush();
            }

            bufferFallback = fallback;
            buffer.Append(drawn);
        }

        Flush();
        return runs;

        void Flush()
        {
            if (buffer.Length == 0)
            {
                return;
            }

            var font = Font(style, bufferFallback);
            var piece = buffer.ToString();
            runs.Add(new Run(piece, font, Width(piece, font)));
            buffer.Clear();
        }
    }

    private static bool IsPlainLatin(string text)
    {
        foreach (var c in text)
        {
            // Combining marks (U+0300 and up) and everything beyond Latin take the careful path.
            if (c >= PrimaryLatin.Length || !PrimaryLatin[c])
            {
                return false;
            }
        }

        return true;
    }

    private static (string Drawn, bool Fallback) Choose(string grapheme)
    {
        // Right-to-left scripts need shaping and reordering that PDFsharp does not do; drawn as-is they would read
        // wrongly, which is worse than a visible replacement.
        if (NeedsShaping(grapheme))
        {
            return (Replacement, true);
        }

        if (CanDraw(grapheme, EmbeddedFonts.PrimaryCoverage))
        {
            return (grapheme, false);
        }

        return CanDraw(grapheme, EmbeddedFonts.FallbackCoverage) ? (grapheme, true) : (Replacement, true);
    }

    private static bool NeedsShaping(string grapheme)
    {
        foreach (var rune in grapheme.EnumerateRunes())
        {
            if (rune.Value is (>= 0x0590 and <= 0x08FF) or (>= 0xFB1D and <= 0xFDFF) or (>= 0xFE70 and <= 0xFEFF))
            {
                return true;
            }
        }

        return false;
    }

    private static bool CanDraw(string grapheme, CharacterMap map)
    {
        foreach (var rune in grapheme.EnumerateRunes())
        {
            if (!map.Contains(rune.Value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A word wider than the line is cut into pieces that fit, between graphemes.</summary>
    private static List<List<Run>> BreakLongWord(IReadOnlyList<Run> word, double maxWidth)
    {
        if (word.Sum(r => r.Width) <= maxWidth)
        {
            return [[.. word]];
        }

        var pieces = new List<List<Run>>();
        var current = new List<Run>();
        var width = 0d;
        foreach (var run in word)
        {
            var elements = StringInfo.GetTextElementEnumerator(run.Text);
            while (elements.MoveNext())
            {
                var grapheme = (string)elements.Current;
                var w = Width(grapheme, run.Font);
                if (width + w > maxWidth && current.Count > 0)
                {
                    pieces.Add(Merge(current));
                    current = [];
                    width = 0;
                }

                current.Add(new Run(grapheme, run.Font, w));
                width += w;
            }
        }

        if (current.Count > 0)
        {
            pieces.Add(Merge(current));
        }

        return pieces;
    }

    /// <summary>Joins neighbouring runs of the same font, so a line is drawn with few text operations.</summary>
    private static List<Run> Merge(List<Run> runs)
    {
        var merged = new List<Run>();
        foreach (var run in runs)
        {
            if (merged.Count > 0 && merged[^1].Font == run.Font)
            {
                var text = merged[^1].Text + run.Text;
                merged[^1] = new Run(text, run.Font, merged[^1].Width + run.Width);
            }
            else
            {
                merged.Add(run);
            }
        }

        return merged;
    }

    /// <summary>
    /// A line ends with a space in its last run: text extraction then keeps words of consecutive lines apart.
    /// The space is past the measured width, so it never pushes anything over the margin.
    /// </summary>
    private static Line Finish(List<Run> runs, double width)
    {
        var merged = Merge(runs);
        merged[^1] = merged[^1] with { Text = merged[^1].Text + " " };
        return new Line(merged, width);
    }
}
