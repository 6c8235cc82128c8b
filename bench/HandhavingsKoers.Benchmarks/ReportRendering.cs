using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using HandhavingsKoers.Web.Content;
using HandhavingsKoers.Web.Reports;
using HandhavingsKoers.Web.Reports.Pdf;
using HandhavingsKoers.Web.Reports.Word;
using HandhavingsKoers.Web.Workshops;

namespace HandhavingsKoers.Benchmarks;

/// <summary>
/// Rendering the council report of a full workshop: seven sections with 200 notes between them, plus actions.
/// Warm: the median of many renders in one process. Cold: the first render in a fresh process (fonts, JIT, caches).
/// The concluded report adds what the facilitator writes afterwards (samenvatting, conclusions, kernpunten, the
/// room's priorities): its PDF and its Word document are each rendered in full, not served from a cache.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ReportRendering
{
    private WorkshopReport _report = null!;
    private WorkshopReport _concluded = null!;
    private WorkshopReport _concludedWithoutNames = null!;
    private readonly ReportOptions _options = new(new DateTime(2026, 11, 22, 15, 0, 0), "https://handhaving.example.nl/w/1/samenvatting");

    [GlobalSetup]
    public void Setup()
    {
        _report = Build();
        _concluded = BuildConcluded();
        _concludedWithoutNames = WithoutNames(_concluded);

        // BenchmarkDotNet ends its warm-up when iterations look steady. In process, for the first benchmark of the run,
        // that came while the runtime was still recompiling the hot methods of PDFsharp and our layout at tier 1: its
        // measured iterations fell from 31 to 15 ms per PDF (session 11, the run's log). Rendering every document
        // first, as a server does over its first minutes, lets the tiered JIT finish, so "warm" is the steady state.
        for (var i = 0; i < WarmRenders; i++)
        {
            Render();
            ConcludedPdf();
            ConcludedPdfWithoutNames();
            ConcludedWord();
        }
    }

    /// <summary>Renders of each document before measuring: PdfLoop's 1500-render runs show no tier-1 work after this.</summary>
    public const int WarmRenders = 150;

    [Benchmark(Description = "Report, 7 sections, 200 notes")]
    public int Render() => new PraatplaatReport(_report, _options).GeneratePdf().Length;

    [Benchmark(Description = "Layout only (no PDF written)")]
    public int Layout() => new PraatplaatReport(_report, _options).Layout().Count;

    [Benchmark(Description = "Concluded report, 200 notes: PDF")]
    public int ConcludedPdf() => new PraatplaatReport(_concluded, _options).GeneratePdf().Length;

    [Benchmark(Description = "Concluded report, 200 notes: Word")]
    public int ConcludedWord() => new WordReport(_concluded, _options).GenerateDocx().Length;

    [Benchmark(Description = "Concluded report as the raad gets it (no names), 200 notes: PDF")]
    public int ConcludedPdfWithoutNames() => new PraatplaatReport(_concludedWithoutNames, _options).GeneratePdf().Length;

    /// <summary>
    /// The same workshop as the facilitator finishes it after the session: a samenvatting of three paragraphs, a
    /// conclusion and five kernpunten per principle, the room's ten priorities (two of them merges), six team actions.
    /// </summary>
    public static WorkshopReport BuildConcluded()
    {
        var report = Build();
        return report with
        {
            ExecutiveSummary = string.Join("\n\n", Enumerable.Range(1, 3).Select(i =>
                $"Alinea {i}: het team werkt al veel vanuit vertrouwen en belt mensen eerst op. Wat nog moet gebeuren is de brieven herschrijven in eenvoudige taal en vaste afspraken maken met de keten, zodat inwoners weten waar ze aan toe zijn.")),
            Panels = report.Panels.Select(p => p with
            {
                Conclusion = $"{p.Title}: het team is op weg, maar de afspraken staan nog niet op papier. Het team wil dit in het komende halfjaar vastleggen en bespreken met de keten.",
                KeyPoints = p.Todo.Take(5).Select(n => n.Text).ToList(),
            }).ToList(),
            Priorities = report.Panels.SelectMany(p => p.Todo.Take(2).Select(n => (p.Title, n.Text)))
                .Select((x, i) => new PriorityReport(x.Title, x.Text, 20 - i, i % 5 == 0 ? ["Een eerdere notitie", "Nog een notitie die hetzelfde zei"] : []))
                .ToList(),
            TeamActions = Enumerable.Range(1, 6)
                .Select(i => new TeamActionReport(Guid.NewGuid(), $"Teamactie {i}: standaardbrief {i} herschrijven in B1", "Teamleider handhaving", new DateOnly(2027, i, 1)))
                .ToList(),
        };
    }

    /// <summary>
    /// The report as it is downloaded by default and published for the raad: notes carry no author and each participant's
    /// actions are numbered (the facilitator asks for names separately). One line fewer per note than the named report.
    /// </summary>
    public static WorkshopReport WithoutNames(WorkshopReport report) => report with
    {
        Panels = report.Panels.Select(p => p with
        {
            Already = p.Already.Select(n => n with { Author = null }).ToList(),
            Todo = p.Todo.Select(n => n with { Author = null }).ToList(),
        }).ToList(),
        Actions = report.Actions.Select(a => a with { Name = null }).ToList(),
        IncludesNames = false,
    };

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
