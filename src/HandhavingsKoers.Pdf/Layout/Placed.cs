using PdfSharp.Drawing;

namespace HandhavingsKoers.Pdf.Layout;

/// <summary>What ends up on a page, in reading order: tagged elements holding drawn things.</summary>
public abstract record Placed;

/// <summary>A structure element (H1, P, L, LI, Lbl, LBody, Link, Figure...) and what it holds on this page.</summary>
public sealed record PlacedElement(string Tag) : Placed
{
    public List<Placed> Children { get; } = [];

    /// <summary>For a Link element: where to go.</summary>
    public string? LinkUrl { get; init; }

    /// <summary>For a Figure or Link: the alternative text a screen reader reads.</summary>
    public string? AltText { get; init; }
}

/// <summary>A line of text. <paramref name="Artifact"/>: decoration a screen reader skips (a list's bullet).</summary>
public sealed record PlacedLine(double X, double Baseline, Line Line, XColor Color, bool Artifact = false) : Placed;

/// <summary>A filled rectangle; decoration, drawn as an artifact. Height can grow while the block is laid out.</summary>
public sealed record PlacedRect(double X, double Y, double Width, XColor Color) : Placed
{
    public double Height { get; set; }
}

/// <summary>A QR code, drawn as a sharp black-and-white image (see PdfReport.PageWriter.DrawQr).</summary>
public sealed record PlacedQr(double X, double Y, double Size, bool[,] Modules) : Placed;

/// <summary>A drawing placed at (X, Y), scaled by <see cref="Scale"/>.</summary>
public sealed record PlacedDrawing(double X, double Y, double Scale, Drawing Drawing) : Placed
{
    public XRect Bounds => new(X, Y, Drawing.Width * Scale, Drawing.Height * Scale);
}

/// <summary>A clickable area over text that is already placed.</summary>
public sealed record PlacedLinkArea(XRect Area) : Placed;

public sealed class PageContent
{
    public List<Placed> Items { get; } = [];
}
