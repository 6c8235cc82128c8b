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
/// The QR codes are 4 cm (<see cref="Typography.PosterQrSize"/>), to scan from a chair at the table. A panel holds its
/// code at its foot, with the address beside it, when the panel is wide enough; an edition with more panels (narrower
/// cells) gets its codes on a second A3 page, to lay beside the poster.
/// </summary>
public sealed class BlankPoster(Edition edition) : PdfReport
{
    private const double Margin = 28;
    private const double Gap = 12;
    private const double HeaderHeight = 60;
    private const double FooterHeight = 16;
    private const double CellPadding = 8;

    /// <summary>The space <see cref="QrLinkBlock"/> keeps between the code and its text.</summary>
    private const double QrTextGap = 12;

    /// <summary>The narrowest text beside a code that still reads well ("Lees meer" and the address, wrapped).</summary>
    private const double QrTextMinWidth = 110;

    /// <summary>Room to write under each prompt: three ruled lines 6 mm apart, or four where the code is on a second page.</summary>
    private const double WritingHeight = 51;
    private const double WritingHeightWithoutCode = 68;
    private const double RuleSpacing = 17;

    /// <summary>At least this much between a panel's last writing line and its code.</summary>
    private const double CodeSpace = 6;

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
        var cellAreas = Enumerable.Range(0, cells)
            .Select(i => new XRect(inner.X + ((i % columns) * (cellWidth + Gap)), gridTop + ((i / columns) * (cellHeight + Gap)), cellWidth, cellHeight))
            .ToList();
        var codesInPanels = CodesFit(panels, cellAreas[0]);
        for (var i = 0; i < cells; i++)
        {
            var blocks = i < panels.Count ? PanelBlocks(panels[i], codesInPanels) : ClosingBlocks();
            regions.Add(new Region(cellAreas[i], blocks) { Background = Tint, Padding = CellPadding });
            if (i < panels.Count && codesInPanels)
            {
                // The code at the foot of the cell, so the codes of a row line up whatever the length of the questions.
                regions.Add(new Region(CodeArea(cellAreas[i]), [Code(panels[i], Texts.Report.BlankReadMore)]));
            }
        }

        regions.Add(new Region(new XRect(inner.X, inner.Bottom - FooterHeight, inner.Width, FooterHeight), Footer()));
        yield return regions;

        if (!codesInPanels)
        {
            yield return CodesPage(inner, panels);
        }
    }

    /// <summary>
    /// Whether every panel fits its cell with its code: the cell is wide enough for a 4 cm code with readable text
    /// beside it, and no question is so long that its text would run into the code.
    /// </summary>
    private static bool CodesFit(List<Panel> panels, XRect cell)
    {
        var code = CodeArea(cell);
        if (code.Width < PosterQrSize + QrTextGap + QrTextMinWidth)
        {
            return false;
        }

        var above = new XRect(code.X, cell.Y + CellPadding, code.Width, code.Y - CodeSpace - cell.Y - CellPadding);
        var shaper = new TextShaper();
        return panels.All(panel =>
        {
            var trial = new Paginator(shaper, above);
            trial.Add(PanelBlocks(panel, withCode: true));
            return trial.Pages.Count == 1 && !trial.Overflowed;
        });
    }

    /// <summary>Where a panel's code goes: the foot of its cell, inside the padding.</summary>
    private static XRect CodeArea(XRect cell) =>
        new(cell.X + CellPadding, cell.Bottom - CellPadding - PosterQrSize, cell.Width - (2 * CellPadding), PosterQrSize);

    private List<Block> Header() =>
    [
        new TextBlock(edition.Title, PosterTitle, TextRole.Heading1) { SpaceAfter = 4 },
        new TextBlock(Texts.Report.BlankInstructions, PosterIntro),
    ];

    /// <summary>A panel's cell: its question and room to write under both prompts (the code is a region of its own).</summary>
    private static List<Block> PanelBlocks(Panel panel, bool withCode)
    {
        var writing = withCode ? WritingHeight : WritingHeightWithoutCode;
        return
        [
            new TextBlock(panel.Title, PosterPanelTitle, TextRole.Heading2) { SpaceAfter = 4 },
            new TextBlock(panel.Question, PosterQuestion) { SpaceAfter = 6 },
            new TextBlock(panel.Prompts.Already, PosterPrompt, TextRole.Heading3) { SpaceAfter = 2 },
            new SpaceBlock(writing) { Ruled = RuleColor, RuleSpacing = RuleSpacing, SpaceAfter = 6 },
            new TextBlock(panel.Prompts.Todo, PosterPrompt, TextRole.Heading3) { SpaceAfter = 2 },
            new SpaceBlock(writing) { Ruled = RuleColor, RuleSpacing = RuleSpacing },
        ];
    }

    private static QrLinkBlock Code(Panel panel, string caption) =>
        new(panel.Links[0].Url, caption, Texts.Format(Texts.Report.QrTo, panel.Links[0].Title), PosterQrSize, Caption, Url);

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

    /// <summary>
    /// The second page of an edition whose panels are too narrow for a 4 cm code: each panel's title with its code,
    /// the title of what it links to and the address, in a grid of cells as wide as the code and its text need.
    /// </summary>
    private List<Region> CodesPage(XRect inner, List<Panel> panels)
    {
        var regions = new List<Region>
        {
            new(new XRect(inner.X, inner.Y, inner.Width, HeaderHeight), [
                new TextBlock(edition.Title, PosterTitle) { SpaceAfter = 4 },
                new TextBlock(Texts.Report.BlankReadMore, PosterPanelTitle, TextRole.Heading2),
            ]),
        };
        var columns = (int)Math.Floor((inner.Width + Gap) / (PosterQrSize + QrTextGap + (2 * QrTextMinWidth) + (2 * CellPadding) + Gap));
        var rows = (panels.Count + columns - 1) / columns;
        var cellWidth = (inner.Width - ((columns - 1) * Gap)) / columns;
        var cellHeight = Math.Min(PosterQrSize + 60, (inner.Height - HeaderHeight - FooterHeight - (rows * Gap)) / rows);
        for (var i = 0; i < panels.Count; i++)
        {
            var cell = new XRect(inner.X + ((i % columns) * (cellWidth + Gap)), inner.Y + HeaderHeight + ((i / columns) * (cellHeight + Gap)), cellWidth, cellHeight);
            regions.Add(new Region(cell, [
                new TextBlock(panels[i].Title, PosterPanelTitle, TextRole.Heading3) { SpaceAfter = 6 },
                Code(panels[i], panels[i].Links[0].Title),
            ]) { Background = Tint, Padding = CellPadding });
        }

        regions.Add(new Region(new XRect(inner.X, inner.Bottom - FooterHeight, inner.Width, FooterHeight), Footer()));
        return regions;
    }

    private List<Block> Footer() =>
    [
        new TextBlock(Texts.Format(Texts.Report.PosterColophon, edition.Attribution), Source),
    ];
}
