using System.Globalization;
using System.Net;
using System.Text;
using HandhavingsKoers.Pdf.Layout;

namespace HandhavingsKoers.Web.Reports.Charts;

/// <summary>Writes a <see cref="Drawing"/> as inline SVG (no script, no external references; fits any CSP).</summary>
public static class SvgWriter
{
    /// <param name="title">Read by screen readers as the image's name; the page keeps a table with the numbers too.</param>
    public static string Write(Drawing drawing, string title, string? describedBy = null)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {N(drawing.Width)} {N(drawing.Height)}\" role=\"img\" class=\"chart\"");
        svg.Append(CultureInfo.InvariantCulture, $" aria-label=\"{Encode(title)}\"");
        if (describedBy is not null)
        {
            svg.Append(CultureInfo.InvariantCulture, $" aria-describedby=\"{Encode(describedBy)}\"");
        }

        svg.Append('>');
        foreach (var shape in drawing.Shapes)
        {
            var part = shape.Part is null ? "" : $" class=\"chart-{Encode(shape.Part)}\"";
            switch (shape)
            {
                case PathShape path:
                    var points = string.Join(' ', path.Points.Select(p => $"{N(p.X)},{N(p.Y)}"));
                    svg.Append(path.Closed ? "<polygon" : "<polyline").Append(part).Append(CultureInfo.InvariantCulture, $" points=\"{points}\"");
                    svg.Append(CultureInfo.InvariantCulture, $" fill=\"{(path.Closed && path.Fill is not null ? path.Fill : "none")}\"");
                    if (path.Closed && path.Fill is not null && path.FillOpacity < 1)
                    {
                        svg.Append(CultureInfo.InvariantCulture, $" fill-opacity=\"{N(path.FillOpacity)}\"");
                    }

                    if (path.Stroke is not null)
                    {
                        svg.Append(CultureInfo.InvariantCulture, $" stroke=\"{path.Stroke}\" stroke-width=\"{N(path.StrokeWidth)}\" stroke-linejoin=\"round\"");
                        if (path.Dashed)
                        {
                            svg.Append(" stroke-dasharray=\"6 4\"");
                        }
                    }

                    svg.Append("/>");
                    break;
                case DotShape dot:
                    svg.Append(CultureInfo.InvariantCulture, $"<circle{part} cx=\"{N(dot.Center.X)}\" cy=\"{N(dot.Center.Y)}\" r=\"{N(dot.Radius)}\" fill=\"{dot.Fill}\"/>");
                    break;
                case LabelShape label:
                    var anchor = label.Anchor switch { TextAnchor.Middle => "middle", TextAnchor.End => "end", _ => "start" };
                    svg.Append(CultureInfo.InvariantCulture, $"<text text-anchor=\"{anchor}\" font-size=\"{N(label.Size)}\" fill=\"{label.Color}\"{(label.Bold ? " font-weight=\"bold\"" : "")} aria-hidden=\"true\">");
                    for (var i = 0; i < label.Lines.Count; i++)
                    {
                        svg.Append(CultureInfo.InvariantCulture, $"<tspan x=\"{N(label.At.X)}\" y=\"{N(label.Baseline(i))}\">{Encode(label.Lines[i])}</tspan>");
                    }

                    svg.Append("</text>");
                    break;
            }
        }

        return svg.Append("</svg>").ToString();
    }

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
