using HandhavingsKoers.Pdf.Layout;
using HandhavingsKoers.Web.Workshops;

namespace HandhavingsKoers.Web.Reports.Charts;

/// <summary>One line on the radar: a session's medians per topic (null where nobody scored).</summary>
public sealed record RadarSeries(string Name, IReadOnlyList<double?> Values, bool IsEarlier = false);

/// <summary>
/// The geometry of the "waar staan we?" radar (spider) chart: one spoke per topic, starting at the top and going
/// clockwise, rings at 1 to 5, the newest session filled and earlier ones dashed. The same drawing becomes inline SVG
/// (<see cref="SvgWriter"/>) and PDF vectors (<see cref="DrawingBlock"/>). Pages show a table beside it with the same
/// numbers, for screen readers and for anyone who prefers numbers.
/// </summary>
public static class RadarChart
{
    public const double Width = 560;
    public const double Height = 440;
    public const double Radius = 150;
    public static readonly Point Centre = RadarLayout.Page.Centre;

    public const string Primary = "#00437a";
    public const string Earlier = "#5c5c5c";
    private const string Grid = "#b8b8b8";
    private const string Ink = "#1a1a1a";

    /// <summary>Where a value lands on spoke <paramref name="axis"/> of <paramref name="axisCount"/>; 0 is the centre, 5 the rim.</summary>
    public static Point PointAt(int axis, int axisCount, double value, RadarLayout? layout = null)
    {
        layout ??= RadarLayout.Page;
        var angle = AngleOf(axis, axisCount);
        var r = layout.Radius * Math.Clamp(value, 0, ScoreScale.Max) / ScoreScale.Max;
        return new Point(Round(layout.Centre.X + (r * Math.Cos(angle))), Round(layout.Centre.Y + (r * Math.Sin(angle))));
    }

    private static double AngleOf(int axis, int axisCount) => (-Math.PI / 2) + (2 * Math.PI * axis / axisCount);

    private static double Round(double v) => Math.Round(v, 2);

    /// <param name="layout">Its size and type sizes: <see cref="RadarLayout.Page"/> (pages and the PDF) unless given.</param>
    public static Drawing Draw(IReadOnlyList<string> topics, IReadOnlyList<RadarSeries> series, RadarLayout? layout = null)
    {
        layout ??= RadarLayout.Page;
        ArgumentOutOfRangeException.ThrowIfZero(topics.Count);
        Point PointAt(int axis, int axisCount, double value) => RadarChart.PointAt(axis, axisCount, value, layout);
        var n = topics.Count;
        var shapes = new List<Shape>();

        foreach (var ring in ScoreScale.Values)
        {
            shapes.Add(new PathShape(Enumerable.Range(0, n).Select(i => PointAt(i, n, ring)).ToList())
            {
                Stroke = Grid,
                StrokeWidth = ring == ScoreScale.Max ? 1.2 : 0.8,
            });
        }

        for (var i = 0; i < n; i++)
        {
            shapes.Add(new PathShape([layout.Centre, PointAt(i, n, ScoreScale.Max)]) { Closed = false, Stroke = Grid, StrokeWidth = 0.8 });
        }

        // Earlier sessions first, so the newest is drawn on top.
        foreach (var s in series.OrderByDescending(s => s.IsEarlier))
        {
            var values = Enumerable.Range(0, n).Select(i => s.Values.ElementAtOrDefault(i)).ToList();
            var points = values.Select((v, i) => PointAt(i, n, v ?? 0)).ToList();
            if (values.All(v => v is not null))
            {
                shapes.Add(s.IsEarlier
                    ? new PathShape(points) { Stroke = Earlier, StrokeWidth = 2, Dashed = true, Part = "earlier" }
                    : new PathShape(points) { Fill = Primary, FillOpacity = 0.18, Stroke = Primary, StrokeWidth = 2.5, Part = "now" });
            }
            else
            {
                // A topic without scores is a gap, not a zero: the line stops there and nothing is filled.
                foreach (var run in Runs(values))
                {
                    shapes.Add(new PathShape(run.Select(i => points[i]).ToList())
                    {
                        Closed = false,
                        Stroke = s.IsEarlier ? Earlier : Primary,
                        StrokeWidth = s.IsEarlier ? 2 : 2.5,
                        Dashed = s.IsEarlier,
                        Part = s.IsEarlier ? "earlier" : "now",
                    });
                }
            }

            for (var i = 0; i < n; i++)
            {
                if (values[i] is not null)
                {
                    shapes.Add(new DotShape(points[i], s.IsEarlier ? 3 : 4, s.IsEarlier ? Earlier : Primary) { Part = s.IsEarlier ? "earlier" : "now" });
                }
            }
        }

        // The scale along the first spoke, just beside it, on top of the filled area so it stays readable.
        foreach (var ring in ScoreScale.Values)
        {
            var at = PointAt(0, n, ring);
            shapes.Add(new LabelShape(new Point(at.X + 6, at.Y), [ring.ToString(System.Globalization.CultureInfo.InvariantCulture)], layout.ScaleSize, TextAnchor.Start) { Color = Ink });
        }

        for (var i = 0; i < n; i++)
        {
            shapes.Add(TopicLabel(i, n, topics[i], layout));
        }

        return new Drawing(layout.Width, layout.Height, shapes);
    }

    /// <summary>
    /// Stretches of neighbouring spokes that all have a value, going round (the last spoke neighbours the first);
    /// each of at least two spokes becomes one line.
    /// </summary>
    private static IEnumerable<List<int>> Runs(List<double?> values)
    {
        var n = values.Count;
        var start = Enumerable.Range(0, n).FirstOrDefault(i => values[i] is null); // begin just after a gap
        var run = new List<int>();
        for (var k = 1; k <= n; k++)
        {
            var i = (start + k) % n;
            if (values[i] is not null)
            {
                run.Add(i);
                continue;
            }

            if (run.Count > 1)
            {
                yield return run;
            }

            run = [];
        }

        if (run.Count > 1)
        {
            yield return run;
        }
    }

    /// <summary>The topic's name just outside the rim, anchored away from the centre so it never covers the chart.</summary>
    private static LabelShape TopicLabel(int axis, int axisCount, string topic, RadarLayout layout)
    {
        var angle = AngleOf(axis, axisCount);
        var (cos, sin) = (Math.Cos(angle), Math.Sin(angle));
        var gap = layout.TopicSize + 1;
        var at = new Point(Round(layout.Centre.X + ((layout.Radius + gap) * cos)), Round(layout.Centre.Y + ((layout.Radius + gap) * sin)));
        var anchor = Math.Abs(cos) < 0.2 ? TextAnchor.Middle : cos > 0 ? TextAnchor.Start : TextAnchor.End;
        var lines = WrapLabel(topic, layout.WrapWidth);

        // Labels at the top and bottom sit above or below the rim instead of on it.
        var half = lines.Count * layout.TopicSize * 1.2 / 2;
        var lift = sin < -0.8 ? -half : sin > 0.8 ? half : 0;
        return new LabelShape(at with { Y = at.Y + lift }, lines, layout.TopicSize, anchor) { Bold = true, Color = Ink };
    }

    /// <summary>Splits a label into lines of about <paramref name="width"/> characters at spaces.</summary>
    public static IReadOnlyList<string> WrapLabel(string text, int width)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (current.Length > 0 && current.Length + 1 + word.Length > width)
            {
                lines.Add(current);
                current = word;
            }
            else
            {
                current = current.Length == 0 ? word : current + " " + word;
            }
        }

        if (current.Length > 0)
        {
            lines.Add(current);
        }

        return lines;
    }
}

/// <summary>
/// The radar's box and type sizes, in drawing units (SVG user units, PDF points). Labels wrap at about
/// <paramref name="WrapWidth"/> characters.
/// </summary>
public sealed record RadarLayout(double Width, double Height, double Radius, double TopicSize, double ScaleSize, int WrapWidth)
{
    /// <summary>Pages and the PDF: fits a column beside its table.</summary>
    public static readonly RadarLayout Page = new(RadarChart.Width, RadarChart.Height, RadarChart.Radius, 13, 10, 18);

    /// <summary>
    /// The projector: topic names large enough to read at the back of a room. The presenter draws it about 560 px
    /// high at 1920×1080 (site.css, .stage-radar .chart), so 24 units become 24 px or more (ProjectorTests).
    /// </summary>
    public static readonly RadarLayout Stage = new(820, 540, 170, 24, 17, 13);

    public Point Centre => new(Width / 2, (Height / 2) + 4);
}
