using System.Net;
using HandhavingsKoers.Tests.Infrastructure;
using HandhavingsKoers.Web.Content;
using HandhavingsKoers.Web.Reports.Pdf;

namespace HandhavingsKoers.Tests.Pdf;

/// <summary>
/// The blank A3 poster lies on a table during a session on paper: its QR codes must scan from a chair, so each is at
/// least 4 cm and decodes from a coarse (100 dpi) rendering, for every edition we ship.
/// </summary>
public sealed class BlankPosterTests : AppTest
{
    private const double FourCentimetres = 40 * Typography.Millimetre;

    public static TheoryData<string> Editions() =>
        [.. EditionLoader.LoadFolder(Path.Combine(AppContext.BaseDirectory, "seeds")).All.Select(e => e.Key)];

    [Theory]
    [MemberData(nameof(Editions))]
    public async Task Every_editions_poster_is_served_tagged_with_a_code_of_at_least_4_cm_per_panel_that_scans_at_100_dpi(string key)
    {
        var edition = EditionLoader.LoadFolder(Path.Combine(AppContext.BaseDirectory, "seeds")).Get(key);
        using var visitor = App.NewUser();
        using var response = await visitor.Client.GetAsync($"/praatplaat/{key}/poster.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var pdf = new PdfInspector(await response.Content.ReadAsByteArrayAsync());

        Assert.True(pdf.Marked);
        Assert.Equal("nl-NL", pdf.Language);
        var urls = edition.PosterPanels.Select(p => p.Links[0].Url).ToList();
        var codes = pdf.Figures.Where(f => f.Alt?.StartsWith("QR-code", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(urls.Count, codes.Count);
        Assert.All(codes, code =>
        {
            Assert.True(code.Width >= FourCentimetres && code.Height >= FourCentimetres, $"{code.Alt}: {code.Width / Typography.Millimetre:0.0} × {code.Height / Typography.Millimetre:0.0} mm");
        });
        Assert.Equal(urls, pdf.Links().Select(l => l.Uri));

        var decoded = pdf.DecodeQrCodes(dpi: 100);
        if (decoded is not null)
        {
            Assert.Equal(urls.Order(), decoded.Order());
        }
    }
}
