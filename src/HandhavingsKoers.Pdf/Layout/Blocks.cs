using PdfSharp.Drawing;

namespace HandhavingsKoers.Pdf.Layout;

/// <summary>How text looks. Documents define their styles in one Typography class and pass these around.</summary>
public sealed record TextStyle(double Size, bool Bold = false, bool Italic = false, XColor? Color = null, double LineHeight = 1.35)
{
    public XColor Ink => Color ?? XColors.Black;

    public double LineSpacing => Size * LineHeight;
}

/// <summary>What a text block is in the document's structure tree (and for screen readers).</summary>
public enum TextRole
{
    Paragraph,
    Heading1,
    Heading2,
    Heading3,
}

/// <summary>A piece of flowing content. Blocks are laid out top to bottom and split across pages where allowed.</summary>
public abstract record Block
{
    public double SpaceBefore { get; init; }
    public double SpaceAfter { get; init; }

    /// <summary>Moves to the next page rather than be the last thing on one (headings keep with what follows).</summary>
    public bool KeepWithNext { get; init; }
}

/// <summary>Wrapped text; may continue on the next page between lines.</summary>
public sealed record TextBlock(string Text, TextStyle Style, TextRole Role = TextRole.Paragraph) : Block
{
    public double Indent { get; init; }

    /// <summary>A tinted box behind the text, with an optional bar on its left (decoration, not content).</summary>
    public XColor? Background { get; init; }

    public XColor? Bar { get; init; }

    public double Padding { get; init; }
}

/// <summary>A bulleted or numbered list; each item is one or more text blocks. Long lists continue on the next page.</summary>
public sealed record ListBlock(IReadOnlyList<ListItem> Items, TextStyle BulletStyle) : Block
{
    public double ItemSpacing { get; init; } = 4;

    /// <summary>Labels the items 1., 2., 3. instead of with bullets (a ranking).</summary>
    public bool Numbered { get; init; }
}

public sealed record ListItem(IReadOnlyList<TextBlock> Body);

/// <summary>A QR code (a figure with alt text) with a caption and the clickable address beside it.</summary>
public sealed record QrLinkBlock(string Url, string Caption, string AltText, double Size, TextStyle CaptionStyle, TextStyle UrlStyle) : Block;

/// <summary>
/// A vector drawing (a chart) as a figure with alternative text, scaled to <paramref name="Width"/> points and centred.
/// The words a chart shows must also be in the text around it (a table), because a figure is read by its alt text only.
/// </summary>
public sealed record DrawingBlock(Drawing Drawing, string AltText, double Width) : Block
{
    public double Height => Width * Drawing.Height / Drawing.Width;

    /// <summary>
    /// Text set in a column to the right of the drawing (its numbers, say); the drawing then sits on the left. The
    /// drawing and this text are kept together on one page.
    /// </summary>
    public IReadOnlyList<TextBlock> Beside { get; init; } = [];
}

/// <summary>A thin line across the content width (decoration).</summary>
public sealed record RuleBlock(XColor Color, double Thickness = 0.75) : Block;

/// <summary>Empty vertical space; on a blank poster it is where people write, with ruled lines when given a colour.</summary>
public sealed record SpaceBlock(double Height) : Block
{
    public XColor? Ruled { get; init; }

    public double RuleSpacing { get; init; } = 18;
}

/// <summary>Starts a new page; with <see cref="WhenFilled"/>, only when the page is at least that full.</summary>
public sealed record PageBreakBlock : Block
{
    /// <summary>
    /// 0 (the default): always break. 0.5: break only when at least half of the page is used, otherwise go on below,
    /// so a short front page is not left half empty.
    /// </summary>
    public double WhenFilled { get; init; }
}
