using System.Globalization;
using HandhavingsKoers.Pdf;
using HandhavingsKoers.Pdf.Layout;
using HandhavingsKoers.Web.Workshops;
using static HandhavingsKoers.Web.Reports.Pdf.Typography;

namespace HandhavingsKoers.Web.Reports.Pdf;

/// <summary>What the report needs besides the workshop itself.</summary>
public sealed record ReportOptions(bool IncludeNames, DateTime GeneratedAt, string? SummaryUrl);

/// <summary>
/// The filled-in praatplaat for the council and college (A4 portrait): cover, introduction, every panel with its
/// question, notes and a QR code to read more, the participants' three actions and a colophon with the sources.
/// </summary>
public sealed class PraatplaatReport(WorkshopReport report, ReportOptions options) : PdfReport
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    protected override DocumentSettings Settings => new(
        Title: $"Praatplaat handhavingskoers – {report.Gemeente} – {report.Title}",
        Subject: $"{report.EditionTitle}, ingevuld op {report.Date.ToString("d MMMM yyyy", Dutch)}");

    protected override string? ComposeHeader(int page, int pages) =>
        page == 1 ? null : $"{report.Gemeente} · {report.Title}";

    protected override IEnumerable<Block> ComposeContent()
    {
        foreach (var block in Cover()) yield return block;
        foreach (var block in Introduction()) yield return block;
        foreach (var block in PreviousActions()) yield return block;
        foreach (var block in Scores()) yield return block;
        yield return new PageBreakBlock();
        foreach (var panel in report.Panels)
        {
            foreach (var block in Panel(panel)) yield return block;
        }

        foreach (var block in Actions()) yield return block;
        foreach (var block in TeamActions()) yield return block;
        foreach (var block in Colophon()) yield return block;
    }

    private IEnumerable<Block> Cover()
    {
        yield return new TextBlock("Praatplaat handhavingskoers", Kicker) { SpaceAfter = 6 };
        yield return new TextBlock(report.Title, Title, TextRole.Heading1) { SpaceAfter = 18 };
        yield return Fact("Gemeente", report.Gemeente);
        yield return Fact("Datum", report.Date.ToString("d MMMM yyyy", Dutch));
        yield return Fact("Praatplaat", $"{report.EditionTitle} ({report.Koers})");
        yield return Fact("Deelnemers", report.ParticipantCount.ToString(Dutch));
        yield return Fact("Status", report.Closed ? "afgesloten" : "nog niet afgesloten");
        yield return new SpaceBlock(18);
    }

    private static TextBlock Fact(string label, string value) => new($"{label}: {value}", Typography.Fact) { SpaceAfter = 2 };

    private IEnumerable<Block> Introduction()
    {
        yield return Heading2("Over dit verslag");
        yield return Paragraph(report.Introduction);
        yield return Paragraph($"Elke gemeente vertaalt de landelijke koers naar haar eigen beleid. Dit verslag laat zien wat het team van {report.Gemeente} op {report.Date.ToString("d MMMM yyyy", Dutch)} heeft opgeschreven. "
            + (report.Official
                ? "De vragen zijn overgenomen uit de praatplaat, met bron."
                : "De vragen zijn geschreven door HandhavingsKoers; het zijn geen officiële vragen van de VNG.")
            + " Bij elk onderdeel staat een QR-code naar meer uitleg.");
        if (!options.IncludeNames)
        {
            yield return Paragraph("Namen van deelnemers staan niet in dit verslag.");
        }
    }

    private IEnumerable<Block> Panel(PanelReport panel)
    {
        yield return Heading2(panel.Title);
        foreach (var block in QuestionBox(panel.Question)) yield return block;
        foreach (var block in NoteList(panel.PromptAlready, panel.Already)) yield return block;
        foreach (var block in NoteList(panel.PromptTodo, panel.Todo)) yield return block;
        if (panel.Scores is { Total: > 0 } scores)
        {
            yield return new TextBlock("Waar staan we?", Heading3, TextRole.Heading3) { SpaceBefore = 8, SpaceAfter = 4, KeepWithNext = true };
            yield return Paragraph($"Mediaan: {ScoreScale.Describe(scores.Median!.Value)} ({scores.Total} {(scores.Total == 1 ? "score" : "scores")}). "
                + "Verdeling: " + string.Join(" · ", ScoreScale.Values.Select(v => $"{v} {ScoreScale.Label(v).ToLowerInvariant()}: {scores.CountOf(v)}")) + ".");
        }

        if (panel.Links.Count > 0)
        {
            var link = panel.Links[0];
            yield return new QrLinkBlock(link.Url, $"Lees meer: {link.Title}", $"QR-code naar {link.Title}", 62, Caption, Url) { SpaceBefore = 12, SpaceAfter = 6 };
        }

        yield return new RuleBlock(RuleColor) { SpaceBefore = 10, SpaceAfter = 4 };
    }

    /// <summary>The question word for word, in a tinted box, with its source right under it.</summary>
    private IEnumerable<Block> QuestionBox(string question)
    {
        yield return new TextBlock(question, Question) { Background = Tint, Bar = Primary, Padding = 8, SpaceAfter = 3, KeepWithNext = true };
        yield return new TextBlock(report.Attribution, Source) { SpaceAfter = 6, KeepWithNext = true };
    }

    private IEnumerable<Block> NoteList(string prompt, IReadOnlyList<NoteReport> notes)
    {
        yield return new TextBlock($"{prompt} ({notes.Count})", Heading3, TextRole.Heading3) { SpaceBefore = 8, SpaceAfter = 4, KeepWithNext = true };
        if (notes.Count == 0)
        {
            yield return new TextBlock("Geen notities.", Empty);
            yield break;
        }

        yield return new ListBlock(notes.Select(n => new ListItem(options.IncludeNames
            ? [new TextBlock(n.Text, Body), new TextBlock(n.Author, Author)]
            : [new TextBlock(n.Text, Body)])).ToList(), Bullet);
    }

    private IEnumerable<Block> Actions()
    {
        yield return Heading2("Drie zaken voor morgen");
        foreach (var block in QuestionBox(report.ClosingQuestion)) yield return block;
        if (report.Actions.Count == 0)
        {
            yield return new TextBlock("Niemand heeft acties opgeschreven.", Empty);
            yield break;
        }

        for (var i = 0; i < report.Actions.Count; i++)
        {
            var set = report.Actions[i];
            yield return new TextBlock(options.IncludeNames ? set.Participant : $"Deelnemer {i + 1}", Heading3, TextRole.Heading3)
            {
                SpaceBefore = 8,
                SpaceAfter = 4,
                KeepWithNext = true,
            };
            yield return new ListBlock(set.Actions.Select(a => new ListItem([new TextBlock(a, Body)])).ToList(), Bullet);
        }
    }

    /// <summary>A follow-up opens with what became of last time's team actions.</summary>
    private IEnumerable<Block> PreviousActions()
    {
        if (report.PreviousActions.Count == 0)
        {
            yield break;
        }

        yield return Heading2("Wat is er gebeurd met de acties van vorige keer?");
        yield return new ListBlock(report.PreviousActions.Select(a => new ListItem(
        [
            new TextBlock(a.Text, Body),
            new TextBlock($"{a.StatusLabel}{(a.StatusNote is null ? "" : ": " + a.StatusNote)}", Caption),
            new TextBlock($"Wie: {a.Owner} · Klaar op: {a.DueDate.ToString("d MMMM yyyy", Dutch)}", Author),
        ])).ToList(), Bullet);
    }

    /// <summary>The radar of medians (and the previous session's, dashed), with the same numbers as a list.</summary>
    private IEnumerable<Block> Scores()
    {
        if (!report.HasScores)
        {
            yield break;
        }

        yield return Heading2("Waar staan we?");
        yield return Paragraph($"De deelnemers gaven per onderwerp een score van 1 ({ScoreScale.Label(1).ToLowerInvariant()}) tot 5 ({ScoreScale.Label(5).ToLowerInvariant()}). Het diagram toont de mediaan."
            + (report.Sessions.Count > 1 ? " De stippellijn is de vorige sessie." : "") + " De scores zijn anoniem.") with { KeepWithNext = true };
        yield return new DrawingBlock(report.Radar(), report.RadarAltText, 360) { SpaceAfter = 8 };
        var several = report.Sessions.Count > 1;
        yield return new TextBlock(several ? "Mediaan per onderwerp, per sessie" : "Mediaan per onderwerp", Heading3, TextRole.Heading3) { SpaceAfter = 4, KeepWithNext = true };
        yield return new ListBlock(report.Trend.Select(row => new ListItem([new TextBlock(
            $"{row.Topic}: " + (several
                ? string.Join(" · ", row.Medians.Select((m, i) => $"{(i == row.Medians.Count - 1 ? "nu" : report.Sessions[i].Label)} {Median(m)}"))
                : Median(row.Medians[^1])), Body)])).ToList(), Bullet);
        if (several)
        {
            yield return new TextBlock("Een streepje betekent: geen scores, of dat onderwerp stond toen niet op de praatplaat.", Empty) { SpaceBefore = 4 };
        }
    }

    private static string Median(double? median) => median is { } m ? m.ToString("0.#", Dutch) : "–";

    private IEnumerable<Block> TeamActions()
    {
        yield return Heading2("Teamacties");
        if (report.TeamActions.Count == 0)
        {
            yield return new TextBlock("Er zijn geen teamacties afgesproken.", Empty);
            yield break;
        }

        yield return Paragraph("Wat het team afsprak: wat, wie en wanneer. Een vervolgsessie begint met deze acties.");
        yield return new ListBlock(report.TeamActions.Select(a => new ListItem(
        [
            new TextBlock(a.Text, Body),
            new TextBlock($"Wie: {a.Owner} · Klaar op: {a.DueDate.ToString("d MMMM yyyy", Dutch)}", Author),
        ])).ToList(), Bullet);
    }

    private IEnumerable<Block> Colophon()
    {
        yield return new RuleBlock(RuleColor) { SpaceBefore = 16, SpaceAfter = 4 };
        yield return Heading2("Colofon");
        yield return Paragraph(report.Official
            ? $"Bron van de vragen: {report.Source}. De praatplaat hoort bij de {char.ToLowerInvariant(report.Koers[0])}{report.Koers[1..]} van het ministerie van SZW. Meer over naleving en handhaving: vng.nl/naleving."
            : $"{report.Attribution}. Meer over naleving en handhaving: vng.nl/naleving.");
        yield return Paragraph("De uitleg in dit verslag is geschreven door HandhavingsKoers en is geen tekst van de VNG of het ministerie.");
        yield return Paragraph($"Gemaakt met HandhavingsKoers op {options.GeneratedAt.ToString("d MMMM yyyy 'om' HH:mm", Dutch)}.");
        if (options.SummaryUrl is not null)
        {
            yield return new QrLinkBlock(options.SummaryUrl, "De ingevulde praatplaat online", "QR-code naar de samenvatting van deze workshop", 62, Caption, Url)
            {
                SpaceBefore = 8,
            };
        }
    }

    private static TextBlock Heading2(string text) =>
        new(text, Typography.Heading2, TextRole.Heading2) { SpaceBefore = 14, SpaceAfter = 8, KeepWithNext = true };

    private static TextBlock Paragraph(string text) => new(text, Body) { SpaceAfter = 6 };
}
