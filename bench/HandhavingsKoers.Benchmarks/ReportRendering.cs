using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using HandhavingsKoers.Web.Content;
using HandhavingsKoers.Web.Reports;
using HandhavingsKoers.Web.Reports.Pdf;
using HandhavingsKoers.Web.Workshops;

namespace HandhavingsKoers.Benchmarks;

/// <summary>
/// Rendering the council report of a full workshop: seven sections with 200 notes between them, plus actions.
/// Warm: the median of many renders in one process. Cold: the first render in a fresh process (fonts, JIT, caches).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ReportRendering
{
    private WorkshopReport _report = null!;
    private readonly ReportOptions _options = new(new DateTime(2026, 11, 22, 15, 0, 0), "https://handhaving.example.nl/w/1/samenvatting");

    [GlobalSetup]
    public void Setup() => _report = Build();

    [Benchmark(Description = "Report, 7 sections, 200 notes")]
    public int Render() => new PraatplaatReport(_report, _options).GeneratePdf().Length;

    [Benchmark(Description = "Layout only (no PDF written)")]
    public int Layout() => new PraatplaatReport(_report, _options).Layout().Count;

    public static WorkshopReport Build()
    {
        var edition = EditionLoader.LoadFolder(Path.Combine(AppContext.BaseDirectory, "seeds")).Get("praatplaat-2024");
        var panels = edition.Panels.ToList();
        var noteNumber = 0;
        var reports = panels.Select((panel, p) =>
        {
            // 200 notes over 7 panels: 29 on the first four, 28 on the last three.
            var count = p < 4 ? 29 : 28;
            List<NoteView> Notes(int n) => Enumerable.Range(0, n)
                .Select(_ => new NoteView(Guid.NewGuid(), NoteColumn.Already, $"Notitie {++noteNumber}: wij bellen mensen eerst op voordat we een brief sturen, en leggen uit wat er van hen verwacht wordt en waarom.",
                    $"Deelnemer {noteNumber % 12}", IsMine: false, MayChange: false, Edited: false, Version: 0, new DateTime(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc)))
                .ToList();
            return new PanelReport(panel.Key, panel.TopicKey, panel.Title, panel.Question, panel.Prompts.Already, panel.Prompts.Todo,
                Notes((count + 1) / 2), Notes(count / 2), panel.Links, ScoreSummary.From([1, 2, 2, 3, 3, 3, 4, 4, 5, p % 5 + 1, 3, 2]));
        }).ToList();
        var actions = Enumerable.Range(1, 12)
            .Select(i => new ActionsOfParticipant(i, $"Sanne {i}", new[] { "Standaardbrief herlezen", "Collega van schuldhulp bellen", "Overleg plannen met de keten" }
                .Select(text => new ActionOfParticipant(Guid.NewGuid(), text)).ToList()))
            .ToList();
        return new WorkshopReport("Gemeente Zuidwolde", "Teamsessie Werk en Inkomen", new DateOnly(2026, 11, 22), edition.Key, edition.Title,
            edition.Koers, $"{edition.Source.Name}, {edition.Source.Published}", edition.Attribution, edition.Introduction, edition.Official, true, 12, reports,
            edition.Closing.Question, actions,
            [new TeamActionReport(Guid.NewGuid(), "Standaardbrief herschrijven in B1", "Teamleider handhaving", new DateOnly(2027, 3, 1))],
            [],
            [new SessionReport(Guid.NewGuid(), "Teamsessie Werk en Inkomen", new DateOnly(2026, 11, 22), edition.ShortTitle, new Dictionary<string, ScoreSummary>())], IncludesNames: true);
    }
}

/// <summary>The first render in a new process, ten processes.</summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 10, warmupCount: 0, iterationCount: 1)]
[MedianColumn]
public class FirstReportRendering
{
    private WorkshopReport _report = null!;

    [GlobalSetup]
    public void Setup() => _report = ReportRendering.Build();

    [Benchmark(Description = "First report render in a fresh process")]
    public int Render() => new PraatplaatReport(_report, new ReportOptions(DateTime.Now, null)).GeneratePdf().Length;
}
