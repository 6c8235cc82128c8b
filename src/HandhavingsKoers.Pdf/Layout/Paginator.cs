using PdfSharp.Drawing;

namespace HandhavingsKoers.Pdf.Layout;

/// <summary>
/// Lays blocks out top to bottom in a content area and starts a new page when one is full. Text splits between
/// lines, lists between lines of their items; a block marked KeepWithNext moves along with the start of the next one.
/// An element cut by a page break is closed on one page and opened again on the next, so every page carries a
/// complete structure.
/// </summary>
public sealed class Paginator
{
    private readonly TextShaper _shaper;
    private readonly XRect _area;
    private readonly List<PageContent> _pages = [];
    private readonly List<PlacedElement> _open = [];
    private double _y;

    public Paginator(TextShaper shaper, XRect contentArea)
    {
        _shaper = shaper;
        _area = contentArea;
        NewPage();
    }

    public IReadOnlyList<PageContent> Pages => _pages;

    /// <summary>True when a block does not fit the content area even on a fresh page (only fixed-size blocks can).</summary>
    public bool Overflowed { get; private set; }

    private double Bottom => _area.Bottom;

    private PageContent Page => _pages[^1];

    public void Add(IReadOnlyList<Block> blocks)
    {
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            if (block is PageBreakBlock pageBreak)
            {
                if (pageBreak.WhenFilled <= 0 || _y - _area.Y >= pageBreak.WhenFilled * _area.Height)
                {
                    NewPage();
                }

                continue;
            }

            if (!AtTop)
            {
                _y += block.SpaceBefore;
            }

            if (block.KeepWithNext && i + 1 < blocks.Count && !AtTop && _y + KeptHeight(blocks, i) > Bottom)
            {
                NewPage();
            }

            switch (block)
            {
                case TextBlock text: PlaceText(text, _area.X, _area.Width); break;
                case ListBlock list: PlaceList(list); break;
                case QrLinkBlock qr: PlaceQr(qr); break;
                case DrawingBlock drawing: PlaceDrawing(drawing); break;
                case RuleBlock rule: PlaceRule(rule); break;
                case SpaceBlock space: PlaceSpace(space); break;
            }

            _y += block.SpaceAfter;
        }
    }

    private bool AtTop => _y <= _area.Y + 0.01;

    private void NewPage()
    {
        _pages.Add(new PageContent());
        _y = _area.Y;

        // Re-open what was open, outermost first, as fresh elements on the new page.
        for (var i = 0; i < _open.Count; i++)
        {
            var copy = new PlacedElement(_open[i].Tag) { LinkUrl = _open[i].LinkUrl, AltText = _open[i].AltText };
            (i == 0 ? Page.Items : _open[i - 1].Children).Add(copy);
            _open[i] = copy;
        }
    }

    private List<Placed> Target => _open.Count == 0 ? Page.Items : _open[^1].Children;

    private PlacedElement Open(string tag, string? alt = null, string? url = null)
    {
        var element = new PlacedElement(tag) { AltText = alt, LinkUrl = url };
        Target.Add(element);
        _open.Add(element);
        return element;
    }

    private void Close() => _open.RemoveAt(_open.Count - 1);

    /// <summary>Makes room for a line: breaks the page when it would not fit, unless the page is still empty (then it overflows).</summary>
    private void EnsureRoom(double height)
    {
        if (_y + height > Bottom && !AtTop)
        {
            NewPage();
        }
    }

    private static string TagOf(TextRole role) => role switch
    {
        TextRole.Heading1 => "H1",
        TextRole.Heading2 => "H2",
        TextRole.Heading3 => "H3",
        _ => "P",
    };

    /// <param name="ownElement">
    /// False places the lines straight into the element that is open (a list item's body holding one paragraph): the
    /// same reading order for a screen reader, one structure element fewer per note to write.
    /// </param>
    private void PlaceText(TextBlock block, double x, double width, bool ownElement = true)
    {
        var inner = width - block.Indent - (2 * block.Padding) - (block.Bar is null ? 0 : 4);
        var lines = _shaper.Wrap(block.Text, block.Style, inner);
        if (lines.Count == 0)
        {
            return;
        }

        var left = x + block.Indent + block.Padding + (block.Bar is null ? 0 : 4);
        var decorated = block.Background is not null || block.Bar is not null;
        PlacedRect? background = null, bar = null;
        EnsureRoom(block.Style.LineSpacing + (2 * block.Padding));
        StartDecoration();
        if (ownElement)
        {
            Open(TagOf(block.Role));
        }

        _y += block.Padding;
        foreach (var line in lines)
        {
            if (_y + block.Style.LineSpacing + block.Padding > Bottom && !AtTop)
            {
                // Close the element here and open a new one on the next page, after its own decoration.
                _y += block.Padding;
                Grow();
                if (ownElement)
                {
                    Close();
                }

                NewPage(); // re-opens the enclosing elements, so lines placed without an element of their own go on in them
                StartDecoration();
                if (ownElement)
                {
                    Open(TagOf(block.Role));
                }

                _y += block.Padding;
            }

            var baseline = _y + (block.Style.Size * 0.95) + ((block.Style.LineSpacing - block.Style.Size) / 2);
            _open[^1].Children.Add(new PlacedLine(left, baseline, line, block.Style.Ink));
            _y += block.Style.LineSpacing;
        }

        _y += block.Padding;
        Grow();
        if (ownElement)
        {
            Close();
        }

        void StartDecoration()
        {
            if (!decorated)
            {
                return;
            }

            background = block.Background is { } b ? new PlacedRect(x + block.Indent, _y, width - block.Indent, b) : null;
            bar = block.Bar is { } c ? new PlacedRect(x + block.Indent, _y, 4, c) : null;
            if (background is not null) Target.Add(background);
            if (bar is not null) Target.Add(bar);
        }

        void Grow()
        {
            var top = background?.Y ?? bar?.Y ?? _y;
            if (background is not null) background.Height = _y - top;
            if (bar is not null) bar.Height = _y - top;
        }
    }

    private void PlaceList(ListBlock list)
    {
        if (list.Items.Count == 0)
        {
            return;
        }

        var labelWidth = LabelWidth(list);
        Open("L");
        foreach (var (item, index) in list.Items.Select((item, i) => (item, i)))
        {
            if (index > 0)
            {
                _y += list.ItemSpacing;
            }

            // A short item (a note and its author, a priority and its dots) moves to the next page whole rather
            // than leave its last line alone at the top of the next page; a long one splits between lines.
            EnsureRoom(ItemLead(list, item, first: false));
            Open("LI");
            var bullet = _shaper.Wrap(list.Numbered ? (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + "." : "•", list.BulletStyle, labelWidth);
            var baseline = _y + (list.BulletStyle.Size * 0.95) + ((list.BulletStyle.LineSpacing - list.BulletStyle.Size) / 2);
            if (list.Numbered)
            {
                // A number says something (the rank): a label a screen reader reads.
                Open("Lbl");
                _open[^1].Children.Add(new PlacedLine(_area.X, baseline, bullet[0], list.BulletStyle.Ink));
                Close();
            }
            else
            {
                // A bullet says nothing the list does not already say ("list, 40 items"): decoration, not a label. With
                // 200 notes that is 200 fewer structure elements to write, and a screen reader no longer reads "bullet"
                // before each note.
                _open[^1].Children.Add(new PlacedLine(_area.X, baseline, bullet[0], list.BulletStyle.Ink, Artifact: true));
            }

            Open("LBody");
            // The item's first paragraph sits in the body itself; what follows it (a note's author, a priority's
            // dots) is a paragraph of its own. A screen reader reads the same either way, and with 200 notes and
            // their authors that is 200 fewer structure elements to build and write.
            for (var b = 0; b < item.Body.Count; b++)
            {
                var body = item.Body[b];
                _y += AtTop ? 0 : body.SpaceBefore;
                PlaceText(body, _area.X + labelWidth, _area.Width - labelWidth, ownElement: b > 0 || body.Role != TextRole.Paragraph);
                _y += body.SpaceAfter;
            }

            Close();
            Close();
        }

        Close();
    }

    private void PlaceQr(QrLinkBlock block)
    {
        var modules = QrCodes.Modules(block.Url);
        var gap = 12d;
        var textWidth = _area.Width - block.Size - gap;
        var caption = _shaper.Wrap(block.Caption, block.CaptionStyle, textWidth);
        var url = _shaper.Wrap(block.Url, block.UrlStyle, textWidth);
        var textHeight = (caption.Count * block.CaptionStyle.LineSpacing) + (url.Count * block.UrlStyle.LineSpacing);
        var height = Math.Max(block.Size, textHeight);
        EnsureRoom(height);
        if (_y + height > Bottom)
        {
            Overflowed = true;
        }

        var top = _y;
        var figure = Open("Figure", alt: block.AltText);
        figure.Children.Add(new PlacedQr(_area.X, top, block.Size, modules));
        Close();

        var x = _area.X + block.Size + gap;
        var y = top + Math.Max(0, (block.Size - textHeight) / 2);
        var paragraph = Open("P");
        foreach (var line in caption)
        {
            paragraph.Children.Add(new PlacedLine(x, y + (block.CaptionStyle.Size * 0.95), line, block.CaptionStyle.Ink));
            y += block.CaptionStyle.LineSpacing;
        }

        var link = Open("Link", alt: block.Caption + ": " + block.Url, url: block.Url);
        var linkTop = y;
        foreach (var line in url)
        {
            link.Children.Add(new PlacedLine(x, y + (block.UrlStyle.Size * 0.95), line, block.UrlStyle.Ink));
            y += block.UrlStyle.LineSpacing;
        }

        var widest = url.Count == 0 ? 0 : url.Max(l => l.Width);
        link.Children.Add(new PlacedLinkArea(new XRect(x, linkTop, widest, y - linkTop)));
        Close();
        Close();
        _y = top + height;
    }

    private void PlaceDrawing(DrawingBlock block)
    {
        const double gap = 12;
        var width = Math.Min(block.Width, _area.Width);
        var height = width * block.Drawing.Height / block.Drawing.Width;
        var column = _area.Width - width - gap;
        var beside = block.Beside.Count > 0 && column > 0 ? block.Beside : [];
        var textHeight = beside.Sum(t => t.SpaceBefore + Height(t, column));
        EnsureRoom(Math.Max(height, textHeight));
        if (_y + height > Bottom)
        {
            Overflowed = true;
        }

        var top = _y;
        var x = beside.Count > 0 ? _area.X : _area.X + ((_area.Width - width) / 2);
        var figure = Open("Figure", alt: block.AltText);
        figure.Children.Add(new PlacedDrawing(x, _y, width / block.Drawing.Width, block.Drawing));
        Close();

        // The column beside it starts at the drawing's top; what follows starts below the taller of the two.
        foreach (var text in beside)
        {
            _y += text.SpaceBefore;
            PlaceText(text, _area.X + width + gap, column);
            _y += text.SpaceAfter;
        }

        _y = Math.Max(top + height, _y);
    }

    private void PlaceRule(RuleBlock rule)
    {
        EnsureRoom(rule.Thickness);
        Target.Add(new PlacedRect(_area.X, _y, _area.Width, rule.Color) { Height = rule.Thickness });
        _y += rule.Thickness;
    }

    private void PlaceSpace(SpaceBlock space)
    {
        EnsureRoom(space.Height);
        var height = Math.Min(space.Height, Bottom - _y);
        if (space.Ruled is { } color)
        {
            for (var y = _y + space.RuleSpacing; y <= _y + height; y += space.RuleSpacing)
            {
                Target.Add(new PlacedRect(_area.X, y - 0.5, _area.Width, color) { Height = 0.5 });
            }
        }

        _y += height;
    }

    /// <summary>
    /// The height of a chain of blocks that keep with the next (a heading, the question under it, its source...),
    /// plus the start of the first block after the chain.
    /// </summary>
    private double KeptHeight(IReadOnlyList<Block> blocks, int first)
    {
        var height = Height(blocks[first]);
        var j = first + 1;
        while (j < blocks.Count && blocks[j - 1].KeepWithNext && blocks[j].KeepWithNext)
        {
            height += blocks[j].SpaceBefore + Height(blocks[j]);
            j++;
        }

        return j < blocks.Count ? height + blocks[j].SpaceBefore + LeadHeight(blocks[j]) : height;
    }

    /// <summary>Height a block needs when it is not split (used for keep-with-next).</summary>
    private double Height(Block block) => block switch
    {
        TextBlock t => Height(t, _area.Width),
        RuleBlock r => r.Thickness + r.SpaceAfter,
        _ => 0,
    };

    /// <summary>
    /// What of a list item must fit on a page before it starts there: the whole item when it is short (at most a
    /// quarter page), else its first line; as the lead of a heading, at most two lines of a long item.
    /// </summary>
    private double ItemLead(ListBlock list, ListItem item, bool first)
    {
        var labelWidth = LabelWidth(list);
        var whole = item.Body.Sum(b => b.SpaceBefore + Height(b, _area.Width - labelWidth));
        if (whole <= _area.Height / 4)
        {
            return whole;
        }

        return item.Body.Count == 0 ? list.BulletStyle.LineSpacing
            : first ? Math.Min(Height(item.Body[0], _area.Width - labelWidth), 2 * item.Body[0].Style.LineSpacing)
            : item.Body[0].Style.LineSpacing;
    }

    /// <summary>The room for "•" or "10." left of the items.</summary>
    private static double LabelWidth(ListBlock list) => list.Numbered ? 20 : 14;

    private double Height(TextBlock t, double width) =>
        (_shaper.Wrap(t.Text, t.Style, width - t.Indent - (2 * t.Padding) - (t.Bar is null ? 0 : 4)).Count * t.Style.LineSpacing) + (2 * t.Padding) + t.SpaceAfter;

    /// <summary>The least of a block that must come along with a heading: two lines, a rule, a QR code.</summary>
    private double LeadHeight(Block block) => block switch
    {
        TextBlock t => Math.Min(Height(t), (2 * t.Style.LineSpacing) + (2 * t.Padding)),
        ListBlock { Items.Count: > 0 } l => ItemLead(l, l.Items[0], first: true),
        QrLinkBlock q => q.Size,
        DrawingBlock d => Math.Min(d.Width, _area.Width) * d.Drawing.Height / d.Drawing.Width,
        SpaceBlock s => Math.Min(s.Height, 40),
        _ => 0,
    };
}
