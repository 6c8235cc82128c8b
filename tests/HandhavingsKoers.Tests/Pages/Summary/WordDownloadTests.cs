using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using HandhavingsKoers.Tests.Infrastructure;

namespace HandhavingsKoers.Tests.Pages.Summary;

/// <summary>The Word report as users get it from the summary: same access and names rule as the PDF.</summary>
public sealed class WordDownloadTests : AppTest
{
    private static string TextOf(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), isEditable: false);
        Assert.Empty(new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Microsoft365).Validate(document));
        return string.Join("\n", document.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(p => p.InnerText));
    }

    [Fact]
    public async Task The_word_report_downloads_beside_the_pdf_with_names_only_for_the_facilitator()
    {
        using var facilitator = App.NewUser();
        using var participant = App.NewUser();
        var workshop = await facilitator.StartWorkshopAsync("Gemeente Zuidwolde", "Sessie Werk en Inkomen", "2026-11-22");
        await participant.JoinAsync(workshop.JoinCode, "Fatima Bakker");
        await facilitator.MoveRoomAsync(workshop, "vertrouwen");
        await participant.AddNoteAsync(workshop.ParticipantUrl("vertrouwen"), "Already", "Wij bellen eerst voordat we een brief sturen.");
        await facilitator.AddTeamActionAsync(workshop, "Standaardbrief herschrijven in B1", "Teamleider handhaving", "2027-03-01");

        // The facilitator's summary links to the Word report with and without names, each beside its PDF.
        var page = await facilitator.OpenAsync(workshop.SummaryUrl);
        var links = page.Document.QuerySelectorAll(".downloads a").Select(a => (Text: a.TextContent, Href: a.GetAttribute("href")!)).ToList();
        var word = links.Where(l => l.Href.Contains("handler=Word", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Verslag voor raad en college (Word)", "Verslag met namen van deelnemers (Word)"], word.Select(l => l.Text));
        Assert.Equal(links.FindIndex(l => l.Href.Contains("handler=Pdf", StringComparison.Ordinal)) + 1, links.IndexOf(word[0]));

        var named = await facilitator.Client.GetAsync(word[1].Href);
        Assert.Equal(HttpStatusCode.OK, named.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", named.Content.Headers.ContentType?.MediaType);
        Assert.Equal("praatplaat-gemeente-zuidwolde-2026-11-22.docx", named.Content.Headers.ContentDisposition?.FileNameStar);
        var namedText = TextOf(await named.Content.ReadAsByteArrayAsync());
        Assert.Contains("Fatima Bakker", namedText, StringComparison.Ordinal);
        Assert.Contains("Standaardbrief herschrijven in B1", namedText, StringComparison.Ordinal);

        // A participant sees one Word link and, asking for names anyway, gets the anonymous report.
        var summary = await participant.OpenAsync(workshop.SummaryUrl);
        Assert.Single(summary.Document.QuerySelectorAll("a"), a => a.GetAttribute("href")!.Contains("handler=Word", StringComparison.Ordinal));
        var sneaky = await participant.Client.GetAsync(workshop.SummaryUrl + "?handler=Word&namen=ja");
        Assert.Equal(HttpStatusCode.OK, sneaky.StatusCode);
        var anonymousText = TextOf(await sneaky.Content.ReadAsByteArrayAsync());
        Assert.DoesNotContain("Fatima Bakker", anonymousText, StringComparison.Ordinal);
        Assert.Contains("Wij bellen eerst voordat we een brief sturen.", anonymousText, StringComparison.Ordinal);

        // A second download is the cached file; someone from outside gets nothing, as for the PDF.
        Assert.Equal(await facilitator.Client.GetByteArrayAsync(word[0].Href), await facilitator.Client.GetByteArrayAsync(word[0].Href));
        using var stranger = App.NewUser();
        var refused = await stranger.Client.GetAsync(workshop.SummaryUrl + "?handler=Word");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.NotEqual("application/vnd.openxmlformats-officedocument.wordprocessingml.document", refused.Content.Headers.ContentType?.MediaType);
    }
}
