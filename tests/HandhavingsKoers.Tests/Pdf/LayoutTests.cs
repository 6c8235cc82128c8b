using HandhavingsKoers.Pdf;
using HandhavingsKoers.Pdf.Fonts;
using HandhavingsKoers.Pdf.Layout;
using PdfSharp.Drawing;

namespace HandhavingsKoers.Tests.Pdf;

/// <summary>The composition layer on its own: character coverage, wrapping, pagination.</summary>
public sealed class LayoutTests
{
    private static readonly TextStyle Body = new(10);
    private static readonly TextStyle Heading = new(16, Bold: true);

    [Fact]
    public void Character_maps_know_what_each_font_can_draw()
    {
        Assert.True(EmbeddedFonts.PrimaryCoverage.Contains('ë'));
        Assert.True(EmbeddedFonts.PrimaryCoverage.Contains('Ж'));
        Assert.False(EmbeddedFonts.PrimaryCoverage.Contains('✓'));
        Assert.True(EmbeddedFonts.FallbackCoverage.Contains('✓'));
        Assert.True(EmbeddedFonts.FallbackCoverage.Contains(0xFFFD));
        Assert.False(EmbeddedFonts.FallbackCoverage.Contains(0x1F44D)); // 👍
        Assert.False(EmbeddedFonts.PrimaryCoverage.Contains('日'));
    }

    [Fact]
    public void Wrapping_keeps_every_line_within_the_width_and_every_word()
    {
        var shaper = new TextShaper();
        var text = string.Join(' ', Enumerable.Range(0, 200).Select(i => $"woord{i}"));
        var lines = shaper.Wrap(text, Body, 200);

        Assert.True(lines.Count > 5);
        Assert.All(lines, l => Assert.True(l.Width <= 200.01, $"{l.Width} > 200"));
        Assert.All(lines, l => Assert.EndsWith(" ", l.Text, StringComparison.Ordinal));
        Assert.Equal(text, string.Join(' ', lines.Select(l => l.Text.Trim())));
    }

    [Fact]
    public void A_word_longer_than_the_line_is_cut_and_nothing_is_lost()
    {
        var word = new string('m', 500);
        var lines = new TextShaper().Wrap(word, Body, 100);
        Assert.True(lines.Count > 10);
        Assert.All(lines, l => Assert.True(l.Width <= 100.01));
        Assert.Equal(word, string.Concat(lines.Select(l => l.Text.TrimEnd())));
    }

    [Fact]
    public void Line_breaks_in_the_text_start_new_lines_and_empty_text_has_none()
    {
        var shaper = new TextShaper();
        Assert.Equal(3, shaper.Wrap("een\n\ntwee", Body, 300).Count);
        Assert.Empty(shaper.Wrap("", Body, 300));
        Assert.Empty(shaper.Wrap("   \n  ", Body, 300));
    }

    [Fact]
    public void Symbols_use_the_fallback_font_and_unknown_graphemes_become_one_replacement_each()
    {
        var runs = new TextShaper().Shape("ja ✓ 👍🏽!", Body);
        Assert.Equal("ja ✓ \uFFFD!", string.Concat(Texts(runs)));
        Assert.Equal(EmbeddedFonts.Primary, runs[0].Font.FontFamily.Name);
        Assert.Contains(runs, r => r.Font.FontFamily.Name == EmbeddedFonts.Fallback && r.Text.Contains('✓', StringComparison.Ordinal));
        Assert.Equal(1, runs.Sum(r => r.Text.Count(c => c == '\uFFFD')));
    }

    private static string[] Texts(IEnumerable<Run> runs) => [.. runs.Select(r => r.Text)];

    [Fact]
    public void A_heading_is_never_the_last_thing_on_a_page()
    {
        var area = new XRect(0, 0, 300, 200);
        var paginator = new Paginator(new TextShaper(), area);
        var filler = new TextBlock(string.Join(' ', Enumerable.Repeat("vulling", 110)), Body); // about 170 of the 200 pt
        paginator.Add(
        [
            filler,
            new TextBlock("Kop", Heading, TextRole.Heading2) { KeepWithNext = true },
            new TextBlock("De tekst onder de kop, op dezelfde pagina als de kop.", Body),
        ]);

        Assert.Equal(2, paginator.Pages.Count);
        var second = paginator.Pages[1].Items.OfType<PlacedElement>().ToList();
        Assert.Equal(["H2", "P"], second.Select(e => e.Tag));
    }

    [Fact]
    public void A_chain_of_blocks_that_keep_together_moves_as_one()
    {
        // Heading and question fit at the bottom of page 1, the text after them does not: all three go to page 2.
        var area = new XRect(0, 0, 300, 200);
        var paginator = new Paginator(new TextShaper(), area);
        paginator.Add(
        [
            new TextBlock(string.Join(' ', Enumerable.Repeat("vulling", 90)), Body),
            new TextBlock("Kop", Heading, TextRole.Heading2) { KeepWithNext = true },
            new TextBlock("Een vraag", Body) { KeepWithNext = true, Background = XColors.LightGray },
            new TextBlock("Het antwoord dat bij de vraag hoort.", Body),
        ]);

        Assert.Equal(2, paginator.Pages.Count);
        Assert.Equal(["H2", "P", "P"], paginator.Pages[1].Items.OfType<PlacedElement>().Select(e => e.Tag));
    }

    [Fact]
    public void A_long_list_continues_on_the_next_page_as_a_list()
    {
        var area = new XRect(0, 0, 300, 200);
        var paginator = new Paginator(new TextShaper(), area);
        var items = Enumerable.Range(0, 40).Select(i => new ListItem([new TextBlock($"Notitie {i}", Body)])).ToList();
        paginator.Add([new ListBlock(items, Body)]);

        Assert.True(paginator.Pages.Count >= 3);
        Assert.All(paginator.Pages, p => Assert.Equal("L", Assert.Single(p.Items.OfType<PlacedElement>()).Tag));
        var itemsPlaced = paginator.Pages.Sum(p => p.Items.OfType<PlacedElement>().Single().Children.OfType<PlacedElement>().Count(c => c.Tag == "LI"));
        Assert.Equal(40, itemsPlaced);
    }

    [Fact]
    public void A_short_list_item_moves_to_the_next_page_whole_and_a_long_one_splits()
    {
        var area = new XRect(0, 0, 300, 200);
        var paginator = new Paginator(new TextShaper(), area);
        var items = Enumerable.Range(0, 30).Select(i => new ListItem([new TextBlock($"Notitie {i}", Body), new TextBlock($"auteur {i}", Body)])).ToList();
        paginator.Add([new ListBlock(items, Body)]);

        static IEnumerable<PlacedLine> Lines(PageContent page) => Flatten(page.Items).OfType<PlacedLine>();
        static IEnumerable<Placed> Flatten(IEnumerable<Placed> items) => items.SelectMany(i => i is PlacedElement e ? Flatten(e.Children).Prepend(i) : [i]);
        int PageOf(string text) => paginator.Pages.Select((p, i) => (p, i)).First(x => Lines(x.p).Any(l => l.Line.Text.Trim() == text)).i;
        Assert.True(paginator.Pages.Count >= 3);
        Assert.All(Enumerable.Range(0, 30), i => Assert.Equal(PageOf($"Notitie {i}"), PageOf($"auteur {i}")));

        // A heading above such a list goes along with its first item, not left alone at the bottom of a page.
        var kept = new Paginator(new TextShaper(), area);
        var blocks = Enumerable.Range(0, 11).Select(i => (Block)new TextBlock($"Regel {i}", Body)).ToList();
        blocks.Add(new TextBlock("Kop", Heading, TextRole.Heading2) { KeepWithNext = true });
        blocks.Add(new ListBlock([new ListItem([new TextBlock("Eerste", Body), new TextBlock("tweede", Body), new TextBlock("derde", Body)])], Body));
        kept.Add(blocks);
        Assert.Equal(2, kept.Pages.Count);
        Assert.Equal(["Kop", "•", "Eerste", "tweede", "derde"], Lines(kept.Pages[1]).Select(l => l.Line.Text.Trim()));

        // An item taller than a quarter of the page still splits between its lines, as before.
        var tall = new Paginator(new TextShaper(), area);
        tall.Add([new TextBlock(string.Join(' ', Enumerable.Range(0, 60).Select(i => $"woord{i}")), Body),
            new ListBlock([new ListItem([new TextBlock(string.Join(' ', Enumerable.Range(0, 150).Select(i => $"lang{i}")), Body)])], Body)]);
        Assert.True(Lines(tall.Pages[0]).Any(l => l.Line.Text.StartsWith("lang0", StringComparison.Ordinal)), "the long item starts on the first page");
    }

    [Fact]
    public void A_list_items_first_paragraph_holds_its_lines_in_its_body_also_across_a_page_break()
    {
        var area = new XRect(0, 0, 300, 200);
        var paginator = new Paginator(new TextShaper(), area);
        paginator.Add([
            new TextBlock(string.Join(' ', Enumerable.Range(0, 40).Select(i => $"woord{i}")), Body),
            new ListBlock([
                new ListItem([new TextBlock("Notitie met auteur", Body), new TextBlock("Deelnemer 1", Body)]),
                new ListItem([new TextBlock(string.Join(' ', Enumerable.Range(0, 150).Select(i => $"lang{i}")), Body)]),
            ], Body),
        ]);

        var bodies = paginator.Pages.SelectMany(p => Elements(p.Items)).Where(e => e.Tag == "LBody").ToList();

        // A note and its author: the note's lines sit in the body itself, the author is a paragraph of its own. One
        // paragraph sits in the body itself too, on each page the long item reaches, with every word.
        Assert.Equal(["Notitie met auteur"], bodies[0].Children.OfType<PlacedLine>().Select(l => l.Line.Text.Trim()));
        var author = Assert.Single(bodies[0].Children.OfType<PlacedElement>());
        Assert.Equal("P", author.Tag);
        Assert.Equal(["Deelnemer 1"], author.Children.OfType<PlacedLine>().Select(l => l.Line.Text.Trim()));
        var single = bodies.Skip(1).ToList();
        Assert.True(single.Count >= 2, "the long item continues on the next page");
        Assert.All(single, b => Assert.Empty(b.Children.OfType<PlacedElement>()));
        var words = string.Join(' ', single.SelectMany(b => b.Children.OfType<PlacedLine>()).Select(l => l.Line.Text.Trim()));
        Assert.Equal(string.Join(' ', Enumerable.Range(0, 150).Select(i => $"lang{i}")), words);

        static IEnumerable<PlacedElement> Elements(IEnumerable<Placed> items) =>
            items.OfType<PlacedElement>().SelectMany(e => Elements(e.Children).Prepend(e));
    }

    [Fact]
    public void Qr_codes_have_a_quiet_zone_and_encode_the_address()
    {
        var modules = QrCodes.Modules("https://vng.nl/naleving");
        var size = modules.GetLength(0);
        Assert.Equal(size, modules.GetLength(1));
        for (var i = 0; i < size; i++)
        {
            Assert.False(modules[0, i]);
            Assert.False(modules[i, 0]);
            Assert.False(modules[size - 1, i]);
        }

        Assert.True(modules[4, 4]); // the finder pattern starts right inside the 4-module quiet zone
    }

    [Fact]
    public void A_region_whose_content_does_not_fit_is_an_error_not_a_silent_cut()
    {
        var region = new Region(new XRect(0, 0, 100, 30), [new TextBlock(string.Join(' ', Enumerable.Repeat("te veel", 50)), Body)]);
        Assert.Throws<Regions.OverflowException>(() => Regions.Compose(new TextShaper(), [region]));
    }

    [Fact]
    public void A_page_break_with_a_fill_threshold_breaks_only_when_the_page_is_that_full()
    {
        var area = new XRect(0, 0, 300, 400);
        Paginator Lay(int paragraphs)
        {
            var paginator = new Paginator(new TextShaper(), area);
            var blocks = Enumerable.Range(0, paragraphs).Select(_ => (Block)new TextBlock("Een regel tekst.", Body) { SpaceAfter = 6 }).ToList();
            blocks.Add(new PageBreakBlock { WhenFilled = 0.5 });
            blocks.Add(new TextBlock("Bijlage", Heading));
            paginator.Add(blocks);
            return paginator;
        }

        Assert.Single(Lay(3).Pages);      // a few lines: the annex goes on below them
        Assert.Equal(2, Lay(14).Pages.Count); // more than half the page used: the annex starts on a new page
        var always = new Paginator(new TextShaper(), area);
        always.Add([new TextBlock("Een regel tekst.", Body), new PageBreakBlock(), new TextBlock("Bijlage", Heading)]);
        Assert.Equal(2, always.Pages.Count);
    }
}
