using System.Net;
using HandhavingsKoers.Tests.Infrastructure;
using HandhavingsKoers.Web.Data;
using HandhavingsKoers.Tests.Pdf;

namespace HandhavingsKoers.Tests.Pages.Summary;

/// <summary>The PDFs as users get them: from the summary, the facilitator's page and the home page.</summary>
public class PdfDownloadTests : AppTest
{
    public PdfDownloadTests()
    {
    }

    protected PdfDownloadTests(StorageProvider provider)
        : base(provider)
    {
    }

    [Fact]
    public async Task A_report_is_rendered_once_per_change_of_the_workshop()
    {
        // Two renders of one report differ (PDFsharp stamps each file), so equal downloads mean one render.
        var report = ReportFixtures.With(notesPerPanel: 2);
        var options = new HandhavingsKoers.Web.Reports.Pdf.ReportOptions(DateTime.UtcNow, null);
        await Task.Delay(1100);
        Assert.NotEqual(new HandhavingsKoers.Web.Reports.Pdf.PraatplaatReport(report, options).GeneratePdf(),
            new HandhavingsKoers.Web.Reports.Pdf.PraatplaatReport(report, options with { GeneratedAt = DateTime.UtcNow }).GeneratePdf());

        using var facilitator = App.NewUser();
        var workshop = await facilitator.StartWorkshopAsync();
        await facilitator.AddNoteAsync(workshop.FacilitatorUrl("vertrouwen"), "Todo", "Eerste versie");
        var first = await facilitator.Client.GetByteArrayAsync(workshop.SummaryUrl + "?handler=Pdf");
        await Task.Delay(1100);
        var again = await facilitator.Client.GetByteArrayAsync(workshop.SummaryUrl + "?handler=Pdf");
        Assert.Equal(first, again);

        // A change in the workshop gives a new report.
        await facilitator.AddNoteAsync(workshop.FacilitatorUrl("vertrouwen"), "Todo", "Er kwam iets bij");
        var changed = await facilitator.Client.GetByteArrayAsync(workshop.SummaryUrl + "?handler=Pdf");
        Assert.NotEqual(first, changed);
        Assert.Contains("Er kwam iets bij", new PdfInspector(changed).ExtractText() ?? "Er kwam iets bij", StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_downloads_from_the_summary_with_a_sensible_name_and_names_only_for_the_facilitator()
    {
        using var facilitator = App.NewUser();
        using var participant = App.NewUser();
        var workshop = await facilitator.StartWorkshopAsync("Gemeente Zuidwolde", "Sessie Werk en Inkomen", "2026-11-22");
        await participant.JoinAsync(workshop.JoinCode, "Fatima Bakker");
        await facilitator.MoveRoomAsync(workshop, "vertrouwen");
        await participant.AddNoteAsync(workshop.ParticipantUrl("vertrouwen"), "Already", "Wij bellen eerst voordat we een brief sturen.");

        // The facilitator's page links to both versions.
        var facilitatorPage = await facilitator.OpenAsync(workshop.FacilitatorUrl());
        var links = facilitatorPage.Document.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).Where(h => h.Contains("handler=Pdf", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, links.Count);

        var named = await facilitator.Client.GetAsync(links.Single(l => l.Contains("namen=ja", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.OK, named.StatusCode);
        Assert.Equal("application/pdf", named.Content.Headers.ContentType?.MediaType);
        Assert.Equal("praatplaat-gemeente-zuidwolde-2026-11-22.pdf", named.Content.Headers.ContentDisposition?.FileNameStar);
        var namedPdf = new PdfInspector(await named.Content.ReadAsByteArrayAsync());
        Assert.Equal("nl-NL", namedPdf.Language);
        Assert.Contains("Zuidwolde", namedPdf.Document.Info.Title, StringComparison.Ordinal);

        // A participant asking for names gets the anonymous report.
        var summary = await participant.OpenAsync(workshop.SummaryUrl);
        var participantLinks = summary.Document.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).Where(h => h.Contains("handler=Pdf", StringComparison.Ordinal)).ToList();
        Assert.Single(participantLinks);
        var sneaky = await participant.Client.GetAsync(workshop.SummaryUrl + "?handler=Pdf&namen=ja");
        Assert.Equal(HttpStatusCode.OK, sneaky.StatusCode);

        var namedText = namedPdf.ExtractText();
        var anonymousText = new PdfInspector(await sneaky.Content.ReadAsByteArrayAsync()).ExtractText();
        if (namedText is not null && anonymousText is not null)
        {
            Assert.Contains("Fatima Bakker", namedText, StringComparison.Ordinal);
            Assert.DoesNotContain("Fatima Bakker", anonymousText, StringComparison.Ordinal);
            Assert.Contains("Wij bellen eerst voordat we een brief sturen.", anonymousText, StringComparison.Ordinal);
        }

        // Someone from outside gets nothing.
        using var stranger = App.NewUser();
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.Client.GetAsync(workshop.SummaryUrl + "?handler=Pdf")).StatusCode);
    }

    [Fact]
    public async Task The_blank_poster_is_one_a3_landscape_page_with_seven_panels_and_their_qr_codes()
    {
        using var visitor = App.NewUser();
        var home = await visitor.OpenAsync("/");
        var href = home.Document.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).Single(h => h.EndsWith("praatplaat-2024/poster.pdf", StringComparison.Ordinal));
        var response = await visitor.Client.GetAsync(href);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("praatplaat-praatplaat-2024-leeg-A3.pdf", response.Content.Headers.ContentDisposition?.FileNameStar);
        var pdf = new PdfInspector(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(1, pdf.Document.PageCount);
        Assert.Equal(1191, (int)Math.Round(pdf.Document.Pages[0].Width.Point));
        Assert.Equal(842, (int)Math.Round(pdf.Document.Pages[0].Height.Point));
        Assert.Equal("nl-NL", pdf.Language);
        Assert.Equal(8, pdf.Tags.Count(t => t == "H2")); // seven panels and the closing question
        Assert.Equal(7, pdf.Elements.Count(e => e.Tag == "Figure" && e.Alt?.StartsWith("QR-code", StringComparison.Ordinal) == true));
        var expected = ReportFixtures.Edition.PosterPanels.Select(p => p.Links[0].Url).ToList();
        Assert.Equal(expected, pdf.Links().Select(l => l.Uri));

        var text = pdf.ExtractText();
        if (text is not null)
        {
            foreach (var panel in ReportFixtures.Edition.Panels)
            {
                Assert.Contains(panel.Question, string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
            }
        }

        var codes = pdf.DecodeQrCodes();
        if (codes is not null)
        {
            Assert.Equal(expected.Order(), codes.Order());
        }

        // The 2026–2029 edition (ten panels) gets a wider grid, with every panel on the poster; its cells are too
        // narrow for 4 cm codes, so these are on a second page ("Lees meer"), to lay beside it.
        var newer = new PdfInspector(await visitor.Client.GetByteArrayAsync("/praatplaat/koers-2026-2029/poster.pdf"));
        Assert.Equal(2, newer.Document.PageCount);
        Assert.Equal(12, newer.Tags.Count(t => t == "H2"));
        Assert.Equal(10, newer.Elements.Count(e => e.Tag == "Figure"));
        var newerCodes = newer.DecodeQrCodes();
        if (newerCodes is not null)
        {
            Assert.Equal(10, newerCodes.Count);
        }

        var unknown = await visitor.OpenAsync("/praatplaat/bestaat-niet/poster.pdf");
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Contains("Deze praatplaat kennen we niet", unknown.Text, StringComparison.Ordinal);
    }
}

/// <summary>The report as PDF, on PostgreSQL.</summary>
[OnPostgreSql]
public sealed class PdfDownloadOnPostgreSqlTests() : PdfDownloadTests(StorageProvider.PostgreSql);
