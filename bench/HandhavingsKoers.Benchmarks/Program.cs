using BenchmarkDotNet.Running;

namespace HandhavingsKoers.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/HandhavingsKoers.Benchmarks -- --filter '*'</c> (PDF rendering) or
/// <c>... -- live [participants] [notes] [pause ms]</c> (live latency) or <c>... -- busy [participants] [seconds]</c>
/// (busy room and saturation; a third argument <c>sqlite</c>, <c>postgres</c>, <c>postgres2</c> or <c>all</c>) or <c>... -- request [requests]</c> (what one request costs, in process) or
/// <c>... -- abuse [participants] [seconds]</c> (a room while four clients fetch a big report in a loop) or
/// <c>... -- first</c> (one report render in this fresh process, with its JIT time) or <c>... -- start &lt;publish
/// folder&gt; [starts]</c> (a published app's start and first requests).
/// Not top-level statements: the web app's Program is in scope.
/// </summary>
public static class Entry
{
    public static async Task Main(string[] args)
    {
        if (args is ["busy", ..])
        {
            await BusyRoom.RunAsync(
                args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100,
                args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 30,
                args.Length > 3 ? args[3] : "sqlite");
            return;
        }

        if (args is ["abuse", ..])
        {
            await Abuse.RunAsync(
                args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 30,
                args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 30);
            return;
        }

        if (args is ["request", ..])
        {
            await RequestCost.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2000);
            return;
        }

        if (args is ["start", var folder, ..])
        {
            await PublishedStart.RunAsync(folder, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5);
            return;
        }

        if (args is ["first", ..])
        {
            PdfLoop.First();
            return;
        }

        if (args is ["pdf", ..])
        {
            PdfLoop.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 300, args is [_, _, "types"]);
            return;
        }

        if (args is ["live", ..])
        {
            await LiveLatency.RunAsync(
                args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200,
                args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 200,
                args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 500);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(ReportRendering).Assembly).Run(args);
    }
}
