using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using S = DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace HandhavingsKoers.Web.Reports.Word;

/// <summary>
/// The "waar staan we?" radar in the Word report as a native Word chart (DrawingML, <c>c:radarChart</c>), not a
/// picture: Word draws it in the document's own fonts, it stays sharp in print, and the medians travel in it as data
/// (see docs/decisions/0015-word-export.md for why not a PNG). Same colours and the same rule as the web and PDF
/// radar: this session solid and blue, the previous one dashed and grey, a topic without scores left as a gap.
/// </summary>
public static class RadarChartPart
{
    private const string ChartUri = "http://schemas.openxmlformats.org/drawingml/2006/chart";

    /// <summary>English Metric Units per centimetre: DrawingML's unit of size.</summary>
    private const long Centimetre = 360000;

    /// <summary>The chart as an inline drawing (a run) with its alternative text; adds its part to the document.</summary>
    public static W.Run Inline(MainDocumentPart main, WorkshopReport report)
    {
        var part = main.AddNewPart<ChartPart>();
        var (space, series) = ChartSpace(report);
        part.ChartSpace = space;
        AddWorkbook(part, report.TopicPanels.Select(p => p.Title).ToList(), series);
        var inline = new DW.Inline(
            new DW.Extent { Cx = 15 * Centimetre, Cy = 10 * Centimetre },
            new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new DW.DocProperties { Id = 1U, Name = Texts.Report.RadarChartTitle, Description = report.RadarAltText },
            new DW.NonVisualGraphicFrameDrawingProperties(),
            new A.Graphic(new A.GraphicData(new C.ChartReference { Id = main.GetIdOfPart(part) }) { Uri = ChartUri }))
        {
            DistanceFromTop = 0U,
            DistanceFromBottom = 0U,
            DistanceFromLeft = 0U,
            DistanceFromRight = 0U,
        };
        return new W.Run(new W.Drawing(inline));
    }

    private static (C.ChartSpace Space, List<(string Name, IReadOnlyList<double?> Values, bool Earlier)> Series) ChartSpace(WorkshopReport report)
    {
        var topics = report.TopicPanels.Select(p => p.Title).ToList();
        var series = new List<(string Name, IReadOnlyList<double?> Values, bool Earlier)>();
        if (report.Sessions.Count > 1)
        {
            var previous = report.Sessions[^2];
            series.Add((previous.Label, report.TopicPanels.Select(p => previous.Scores.TryGetValue(p.Topic, out var s) ? s.Median : null).ToList(), true));
        }

        series.Add((report.ThisSessionLabel, report.TopicPanels.Select(p => p.Scores?.Median).ToList(), false));

        var radar = new C.RadarChart(new C.RadarStyle { Val = C.RadarStyleValues.Marker }, new C.VaryColors { Val = false });
        for (var i = 0; i < series.Count; i++)
        {
            radar.Append(Series(i, series[i].Name, topics, series[i].Values, series[i].Earlier));
        }

        radar.Append(new C.AxisId { Val = 1U }, new C.AxisId { Val = 2U });

        var chart = new C.Chart(
            new C.AutoTitleDeleted { Val = true },
            new C.PlotArea(new C.Layout(), radar, CategoryAxis(), ValueAxis()));
        if (series.Count > 1)
        {
            chart.Append(new C.Legend(new C.LegendPosition { Val = C.LegendPositionValues.Bottom }, new C.Overlay { Val = false }));
        }

        chart.Append(new C.PlotVisibleOnly { Val = true }, new C.DisplayBlanksAs { Val = C.DisplayBlanksAsValues.Gap });

        var space = new C.ChartSpace(
            new C.Date1904 { Val = false },
            new C.EditingLanguage { Val = "nl-NL" },
            new C.RoundedCorners { Val = false },
            chart);
        space.AddNamespaceDeclaration("c", ChartUri);
        space.AddNamespaceDeclaration("a", "http://schemas.openxmlformats.org/drawingml/2006/main");
        space.AddNamespaceDeclaration("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
        return (space, series);
    }

    /// <summary>
    /// The chart's numbers as the small workbook Word keeps inside a chart (sheet "Blad1": topics down column A, one
    /// column per session), so "Gegevens bewerken" in Word opens them instead of saying the data cannot be found.
    /// </summary>
    private static void AddWorkbook(ChartPart chart, List<string> topics, List<(string Name, IReadOnlyList<double?> Values, bool Earlier)> series)
    {
        using var stream = new MemoryStream();
        using (var workbook = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var book = workbook.AddWorkbookPart();
            var sheet = book.AddNewPart<WorksheetPart>();
            var rows = new S.SheetData();
            var header = new S.Row { RowIndex = 1U };
            header.Append(TextCell("A1", ""));
            for (var s = 0; s < series.Count; s++)
            {
                header.Append(TextCell($"{(char)('B' + s)}1", series[s].Name));
            }

            rows.Append(header);
            for (var t = 0; t < topics.Count; t++)
            {
                var row = new S.Row { RowIndex = (uint)(t + 2) };
                row.Append(TextCell($"A{t + 2}", topics[t]));
                for (var s = 0; s < series.Count; s++)
                {
                    if (series[s].Values[t] is { } value)
                    {
                        row.Append(new S.Cell(new S.CellValue(value)) { CellReference = $"{(char)('B' + s)}{t + 2}" });
                    }
                }

                rows.Append(row);
            }

            sheet.Worksheet = new S.Worksheet(rows);
            book.Workbook = new S.Workbook(new S.Sheets(new S.Sheet { Name = Texts.Report.ChartSheet, SheetId = 1U, Id = book.GetIdOfPart(sheet) }));
        }

        var embedded = chart.AddEmbeddedPackagePart(EmbeddedPackagePartType.Xlsx);
        stream.Position = 0;
        embedded.FeedData(stream);
        chart.ChartSpace!.Append(new C.ExternalData(new C.AutoUpdate { Val = false }) { Id = chart.GetIdOfPart(embedded) });
    }

    private static S.Cell TextCell(string reference, string text) =>
        new(new S.InlineString(new S.Text(text))) { CellReference = reference, DataType = S.CellValues.InlineString };

    private static C.RadarChartSeries Series(int index, string name, List<string> topics, IReadOnlyList<double?> values, bool earlier)
    {
        var colour = (earlier ? Charts.RadarChart.Earlier : Charts.RadarChart.Primary).TrimStart('#').ToUpperInvariant();
        var line = new A.Outline(new A.SolidFill(new A.RgbColorModelHex { Val = colour })) { Width = earlier ? 22225 : 31750 };
        if (earlier)
        {
            line.Append(new A.PresetDash { Val = A.PresetLineDashValues.Dash });
        }

        // Data as references into the chart's own workbook with their cached values: the form Word itself writes, which
        // every reader understands (some read no literal series) and which Word can open to edit.
        var column = (char)('B' + index);
        var categories = new C.StringCache(new C.PointCount { Val = (uint)topics.Count });
        for (var i = 0; i < topics.Count; i++)
        {
            categories.Append(new C.StringPoint(new C.NumericValue(topics[i])) { Index = (uint)i });
        }

        // A topic nobody scored has no point: with "show blanks as gap" the line stops there, as on the web.
        var numbers = new C.NumberingCache(new C.FormatCode("0.0"), new C.PointCount { Val = (uint)values.Count });
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is { } value)
            {
                numbers.Append(new C.NumericPoint(new C.NumericValue(value.ToString(CultureInfo.InvariantCulture))) { Index = (uint)i });
            }
        }

        return new C.RadarChartSeries(
            new C.Index { Val = (uint)index },
            new C.Order { Val = (uint)index },
            new C.SeriesText(new C.StringReference(
                new C.Formula($"{Texts.Report.ChartSheet}!${column}$1"),
                new C.StringCache(new C.PointCount { Val = 1U }, new C.StringPoint(new C.NumericValue(name)) { Index = 0U }))),
            new C.ChartShapeProperties(line),
            new C.Marker(
                new C.Symbol { Val = earlier ? C.MarkerStyleValues.None : C.MarkerStyleValues.Circle },
                new C.Size { Val = 5 },
                new C.ChartShapeProperties(new A.SolidFill(new A.RgbColorModelHex { Val = colour }))),
            new C.CategoryAxisData(new C.StringReference(new C.Formula($"{Texts.Report.ChartSheet}!$A$2:$A${topics.Count + 1}"), categories)),
            new C.Values(new C.NumberReference(new C.Formula($"{Texts.Report.ChartSheet}!${column}$2:${column}${values.Count + 1}"), numbers)));
    }

    private static C.CategoryAxis CategoryAxis() => new(
        new C.AxisId { Val = 1U },
        new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }),
        new C.Delete { Val = false },
        new C.AxisPosition { Val = C.AxisPositionValues.Bottom },
        new C.MajorGridlines(),
        new C.NumberingFormat { FormatCode = "General", SourceLinked = false },
        new C.MajorTickMark { Val = C.TickMarkValues.None },
        new C.MinorTickMark { Val = C.TickMarkValues.None },
        new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
        new C.CrossingAxis { Val = 2U },
        new C.Crosses { Val = C.CrossesValues.AutoZero },
        new C.AutoLabeled { Val = true },
        new C.LabelAlignment { Val = C.LabelAlignmentValues.Center },
        new C.LabelOffset { Val = 100 });

    /// <summary>Rings at 1 to 5, as on the web and in the PDF.</summary>
    private static C.ValueAxis ValueAxis() => new(
        new C.AxisId { Val = 2U },
        new C.Scaling(
            new C.Orientation { Val = C.OrientationValues.MinMax },
            new C.MaxAxisValue { Val = Workshops.ScoreScale.Max },
            new C.MinAxisValue { Val = 0 }),
        new C.Delete { Val = false },
        new C.AxisPosition { Val = C.AxisPositionValues.Left },
        new C.MajorGridlines(),
        new C.NumberingFormat { FormatCode = "0", SourceLinked = false },
        new C.MajorTickMark { Val = C.TickMarkValues.Cross },
        new C.MinorTickMark { Val = C.TickMarkValues.None },
        new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
        new C.CrossingAxis { Val = 1U },
        new C.Crosses { Val = C.CrossesValues.AutoZero },
        new C.CrossBetween { Val = C.CrossBetweenValues.Between },
        new C.MajorUnit { Val = 1 });
}
