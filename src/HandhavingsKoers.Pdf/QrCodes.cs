using System.Collections.Concurrent;
using QRCoder;

namespace HandhavingsKoers.Pdf;

/// <summary>QR codes as a grid of modules (QRCoder), to be drawn as vector squares: sharp at any print size.</summary>
public static class QrCodes
{
    // The same few addresses (the praatplaat's links, a workshop's summary) come back in every report, and choosing
    // the best mask pattern was a tenth of a report's render time. Kept small: cleared when it fills up.
    private const int CacheSize = 256;
    private static readonly ConcurrentDictionary<string, bool[,]> Cache = new(StringComparer.Ordinal);

    /// <summary>
    /// The module matrix, quiet zone included; true is dark. Error correction M survives a crease in print.
    /// The matrix is shared between callers: read it, never change it.
    /// </summary>
    public static bool[,] Modules(string text)
    {
        if (Cache.TryGetValue(text, out var cached))
        {
            return cached;
        }

        if (Cache.Count >= CacheSize)
        {
            Cache.Clear();
        }

        return Cache.GetOrAdd(text, Generate);
    }

    private static bool[,] Generate(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var rows = data.ModuleMatrix;
        var size = rows.Count;
        var modules = new bool[size, size];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                modules[y, x] = rows[y][x];
            }
        }

        return modules;
    }
}
