using System.Buffers.Binary;
using System.Collections.Concurrent;
using QRCoder;

namespace HandhavingsKoers.Pdf;

/// <summary>QR codes as a grid of modules (QRCoder), and that grid as a 1-bit bitmap for the PDF.</summary>
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

    /// <summary>
    /// The modules as an uncompressed 1-bit Windows bitmap (BMP), black on white: the simplest image format PDFsharp
    /// reads, and bitonal, so it lands in the PDF as a tiny black-and-white image. Each module is
    /// <paramref name="scale"/> pixels square: with one pixel per module, a viewer or a cheap camera at 100 dpi saw
    /// modules of one and two pixels side by side and zbarimg read none of the codes; with three it reads them all.
    /// </summary>
    public static byte[] Bitmap(bool[,] modules, int scale = 3)
    {
        var count = modules.GetLength(0);
        var size = count * scale;
        var stride = ((size + 31) / 32) * 4; // each row padded to whole 32-bit words
        const int headers = 14 + 40, palette = 2 * 4;
        var pixels = headers + palette;
        var bytes = new byte[pixels + (stride * size)];
        var span = bytes.AsSpan();

        // BITMAPFILEHEADER: "BM", file size, reserved, offset of the pixels.
        span[0] = (byte)'B';
        span[1] = (byte)'M';
        BinaryPrimitives.WriteInt32LittleEndian(span[2..], bytes.Length);
        BinaryPrimitives.WriteInt32LittleEndian(span[10..], pixels);

        // BITMAPINFOHEADER: size, width, height (positive: bottom row first), planes, bits per pixel, no compression,
        // image size, resolution (unused), two colours used.
        BinaryPrimitives.WriteInt32LittleEndian(span[14..], 40);
        BinaryPrimitives.WriteInt32LittleEndian(span[18..], size);
        BinaryPrimitives.WriteInt32LittleEndian(span[22..], size);
        BinaryPrimitives.WriteInt16LittleEndian(span[26..], 1);
        BinaryPrimitives.WriteInt16LittleEndian(span[28..], 1);
        BinaryPrimitives.WriteInt32LittleEndian(span[34..], stride * size);
        BinaryPrimitives.WriteInt32LittleEndian(span[46..], 2);

        // Palette (blue, green, red, reserved): 0 is black, 1 is white.
        span[headers + 4] = span[headers + 5] = span[headers + 6] = 0xFF;

        for (var y = 0; y < size; y++)
        {
            var row = span.Slice(pixels + ((size - 1 - y) * stride), stride);
            for (var x = 0; x < size; x++)
            {
                if (!modules[y / scale, x / scale])
                {
                    row[x / 8] |= (byte)(0x80 >> (x % 8)); // light module: palette entry 1
                }
            }

            // The padding bits of a row are light too: they are outside the image and never shown.
        }

        return bytes;
    }
}
