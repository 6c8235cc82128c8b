using HandhavingsKoers.Pdf.Layout;
using PdfSharp.Drawing;

namespace HandhavingsKoers.Web.Reports.Pdf;

/// <summary>Every text style and colour of our PDFs, in one place.</summary>
public static class Typography
{
    /// <summary>PDF points per millimetre.</summary>
    public const double Millimetre = 72 / 25.4;

    /// <summary>
    /// QR codes scan from where people sit: at least 2.5 cm on the A4 report, which is held in the hand. 3 cm, because
    /// the VNG's long addresses make dense codes: at 2.55 cm several did not decode from a 100 dpi render (zbarimg, the
    /// test's stand-in for a cheap phone camera); at 3 cm all do, with error correction M kept for creased paper.
    /// </summary>
    public const double ReportQrSize = 30 * Millimetre;

    /// <summary>The A3 poster lies on a table, read by people sitting around it: its QR codes are at least 4 cm.</summary>
    public const double PosterQrSize = 41 * Millimetre;

    public static readonly XColor Primary = XColor.FromArgb(0x00, 0x43, 0x7A);
    public static readonly XColor Muted = XColor.FromArgb(0x55, 0x55, 0x55);
    public static readonly XColor Tint = XColor.FromArgb(0xF0, 0xF3, 0xF6);
    public static readonly XColor RuleColor = XColor.FromArgb(0xB0, 0xB0, 0xB0);
    public static readonly XColor Link = XColor.FromArgb(0x00, 0x43, 0x7A);

    public static readonly TextStyle Kicker = new(10, Bold: true, Color: Primary);
    public static readonly TextStyle Title = new(26, Bold: true, Color: Primary, LineHeight: 1.2);
    public static readonly TextStyle Heading2 = new(16, Bold: true, Color: Primary, LineHeight: 1.25);
    public static readonly TextStyle Heading3 = new(11.5, Bold: true, LineHeight: 1.3);
    public static readonly TextStyle Body = new(10.5);
    public static readonly TextStyle Fact = new(11);
    public static readonly TextStyle Question = new(12.5, Bold: true, LineHeight: 1.3);
    public static readonly TextStyle Source = new(8.5, Italic: true, Color: Muted);
    public static readonly TextStyle Author = new(8.5, Color: Muted);
    public static readonly TextStyle Empty = new(10, Italic: true, Color: Muted);
    public static readonly TextStyle Caption = new(9.5, Bold: true);
    public static readonly TextStyle Url = new(8.5, Color: Link);
    public static readonly TextStyle Bullet = new(10.5, Color: Primary);

    // The A3 poster is read from a table's distance.
    public static readonly TextStyle PosterTitle = new(30, Bold: true, Color: Primary, LineHeight: 1.15);
    public static readonly TextStyle PosterIntro = new(11.5);
    public static readonly TextStyle PosterPanelTitle = new(15, Bold: true, Color: Primary);
    public static readonly TextStyle PosterQuestion = new(12, Bold: true, LineHeight: 1.25);
    public static readonly TextStyle PosterPrompt = new(10.5, Bold: true);
}
