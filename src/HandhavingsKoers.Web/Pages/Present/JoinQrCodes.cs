using System.Collections.Concurrent;
using QRCoder;

namespace HandhavingsKoers.Web.Pages.Present;

/// <summary>
/// The presenter's join QR code as inline SVG. The stage is fetched again on every change in the room, so codes are
/// kept, but only a few: the key is the join address, which differs per workshop and (without a configured public
/// address) per Host header, and an unbounded cache let anyone fill the server's memory with made-up Host headers.
/// When full it starts over; making a code again costs about a millisecond.
/// </summary>
public sealed class JoinQrCodes
{
    public const int Capacity = 64;

    private readonly ConcurrentDictionary<string, string> _svgs = new(StringComparer.Ordinal);

    public int Count => _svgs.Count;

    public string For(string url)
    {
        if (_svgs.TryGetValue(url, out var svg))
        {
            return svg;
        }

        if (_svgs.Count >= Capacity)
        {
            _svgs.Clear();
        }

        return _svgs.GetOrAdd(url, Render);
    }

    public static string Render(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(10, "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
