namespace HandhavingsKoers.Benchmarks;

/// <summary>The nearest-rank percentile every benchmark reports (p50, p95, p99).</summary>
public static class Percentiles
{
    /// <param name="sorted">Measurements in ascending order, at least one.</param>
    public static double Of(IReadOnlyList<double> sorted, double q) =>
        sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(q * sorted.Count) - 1)];
}
