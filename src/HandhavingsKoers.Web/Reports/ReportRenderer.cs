using System.Security.Cryptography;
using HandhavingsKoers.Web.Reports.Pdf;
using HandhavingsKoers.Web.Reports.Word;
using Microsoft.Extensions.Caching.Memory;

namespace HandhavingsKoers.Web.Reports;

/// <summary>
/// Renders council reports (PDF and Word), each version once. A PDF of a big workshop takes a few hundred milliseconds of CPU; people
/// fetch the same report again and again (a reload, the whole council clicking one link), and a few clients fetching
/// it in a loop slowed everyone's pages down. So: the PDF of a report is kept (keyed by a hash of everything it
/// shows, so any change in the workshop makes a new key) in a cache of bounded size, and at most a few report requests
/// run at once (reading the workshop included); the rest wait their turn.
/// </summary>
public sealed class ReportRenderer : IDisposable
{
    /// <summary>Renders at once: about one per core, so pages keep a core for themselves even under abuse.</summary>
    public static readonly int ParallelRenders = Math.Max(1, Environment.ProcessorCount / 2);

    private const long CacheBytes = 64L * 1024 * 1024;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = CacheBytes });
    private readonly SemaphoreSlim _renders = new(ParallelRenders, ParallelRenders);

    /// <summary>
    /// Runs one PDF request's work (reading the workshop and making the PDF) in its turn: reading a big workshop costs
    /// as much as a page for everyone in the room, so a client fetching reports in a loop waits here, not the room.
    /// </summary>
    public async Task<T> InTurnAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        await _renders.WaitAsync(cancellationToken);
        try
        {
            return await work();
        }
        finally
        {
            _renders.Release();
        }
    }

    /// <summary>The PDF of this report: from the cache when this version was rendered before. Call it in a turn.</summary>
    public byte[] Pdf(WorkshopReport report, ReportOptions options) =>
        Cached("pdf", report, options, () => new PraatplaatReport(report, options).GeneratePdf());

    /// <summary>The Word document of this report, cached like the PDF. Call it in a turn.</summary>
    public byte[] Word(WorkshopReport report, ReportOptions options) =>
        Cached("docx", report, options, () => new WordReport(report, options).GenerateDocx());

    private byte[] Cached(string format, WorkshopReport report, ReportOptions options, Func<byte[]> render)
    {
        // What a file shows is the report (as its JSON export shows it) and the link back; not the moment of rendering.
        // The link back never comes from a request header an anonymous visitor chooses (PublicAddress.PublishedReportUrl):
        // else each new Host header would be a fresh render and a new cache entry.
        var key = format + "|" + Convert.ToHexString(SHA256.HashData(ReportExports.ToJson(report))) + "|" + options.SummaryUrl + "|" + options.Accent;
        if (_cache.TryGetValue(key, out byte[]? cached) && cached is not null)
        {
            return cached;
        }

        var file = render();
        _cache.Set(key, file, new MemoryCacheEntryOptions { Size = file.Length, SlidingExpiration = TimeSpan.FromHours(1) });
        return file;
    }

    public void Dispose()
    {
        _cache.Dispose();
        _renders.Dispose();
    }
}
