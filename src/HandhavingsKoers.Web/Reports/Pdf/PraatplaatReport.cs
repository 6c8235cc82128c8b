using System.Globalization;
using HandhavingsKoers.Pdf;
using HandhavingsKoers.Pdf.Layout;
using HandhavingsKoers.Web.Workshops;
using static HandhavingsKoers.Web.Reports.Pdf.Typography;

namespace HandhavingsKoers.Web.Reports.Pdf;

/// <summary>What the report needs besides the workshop itself.</summary>
/// <param name="Accent">The gemeente's accent colour (<c>#RRGGBB</c>, from its theme's <c>PdfAccent</c>); null: ours.</param>
public sealed record ReportOptions(DateTime GeneratedAt, string? SummaryUrl, string? Accent = null);

/// <summary>
/// The filled-in praatplaat for the council and college (A4 portrait). It opens with what a wethouder reads: the
/// bestuurlijke samenvatting, where the team stands (the radar and its medians as text), what the room put first, the
/// team actions with owner and date, and per principle its conclusion. Everything else follows as an annex: every
/// panel with its question, kernpunten, notes and a QR code to read more, the participants' three actions, and a
/// colophon with the sources. The annex starts on a new page only when the front part already fills at least half of
/// its last page, so the first page is never left half empty.
/// </summary>
public sealed class PraatplaatReport(WorkshopReport report, ReportOptions options) : PdfReport
{
    private static readonly CultureInfo Dutch = Texts.Dutch;

    // The accent of titles, headings, bullets and question bars: the gemeente's theme's, else Typography's. These
    // members hide Typography's (imported with using static) so every block below follows the accent.
    private readonly PdfSharp.Drawing.XColor _accent = options.Accent is { Length: 7 } hex && hex[0] == '#'
        ? PdfSharp.Drawing.XColor.FromArgb(Convert.ToInt32(hex[1..3], 16), Convert.ToInt32(hex[3..5], 16), Convert.ToInt32(hex[5..7], 16))
        : Typography.Primary;

    private PdfSharp.Drawing.XColor Primary => _accent;

    private TextStyle Kicker => Typography.Kicker with { Color = _accent };

    private TextStyle Title => Typography.Title with { Color = _accent };

    private TextStyle Bullet => Typography.Bullet with { Color = _accent };

    private TextStyle AccentHeading2 => Typography.Heading2 with { Color = _accent };

    /// <summary>The radar on the front page, with its medians beside it: labels stay about 7 pt, and more of the front part fits on page 1.</summary>
    public const double FrontRadarWidth = 290;

    protected override DocumentSettings Settings => new(
        Title: Texts.Format(Texts.Report.DocumentTitle, report.Gemeente, report.Title),
        Subject: Texts.Format(Texts.Report.Subject, report.EditionTitle, Texts.Date(report.Date)));

    protected override string? ComposeFooter(int page, int pages) => Texts.Format(Texts.Report.PageFooter, page, pages);

    protected override string? ComposeHeader(int page, int pages) =>
        page == 1 ? null : $"{report.Gemeente} · {report.Title}";

    protected override IEnumerable<Block> ComposeContent()
    {
        foreach (var block in Cover()) yield return block;
        foreach (var block in ExecutiveSummary()) yield return block;
        foreach (var block in Scores()) yield return block;
        foreach (var block in Priorities()) yield return block;
        foreach (var block in TeamActions()) yield return block;
        foreach (var block in PreviousActions()) yield return block;
        foreach (var block in Conclusions()) yield return block;

        yield return new PageBreakBlock { WhenFilled = 0.5 };
        yield return new TextBlock(Texts.Report.AnnexHeading, AccentHeading2, TextRole.Heading1) { SpaceBefore = 24, SpaceAfter = 6, KeepWithNext = true };
        yield return Paragraph(Texts.Report.AnnexIntro);
        foreach (var block in Introduction()) yield return block;
        foreach (var panel in report.Panels)
        {
            foreach (var block in Panel(panel)) yield return block;
        }

        foreach (var block in Actions()) yield return block;
        foreach (var block in Colophon()) yield return block;
    }

    private IEnumerable<Block> Cover()
    {
        yield return new TextBlock(Texts.Report.Kicker, Kicker) { SpaceAfter = 6 };
        yield return new TextBlock(report.Title, Title, TextRole.Heading1) { SpaceAfter = 18 };
        // The facts in two lines, so the front page keeps its room for what the council reads.
        yield return new TextBlock(Texts.Format(Texts.Report.CoverLine, report.Gemeente, Texts.Date(report.Date),
            Texts.Count(report.ParticipantCount, Texts.Report.ParticipantsOne, Texts.Report.ParticipantsMany),
            report.Closed ? Texts.Report.Closed : Texts.Report.NotClosed), Typography.Fact) { SpaceAfter = 2 };
        yield return Fact(Texts.Summary.Edition, $"{report.EditionTitle} ({report.Koers})");
        yield return new SpaceBlock(4);
    }

    private static TextBlock Fact(string label, string value) => new(Texts.Format(Texts.Report.Fact, label, value), Typography.Fact) { SpaceAfter = 2 };

    private IEnumerable<Block> Introduction()
    {
        yield return Heading2(Texts.Report.AboutHeading);
        yield return Paragraph(report.Introduction);
        yield return Paragraph(Texts.Format(Texts.Report.About, report.Gemeente, Texts.Date(report.Date))
            + (report.Official ? Texts.Report.AboutOfficial : Texts.Report.AboutOwn)
            + Texts.Report.AboutQr);
        if (!report.IncludesNames)
        {
            yield return Paragraph(Texts.Report.NoNames);
        }
    }

    private IEnumerable<Block> Panel(PanelReport panel)
    {
        yield return Heading2(panel.Title);
        foreach (var block in QuestionBox(panel.Question, report.AttributionOf(panel))) yield return block;
        if (panel.KeyPoints.Count > 0)
        {
            yield return new TextBlock(Texts.Report.KeyPointsHeading, Heading3, TextRole.Heading3) { SpaceBefore = 8, SpaceAfter = 4, KeepWithNext = true };
            yield return new ListBlock(panel.KeyPoints.Select(k => new ListItem([new TextBlock(k, Body)])).ToList(), Bullet);
        }

        foreach (var block in NoteList(panel.PromptAlready, panel.Already)) yield return block;
        foreach (var block in NoteList(panel.PromptTodo, panel.Todo)) yield return block;
        if (panel.Scores is { Total: > 0 } scores)
        {
            yield return new TextBlock(Texts.Scores.Heading, Heading3, TextRole.Heading3) { SpaceBefore = 8, SpaceAfter = 4, KeepWithNext = true };
            yield return Paragraph(Texts.Format(Texts.Report.ScoreLine, ScoreScale.Describe(scores.Median!.Value), Texts.Count(scores.Total, Texts.Scores.One, Texts.Scores.Many))
                + Texts.Format(Texts.Report.Distribution, string.Join(" · ", ScoreScale.Values.Select(v => $"{v} {ScoreScale.Label(v).ToLowerInvariant()}: {scores.CountOf(v)}"))));
        }

        if (panel.Links.Count > 0)
        {
            var link = panel.Links[0];
            yield return new QrLinkBlock(link.Url, Texts.Format(Texts.Report.ReadMore, link.Title), Texts.Format(Texts.Report.QrTo, link.Title), ReportQrSize, Caption, Url) { SpaceBefore = 12, SpaceAfter = 6 };
        }

        yield return new RuleBlock(RuleColor) { SpaceBefore = 10, SpaceAfter = 4 };
    }

    /// <summary>The question word for word, in a tinted box, with its source (or "Eigen vraag van de gemeente") right under it.</summary>
    private IEnumerable<Block> QuestionBox(string question, string source)
    {
        yield return new TextBlock(question, Question) { Background = Tint, Bar = Primary, Padding = 8, SpaceAfter = 3, KeepWithNext = true };
        yield return new TextBlock(source, Source) { SpaceAfter = 6, KeepWithNext = true };
    }

    private IEnumerable<Block> NoteList(string prompt, IReadOnlyList<NoteView> notes)
    {
        yield return new TextBlock($"{prompt} ({notes.Count})", Heading3, TextRole.Heading3) { SpaceBefore = 8, SpaceAfter = 4, KeepWithNext = true };
        if (notes.Count == 0)
        {
            yield return new TextBlock(Texts.Report.NoNotes, Empty);
            yield break;
        }

        // A merged note carries the wording of its originals under it, so nothing the room wrote is lost from the report.
        yield return new ListBlock(notes.Select(n => new ListItem(
            new[] { n.Text, FrontPage.MergedLine(n.MergedFrom), n.Author }
                .Select((line, i) => line is null ? null : new TextBlock(line, i == 0 ? Body : Author))
                .OfType<TextBlock>().ToList())).ToList(), Bullet);
    }

    private IEnumerable<Block> Actions()
    {
        if (!report.ActionsShown)
        {
            yield break;
        }

        yield return Heading2(Texts.Domain.ActionsStep);
        foreach (var block in QuestionBox(report.ClosingQuestion, report.Attribution)) yield return block;
        if (report.Actions.Count == 0)
        {
            yield return new TextBlock(Texts.Report.NobodyWrote, Empty);
            yield break;
        }

        for (var i = 0; i < report.Actions.Count; i++)
        {
            var set = report.Actions[i];
            yield return new TextBlock(set.Participant, Heading3, TextRole.Heading3)
            {
                SpaceBefore = 8,
                SpaceAfter = 4,
                KeepWithNext = true,
            };
            yield return new ListBlock(set.Actions.Select(a => new ListItem([new TextBlock(a.Text, Body)])).ToList(), Bullet);
        }
    }

    /// <summary>A follow-up opens with what became of last time's team actions.</summary>
    private IEnumerable<Block> PreviousActions()
    {
        if (report.PreviousActions.Count == 0)
        {
            yield break;
        }

        yield return Heading2(Texts.PreviousActions.Heading);
        yield return new ListBlock(report.PreviousActions.Select(a => new ListItem(
        [
            new TextBlock(a.Text, Body),
            new TextBlock(a.StatusText, Caption),
            new TextBlock(Texts.Format(Texts.TeamActions.WhoAndWhen, a.Owner, Texts.Date(a.DueDate)), Author),
        ])).ToList(), Bullet);
    }

    /// <summary>The radar of medians (and the previous session's, dashed), with the same numbers as text beside it.</summary>
    private IEnumerable<Block> Scores()
    {
        if (!report.HasScores)
        {
            yield break;
        }

        yield return Heading2(Texts.Scores.Heading);
        yield return Paragraph(Texts.Format(Texts.Report.ScoresIntro, ScoreScale.Label(1).ToLowerInvariant(), ScoreScale.Label(5).ToLowerInvariant())
            + (report.Sessions.Count > 1 ? Texts.Summary.DashedIsPrevious : "") + Texts.Report.ScoresAnonymous) with { KeepWithNext = true };
        var several = report.Sessions.Count > 1;
        var medians = report.Trend.Select(row => new TextBlock(
            Texts.Format(Texts.Report.MedianLine, row.Topic, several
                ? string.Join(" · ", row.Medians.Select((m, i) => $"{(i == row.Medians.Count - 1 ? Texts.Report.Now : report.Sessions[i].Label)} {Median(m)}"))
                : Median(row.Medians[^1])), Body) { SpaceAfter = 1 });
        yield return new DrawingBlock(report.Radar(), report.RadarAltText, FrontRadarWidth)
        {
            SpaceAfter = 4,
            Beside = [new TextBlock(several ? Texts.Radar.CaptionSessions : Texts.Radar.Caption, Heading3, TextRole.Heading3) { SpaceBefore = 12, SpaceAfter = 4 }, .. medians],
        };
        if (report.KeptNotice is { } kept)
        {
            yield return new TextBlock(kept, Empty) { SpaceBefore = 4 };
        }

        if (several)
        {
            yield return new TextBlock(Texts.Summary.DashMeans, Empty) { SpaceBefore = 4 };
        }
    }

    private static string Median(double? median) => FrontPage.Median(median);

    /// <summary>The samenvatting the facilitator wrote for the college, when written.</summary>
    private IEnumerable<Block> ExecutiveSummary()
    {
        var paragraphs = FrontPage.Paragraphs(report.ExecutiveSummary);
        if (paragraphs.Count == 0)
        {
            yield break;
        }

        yield return Heading2(Texts.Report.ExecutiveSummaryHeading);
        foreach (var paragraph in paragraphs)
        {
            yield return Paragraph(paragraph);
        }
    }

    /// <summary>The room's ranking: the most-dotted "what must still happen" notes, numbered.</summary>
    private IEnumerable<Block> Priorities()
    {
        var top = FrontPage.Priorities(report);
        if (top.Count == 0)
        {
            yield break;
        }

        yield return Heading2(Texts.Report.PrioritiesHeading);
        yield return Paragraph(Texts.Report.PrioritiesIntro) with { KeepWithNext = true };
        yield return new ListBlock(top.Select(p => new ListItem(FrontPage.MergedLine(p) is { } merged
            ? [new TextBlock(p.Text, Body), new TextBlock(FrontPage.PriorityLine(p), Author), new TextBlock(merged, Author)]
            : [new TextBlock(p.Text, Body), new TextBlock(FrontPage.PriorityLine(p), Author)])).ToList(), Bullet) { Numbered = true };
    }

    /// <summary>Per principle the facilitator's conclusion, when written; the kernpunten are in the annex.</summary>
    private IEnumerable<Block> Conclusions()
    {
        var concluded = FrontPage.Concluded(report);
        if (concluded.Count == 0)
        {
            yield break;
        }

        yield return Heading2(Texts.Report.ConclusionsHeading);
        foreach (var panel in concluded)
        {
            yield return new TextBlock(panel.Title, Heading3, TextRole.Heading3) { SpaceBefore = 6, SpaceAfter = 2, KeepWithNext = true };
            foreach (var paragraph in FrontPage.Paragraphs(panel.Conclusion))
            {
                yield return Paragraph(paragraph);
            }
        }
    }

    private IEnumerable<Block> TeamActions()
    {
        yield return Heading2(Texts.Summary.TeamActionsHeading);
        if (report.TeamActions.Count == 0)
        {
            yield return new TextBlock(Texts.Report.NoTeamActions, Empty);
            yield break;
        }

        yield return Paragraph(Texts.Report.TeamActionsIntro);
        yield return new ListBlock(report.TeamActions.Select(a => new ListItem(
        [
            new TextBlock(a.Text, Body),
            new TextBlock(Texts.Format(Texts.TeamActions.WhoAndWhen, a.Owner, Texts.Date(a.DueDate)), Author),
        ])).ToList(), Bullet);
    }

    private IEnumerable<Block> Colophon()
    {
        yield return new RuleBlock(RuleColor) { SpaceBefore = 16, SpaceAfter = 4 };
        yield return Heading2(Texts.Report.ColophonHeading);
        yield return Paragraph(report.Official
            ? Texts.Format(Texts.Report.ColophonOfficial, report.Source, $"{char.ToLowerInvariant(report.Koers[0])}{report.Koers[1..]}")
            : Texts.Format(Texts.Report.ColophonOwn, report.Attribution));
        yield return Paragraph(Texts.Report.ColophonExplanation);
        yield return Paragraph(Texts.Format(Texts.Report.MadeOn, options.GeneratedAt.ToString(Texts.Report.MadeOnFormat, Dutch)));
        if (options.SummaryUrl is not null)
        {
            yield return new QrLinkBlock(options.SummaryUrl, Texts.Report.OnlineLink, Texts.Report.OnlineQr, ReportQrSize, Caption, Url)
            {
                SpaceBefore = 8,
            };
        }
    }

    private TextBlock Heading2(string text) =>
        new(text, AccentHeading2, TextRole.Heading2) { SpaceBefore = 14, SpaceAfter = 8, KeepWithNext = true };

    private static TextBlock Paragraph(string text) => new(text, Body) { SpaceAfter = 6 };
}
