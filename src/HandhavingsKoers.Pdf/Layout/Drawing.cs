namespace HandhavingsKoers.Pdf.Layout;

/// <summary>
/// A small vector picture in its own coordinate space (y grows downwards, like SVG and XGraphics): polygons, dots and
/// labels. One drawing is rendered both as inline SVG on a web page and as vectors in a PDF, so a chart is computed
/// once and looks the same in both places.
/// </summary>
public sealed record Drawing(double Width, double Height, IReadOnlyList<Shape> Shapes);

public readonly record struct Point(double X, double Y);

/// <summary>Colours are "#rrggbb", which SVG reads as is and the PDF writer converts.</summary>
public abstract record Shape
{
    /// <summary>A name for the shape's part in the picture; SVG writes it as a class, so a web theme can recolour it.</summary>
    public string? Part { get; init; }
}

/// <summary>A line through the points, closed into a polygon unless <see cref="Closed"/> is false.</summary>
public sealed record PathShape(IReadOnlyList<Point> Points) : Shape
{
    public bool Closed { get; init; } = true;
    public string? Fill { get; init; }

    /// <summary>0..1; lets a grid show through a filled area.</summary>
    public double FillOpacity { get; init; } = 1;

    public string? Stroke { get; init; }
    public double StrokeWidth { get; init; } = 1;

    /// <summary>Dashed lines tell series apart without relying on colour.</summary>
    public bool Dashed { get; init; }
}

public sealed record DotShape(Point Center, double Radius, string Fill) : Shape;

public enum TextAnchor
{
    Start,
    Middle,
    End,
}

/// <summary>One or more lines of text, centred vertically on <see cref="At"/> and anchored horizontally.</summary>
public sealed record LabelShape(Point At, IReadOnlyList<string> Lines, double Size, TextAnchor Anchor) : Shape
{
    public bool Bold { get; init; }
    public string Color { get; init; } = "#1a1a1a";

    public double LineHeight => Size * 1.2;

    /// <summary>The baseline of line <paramref name="index"/>: both renderers place text by this, so they agree.</summary>
    public double Baseline(int index) => At.Y - ((Lines.Count - 1) * LineHeight / 2) + (index * LineHeight) + (Size * 0.35);
}
