using HandhavingsKoers.Pdf.Layout;
using HandhavingsKoers.Web.Reports;
using HandhavingsKoers.Web.Reports.Pdf;
using PdfSharp.Drawing;

namespace HandhavingsKoers.Tests.Pdf;

public sealed class PraatplaatReportTests
{
    private static readonly ReportOptions Anonymous = new(new DateTime(2026, 11, 22, 15, 30, 0), SummaryUrl: null);

    [Fact]
    public void The_report_is_a_tagged_dutch_pdf_with_title_structure_and_links()
    {
        var options = Anonymous with { SummaryUrl = "https://handhaving.example.nl/w/1/samenvatting" };
        var pdf = new PdfInspector(new PraatplaatReport(ReportFixtures.With(notesPerPanel: 4), options).GeneratePdf());

        Assert.Equal("Praatplaat handhavingskoers – Gemeente Súdwest-Fryslân – Teamsessie Werk en Inkomen", pdf.Document.Info.Title);
        Assert.Equal("nl-NL", pdf.Language);
        Assert.True(pdf.Marked);
        Assert.InRange(pdf.Document.PageCount, 3, 7); // 7 since the QR codes are 3 cm
        Assert.All(Enumerable.Range(0, pdf.Document.PageCount), i => Assert.Equal(595, (int)pdf.Document.Pages[i].Width.Point));

        // Two H1s (the title and the annex); an H2 for the team actions, the introduction, each of the seven panels, the
        // actions and the colophon. Without scores there is no "waar staan we?" section.
        Assert.Equal(2, pdf.Tags.Count(t => t == "H1"));
        Assert.Equal(1 + 7 + 1 + 1 + 1, pdf.Tags.Count(t => t == "H2"));
        Assert.Contains("P", pdf.Tags);
        Assert.Contains("L", pdf.Tags);
        Assert.Contains("LI", pdf.Tags);
        Assert.Contains("LBody", pdf.Tags);

        // Every QR code is a figure with alt text; seven "lees meer" codes and one back to the summary.
        var figures = pdf.Elements.Where(e => e.Tag == "Figure").ToList();
        Assert.Equal(8, figures.Count);
        Assert.All(figures, f => Assert.StartsWith("QR-code naar ", f.Alt, StringComparison.Ordinal));

        var links = pdf.Links().Select(l => l.Uri).ToList();
        Assert.Equal(ReportFixtures.Edition.Panels.Select(p => p.Links[0].Url).Append(options.SummaryUrl), links);
        Assert.Equal(8, pdf.Tags.Count(t => t == "Link"));
    }

    [Fact]
    public void Each_report_rendered_on_one_thread_carries_its_own_summary_qr_code()
    {
        // QR images are kept per thread between renders: the second workshop's report must not show the first's code,
        // and the first's must still decode when it is rendered again after it.
        string[] addresses = ["https://handhaving.example.nl/w/1/samenvatting", "https://handhaving.example.nl/w/2/samenvatting", "https://handhaving.example.nl/w/1/samenvatting"];
        foreach (var address in addresses)
        {
            var pdf = new PdfInspector(new PraatplaatReport(ReportFixtures.With(notesPerPanel: 1), Anonymous with { SummaryUrl = address }).GeneratePdf());
            var decoded = pdf.DecodeQrCodes();
            if (decoded is null)
            {
                return;
            }

            Assert.Contains(address, decoded);
            Assert.DoesNotContain(addresses.First(a => a != address), decoded);
            Assert.Equal(8, decoded.Count);
        }
    }

    [Fact]
    public void Without_a_public_address_there_is_no_qr_code_to_the_summary()
    {
        var pdf = new PdfInspector(new PraatplaatReport(ReportFixtures.With(notesPerPanel: 2), Anonymous).GeneratePdf());
        Assert.Equal(7, pdf.Links().Count());
        Assert.DoesNotContain(pdf.Links(), l => l.Uri.Contains("samenvatting", StringComparison.Ordinal));
    }

    [Fact]
    public void Extracted_text_reads_in_order_with_spaces_and_the_qr_codes_decode_to_their_links()
    {
        var report = ReportFixtures.With(notesPerPanel: 2, i => $"Wij bellen eerst ({i}) en daarna sturen we een duidelijke brief waarin staat wat iemand moet doen en waarom dat belangrijk is.");
        var pdf = new PdfInspector(new PraatplaatReport(report, Anonymous with { SummaryUrl = "https://handhaving.example.nl/w/abc/samenvatting" }).GeneratePdf());

        var text = pdf.ExtractText();
        if (text is not null)
        {
            var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains("Hoe verhoudt het werken vanuit vertrouwen zich tot naleving?", flat, StringComparison.Ordinal);
            Assert.Contains("Wij bellen eerst (0) en daarna sturen we een duidelijke brief waarin staat wat iemand moet doen en waarom dat belangrijk is.", flat, StringComparison.Ordinal);
            Assert.Contains("pagina 1 van", flat, StringComparison.Ordinal);

            // Reading order: the panels follow the walk, the actions and the colophon come last.
            var order = new[] { "Over dit verslag", "Vertrouwen", "Menselijke maat", "Preventie", "Gepaste sanctionering", "Maatwerk", "Doenvermogen", "Visie", "Drie zaken voor morgen", "Colofon" }
                .Select(h => flat.IndexOf(h + " ", StringComparison.Ordinal)).ToList();
            Assert.DoesNotContain(-1, order);
            Assert.Equal(order.Order(), order);
        }

        var codes = pdf.DecodeQrCodes();
        if (codes is not null)
        {
            Assert.Equal(ReportFixtures.Edition.Panels.Select(p => p.Links[0].Url).Append("https://handhaving.example.nl/w/abc/samenvatting").Order(), codes.Order());
        }
    }

    [Fact]
    public void Names_appear_only_when_asked_for()
    {
        var anonymous = new PdfInspector(new PraatplaatReport(ReportFixtures.With(notesPerPanel: 2), Anonymous).GeneratePdf()).ExtractText();
        var named = new PdfInspector(new PraatplaatReport(ReportFixtures.With(notesPerPanel: 2, names: true), Anonymous).GeneratePdf()).ExtractText();
        if (anonymous is null || named is null)
        {
            return;
        }

        Assert.DoesNotContain("Sanne 1", anonymous, StringComparison.Ordinal);
        Assert.Contains("Namen van deelnemers staan niet in dit verslag.", anonymous, StringComparison.Ordinal);
        Assert.Contains("Sanne 1", named, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(300)]
    public void Nothing_is_placed_outside_the_content_area_whatever_the_amount(int notesPerPanel)
    {
        var document = new PraatplaatReport(ReportFixtures.With(notesPerPanel, scores: true), Anonymous);
        var pages = document.Layout();
        AssertInside(document.ContentArea, pages);
        if (notesPerPanel == 300)
        {
            Assert.True(pages.Count > 50, $"300 notes per panel fit on {pages.Count} pages?");
        }

        var pdf = new PdfInspector(document.GeneratePdf());
        Assert.Equal(pages.Count, pdf.Document.PageCount);
        Assert.All(pdf.Links(), l => Assert.True(l.Rect.X1 >= 56 - 0.01 && l.Rect.X2 <= 595 - 56 + 0.01, $"link at {l.Rect}"));
    }

    [Fact]
    public void Scores_add_a_radar_figure_with_alternative_text_and_the_same_numbers_as_text()
    {
        var pdf = new PdfInspector(new PraatplaatReport(ReportFixtures.With(notesPerPanel: 2, scores: true), Anonymous).GeneratePdf());

        Assert.Equal(1 + 1 + 7 + 1 + 1 + 1, pdf.Tags.Count(t => t == "H2")); // with "Waar staan we?"
        var radar = Assert.Single(pdf.Elements, e => e.Tag == "Figure" && e.Alt!.StartsWith("Radardiagram", StringComparison.Ordinal));
        Assert.Contains("Dezelfde cijfers staan ook als tekst bij het diagram", radar.Alt, StringComparison.Ordinal);
        if (pdf.ExtractText(raw: true) is { } text)
        {
            // Scores 1, 2, 3, 3, 4 and one more per panel: the first panel's sixth is a 1, so its median is 2,5.
            Assert.Contains("Vertrouwen: 2,5", text, StringComparison.Ordinal);
            Assert.Contains("Mediaan: tussen 2 en 3 (6 scores)", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_rank_is_read_as_a_label_and_a_bullet_is_decoration()
    {
        var report = ReportFixtures.Concluded(notesPerPanel: 3);
        var pdf = new PdfInspector(new PraatplaatReport(report, Anonymous).GeneratePdf());

        // The room's priorities are numbered: each number is a label ("1.") before its item. Every other list is
        // bulleted, and a bullet is drawn as an artifact a screen reader skips, so no other item has a label.
        Assert.Equal(FrontPage.Priorities(report).Count, pdf.Tags.Count(t => t == "Lbl"));
        Assert.True(pdf.Tags.Count(t => t == "LI") > FrontPage.Priorities(report).Count + 20);
        Assert.Equal(pdf.Tags.Count(t => t == "LI"), pdf.Tags.Count(t => t == "LBody"));

        // The bullets are still printed.
        Assert.Contains("•", pdf.ExtractText() ?? "•", StringComparison.Ordinal);
    }

    [Fact]
    public void The_front_part_holds_what_a_wethouder_reads_and_every_note_follows_as_an_annex()
    {
        var report = ReportFixtures.Concluded(notesPerPanel: 6);
        var document = new PraatplaatReport(report, Anonymous);
        var pages = document.Layout();
        var pdf = new PdfInspector(document.GeneratePdf());
        Assert.Equal(2, pdf.Tags.Count(t => t == "H1"));

        // Headings in reading order: the front part, then the annex with the panels.
        var headings = pages.SelectMany(p => Flatten(p.Items)).OfType<PlacedElement>().Where(e => e.Tag is "H1" or "H2")
            .Select(e => string.Concat(e.Children.OfType<PlacedLine>().Select(l => l.Line.Text)).Trim()).ToList();
        Assert.Equal(["Teamsessie Werk en Inkomen", "Bestuurlijke samenvatting", "Waar staan we?", "Wat het eerst moet gebeuren", "Teamacties",
            "Conclusies per onderwerp", "Bijlage: alles wat de deelnemers opschreven", "Over dit verslag"], headings.Take(8));
        Assert.Equal(["Drie zaken voor morgen", "Colofon"], headings.TakeLast(2));

        // The samenvatting, the radar and the team actions are on page 1 (or the page right after it).
        int PageOf(string text) => pages.Select((p, i) => (p, i)).First(x => Flatten(x.p.Items).OfType<PlacedLine>().Any(l => l.Line.Text.Contains(text, StringComparison.Ordinal))).i;
        Assert.Equal(0, PageOf("Bestuurlijke samenvatting"));
        Assert.Contains(Flatten(pages[0].Items), i => i is PlacedDrawing);
        Assert.InRange(PageOf("Teamactie 3"), 0, 1);
        var lines = Lines(pages).Select(l => l.Line.Text).ToList();
        Assert.True(lines.FindIndex(l => l.StartsWith("Conclusie over Visie", StringComparison.Ordinal)) < lines.FindIndex(l => l.StartsWith("Notitie 0:", StringComparison.Ordinal)), "conclusions come before the notes");

        // The front page counts dots (the item without dots is left out) and names what was merged.
        if (pdf.ExtractText() is { } text)
        {
            var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains("Standaardbrieven herschrijven in B1", flat, StringComparison.Ordinal);
            Assert.Contains("Vertrouwen · 9 stippen Samengevoegd uit: Brieven begrijpelijker maken; Brief in gewone taal", flat, StringComparison.Ordinal);
            Assert.Contains("Maatwerk · 6 stippen", flat, StringComparison.Ordinal);

            // In the annex the merged note keeps its originals under it.
            Assert.Contains("Standaardbrieven herschrijven in B1 Samengevoegd uit: Brieven begrijpelijker maken; Brief in gewone taal Begeleider, voor de groep", flat, StringComparison.Ordinal);
            Assert.DoesNotContain("Koers vastleggen in het handhavingsbeleid", flat, StringComparison.Ordinal);
            Assert.All(report.Panels, p => Assert.Contains(p.Conclusion!, flat, StringComparison.Ordinal));
            Assert.All(report.Panels.SelectMany(p => p.KeyPoints), k => Assert.Contains(k, flat, StringComparison.Ordinal));
            Assert.Contains("Het college wordt gevraagd de teamacties te steunen", flat, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(2, false)]
    [InlineData(2, true)]
    [InlineData(40, true)]
    public void The_first_page_is_never_half_empty(int notesPerPanel, bool concluded)
    {
        var report = concluded ? ReportFixtures.Concluded(notesPerPanel) : ReportFixtures.With(notesPerPanel);
        var document = new PraatplaatReport(report, Anonymous);
        var pages = document.Layout();
        var lowest = Lines(pages.Take(1)).Max(l => l.Baseline);
        var area = document.ContentArea;
        Assert.True(lowest > area.Top + (area.Height / 2), $"page 1 ends at {lowest}, the middle of the page is {area.Top + (area.Height / 2)}");
    }

    [Fact]
    public void A_1000_character_note_without_spaces_wraps_inside_the_margins_and_loses_nothing()
    {
        var word = string.Concat(Enumerable.Range(0, 100).Select(i => $"abcdefghi{i % 10}"));
        var document = new PraatplaatReport(ReportFixtures.With(notesPerPanel: 1, _ => word), Anonymous);
        var pages = document.Layout();
        AssertInside(document.ContentArea, pages);

        // The lines of the note, put back together, are the note.
        var lines = Lines(pages).Select(l => l.Line.Text.TrimEnd()).Where(t => t.StartsWith("abcdefghi", StringComparison.Ordinal) || t.All(char.IsAsciiLetterOrDigit)).ToList();
        Assert.Contains(word, string.Concat(lines), StringComparison.Ordinal);
    }

    [Fact]
    public void Any_typed_text_renders_or_is_visibly_replaced_and_nothing_crashes()
    {
        var samples = new[] { "Zoë, Ĳsselmeer, Łódź, Øre", "€ 5 – “ja” — ‘nee’ … • café", "zelf\u00ADredzaam", "Ελληνικά, Кириллица", "✓ ≥ → ☐ ★", "👍🏽 👨‍👩‍👧", "日本語", "עברית عربى", "tab\there" };
        var document = new PraatplaatReport(ReportFixtures.With(notesPerPanel: 2 * samples.Length, i => samples[i % 500 % samples.Length]), Anonymous);
        // Raw order: pdftotext's layout mode guesses spaces from glyph gaps and misses them between symbols.
        var text = new PdfInspector(document.GeneratePdf()).ExtractText(raw: true);
        if (text is null)
        {
            return;
        }

        Assert.Contains("Zoë, Ĳsselmeer, Łódź, Øre", text, StringComparison.Ordinal);
        Assert.Contains("€ 5 – “ja” — ‘nee’ … • café", text, StringComparison.Ordinal); // WinAnsi's 0x80-0x9F, where it differs from Unicode
        Assert.Contains("zelfredzaam", text, StringComparison.Ordinal); // a soft hyphen is not drawn as a hard one
        Assert.Contains("Ελληνικά, Кириллица", text, StringComparison.Ordinal);
        Assert.Contains("✓ ≥ → ☐ ★", text, StringComparison.Ordinal);
        Assert.Contains("� �", text, StringComparison.Ordinal);   // two emoji, one mark each
        Assert.Contains("���", text, StringComparison.Ordinal);   // three CJK characters
        Assert.Contains("����� ����", text, StringComparison.Ordinal); // right-to-left scripts are replaced, not drawn backwards
        Assert.Contains("tab here", text.Replace('\t', ' '), StringComparison.Ordinal);
    }

    private static IEnumerable<PlacedLine> Lines(IEnumerable<PageContent> pages) =>
        pages.SelectMany(p => Flatten(p.Items)).OfType<PlacedLine>();

    private static IEnumerable<Placed> Flatten(IEnumerable<Placed> items) =>
        items.SelectMany(i => i is PlacedElement e ? Flatten(e.Children).Prepend(i) : [i]);

    private static void AssertInside(XRect area, IEnumerable<PageContent> pages)
    {
        const double slack = 0.01;
        foreach (var item in pages.SelectMany(p => Flatten(p.Items)))
        {
            switch (item)
            {
                case PlacedLine line:
                    var size = line.Line.Runs.Count > 0 ? line.Line.Runs.Max(r => r.Font.Size) : 0;
                    Assert.True(line.X >= area.Left - slack && line.X + line.Line.Width <= area.Right + slack, $"line '{line.Line.Text}' runs outside ({line.X}, width {line.Line.Width})");
                    Assert.True(line.Baseline - size >= area.Top - slack && line.Baseline <= area.Bottom + slack, $"line '{line.Line.Text}' at {line.Baseline} is outside {area}");
                    break;
                case PlacedRect rect:
                    Assert.True(rect.X >= area.Left - slack && rect.X + rect.Width <= area.Right + slack && rect.Y >= area.Top - slack && rect.Y + rect.Height <= area.Bottom + slack, $"rectangle {rect} outside {area}");
                    break;
                case PlacedQr qr:
                    Assert.True(qr.X >= area.Left && qr.X + qr.Size <= area.Right + slack && qr.Y >= area.Top - slack && qr.Y + qr.Size <= area.Bottom + slack, $"QR code outside {area}");
                    break;
                case PlacedDrawing drawing:
                    var b = drawing.Bounds;
                    Assert.True(b.Left >= area.Left - slack && b.Right <= area.Right + slack && b.Top >= area.Top - slack && b.Bottom <= area.Bottom + slack, $"drawing {b} outside {area}");
                    break;
            }
        }
    }
}
