using System.Buffers.Binary;

namespace HandhavingsKoers.Pdf.Fonts;

/// <summary>
/// Which Unicode code points a TrueType font has glyphs for, read from its <c>cmap</c> table (formats 4 and 12).
/// PDFsharp has no public way to ask this, and we must know, to fall back or replace instead of drawing empty boxes.
/// </summary>
public sealed class CharacterMap
{
    private readonly (int Start, int End)[] _ranges;

    private CharacterMap((int Start, int End)[] ranges) => _ranges = ranges;

    public bool Contains(int codePoint)
    {
        int low = 0, high = _ranges.Length - 1;
        while (low <= high)
        {
            var mid = (low + high) / 2;
            if (codePoint < _ranges[mid].Start)
            {
                high = mid - 1;
            }
            else if (codePoint > _ranges[mid].End)
            {
                low = mid + 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    public static CharacterMap Read(ReadOnlySpan<byte> font)
    {
        var tableCount = BinaryPrimitives.ReadUInt16BigEndian(font[4..]);
        for (var i = 0; i < tableCount; i++)
        {
            var record = font[(12 + (i * 16))..];
            if (record[..4].SequenceEqual("cmap"u8))
            {
                var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
                return new CharacterMap(ReadCmap(font[offset..]));
            }
        }

        throw new InvalidDataException("The font has no cmap table.");
    }

    private static (int, int)[] ReadCmap(ReadOnlySpan<byte> cmap)
    {
        // Prefer the full-repertoire subtable (format 12), else the BMP one (format 4), of the Unicode encodings.
        var count = BinaryPrimitives.ReadUInt16BigEndian(cmap[2..]);
        int format4 = -1, format12 = -1;
        for (var i = 0; i < count; i++)
        {
            var platform = BinaryPrimitives.ReadUInt16BigEndian(cmap[(4 + (i * 8))..]);
            var encoding = BinaryPrimitives.ReadUInt16BigEndian(cmap[(6 + (i * 8))..]);
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(cmap[(8 + (i * 8))..]);
            var unicode = platform == 0 || (platform == 3 && encoding is 1 or 10);
            if (!unicode)
            {
                continue;
            }

            var format = BinaryPrimitives.ReadUInt16BigEndian(cmap[offset..]);
            if (format == 12)
            {
                format12 = offset;
            }
            else if (format == 4)
            {
                format4 = offset;
            }
        }

        return format12 >= 0 ? ReadFormat12(cmap[format12..])
            : format4 >= 0 ? ReadFormat4(cmap[format4..])
            : throw new InvalidDataException("The font has no Unicode cmap subtable of format 4 or 12.");
    }

    private static (int, int)[] ReadFormat12(ReadOnlySpan<byte> table)
    {
        var groups = (int)BinaryPrimitives.ReadUInt32BigEndian(table[12..]);
        var ranges = new (int, int)[groups];
        for (var i = 0; i < groups; i++)
        {
            var group = table[(16 + (i * 12))..];
            ranges[i] = ((int)BinaryPrimitives.ReadUInt32BigEndian(group), (int)BinaryPrimitives.ReadUInt32BigEndian(group[4..]));
        }

        return ranges;
    }

    private static (int, int)[] ReadFormat4(ReadOnlySpan<byte> table)
    {
        var segments = BinaryPrimitives.ReadUInt16BigEndian(table[6..]) / 2;
        var ends = table[14..];
        var starts = table[(16 + (segments * 2))..];
        var deltas = table[(16 + (segments * 4))..];
        var rangeOffsets = table[(16 + (segments * 6))..];
        var ranges = new List<(int, int)>();
        for (var i = 0; i < segments; i++)
        {
            int start = BinaryPrimitives.ReadUInt16BigEndian(starts[(i * 2)..]);
            int end = BinaryPrimitives.ReadUInt16BigEndian(ends[(i * 2)..]);
            if (start == 0xFFFF)
            {
                continue;
            }

            var delta = BinaryPrimitives.ReadInt16BigEndian(deltas[(i * 2)..]);
            var rangeOffset = BinaryPrimitives.ReadUInt16BigEndian(rangeOffsets[(i * 2)..]);
            if (rangeOffset == 0)
            {
                // Every code point in the segment maps to (c + delta); only glyph 0 would mean "missing".
                ranges.Add((start, end));
                continue;
            }

            // Indirect segment: check each code point's glyph id.
            for (var c = start; c <= end; c++)
            {
                var at = (i * 2) + rangeOffset + ((c - start) * 2);
                var glyph = BinaryPrimitives.ReadUInt16BigEndian(rangeOffsets[at..]);
                if (glyph != 0 && ((glyph + delta) & 0xFFFF) != 0)
                {
                    ranges.Add((c, c));
                }
            }
        }

        return [.. ranges.OrderBy(r => r.Item1)];
    }
}
