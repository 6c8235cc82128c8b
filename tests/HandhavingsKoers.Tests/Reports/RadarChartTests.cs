using HandhavingsKoers.Pdf.Layout;
using HandhavingsKoers.Web.Reports.Charts;

namespace HandhavingsKoers.Tests.Reports;

public sealed class RadarChartTests
{
    private static readonly Point C = RadarChart.Centre;
    private const double R = RadarChart.Radius;

    [Fact]
    public void The_first_topic_points_up_and_the_others_follow_clockwise_at_equal_angles()
    {
        Assert.Equal(new Point(C.X, C.Y - R), RadarChart.PointAt(0, 4, 5));
        Assert.Equal(new Point(C.X + R, C.Y), RadarChart.PointAt(1, 4, 5));
        Assert.Equal(new Point(C.X, C.Y + R), RadarChart.PointAt(2, 4, 5));
        Assert.Equal(new Point(C.X - R, C.Y), RadarChart.PointAt(3, 4, 5));

        // Value scales the distance linearly: 0 is the centre, 2.5 halfway.
        Assert.Equal(C, RadarChart.PointAt(2, 7, 0));
        Assert.Equal(new Point(C.X, C.Y - (R / 2)), RadarChart.PointAt(0, 7, 2.5));

        // Seven topics: every spoke at 360/7 degrees from the last, all on the rim at 5.
        for (var i = 0; i < 7; i++)
        {
            var p = RadarChart.PointAt(i, 7, 5);
            Assert.Equal(R, Math.Sqrt(Math.Pow(p.X - C.X, 2) + Math.Pow(p.Y - C.Y, 2)), 1);
            var angle = Math.Atan2(p.Y - C.Y, p.X - C.X) * 180 / Math.PI;
            Assert.Equal(((-90 + (i * 360.0 / 7) + 540) % 360) - 180, angle, 1);
        }
    }

    [Fact]
    public void The_drawing_has_five_rings_a_spoke_and_a_label_per_topic_and_dots_only_where_scored()
    {
        string[] topics = ["Vertrouwen", "Menselijke maat", "Preventie", "Gepaste sanctionering", "Maatwerk", "Doenvermogen", "Visie"];
        var now = new RadarSeries("nu", [3, 2.5, null, 4, 1, 5, 3]);
        var before = new RadarSeries("vorige keer", [2, 2, 2, 2, 2, 2, null], IsEarlier: true);
        var drawing = RadarChart.Draw(topics, [now, before]);

        var paths = drawing.Shapes.OfType<PathShape>().ToList();
        Assert.Equal(5, paths.Count(p => p.Closed && p.Fill is null && !p.Dashed && p.Points.Count == 7 && p.Stroke != RadarChart.Primary));
        Assert.Equal(7, paths.Count(p => !p.Closed && p.Stroke is not (RadarChart.Primary or RadarChart.Earlier)));

        // Both have a gap, so neither is a closed shape: each line stops at the topic without scores, and the
        // earlier session is dashed, not only another colour. The newest is drawn last (on top).
        var lines = paths.Where(p => p.Stroke is RadarChart.Primary or RadarChart.Earlier).ToList();
        Assert.All(lines, l => Assert.False(l.Closed));
        Assert.All(lines.Where(l => l.Stroke == RadarChart.Earlier), l => Assert.True(l.Dashed));
        Assert.Equal(RadarChart.Primary, lines[^1].Stroke);
        var newest = lines.Where(l => l.Stroke == RadarChart.Primary).Select(l => l.Points).ToList();
        Assert.Equal([[RadarChart.PointAt(3, 7, 4), RadarChart.PointAt(4, 7, 1), RadarChart.PointAt(5, 7, 5), RadarChart.PointAt(6, 7, 3), RadarChart.PointAt(0, 7, 3), RadarChart.PointAt(1, 7, 2.5)]], newest);
        var earlier = Assert.Single(lines, l => l.Stroke == RadarChart.Earlier);
        Assert.Equal(6, earlier.Points.Count); // round from the first spoke to the sixth
        Assert.DoesNotContain(lines, l => l.Points.Contains(C));
        var dots = drawing.Shapes.OfType<DotShape>().ToList();
        Assert.Equal(6 + 6, dots.Count);

        // Without gaps the newest session is a filled shape.
        var full = RadarChart.Draw(topics, [new RadarSeries("nu", [3, 3, 3, 3, 3, 3, 3])]).Shapes.OfType<PathShape>().Last();
        Assert.True(full.Closed);
        Assert.Equal(RadarChart.Primary, full.Fill);

        var labels = drawing.Shapes.OfType<LabelShape>().Where(l => l.Bold).ToList();
        Assert.Equal(topics, labels.Select(l => string.Join(' ', l.Lines)));
        Assert.Equal(TextAnchor.Middle, labels[0].Anchor); // top
        Assert.Equal(TextAnchor.Start, labels[1].Anchor); // right side reads away from the chart
        Assert.Equal(TextAnchor.End, labels[5].Anchor); // left side too
        Assert.All(labels, l => Assert.All(l.Lines, line => Assert.True(line.Length <= 18 || !line.Contains(' ', StringComparison.Ordinal))));

        // Everything stays inside the drawing, labels included (estimated at 0.6 em per character).
        foreach (var label in labels)
        {
            var width = label.Lines.Max(l => l.Length) * label.Size * 0.6;
            var left = label.Anchor switch { TextAnchor.Middle => label.At.X - (width / 2), TextAnchor.End => label.At.X - width, _ => label.At.X };
            Assert.InRange(left, 0, drawing.Width - width);
            Assert.InRange(label.Baseline(0) - label.Size, 0, drawing.Height);
            Assert.InRange(label.Baseline(label.Lines.Count - 1), 0, drawing.Height);
        }
    }

    [Fact]
    public void The_svg_is_an_image_with_a_name_and_nothing_that_could_run()
    {
        var drawing = RadarChart.Draw(["Vertrouwen", "Preventie", "Maatwerk"], [new RadarSeries("nu", [1, 2, 3])]);
        var svg = SvgWriter.Write(drawing, "Radardiagram <test> & meer");

        var document = System.Xml.Linq.XDocument.Parse(svg);
        var root = document.Root!;
        Assert.Equal("img", root.Attribute("role")!.Value);
        Assert.Equal("Radardiagram <test> & meer", root.Attribute("aria-label")!.Value);
        Assert.Equal("0 0 560 440", root.Attribute("viewBox")!.Value);
        System.Xml.Linq.XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(drawing.Shapes.OfType<PathShape>().Count(p => p.Closed), root.Elements(ns + "polygon").Count());
        Assert.Equal(3, root.Elements(ns + "circle").Count());
        Assert.Contains(root.Elements(ns + "text"), t => t.Value == "Maatwerk");
        Assert.DoesNotContain("script", svg, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("style=", svg, StringComparison.Ordinal); // the CSP allows no inline styles
    }
}
