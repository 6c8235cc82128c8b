using HandhavingsKoers.Pdf.Layout;
using Microsoft.IO;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Annotations;
using PdfSharp.UniversalAccessibility;

namespace HandhavingsKoers.Pdf;

/// <summary>Page size, margins and metadata of a document.</summary>
public sealed record DocumentSettings(
    string Title,
    string Subject,
    PageSize Size = PageSize.A4,
    PageOrientation Orientation = PageOrientation.Portrait,
    double Margin = 56,
    double HeaderHeight = 24,
    double FooterHeight = 24,
    string Language = "nl-NL",
    string Author = "HandhavingsKoers");

/// <summary>
/// A document in QuestPDF's spirit, drawn with PDFsharp: a subclass is built from an immutable model and composes
/// its content as blocks; this class lays them out, paginates them and writes a tagged PDF (language, title,
/// headings, paragraphs, lists, figures with alt text, links; headers, footers and decoration as artifacts).
/// </summary>
public abstract class PdfReport
{
    /// <summary>
    /// PDFsharp makes many of its objects through <c>Type.GetConstructor(...).Invoke</c>. The runtime keeps the
    /// constructors it hands out in a per-type cache that the garbage collector may drop when nothing else holds it;
    /// each new constructor object then compiles a new invoke stub, which a finalizer must clean up later. Holding
    /// PDFsharp's constructors here keeps those caches, and so their stubs, for the life of the process.
    /// </summary>
    private static readonly System.Reflection.ConstructorInfo[] PdfSharpConstructors = [.. typeof(PdfItem).Assembly.GetTypes()
        .Where(t => typeof(PdfItem).IsAssignableFrom(t) && !t.IsAbstract)
        .SelectMany(t => t.GetConstructors(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic))];

    protected abstract DocumentSettings Settings { get; }

    /// <summary>The flowing content, top to bottom.</summary>
    protected virtual IEnumerable<Block> ComposeContent() => [];

    /// <summary>
    /// For fixed layouts such as a poster: per page, regions that each hold their own blocks. A region's content must
    /// fit it (nothing flows to another page); see <see cref="Regions.OverflowException"/>.
    /// </summary>
    protected virtual IEnumerable<IReadOnlyList<Region>>? ComposeFixedPages() => null;

    /// <summary>Running header text (left), or null for none. Page numbers start at 1.</summary>
    protected virtual string? ComposeHeader(int page, int pages) => null;

    /// <summary>Running footer text (right), e.g. the page number; none by default (the words belong to the app).</summary>
    protected virtual string? ComposeFooter(int page, int pages) => null;

    protected virtual TextStyle RunningTextStyle => new(8.5, Color: XColor.FromArgb(0x55, 0x55, 0x55));

    /// <summary>The content area of each page (inside the margins, below the header, above the footer).</summary>
    public XRect ContentArea
    {
        get
        {
            var (width, height) = PageDimensions(Settings);
            var s = Settings;
            return new XRect(s.Margin, s.Margin + s.HeaderHeight, width - (2 * s.Margin), height - (2 * s.Margin) - s.HeaderHeight - s.FooterHeight);
        }
    }

    /// <summary>Lays out the content; exposed for tests of the layout (page count, where things land).</summary>
    public IReadOnlyList<PageContent> Layout() => Layout(new TextShaper());

    private IReadOnlyList<PageContent> Layout(TextShaper shaper)
    {
        if (ComposeFixedPages() is { } fixedPages)
        {
            return fixedPages.Select(regions => Regions.Compose(shaper, regions)).ToList();
        }

        var paginator = new Paginator(shaper, ContentArea);
        paginator.Add(ComposeContent().ToList());
        return paginator.Pages;
    }

    /// <summary>
    /// Pooled buffers for the document as it is written. A report is a few hundred kilobytes: a growing MemoryStream
    /// would allocate 128 KB and 256 KB buffers on the large object heap for each one, and every few reports that heap
    /// triggers a full collection (a third of them in the render benchmark).
    /// </summary>
    private static readonly RecyclableMemoryStreamManager Buffers = new();

    public byte[] GeneratePdf()
    {
        using var stream = Buffers.GetStream(nameof(GeneratePdf));
        GeneratePdf(stream);
        return stream.ToArray();
    }

    public void GeneratePdf(Stream output)
    {
        GC.KeepAlive(PdfSharpConstructors);
        var shaper = new TextShaper();
        var pages = Layout(shaper);

        using var document = new PdfDocument();
        document.Info.Title = Settings.Title;
        document.Info.Subject = Settings.Subject;
        document.Info.Author = Settings.Author;
        document.Info.Creator = "HandhavingsKoers";
        document.ViewerPreferences.DisplayDocTitle = true;

        // Compress (a report is mailed around) but favour speed: it is rendered on request.
        document.Options.CompressContentStreams = true;
        document.Options.FlateEncodeMode = PdfFlateEncodeMode.BestSpeed;
        var ua = UAManager.ForDocument(document);
        ua.SetDocumentLanguage(Settings.Language);

        for (var i = 0; i < pages.Count; i++)
        {
            var page = document.AddPage();
            page.Size = Settings.Size;
            page.Orientation = Settings.Orientation;
            using var gfx = XGraphics.FromPdfPage(page);
            var writer = new PageWriter(gfx, ua.StructureBuilder, shaper);
            writer.Running(ComposeHeader(i + 1, pages.Count), ComposeFooter(i + 1, pages.Count), shaper, RunningTextStyle, Settings, PageDimensions(Settings));
            foreach (var item in pages[i].Items)
            {
                writer.Write(item);
            }
        }

        document.Save(output, closeStream: false);
    }

    private static (double Width, double Height) PageDimensions(DocumentSettings settings)
    {
        var size = PageSizeConverter.ToSize(settings.Size);
        return settings.Orientation == PageOrientation.Landscape ? (size.Height, size.Width) : (size.Width, size.Height);
    }

    /// <summary>Draws the placed items of one page, opening and closing structure elements around them.</summary>
    private sealed class PageWriter(XGraphics gfx, StructureBuilder structure, TextShaper shaper)
    {
        private readonly Dictionary<XColor, XSolidBrush> _brushes = [];

        private XSolidBrush Brush(XColor color)
        {
            if (!_brushes.TryGetValue(color, out var brush))
            {
                brush = new XSolidBrush(color);
                _brushes[color] = brush;
            }

            return brush;
        }

        public void Running(string? header, string? footer, TextShaper shaper, TextStyle style, DocumentSettings s, (double Width, double Height) size)
        {
            if (header is null && footer is null)
            {
                return;
            }

            structure.BeginArtifact();
            var width = size.Width - (2 * s.Margin);
            if (header is not null && shaper.Wrap(header, style, width) is [var headerLine, ..])
            {
                DrawLine(new PlacedLine(s.Margin, s.Margin + style.Size, headerLine, style.Ink));
            }

            if (footer is not null && shaper.Wrap(footer, style, width) is [var footerLine, ..])
            {
                DrawLine(new PlacedLine(size.Width - s.Margin - footerLine.Width, size.Height - s.Margin - 3, footerLine, style.Ink));
            }

            structure.End();
        }

        public void Write(Placed item)
        {
            switch (item)
            {
                case PlacedElement element:
                    Begin(element);
                    foreach (var child in element.Children)
                    {
                        Write(child);
                    }

                    structure.End();
                    break;
                case PlacedLine { Artifact: true } line:
                    structure.BeginArtifact();
                    DrawLine(line);
                    structure.End();
                    break;
                case PlacedLine line:
                    DrawLine(line);
                    break;
                case PlacedRect rect:
                    structure.BeginArtifact();
                    gfx.DrawRectangle(Brush(rect.Color), rect.X, rect.Y, rect.Width, rect.Height);
                    structure.End();
                    break;
                case PlacedQr qr:
                    DrawQr(qr);
                    break;
                case PlacedDrawing drawing:
                    DrawDrawing(drawing);
                    break;
                case PlacedLinkArea:
                    break; // turned into the annotation when its Link element began
            }
        }

        private void Begin(PlacedElement element)
        {
            switch (element.Tag)
            {
                case "Figure":
                    var bounds = element.Children.OfType<PlacedQr>().Select(q => new XRect(q.X, q.Y, q.Size, q.Size))
                        .Concat(element.Children.OfType<PlacedDrawing>().Select(d => d.Bounds))
                        .First();
                    structure.BeginElement(PdfIllustrationElementTag.Figure, element.AltText ?? "", bounds);
                    break;
                case "Link":
                    var area = element.Children.OfType<PlacedLinkArea>().First().Area;
                    var annotation = PdfLinkAnnotation.CreateWebLink(new PdfRectangle(gfx.Transformer.WorldToDefaultPage(area)), element.LinkUrl!);
                    structure.BeginElement(annotation, element.AltText ?? element.LinkUrl!); // also adds it to the page
                    break;
                default:
                    structure.BeginElement(element.Tag switch
                    {
                        "H1" => PdfBlockLevelElementTag.Heading1,
                        "H2" => PdfBlockLevelElementTag.Heading2,
                        "H3" => PdfBlockLevelElementTag.Heading3,
                        "L" => PdfBlockLevelElementTag.List,
                        "LI" => PdfBlockLevelElementTag.ListItem,
                        "Lbl" => PdfBlockLevelElementTag.Label,
                        "LBody" => PdfBlockLevelElementTag.ListBody,
                        _ => PdfBlockLevelElementTag.Paragraph,
                    });
                    break;
            }
        }

        private void DrawLine(PlacedLine line)
        {
            var brush = Brush(line.Color);
            var x = line.X;
            foreach (var run in line.Line.Runs)
            {
                gfx.DrawString(run.Text, run.Font, brush, x, line.Baseline);
                x += run.Width;
            }
        }

        private void DrawDrawing(PlacedDrawing placed)
        {
            var scale = placed.Scale;
            XPoint At(Point p) => new(placed.X + (p.X * scale), placed.Y + (p.Y * scale));
            foreach (var shape in placed.Drawing.Shapes)
            {
                switch (shape)
                {
                    case PathShape path when path.Points.Count > 1:
                        var points = path.Points.Select(At).ToArray();
                        if (path.Closed && path.Fill is { } fill)
                        {
                            var color = Color(fill);
                            gfx.DrawPolygon(new XSolidBrush(XColor.FromArgb((int)Math.Round(path.FillOpacity * 255), color.R, color.G, color.B)), points, XFillMode.Winding);
                        }

                        if (path.Stroke is { } stroke)
                        {
                            var pen = new XPen(Color(stroke), path.StrokeWidth * scale)
                            {
                                DashStyle = path.Dashed ? XDashStyle.Dash : XDashStyle.Solid,
                                LineJoin = XLineJoin.Round,
                            };
                            if (path.Closed)
                            {
                                gfx.DrawPolygon(pen, points);
                            }
                            else
                            {
                                gfx.DrawLines(pen, points);
                            }
                        }

                        break;
                    case DotShape dot:
                        var r = dot.Radius * scale;
                        var centre = At(dot.Center);
                        gfx.DrawEllipse(Brush(Color(dot.Fill)), centre.X - r, centre.Y - r, 2 * r, 2 * r);
                        break;
                    case LabelShape label:
                        var style = new TextStyle(label.Size * scale, Bold: label.Bold, Color: Color(label.Color));
                        for (var i = 0; i < label.Lines.Count; i++)
                        {
                            if (shaper.Wrap(label.Lines[i], style, double.MaxValue / 4) is not [var line, ..])
                            {
                                continue;
                            }

                            var x = placed.X + (label.At.X * scale) - (label.Anchor switch
                            {
                                TextAnchor.Middle => line.Width / 2,
                                TextAnchor.End => line.Width,
                                _ => 0,
                            });
                            DrawLine(new PlacedLine(x, placed.Y + (label.Baseline(i) * scale), line, style.Ink));
                        }

                        break;
                }
            }
        }

        private static XColor Color(string hex) => XColor.FromArgb(
            Convert.ToInt32(hex[1..3], 16), Convert.ToInt32(hex[3..5], 16), Convert.ToInt32(hex[5..7], 16));

        /// <summary>
        /// A QR code as one bitonal image, drawn without interpolation so every module stays a sharp square at any size
        /// (screen and print). Drawn as vector squares, the concluded report's nine codes took a sixth of its render
        /// time: PDFsharp formats each square as an operator of its own, a few thousand per report.
        /// </summary>
        private void DrawQr(PlacedQr qr) => gfx.DrawImage(QrImage(qr.Modules), qr.X, qr.Y, qr.Size, qr.Size);

        // A QR code's image, kept per thread and per module matrix (QrCodes keeps one matrix per address). Making the
        // bitmap and importing it (PDFsharp reads, checks and hashes it) was a twentieth of a report's render, and the
        // same few addresses come back in every report; each document still writes its own image object. Per thread
        // because PDFsharp does not promise that an XImage may be used by two documents at once, and a thread renders
        // one document at a time. Small: cleared when it fills up.
        [ThreadStatic]
        private static Dictionary<bool[,], XImage>? _qrImages;

        private static XImage QrImage(bool[,] modules)
        {
            var images = _qrImages ??= new Dictionary<bool[,], XImage>(ReferenceEqualityComparer.Instance);
            if (!images.TryGetValue(modules, out var image))
            {
                if (images.Count >= 32)
                {
                    images.Clear();
                }

                image = XImage.FromStream(new MemoryStream(QrCodes.Bitmap(modules), writable: false));
                image.Interpolate = false;
                images[modules] = image;
            }

            return image;
        }
    }
}
