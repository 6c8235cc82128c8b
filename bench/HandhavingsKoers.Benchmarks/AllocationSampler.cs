using System.Diagnostics.Tracing;

namespace HandhavingsKoers.Benchmarks;

/// <summary>
/// Listens to the runtime's allocation ticks (one event about every 100 KB allocated, naming the type that crossed
/// the mark) and counts them per type: a sample of where the bytes go, without a profiler.
/// </summary>
public sealed class AllocationSampler : EventListener
{
    private readonly Dictionary<string, (long Small, long Large)> _ticks = new();

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            // 0x1 is the GC keyword; allocation ticks come at the verbose level.
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal) || eventData.Payload is null)
        {
            return;
        }

        var type = eventData.PayloadNames!.IndexOf("TypeName") is var t and >= 0 ? eventData.Payload[t] as string ?? "?" : "?";
        var large = eventData.PayloadNames.IndexOf("AllocationKind") is var k and >= 0 && Convert.ToInt32(eventData.Payload[k], System.Globalization.CultureInfo.InvariantCulture) == 1;
        lock (_ticks)
        {
            var (small, big) = _ticks.GetValueOrDefault(type);
            _ticks[type] = large ? (small, big + 1) : (small + 1, big);
        }
    }

    public void Print(int top)
    {
        lock (_ticks)
        {
            Console.WriteLine("allocation ticks (about 100 KB each), small / large object heap:");
            foreach (var (type, (small, large)) in _ticks.OrderByDescending(p => p.Value.Small + p.Value.Large).Take(top))
            {
                Console.WriteLine(FormattableString.Invariant($"{small,7} {large,6}  {type}"));
            }
        }
    }
}
