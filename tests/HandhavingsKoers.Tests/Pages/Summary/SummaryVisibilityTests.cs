using System.Net;
using HandhavingsKoers.Tests.Infrastructure;
using HandhavingsKoers.Web.Data;

namespace HandhavingsKoers.Tests.Pages.Summary;

/// <summary>
/// The summary and every download show a participant exactly what the step pages would: nothing of a step the room
/// has not reached, no one else's notes during silent writing, no scores before the reveal.
/// </summary>
public class SummaryVisibilityTests : AppTest
{
    public SummaryVisibilityTests()
    {
    }

    protected SummaryVisibilityTests(StorageProvider provider)
        : base(provider)
    {
    }

    private static readonly string[] Formats = ["Markdown", "Csv", "Json", "Pdf"];

    [Fact]
    public async Task A_participant_reads_in_the_summary_and_downloads_only_what_the_step_pages_show()
    {
        using var facilitator = App.NewUser();
        using var sanne = App.NewUser();
        using var piet = App.NewUser();
        var workshop = await facilitator.StartWorkshopAsync();
        await sanne.JoinAsync(workshop.JoinCode, "Sanne");
        await piet.JoinAsync(workshop.JoinCode, "Piet");
        await facilitator.MoveRoomAsync(workshop, "vertrouwen");

        // The facilitator prepares a step the room has not reached; the room is writing in silence on "vertrouwen".
        await facilitator.AddNoteAsync(workshop.FacilitatorUrl("visie"), "Todo", "Voorbereid voor straks: visie");
        await facilitator.PressAsync(workshop.FacilitatorUrl("vertrouwen"), "Hide");
        await piet.AddNoteAsync(workshop.ParticipantUrl("vertrouwen"), "Already", "Stil geschreven door Piet");
        await sanne.AddNoteAsync(workshop.ParticipantUrl("vertrouwen"), "Already", "Stil geschreven door Sanne");
        await piet.ScoreAsync(workshop.ParticipantUrl("vertrouwen"), 5);

        // The step page refuses the step ahead...
        var ahead = await sanne.OpenAsync(workshop.ParticipantUrl("visie"));
        Assert.Equal(HttpStatusCode.Forbidden, ahead.Status);

        // ...and so does the summary, and every download.
        var summary = await sanne.OpenAsync(workshop.SummaryUrl);
        Assert.Equal(HttpStatusCode.OK, summary.Status);
        Assert.Contains("Stil geschreven door Sanne", summary.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Stil geschreven door Piet", summary.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Voorbereid voor straks", summary.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Mediaan", summary.Text, StringComparison.Ordinal);
        foreach (var format in Formats)
        {
            var body = await DownloadTextAsync(sanne, workshop.SummaryUrl, format);
            Assert.DoesNotContain("Piet", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Voorbereid voor straks", body, StringComparison.Ordinal);
            // Piet's score of 5 would show as a median of 5 anywhere it leaked.
            Assert.DoesNotContain("\"median\":5", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Vast onderdeel van ons werk", body, StringComparison.Ordinal);
        }

        // The facilitator reads everything.
        var full = await facilitator.OpenAsync(workshop.SummaryUrl);
        Assert.Contains("Stil geschreven door Piet", full.Text, StringComparison.Ordinal);
        Assert.Contains("Voorbereid voor straks", full.Text, StringComparison.Ordinal);

        // Once the room reaches the step and the notes and scores are revealed, the participant reads them too.
        await facilitator.PressAsync(workshop.FacilitatorUrl("vertrouwen"), "Reveal");
        await facilitator.PressAsync(workshop.FacilitatorUrl("vertrouwen"), "RevealScores");
        await facilitator.MoveRoomAsync(workshop, "visie");
        var later = await sanne.OpenAsync(workshop.SummaryUrl);
        Assert.Contains("Stil geschreven door Piet", later.Text, StringComparison.Ordinal);
        Assert.Contains("Voorbereid voor straks", later.Text, StringComparison.Ordinal);
        Assert.Contains("Mediaan", later.Text, StringComparison.Ordinal);
    }

    /// <summary>A download as text; the PDF through pdftotext (skipped where poppler is missing, required in CI).</summary>
    private static async Task<string> DownloadTextAsync(User user, string summaryUrl, string handler)
    {
        var response = await user.Client.GetAsync($"{summaryUrl}?handler={handler}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return handler == "Pdf"
            ? new HandhavingsKoers.Tests.Pdf.PdfInspector(bytes).ExtractText() ?? ""
            : System.Text.Encoding.UTF8.GetString(bytes);
    }
}

/// <summary>What the summary shows to whom, on PostgreSQL.</summary>
[OnPostgreSql]
public sealed class SummaryVisibilityOnPostgreSqlTests() : SummaryVisibilityTests(StorageProvider.PostgreSql);
