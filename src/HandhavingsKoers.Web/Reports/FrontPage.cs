namespace HandhavingsKoers.Web.Reports;

/// <summary>
/// What the council report's front page holds, chosen once for the PDF and the Word document so they cannot
/// disagree: the room's top priorities, the conclusions that were written, the samenvatting in paragraphs.
/// </summary>
public static class FrontPage
{
    /// <summary>How many of the room's priorities the front page lists: a wethouder reads a top ten, not a long tail.</summary>
    public const int MaxPriorities = 10;

    /// <summary>The most-dotted items (the model is sorted, most dots first); items nobody put a dot on are left out.</summary>
    public static IReadOnlyList<PriorityReport> Priorities(WorkshopReport report) =>
        report.Priorities.Where(p => p.Dots > 0).Take(MaxPriorities).ToList();

    /// <summary>The principles with a conclusion written, in the order of the walk.</summary>
    public static IReadOnlyList<PanelReport> Concluded(WorkshopReport report) =>
        report.Panels.Where(p => !string.IsNullOrWhiteSpace(p.Conclusion)).ToList();

    /// <summary>A text the facilitator typed, split into paragraphs at empty lines (single line breaks stay in a paragraph).</summary>
    public static IReadOnlyList<string> Paragraphs(string? text) => string.IsNullOrWhiteSpace(text)
        ? []
        : text.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToList();

    /// <summary>"2,5", or "–" where nobody scored.</summary>
    public static string Median(double? median) => median is { } m ? m.ToString("0.#", Texts.Dutch) : "–";

    /// <summary>"Vertrouwen · 7 stippen".</summary>
    public static string PriorityLine(PriorityReport priority) =>
        Texts.Format(Texts.Report.PriorityLine, priority.Panel, Texts.Count(priority.Dots, Texts.Report.DotsOne, Texts.Report.DotsMany));

    /// <summary>"Samengevoegd uit: a; b", or null for a note that is not a merge.</summary>
    public static string? MergedLine(PriorityReport priority) => MergedLine(priority.MergedFrom);

    /// <summary>"Samengevoegd uit: a; b" under a merged note (the originals stay in every output), or null.</summary>
    public static string? MergedLine(IReadOnlyList<string> mergedFrom) => mergedFrom.Count == 0
        ? null
        : Texts.Format(Texts.Report.MergedFrom, string.Join("; ", mergedFrom));

    /// <summary>The column headings of the trend: one session, or each session by its date with this one as "nu".</summary>
    public static IReadOnlyList<string> SessionLabels(WorkshopReport report) => report.Sessions.Count == 1
        ? [Texts.Radar.Now]
        : report.Sessions.Select((s, i) => i == report.Sessions.Count - 1 ? Texts.Format(Texts.Report.MdNow, s.Label) : s.Label).ToList();
}
