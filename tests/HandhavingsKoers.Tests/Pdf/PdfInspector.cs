using System.Diagnostics;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.IO;

namespace HandhavingsKoers.Tests.Pdf;

/// <summary>Opens a produced PDF with PDFsharp and reads what a checker would: metadata, structure tree, links.</summary>
public sealed class PdfInspector
{
    public PdfInspector(byte[] pdf)
    {
        Bytes = pdf;
        Document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        var root = Document.Internals.Catalog.Elements.GetDictionary("/StructTreeRoot");
        if (root is not null)
        {
            Walk(root.Elements["/K"]);
        }
    }

    public byte[] Bytes { get; }
    public PdfDocument Document { get; }

    /// <summary>Structure elements in document order: tag and alternative text.</summary>
    public List<(string Tag, string? Alt)> Elements { get; } = [];

    public string Language => Document.Internals.Catalog.Elements.GetString("/Lang");

    public bool Marked => Document.Internals.Catalog.Elements.GetDictionary("/MarkInfo")?.Elements.GetBoolean("/Marked") == true;

    public IEnumerable<string> Tags => Elements.Select(e => e.Tag);

    /// <summary>Link annotations: page (1-based), target and rectangle in PDF points (origin bottom left).</summary>
    public IEnumerable<(int Page, string Uri, PdfRectangle Rect)> Links()
    {
        for (var i = 0; i < Document.PageCount; i++)
        {
            var page = Document.Pages[i];
            for (var a = 0; a < page.Annotations.Count; a++)
            {
                var annotation = page.Annotations[a];
                if (annotation.Elements.GetName("/Subtype") == "/Link")
                {
                    var action = annotation.Elements.GetDictionary("/A");
                    yield return (i + 1, action?.Elements.GetString("/URI") ?? "", annotation.Elements.GetRectangle("/Rect"));
                }
            }
        }
    }

    /// <summary>
    /// The figures' alternative text and size in points (width, height), from the bounding box each Figure element
    /// carries in its layout attributes (<c>/A &lt;&lt; /O /Layout /BBox [...] &gt;&gt;</c>), in document order.
    /// </summary>
    public List<(string? Alt, double Width, double Height)> Figures { get; } = [];

    private void Walk(PdfItem? item)
    {
        switch (item)
        {
            case PdfReference reference:
                Walk(reference.Value);
                break;
            case PdfArray array:
                foreach (var element in array.Elements)
                {
                    Walk(element);
                }

                break;
            case PdfDictionary dictionary when dictionary.Elements.ContainsKey("/S"):
                var tag = dictionary.Elements.GetName("/S").TrimStart('/');
                var alt = dictionary.Elements.ContainsKey("/Alt") ? dictionary.Elements.GetString("/Alt") : null;
                Elements.Add((tag, alt));
                if (tag == "Figure")
                {
                    var box = Attributes(dictionary)?.Elements.GetArray("/BBox");
                    Figures.Add(box is { Elements.Count: 4 }
                        ? (alt, box.Elements.GetReal(2) - box.Elements.GetReal(0), box.Elements.GetReal(3) - box.Elements.GetReal(1))
                        : (alt, 0, 0));
                }

                Walk(dictionary.Elements["/K"]);
                break;
        }
    }

    private static PdfDictionary? Attributes(PdfDictionary element) => element.Elements["/A"] switch
    {
        PdfReference reference => reference.Value as PdfDictionary,
        PdfDictionary dictionary => dictionary,
        PdfArray array => array.Elements.Select(a => a is PdfReference r ? r.Value : a).OfType<PdfDictionary>().FirstOrDefault(d => d.Elements.ContainsKey("/BBox")),
        _ => null,
    };

    /// <summary>Runs a command-line tool on the PDF (or its rendering); null when the tool is not installed.</summary>
    public static string? Run(string tool, string arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(tool, arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return output;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    /// <summary>
    /// CI installs poppler-utils and zbar-tools and sets HK_REQUIRE_PDF_TOOLS=1, so there a missing tool fails the test;
    /// on a developer machine without them the tool checks are left out.
    /// </summary>
    public static bool ToolsRequired => Environment.GetEnvironmentVariable("HK_REQUIRE_PDF_TOOLS") == "1";

    public string SaveTemp(string name)
    {
        var folder = Path.Combine(Path.GetTempPath(), "hk-tests", "pdf", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, Bytes);
        return path;
    }

    /// <summary>
    /// The text as pdftotext extracts it, or null without poppler. <paramref name="raw"/> keeps the content stream's
    /// order and its own space characters instead of pdftotext's guesses from glyph positions.
    /// </summary>
    public string? ExtractText(bool raw = false)
    {
        var path = SaveTemp("doc.pdf");
        var text = Run("pdftotext", $"{(raw ? "-raw " : "")}-enc UTF-8 \"{path}\" -");
        Assert.False(text is null && ToolsRequired, "pdftotext is required here (poppler-utils).");
        return text;
    }

    /// <summary>
    /// Every QR code zbarimg finds on the pages rendered at <paramref name="dpi"/>, or null without the tools. 100 dpi is
    /// a cheap phone camera at reading distance from a printed page (issue "A real room": each code must decode at 100).
    /// </summary>
    public IReadOnlyList<string>? DecodeQrCodes(int dpi = 100)
    {
        var path = SaveTemp("doc.pdf");
        var prefix = Path.Combine(Path.GetDirectoryName(path)!, "page");
        var rendered = Run("pdftoppm", $"-r {dpi} -png \"{path}\" \"{prefix}\"");
        if (rendered is null)
        {
            Assert.False(ToolsRequired, "pdftoppm is required here (poppler-utils).");
            return null;
        }

        var codes = new List<string>();
        foreach (var png in Directory.GetFiles(Path.GetDirectoryName(path)!, "page*.png").Order())
        {
            var found = Run("zbarimg", $"-q --raw \"{png}\"");
            if (found is null)
            {
                Assert.False(ToolsRequired, "zbarimg is required here (zbar-tools).");
                return null;
            }

            codes.AddRange(found.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        return codes;
    }
}
