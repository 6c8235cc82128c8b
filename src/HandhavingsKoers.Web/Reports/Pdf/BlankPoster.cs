using HandhavingsKoers.Pdf;
using HandhavingsKoers.Pdf.Layout;
using HandhavingsKoers.Web.Content;
using PdfSharp;
using PdfSharp.Drawing;
using static HandhavingsKoers.Web.Reports.Pdf.Typography;

namespace HandhavingsKoers.Web.Reports.Pdf;

/// <summary>
/// The empty praatplaat for a session on paper (A3 landscape): the seven panels in the poster's order, each with its
/// question, room to write under both prompts and a QR code to read more; the closing question with three lines.
/// </summary>
public sealed class BlankPoster(Edition edition) : PdfReport
{
    private const double Margin = 28;
    private const double Gap = 12;
    private const double HeaderHeight = 86;
    private const double FooterHeight = 22;

    protected override DocumentSettings Settings => new(
        Title: Texts.Format(Texts.Report.BlankDocumentTitle, edition.Title),
        Subject: Texts.Format(Texts.Report.BlankTitle, edition.Koers),
        Size: PageSize.A3,
        Orientation: PageOrientation.Landscape,
        Margin: Margin,
        HeaderHeight: 0,
        FooterHeight: 0);

    protected override string? ComposeFooter(int page, int pages) => null;

    protected override IEnumerable<IReadOnlyList<Region>> ComposeFixedPages()
    {
        var size = PageSizeConverter.ToSize(PageSize.A3);
        var (width, height) = (size.Height, size.Width); // landscape
        var inner = new XRect(Margin, Margin, width - (2 * Margin), height - (2 * Margin));
        var regions = new List<Region>
        {
            new(new XRect(inner.X, inner.Y, inner.Width, HeaderHeight), Header()),
        };

        // Two rows of cells: every panel and, last, the closing question (4 columns for the 2024 poster's 7 + 1).
        var panels = edition.PosterPanels.ToList();
        var cells = panels.Count + 1;
        var columns = (cells + 1) / 2;
        var gridTop = inner.Y + HeaderHeight;
        var gridHeight = inner.Height - HeaderHeight - FooterHeight - Gap;
        var cellWidth = (inner.Width - ((columns - 1) * Gap)) / columns;
        var cellHeight = (gridHeight - Gap) / 2;
        for (var i = 0; i < cells; i++)
        {
            var cell = new XRect(inner.X + ((i % columns) * (cellWidth + Gap)), gridTop + ((i / columns) * (cellHeight + Gap)), cellWidth, cellHeight);
            var blocks = i < panels.Count ? PanelBlocks(panels[i], compact: columns > 4) : ClosingBlocks();
            regions.Add(new Region(cell, blocks) { Background = Tint, Padding = 10 });
        }

        regions.Add(new Region(new XRect(inner.X, inner.Bottom - FooterHeight, inner.Width, FooterHeight), Footer()));
        yield return regions;
    }

    private List<Block> Header() =>
    [
        new TextBlock(edition.Title, PosterTitle, TextRole.Heading1) { SpaceAfter = 4 },
        new TextBlock(Texts.Report.BlankInstructions, PosterIntro),
    ];

    /// <summary>A panel's cell; narrower cells (more panels) get less writing room so the QR code still fits.</summary>
    private static List<Block> PanelBlocks(Panel panel, bool compact) =>
    [
        new TextBlock(panel.Title, PosterPanelTitle, TextRole.Heading2) { SpaceAfter = 4 },
        new TextBlock(panel.Question, PosterQuestion) { SpaceAfter = 8 },
        new TextBlock(panel.Prompts.Already, PosterPrompt, TextRole.Heading3) { SpaceAfter = 2 },
        new SpaceBlock(compact ? 50 : 66) { Ruled = RuleColor, SpaceAfter = 8 },
        new TextBlock(panel.Prompts.Todo, PosterPrompt, TextRole.Heading3) { SpaceAfter = 2 },
        new SpaceBlock(compact ? 50 : 66) { Ruled = RuleColor, SpaceAfter = 8 },
        new QrLinkBlock(panel.Links[0].Url, Texts.Report.BlankReadMore, Texts.Format(Texts.Report.QrTo, panel.Links[0].Title), 46, Caption, Url),
    ];

    private List<Block> ClosingBlocks() =>
    [
        new TextBlock(Texts.Domain.ActionsStep, PosterPanelTitle, TextRole.Heading2) { SpaceAfter = 4 },
        new TextBlock(edition.Closing.Question, PosterQuestion) { SpaceAfter = 10 },
        new TextBlock("1.", PosterPrompt) { SpaceAfter = 0 },
        new SpaceBlock(40) { Ruled = RuleColor, SpaceAfter = 8 },
        new TextBlock("2.", PosterPrompt) { SpaceAfter = 0 },
        new SpaceBlock(40) { Ruled = RuleColor, SpaceAfter = 8 },
        new TextBlock("3.", PosterPrompt) { SpaceAfter = 0 },
        new SpaceBlock(40) { Ruled = RuleColor },
    ];

    private List<Block> Footer() =>
    [
        new TextBlock(Texts.Format(Texts.Report.PosterColophon, edition.Attribution), Source),
    ];
}
