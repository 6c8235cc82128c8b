using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using HandhavingsKoers.Tests.Pdf;
using HandhavingsKoers.Web.Reports;
using HandhavingsKoers.Web.Reports.Pdf;
using HandhavingsKoers.Web.Reports.Word;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using S = DocumentFormat.OpenXml.Spreadsheet;

namespace HandhavingsKoers.Tests.Word;

/// <summary>The Word report opened with the Open XML SDK, as Word and a checker would read it.</summary>
public sealed class WordReportTests
{
    private static readonly ReportOptions Options = new(new DateTime(2026, 11, 22, 15, 30, 0), "https://handhaving.example.nl/w/1/samenvatting");

    private static WordprocessingDocument Open(byte[] docx) => WordprocessingDocument.Open(new MemoryStream(docx), isEditable: false);

    private static string StyleOf(Paragraph p) => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "";

    /// <summary>A paragraph's text with its line breaks as newlines.</summary>
    private static string TextOf(OpenXmlElement element) =>
        string.Concat(element.Descendants().Select(e => e switch { Text t => t.Text, Break => "\n", TabChar => "\t", _ => "" }));

    [Fact]
    public void The_document_is_valid_open_xml()
    {
        foreach (var report in new[] { ReportFixtures.Concluded(), ReportFixtures.With(notesPerPanel: 0), ReportFixtures.With(notesPerPanel: 3, scores: true, names: true) })
        {
            using var document = Open(new WordReport(report, Options).GenerateDocx());
            var errors = new OpenXmlValidator(FileFormatVersions.Microsoft365).Validate(document).ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")));
        }
    }

    [Fact]
    public void It_holds_the_samenvatting_every_conclusion_kernpunt_team_action_and_top_item()
    {
        var report = ReportFixtures.Concluded();
        using var document = Open(new WordReport(report, Options).GenerateDocx());
        var body = document.MainDocumentPart!.Document.Body!;
        var paragraphs = body.Descendants<Paragraph>().Select(TextOf).ToList();
        var text = string.Join("\n", paragraphs);

        Assert.All(FrontPage.Paragraphs(report.ExecutiveSummary), p => Assert.Contains(p, paragraphs));
        Assert.All(report.Panels, p => Assert.Contains(p.Conclusion!, paragraphs));
        Assert.All(report.Panels.SelectMany(p => p.KeyPoints), k => Assert.Contains(k, paragraphs));
        Assert.All(report.Panels.SelectMany(p => p.Already.Concat(p.Todo)), n => Assert.Contains(n.Text, text, StringComparison.Ordinal));
        Assert.Contains("Standaardbrieven herschrijven in B1\nSamengevoegd uit: Brieven begrijpelijker maken; Brief in gewone taal\nBegeleider, voor de groep", paragraphs);
        foreach (var action in report.TeamActions)
        {
            Assert.Contains(action.Text, paragraphs);
            Assert.Contains(action.Owner, paragraphs);
        }

        // The top items, numbered, with their dots; the one without dots is left out; a merge names its originals.
        var numbered = body.Descendants<Paragraph>().Where(p => StyleOf(p) == WordStyles.ListNumber).Select(TextOf).ToList();
        Assert.Equal(
        [
            "Standaardbrieven herschrijven in B1\nVertrouwen · 9 stippen\nSamengevoegd uit: Brieven begrijpelijker maken; Brief in gewone taal",
            "Vaste contactpersoon bij schuldhulp\nMaatwerk · 6 stippen",
            "Vooraf uitleggen wat de regels zijn\nPreventie · 4 stippen",
        ], numbered);

        // The front part comes before the annex, team actions included.
        var headings = body.Descendants<Paragraph>().Where(p => StyleOf(p) == WordStyles.Heading1).Select(TextOf).ToList();
        Assert.Equal(["Bestuurlijke samenvatting", "Waar staan we?", "Wat het eerst moet gebeuren", "Teamacties", "Conclusies per onderwerp", "Bijlage: alles wat de deelnemers opschreven"], headings);
    }

    [Fact]
    public void Structure_is_styles_not_formatting_headings_lists_and_dutch()
    {
        using var document = Open(new WordReport(ReportFixtures.Concluded(), Options).GenerateDocx());
        var main = document.MainDocumentPart!;
        var paragraphs = main.Document.Body!.Descendants<Paragraph>().ToList();

        // Every paragraph names a style and carries no formatting of its own; no run is formatted by hand either.
        Assert.All(paragraphs, p => Assert.NotEqual("", StyleOf(p)));
        Assert.All(paragraphs, p => Assert.Single(p.ParagraphProperties!.ChildElements));
        Assert.All(main.Document.Body!.Descendants<RunProperties>(), r => Assert.IsType<RunStyle>(Assert.Single(r.ChildElements)));

        // The styles are Word's built-in ones, so a template's own headings and lists take over when pasted.
        var styles = main.StyleDefinitionsPart!.Styles!.Elements<Style>().ToDictionary(s => s.StyleId!.Value!, s => s.StyleName!.Val!.Value);
        Assert.Equal("heading 1", styles["Heading1"]);
        Assert.Equal("heading 2", styles["Heading2"]);
        Assert.Equal("heading 3", styles["Heading3"]);
        Assert.Equal("Title", styles["Title"]);
        Assert.Equal("List Bullet", styles["ListBullet"]);
        Assert.Equal("List Number", styles["ListNumber"]);
        Assert.Equal(0, main.StyleDefinitionsPart.Styles.Elements<Style>().Single(s => s.StyleId == "Heading1").StyleParagraphProperties!.OutlineLevel!.Val!.Value);
        Assert.Single(paragraphs, p => StyleOf(p) == WordStyles.Title);
        Assert.Contains(paragraphs, p => StyleOf(p) == WordStyles.Heading2);
        Assert.Contains(paragraphs, p => StyleOf(p) == WordStyles.Heading3);

        // Lists are real numbering: the list styles point at numbering definitions (bullets and 1., 2., 3.).
        var numbering = main.NumberingDefinitionsPart!.Numbering!;
        int NumberingOf(string style) => main.StyleDefinitionsPart.Styles.Elements<Style>().Single(s => s.StyleId == style).StyleParagraphProperties!.NumberingProperties!.NumberingId!.Val!.Value;
        string FormatOf(int numId)
        {
            var abstractId = numbering.Elements<NumberingInstance>().Single(n => n.NumberID! == numId).AbstractNumId!.Val!.Value;
            return numbering.Elements<AbstractNum>().Single(a => a.AbstractNumberId! == abstractId).Elements<Level>().First().NumberingFormat!.Val!.ToString()!;
        }

        Assert.Equal("bullet", FormatOf(NumberingOf("ListBullet")));
        Assert.Equal("decimal", FormatOf(NumberingOf("ListNumber")));
        Assert.Contains(paragraphs, p => StyleOf(p) == WordStyles.ListBullet);

        // Dutch, and the title in the document's properties.
        Assert.Equal("nl-NL", main.StyleDefinitionsPart.Styles.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.GetFirstChild<Languages>()!.Val!.Value);
        Assert.Equal("Praatplaat handhavingskoers – Gemeente Súdwest-Fryslân – Teamsessie Werk en Inkomen", document.PackageProperties.Title);
        Assert.Equal("nl-NL", document.PackageProperties.Language);
    }

    [Fact]
    public void Team_actions_and_scores_are_tables_with_a_header_row()
    {
        var report = ReportFixtures.Concluded();
        using var document = Open(new WordReport(report, Options).GenerateDocx());
        var tables = document.MainDocumentPart!.Document.Body!.Elements<Table>().ToList();
        Assert.Equal(2, tables.Count);

        string[] Row(TableRow row) => row.Elements<TableCell>().Select(TextOf).ToArray();
        var scores = tables[0].Elements<TableRow>().ToList();
        var actions = tables[1].Elements<TableRow>().ToList();

        Assert.All([scores[0], actions[0]], header => Assert.NotNull(header.TableRowProperties?.GetFirstChild<TableHeader>()));
        Assert.All(scores.Skip(1).Concat(actions.Skip(1)), row => Assert.Null(row.TableRowProperties));
        Assert.Equal(["Actie", "Wie", "Klaar op"], Row(actions[0]));
        Assert.Equal(report.TeamActions.Select(a => new[] { a.Text, a.Owner, HandhavingsKoers.Web.Texts.Date(a.DueDate) }), actions.Skip(1).Select(Row));

        // The radar's numbers: one row per principle with its median (scores 1, 2, 3, 3, 4 and one more per panel).
        Assert.Equal(["Onderwerp", "Nu", "Aantal scores"], Row(scores[0]));
        Assert.Equal(report.Panels.Count, scores.Count - 1);
        Assert.Equal(["Vertrouwen", "2,5", "6"], Row(scores[1]));
        Assert.All(tables, t => Assert.Equal(WordStyles.TableGrid, t.GetFirstChild<TableProperties>()!.TableStyle!.Val!.Value));
    }

    [Fact]
    public void The_radar_is_a_chart_with_alternative_text_and_without_scores_there_is_none()
    {
        var report = ReportFixtures.Concluded();
        using var document = Open(new WordReport(report, Options).GenerateDocx());
        var main = document.MainDocumentPart!;
        var drawing = Assert.Single(main.Document.Body!.Descendants<DW.Inline>());
        Assert.Equal(report.RadarAltText, drawing.DocProperties!.Description!.Value);
        Assert.StartsWith("Radardiagram van de mediaan per onderwerp", drawing.DocProperties.Description.Value, StringComparison.Ordinal);

        var chart = Assert.Single(main.ChartParts).ChartSpace!;
        var series = Assert.Single(chart.Descendants<C.RadarChartSeries>());
        Assert.Equal(report.Panels.Select(p => p.Title), series.GetFirstChild<C.CategoryAxisData>()!.Descendants<C.StringPoint>().Select(p => p.InnerText));
        Assert.Equal("2.5", series.GetFirstChild<C.Values>()!.Descendants<C.NumericPoint>().First().InnerText);

        // The numbers are also in the chart's own workbook, so Word can open them to edit.
        var part = Assert.Single(main.ChartParts);
        var workbook = part.EmbeddedPackagePart!;
        using (var xlsx = SpreadsheetDocument.Open(workbook.GetStream(), isEditable: false))
        {
            var cells = xlsx.WorkbookPart!.WorksheetParts.Single().Worksheet!.Descendants<S.Cell>().ToDictionary(c => c.CellReference!.Value!, c => c.InnerText);
            Assert.Equal("Vertrouwen", cells["A2"]);
            Assert.Equal("2.5", cells["B2"]);
            Assert.Equal("Blad1", xlsx.WorkbookPart.Workbook!.Descendants<S.Sheet>().Single().Name!.Value);
        }

        using var without = Open(new WordReport(ReportFixtures.With(notesPerPanel: 2), Options).GenerateDocx());
        Assert.Empty(without.MainDocumentPart!.ChartParts);
        Assert.DoesNotContain(without.MainDocumentPart.Document.Body!.Descendants<Paragraph>(), p => TextOf(p) == "Waar staan we?");
    }

    [Fact]
    public void Names_appear_only_when_asked_for_and_links_are_real_hyperlinks()
    {
        string AllText(WorkshopReport report)
        {
            using var document = Open(new WordReport(report, Options).GenerateDocx());
            return TextOf(document.MainDocumentPart!.Document.Body!);
        }

        Assert.DoesNotContain("Sanne 1", AllText(ReportFixtures.Concluded()), StringComparison.Ordinal);
        Assert.Contains("Namen van deelnemers staan niet in dit verslag.", AllText(ReportFixtures.Concluded()), StringComparison.Ordinal);
        Assert.Contains("Sanne 1", AllText(ReportFixtures.Concluded(names: true)), StringComparison.Ordinal);

        using var linked = Open(new WordReport(ReportFixtures.Concluded(), Options).GenerateDocx());
        var targets = linked.MainDocumentPart!.HyperlinkRelationships.Select(r => r.Uri.ToString()).Order().ToList();
        Assert.Equal(ReportFixtures.Edition.Panels.Select(p => p.Links[0].Url).Append(Options.SummaryUrl!).Order(), targets);
        Assert.Equal(targets.Count, linked.MainDocumentPart.Document.Body!.Descendants<Hyperlink>().Count());
    }

    [Fact]
    public void Any_typed_text_survives_and_characters_xml_cannot_hold_are_left_out()
    {
        var samples = new[] { "Zoë, Ĳsselmeer, 👍🏽 日本語 עברית", "tab\there", "regel een\nregel twee", "bel\u0007 en \u0001klaar" };
        var report = ReportFixtures.With(notesPerPanel: 2 * samples.Length, i => samples[i % 500 % samples.Length]);
        using var document = Open(new WordReport(report, Options).GenerateDocx());
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Microsoft365).Validate(document));
        var paragraphs = document.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(TextOf).ToList();
        Assert.Contains("Zoë, Ĳsselmeer, 👍🏽 日本語 עברית", paragraphs);
        Assert.Contains("tab\there", paragraphs);
        Assert.Contains("regel een\nregel twee", paragraphs);
        Assert.Contains("bel en klaar", paragraphs);
    }
}
