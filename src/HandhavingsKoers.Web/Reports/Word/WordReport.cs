using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using HandhavingsKoers.Web.Reports.Pdf;
using HandhavingsKoers.Web.Workshops;
using S = HandhavingsKoers.Web.Reports.Word.WordStyles;

namespace HandhavingsKoers.Web.Reports.Word;

/// <summary>
/// The council report as a Word document (.docx), with the content and order of the PDF (<see cref="PraatplaatReport"/>):
/// the front part a wethouder reads, then the annex with every note. Real Word structure, so it can be pasted into a
/// gemeente's own raadsinformatiebrief and take that template's look: built-in heading styles, list styles with real
/// numbering, tables with a header row for the team actions and the scores, the radar as a Word chart with alternative
/// text (and its numbers in a table), Dutch as the language. Paragraphs carry a style id only, never direct formatting.
/// </summary>
public sealed class WordReport(WorkshopReport report, ReportOptions options)
{
    /// <summary>The width between the margins, in twentieths of a point (A4, 2.5 cm margins).</summary>
    private const int ContentWidth = 11906 - (2 * 1417);

    private MainDocumentPart _main = null!;

    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public byte[] GenerateDocx()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var properties = document.PackageProperties;
            properties.Title = Texts.Format(Texts.Report.DocumentTitle, report.Gemeente, report.Title);
            properties.Subject = Texts.Format(Texts.Report.Subject, report.EditionTitle, Texts.Date(report.Date));
            properties.Creator = Texts.Site.Name;
            properties.Language = "nl-NL";
            properties.Created = options.GeneratedAt;

            _main = document.AddMainDocumentPart();
            S.AddTo(_main);
            var body = new Body();
            body.Append(Compose());
            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1417, Right = 1417U, Bottom = 1417, Left = 1417U, Header = 708U, Footer = 708U, Gutter = 0U }));
            _main.Document = new Document(body);
        }

        return stream.ToArray();
    }

    private IEnumerable<OpenXmlElement> Compose()
    {
        yield return Styled(S.Title, report.Title);
        yield return Styled(S.Subtitle, Texts.Report.Kicker);
        yield return Styled(S.Normal, Texts.Format(Texts.Report.Fact, Texts.Summary.Gemeente, report.Gemeente));
        yield return Styled(S.Normal, Texts.Format(Texts.Report.Fact, Texts.Summary.Date, Texts.Date(report.Date)));
        yield return Styled(S.Normal, Texts.Format(Texts.Report.Fact, Texts.Summary.Edition, $"{report.EditionTitle} ({report.Koers})"));
        yield return Styled(S.Normal, Texts.Format(Texts.Report.Fact, Texts.Summary.Participants, report.ParticipantCount.ToString(Texts.Dutch)));
        yield return Styled(S.Normal, Texts.Format(Texts.Report.Fact, Texts.Summary.Status, report.Closed ? Texts.Report.Closed : Texts.Report.NotClosed));

        foreach (var element in ExecutiveSummary()) yield return element;
        foreach (var element in Scores()) yield return element;
        foreach (var element in Priorities()) yield return element;
        foreach (var element in TeamActions()) yield return element;
        foreach (var element in PreviousActions()) yield return element;
        foreach (var element in Conclusions()) yield return element;

        yield return Styled(S.Heading1, Texts.Report.AnnexHeading);
        yield return Styled(S.Normal, Texts.Report.AnnexIntro);
        yield return Styled(S.Heading2, Texts.Report.AboutHeading);
        yield return Styled(S.Normal, report.Introduction);
        yield return Styled(S.Normal, Texts.Format(Texts.Report.About, report.Gemeente, Texts.Date(report.Date))
            + (report.Official ? Texts.Report.AboutOfficial : Texts.Report.AboutOwn));
        if (!report.IncludesNames)
        {
            yield return Styled(S.Normal, Texts.Report.NoNames);
        }

        foreach (var panel in report.Panels)
        {
            foreach (var element in Panel(panel)) yield return element;
        }

        foreach (var element in Actions()) yield return element;
        foreach (var element in Colophon()) yield return element;
    }

    private IEnumerable<OpenXmlElement> ExecutiveSummary()
    {
        var paragraphs = FrontPage.Paragraphs(report.ExecutiveSummary);
        if (paragraphs.Count == 0)
        {
            yield break;
        }

        yield return Styled(S.Heading1, Texts.Report.ExecutiveSummaryHeading);
        foreach (var paragraph in paragraphs)
        {
            yield return Styled(S.Normal, paragraph);
        }
    }

    /// <summary>The radar as a chart with alt text, and the same medians in a table (per session for a follow-up).</summary>
    private IEnumerable<OpenXmlElement> Scores()
    {
        if (!report.HasScores)
        {
            yield break;
        }

        var low = ScoreScale.Label(1).ToLowerInvariant();
        var high = ScoreScale.Label(5).ToLowerInvariant();
        yield return Styled(S.Heading1, Texts.Scores.Heading);
        yield return Styled(S.Normal, Texts.Format(Texts.Report.ScoresIntro, low, high)
            + (report.Sessions.Count > 1 ? Texts.Summary.DashedIsPrevious : "") + Texts.Report.ScoresAnonymous);
        yield return new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = S.Normal }), RadarChartPart.Inline(_main, report));

        var caption = Texts.Format(Texts.Report.ScoresTableCaption, low, high);
        yield return Styled(S.Caption, caption);
        var sessions = FrontPage.SessionLabels(report);
        var header = new List<string> { Texts.Radar.Topic };
        header.AddRange(sessions);
        header.Add(Texts.Report.ScoreCount);
        var rows = report.TopicPanels.Zip(report.Trend, (panel, row) =>
        {
            var cells = new List<string> { row.Topic };
            cells.AddRange(row.Medians.Select(FrontPage.Median));
            cells.Add((panel.Scores?.Total ?? 0).ToString(Texts.Dutch));
            return (IReadOnlyList<string>)cells;
        }).ToList();
        var widths = new List<int> { 4 };
        widths.AddRange(sessions.Select(_ => 2));
        widths.Add(2);
        yield return Table(caption, header, rows, widths);
        if (report.KeptNotice is { } kept)
        {
            yield return Styled(S.Normal, kept);
        }

        if (report.Sessions.Count > 1)
        {
            yield return Styled(S.Normal, Texts.Summary.DashMeans);
        }
    }

    private IEnumerable<OpenXmlElement> Priorities()
    {
        var top = FrontPage.Priorities(report);
        if (top.Count == 0)
        {
            yield break;
        }

        yield return Styled(S.Heading1, Texts.Report.PrioritiesHeading);
        yield return Styled(S.Normal, Texts.Report.PrioritiesIntro);
        foreach (var priority in top)
        {
            yield return Styled(S.ListNumber, priority.Text, FrontPage.PriorityLine(priority), FrontPage.MergedLine(priority));
        }
    }

    private IEnumerable<OpenXmlElement> TeamActions()
    {
        yield return Styled(S.Heading1, Texts.Summary.TeamActionsHeading);
        if (report.TeamActions.Count == 0)
        {
            yield return Styled(S.Normal, Texts.Report.NoTeamActions);
            yield break;
        }

        yield return Styled(S.Normal, Texts.Report.TeamActionsIntro);
        yield return Styled(S.Caption, Texts.Report.TeamActionsTableCaption);
        yield return Table(Texts.Report.TeamActionsTableCaption, [Texts.Summary.Action, Texts.Summary.Who, Texts.Summary.Due],
            report.TeamActions.Select(a => (IReadOnlyList<string>)[a.Text, a.Owner, Texts.Date(a.DueDate)]).ToList(), [6, 3, 2]);
    }

    private IEnumerable<OpenXmlElement> PreviousActions()
    {
        if (report.PreviousActions.Count == 0)
        {
            yield break;
        }

        yield return Styled(S.Heading1, Texts.PreviousActions.Heading);
        yield return Styled(S.Caption, Texts.Report.PreviousActionsTableCaption);
        yield return Table(Texts.Report.PreviousActionsTableCaption, [Texts.Summary.Action, Texts.Summary.Who, Texts.Summary.Due, Texts.Summary.WhatHappened],
            report.PreviousActions.Select(a => (IReadOnlyList<string>)[a.Text, a.Owner, Texts.Date(a.DueDate), a.StatusText]).ToList(), [5, 3, 2, 4]);
    }

    private IEnumerable<OpenXmlElement> Conclusions()
    {
        var concluded = FrontPage.Concluded(report);
        if (concluded.Count == 0)
        {
            yield break;
        }

        yield return Styled(S.Heading1, Texts.Report.ConclusionsHeading);
        foreach (var panel in concluded)
        {
            yield return Styled(S.Heading2, panel.Title);
            foreach (var paragraph in FrontPage.Paragraphs(panel.Conclusion))
            {
                yield return Styled(S.Normal, paragraph);
            }
        }
    }

    private IEnumerable<OpenXmlElement> Panel(PanelReport panel)
    {
        yield return Styled(S.Heading2, panel.Title);
        yield return Styled(S.Quote, panel.Question);
        yield return Styled(S.Normal, report.AttributionOf(panel));
        if (panel.KeyPoints.Count > 0)
        {
            yield return Styled(S.Heading3, Texts.Report.KeyPointsHeading);
            foreach (var point in panel.KeyPoints)
            {
                yield return Styled(S.ListBullet, point);
            }
        }

        foreach (var element in NoteList(panel.PromptAlready, panel.Already)) yield return element;
        foreach (var element in NoteList(panel.PromptTodo, panel.Todo)) yield return element;
        if (panel.Scores is { Total: > 0 } scores)
        {
            yield return Styled(S.Heading3, Texts.Scores.Heading);
            yield return Styled(S.Normal, Texts.Format(Texts.Report.ScoreLine, ScoreScale.Describe(scores.Median!.Value), Texts.Count(scores.Total, Texts.Scores.One, Texts.Scores.Many))
                + Texts.Format(Texts.Report.Distribution, string.Join(" · ", ScoreScale.Values.Select(v => $"{v} {ScoreScale.Label(v).ToLowerInvariant()}: {scores.CountOf(v)}"))));
        }

        if (panel.Links.Count > 0)
        {
            yield return Link(Texts.Format(Texts.Report.ReadMore, panel.Links[0].Title), panel.Links[0].Url);
        }
    }

    private static IEnumerable<OpenXmlElement> NoteList(string prompt, IReadOnlyList<NoteView> notes)
    {
        yield return Styled(S.Heading3, $"{prompt} ({notes.Count})");
        if (notes.Count == 0)
        {
            yield return Styled(S.Normal, Texts.Report.NoNotes);
            yield break;
        }

        foreach (var note in notes)
        {
            yield return Styled(S.ListBullet, note.Text, FrontPage.MergedLine(note.MergedFrom), note.Author);
        }
    }

    private IEnumerable<OpenXmlElement> Actions()
    {
        if (!report.ActionsShown)
        {
            yield break;
        }

        yield return Styled(S.Heading2, Texts.Domain.ActionsStep);
        yield return Styled(S.Quote, report.ClosingQuestion);
        if (report.Actions.Count == 0)
        {
            yield return Styled(S.Normal, Texts.Report.NobodyWrote);
            yield break;
        }

        foreach (var set in report.Actions)
        {
            yield return Styled(S.Heading3, set.Participant);
            foreach (var action in set.Actions)
            {
                yield return Styled(S.ListBullet, action.Text);
            }
        }
    }

    private IEnumerable<OpenXmlElement> Colophon()
    {
        yield return Styled(S.Heading2, Texts.Report.ColophonHeading);
        yield return Styled(S.Normal, report.Official
            ? Texts.Format(Texts.Report.ColophonOfficial, report.Source, $"{char.ToLowerInvariant(report.Koers[0])}{report.Koers[1..]}")
            : Texts.Format(Texts.Report.ColophonOwn, report.Attribution));
        yield return Styled(S.Normal, Texts.Report.ColophonExplanation);
        yield return Styled(S.Normal, Texts.Format(Texts.Report.MadeOn, options.GeneratedAt.ToString(Texts.Report.MadeOnFormat, Texts.Dutch)));
        if (options.SummaryUrl is not null)
        {
            yield return Link(Texts.Report.OnlineLink, options.SummaryUrl);
        }
    }

    /// <summary>"Lees meer: Title" and the address as a clickable link (styled by the Hyperlink character style).</summary>
    private Paragraph Link(string label, string url)
    {
        var paragraph = Styled(S.Normal, Texts.Format(Texts.Report.LinkLine, label, ""));
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            paragraph.Append(Runs(url));
            return paragraph;
        }

        var relationship = _main.AddHyperlinkRelationship(uri, isExternal: true);
        var run = Runs(url);
        run.PrependChild(new RunProperties(new RunStyle { Val = S.Hyperlink }));
        paragraph.Append(new Hyperlink(run) { Id = relationship.Id, History = true });
        return paragraph;
    }

    /// <summary>
    /// A table with a header row that repeats on every page, the table style's header look, and a caption (also as
    /// the table's own description for screen readers).
    /// </summary>
    private static Table Table(string caption, IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyList<int> weights)
    {
        var total = weights.Sum();
        var widths = weights.Select(w => ContentWidth * w / total).ToList();
        var table = new Table(
            new TableProperties(
                new TableStyle { Val = S.TableGrid },
                new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
                new TableLook { Val = "04A0" },
                new TableCaption { Val = caption }),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(Texts.Dutch) })));
        table.Append(Row(header, widths, isHeader: true));
        foreach (var row in rows)
        {
            table.Append(Row(row, widths, isHeader: false));
        }

        return table;
    }

    private static TableRow Row(IReadOnlyList<string> cells, List<int> widths, bool isHeader)
    {
        var row = new TableRow();
        if (isHeader)
        {
            row.Append(new TableRowProperties(new TableHeader()));
        }

        for (var i = 0; i < cells.Count; i++)
        {
            row.Append(new TableCell(
                new TableCellProperties(new TableCellWidth { Width = widths[i].ToString(Texts.Dutch), Type = TableWidthUnitValues.Dxa }),
                Styled(S.Normal, cells[i])));
        }

        return row;
    }

    /// <summary>A paragraph of one style; each further non-null line starts on a new line within it (an author, a count).</summary>
    private static Paragraph Styled(string style, string text, params string?[] lines)
    {
        var run = Runs(text);
        foreach (var line in lines)
        {
            if (line is not null)
            {
                run.Append(new Break());
                AppendText(run, line);
            }
        }

        return new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = style }), run);
    }

    private static Run Runs(string text)
    {
        var run = new Run();
        AppendText(run, text);
        return run;
    }

    /// <summary>Text as Word wants it: line breaks and tabs as their own elements, characters XML cannot hold left out.</summary>
    private static void AppendText(Run run, string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }

            var parts = lines[i].Split('\t');
            for (var j = 0; j < parts.Length; j++)
            {
                if (j > 0)
                {
                    run.Append(new TabChar());
                }

                if (parts[j].Length > 0)
                {
                    run.Append(new Text(XmlSafe(parts[j])) { Space = SpaceProcessingModeValues.Preserve });
                }
            }
        }
    }

    private static string XmlSafe(string text)
    {
        if (!text.Any(c => !XmlConvert.IsXmlChar(c) && !char.IsSurrogate(c)))
        {
            return text;
        }

        var safe = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsSurrogatePair(text, i))
            {
                safe.Append(text, i, 2);
                i++;
            }
            else if (XmlConvert.IsXmlChar(text[i]))
            {
                safe.Append(text[i]);
            }
        }

        return safe.ToString();
    }
}
