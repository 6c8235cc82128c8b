using System.Diagnostics;
using HandhavingsKoers.Web.Reports.Pdf;

namespace HandhavingsKoers.Benchmarks;

/// <summary>
/// A quick A/B check of the concluded report's PDF (the same document as <see cref="ReportRendering.ConcludedPdf"/>),
/// in seconds instead of BenchmarkDotNet's minutes: renders it <c>n</c> times after a warm-up and prints the fastest,
/// the median, the allocation and the process's CPU time per render (the collector's and finalizer's threads too). For figures to quote, use the BenchmarkDotNet run.
/// <c>dotnet run -c Release --project bench/HandhavingsKoers.Benchmarks -- pdf [renders]</c>
/// </summary>
public static class PdfLoop
{
    public static void Run(int renders, bool types = false)
    {
        using var sampler = types ? new AllocationSampler() : null;
        var report = ReportRendering.BuildConcluded();
        var options = new ReportOptions(new DateTime(2026, 11, 22, 15, 0, 0), "https://handhaving.example.nl/w/1/samenvatting");
        var pdf = Array.Empty<byte>();
        for (var i = 0; i < ReportRendering.WarmRenders; i++)
        {
            pdf = new PraatplaatReport(report, options).GeneratePdf();
        }

        // The document itself, to look at (pdftoppm) or inspect (pdfinfo) next to the figures.
        var saved = Path.Combine(Path.GetTempPath(), "hk-concluded.pdf");
        File.WriteAllBytes(saved, pdf);

        var times = new double[renders];
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        int[] collections = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        var paused = GC.GetTotalPauseDuration();
        var jitted = System.Runtime.JitInfo.GetCompiledMethodCount();
        for (var i = 0; i < renders; i++)
        {
            var start = Stopwatch.GetTimestamp();
            new PraatplaatReport(report, options).GeneratePdf();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        allocated = (GC.GetAllocatedBytesForCurrentThread() - allocated) / renders;
        var cpuEach = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / renders;
        var gcs = string.Join('/', collections.Select((before, generation) => GC.CollectionCount(generation) - before));
        var pausedEach = (GC.GetTotalPauseDuration() - paused).TotalMilliseconds / renders;
        jitted = System.Runtime.JitInfo.GetCompiledMethodCount() - jitted;
        Array.Sort(times);
        Console.WriteLine(FormattableString.Invariant(
            $"concluded PDF, {renders} renders: fastest {times[0]:0.00} ms, median {times[renders / 2]:0.00} ms; {allocated / 1024.0 / 1024.0:0.0} MB allocated and {cpuEach:0.0} ms of CPU (all threads: GC, finalizers) each; {pdf.Length / 1024} KB ({saved}); collections gen0/1/2: {gcs}, {pausedEach:0.0} ms paused for them per render; {jitted} methods (re)compiled while measuring"));
        sampler?.Print(30);
    }

    /// <summary>
    /// The first render in this process (<see cref="FirstReportRendering"/>'s document), split into what the JIT spent
    /// and the rest: <c>... -- first</c>. Run it a few times; each run is one fresh process.
    /// </summary>
    public static void First()
    {
        var report = ReportRendering.Build();
        var methods = System.Runtime.JitInfo.GetCompiledMethodCount();
        var jit = System.Runtime.JitInfo.GetCompilationTime();
        var start = Stopwatch.GetTimestamp();
        var length = new PraatplaatReport(report, new ReportOptions(DateTime.Now, null)).GeneratePdf().Length;
        var took = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        methods = System.Runtime.JitInfo.GetCompiledMethodCount() - methods;
        var jitTook = (System.Runtime.JitInfo.GetCompilationTime() - jit).TotalMilliseconds;
        Console.WriteLine(FormattableString.Invariant(
            $"first render: {took:0} ms ({length / 1024} KB), of which {jitTook:0} ms compiling {methods} methods"));
    }
}
