using System.Net;
using System.Text;
using System.Text.Json;
using HandhavingsKoers.Tests.Infrastructure;
using HandhavingsKoers.Web.Data;

namespace HandhavingsKoers.Tests.Pages;

/// <summary>A whole workshop, as a facilitator and three participants would run it, from start to close.</summary>
public class WorkshopJourneyTests : AppTest
{
    public WorkshopJourneyTests()
    {
    }

    protected WorkshopJourneyTests(StorageProvider provider)
        : base(provider)
    {
    }

    [Fact]
    public async Task A_facilitator_and_three_participants_fill_in_the_whole_praatplaat()
    {
        using var facilitator = App.NewUser();
        using var fatima = App.NewUser();
        using var anonymous = App.NewUser();
        using var jan = App.NewUser();

        var workshop = await facilitator.StartWorkshopAsync("Gemeente Zuidwolde", "Teamsessie Werk en Inkomen", "2026-11-22");
        Assert.Matches("^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6,8}$", workshop.JoinCode);
        Assert.Contains("?sleutel=", workshop.FacilitatorLink, StringComparison.Ordinal);
        Assert.Equal("Welkom", workshop.FacilitatorPage.Heading);

        // Three people join; one stays anonymous.
        var fatimaPage = await fatima.JoinAsync(workshop.JoinCode.ToLowerInvariant(), "Fatima");
        Assert.Equal(HttpStatusCode.OK, fatimaPage.Status);
        Assert.Equal("Welkom", fatimaPage.Heading);
        Assert.Contains("Fatima", fatimaPage.Text, StringComparison.Ordinal);
        await anonymous.JoinAsync(workshop.JoinCode);
        await jan.JoinAsync(JoinCodeWithSpace(workshop.JoinCode), "Jan de Vries");
        var facilitatorPage = await facilitator.OpenAsync(workshop.FacilitatorUrl());
        Assert.Contains("3 deelnemers doen mee", Squash(facilitatorPage.Text), StringComparison.Ordinal);

        // The facilitator moves the room to the first principle; participants follow.
        await facilitator.MoveRoomAsync(workshop, "vertrouwen");
        var followed = await fatima.OpenAsync(workshop.ParticipantUrl());
        Assert.Equal("Vertrouwen", followed.Heading);
        Assert.Contains("Hoe verhoudt het werken vanuit vertrouwen zich tot naleving?", followed.Text, StringComparison.Ordinal);
        Assert.Contains("Bron: VNG, praatplaat ‘Samen werken aan de handhavingskoers’, januari 2024", followed.Text, StringComparison.Ordinal);
        Assert.NotNull(followed.Document.QuerySelector("a[href='https://vng.nl/artikelen/handhavers-en-de-participatiewet-hard-of-hart']"));

        // Notes under both prompts, from everyone, and one for the room from the facilitator.
        await fatima.AddNoteAsync(workshop.ParticipantUrl("vertrouwen"), "Already", "We sturen een vriendelijke brief vóór we controleren.");
        await anonymous.AddNoteAsync(workshop.ParticipantUrl("vertrouwen"), "Todo", "Standaardbrieven herschrijven op B1-niveau.");
        await jan.AddNoteAsync(workshop.ParticipantUrl("vertrouwen"), "Already", "Klantmanagers bellen eerst bij een signaal.");
        await facilitator.AddNoteAsync(workshop.FacilitatorUrl("vertrouwen"), "Todo", "Signalen samen met de keten bespreken.");

        // Everyone sees the room's notes, with who wrote them.
        var janView = await jan.OpenAsync(workshop.ParticipantUrl("vertrouwen"));
        Assert.Equal(["We sturen een vriendelijke brief vóór we controleren.", "Klantmanagers bellen eerst bij een signaal."], janView.Notes("Already"));
        Assert.Equal(["Standaardbrieven herschrijven op B1-niveau.", "Signalen samen met de keten bespreken."], janView.Notes("Todo"));
        Assert.Contains("Door Fatima", janView.NoteItem("We sturen een vriendelijke brief vóór we controleren.").TextContent, StringComparison.Ordinal);
        Assert.Contains("Door Anoniem", janView.NoteItem("Standaardbrieven herschrijven op B1-niveau.").TextContent, StringComparison.Ordinal);
        Assert.Contains("Begeleider, voor de groep", janView.NoteItem("Signalen samen met de keten bespreken.").TextContent, StringComparison.Ordinal);

        // Jan may change only his own note.
        Assert.NotNull(janView.NoteItem("Klantmanagers bellen eerst bij een signaal.").QuerySelector("form"));
        Assert.Null(janView.NoteItem("We sturen een vriendelijke brief vóór we controleren.").QuerySelector("form"));

        // Jan edits his note through the edit form; Fatima deletes hers and writes it again better.
        var janEdit = await jan.OpenAsync(janView.NoteItem("Klantmanagers bellen eerst bij een signaal.").QuerySelector("a")!.GetAttribute("href")!);
        var edited = await jan.SubmitAsync(janEdit.FormWith("li.note textarea"), new Dictionary<string, string>
        {
            ["Form.Text"] = "Klantmanagers bellen eerst, en sturen pas daarna een brief.",
        });
        Assert.Contains("Klantmanagers bellen eerst, en sturen pas daarna een brief.", edited.Notes("Already"));
        Assert.Contains("bewerkt", edited.NoteItem("Klantmanagers bellen eerst, en sturen pas daarna een brief.").TextContent, StringComparison.Ordinal);

        var fatimaView = await fatima.OpenAsync(workshop.ParticipantUrl("vertrouwen"));
        var deleteForm = (AngleSharp.Html.Dom.IHtmlFormElement)fatimaView.NoteItem("We sturen een vriendelijke brief vóór we controleren.").QuerySelector("form")!;
        var afterDelete = await fatima.SubmitAsync(deleteForm);
        Assert.DoesNotContain("We sturen een vriendelijke brief vóór we controleren.", afterDelete.Notes("Already"));
        await fatima.AddNoteAsync(workshop.ParticipantUrl("vertrouwen"), "Already", "Bij een eerste fout krijgt iemand uitleg, geen boete.");

        // The facilitator walks every panel; a note on each, and the visie.
        string[] panels = ["menselijke-maat", "preventie", "gepaste-sanctionering", "maatwerk", "doenvermogen", "visie"];
        foreach (var panel in panels)
        {
            await facilitator.MoveRoomAsync(workshop, panel);
            var page = await anonymous.AddNoteAsync(workshop.ParticipantUrl(panel), "Already", $"Al gedaan bij {panel}.");
            Assert.Contains($"Al gedaan bij {panel}.", page.Notes("Already"));
            await jan.AddNoteAsync(workshop.ParticipantUrl(panel), "Todo", $"Nog te doen bij {panel}.");
        }

        // The facilitator removes a note that does not belong (anyone's note).
        var facilitatorVisie = await facilitator.OpenAsync(workshop.FacilitatorUrl("visie"));
        await facilitator.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)facilitatorVisie.NoteItem("Al gedaan bij visie.").QuerySelector("form")!);

        // Three actions each.
        await facilitator.MoveRoomAsync(workshop, "acties");
        await SaveActionsAsync(fatima, workshop, "Standaardbrief herlezen", "Collega van schuldhulp bellen", "Overleg plannen met de keten");
        await SaveActionsAsync(jan, workshop, "Werkinstructie boete aanpassen", "", "");
        var facilitatorActions = await facilitator.OpenAsync(workshop.FacilitatorUrl("acties"));
        Assert.Contains("Collega van schuldhulp bellen", facilitatorActions.Text, StringComparison.Ordinal);
        Assert.Contains("Werkinstructie boete aanpassen", facilitatorActions.Text, StringComparison.Ordinal);

        // Close: read-only for everyone.
        await facilitator.MoveRoomAsync(workshop, "afronding");
        var closed = await facilitator.SubmitAsync((await facilitator.OpenAsync(workshop.FacilitatorUrl())).FormWith("form[action*='handler=Close'] button"));
        Assert.Contains("De workshop is afgesloten", closed.Text, StringComparison.Ordinal);
        var closedForParticipant = await jan.OpenAsync(workshop.ParticipantUrl("vertrouwen"));
        Assert.All(closedForParticipant.Document.QuerySelectorAll("form.note-add"), f => Assert.True(f.HasAttribute("hidden")));

        // The summary shows the whole filled-in praatplaat.
        var summary = await fatima.OpenAsync(workshop.SummaryUrl);
        Assert.Equal(HttpStatusCode.OK, summary.Status);
        Assert.Equal("Teamsessie Werk en Inkomen", summary.Heading);
        var summaryText = Squash(summary.Text);
        var facts = summary.Document.QuerySelectorAll(".facts dt").Zip(summary.Document.QuerySelectorAll(".facts dd"))
            .ToDictionary(f => f.First.TextContent, f => f.Second.TextContent);
        Assert.Equal("Gemeente Zuidwolde", facts["Gemeente"]);
        Assert.Equal("22 november 2026", facts["Datum"]);
        Assert.Equal("3", facts["Deelnemers"]);
        Assert.Equal("Afgesloten", facts["Status"]);
        foreach (var question in Questions)
        {
            Assert.Contains(question, summaryText, StringComparison.Ordinal);
        }

        Assert.Contains("Bij een eerste fout krijgt iemand uitleg, geen boete.", summaryText, StringComparison.Ordinal);
        Assert.Contains("Klantmanagers bellen eerst, en sturen pas daarna een brief.", summaryText, StringComparison.Ordinal);
        Assert.DoesNotContain("We sturen een vriendelijke brief vóór we controleren.", summaryText, StringComparison.Ordinal);
        Assert.DoesNotContain("Al gedaan bij visie.", summaryText, StringComparison.Ordinal);
        Assert.Contains("Overleg plannen met de keten", summaryText, StringComparison.Ordinal);
        Assert.Equal(4 + (6 * 2) - 1, App.Count("select count(*) from Notes")); // vertrouwen 4, six panels 2 each, one removed

        // Exports: JSON, CSV and Markdown hold the same content.
        var json = await DownloadAsync(fatima, summary, "Json");
        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
        Assert.Equal("praatplaat-gemeente-zuidwolde-2026-11-22.json", json.Content.Headers.ContentDisposition?.FileNameStar ?? json.Content.Headers.ContentDisposition?.FileName);
        using var doc = JsonDocument.Parse(await json.Content.ReadAsStringAsync());
        var root = doc.RootElement;
        Assert.Equal("Gemeente Zuidwolde", root.GetProperty("gemeente").GetString());
        Assert.Equal("2026-11-22", root.GetProperty("date").GetString());
        Assert.Equal(3, root.GetProperty("participantCount").GetInt32());
        Assert.Equal(7, root.GetProperty("panels").GetArrayLength());
        var vertrouwen = root.GetProperty("panels")[0];
        Assert.Equal("Hoe verhoudt het werken vanuit vertrouwen zich tot naleving?", vertrouwen.GetProperty("question").GetString());
        Assert.Equal(["Klantmanagers bellen eerst, en sturen pas daarna een brief.", "Bij een eerste fout krijgt iemand uitleg, geen boete."],
            vertrouwen.GetProperty("already").EnumerateArray().Select(n => n.GetProperty("text").GetString()!).ToArray());
        Assert.Equal(2, root.GetProperty("actions").GetArrayLength());

        // A participant's downloads carry no names: notes have no author, actions are numbered.
        Assert.Equal("Deelnemer 1", root.GetProperty("actions")[0].GetProperty("participant").GetString());
        Assert.DoesNotContain("Fatima", await json.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var csv = await DownloadAsync(fatima, summary, "Csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var csvBytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], csvBytes[..3]);
        var csvLines = Encoding.UTF8.GetString(csvBytes[3..]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("onderdeel;vraag;kolom;tekst;auteur", csvLines[0].TrimEnd('\r'));
        Assert.Equal(1 + 15 + 4, csvLines.Length); // header, 15 notes, 4 actions
        Assert.Contains(csvLines, l => l.TrimEnd('\r').EndsWith("Wat doet mijn gemeente al?;Klantmanagers bellen eerst, en sturen pas daarna een brief.;", StringComparison.Ordinal)
            || l.TrimEnd('\r').EndsWith("\"Klantmanagers bellen eerst, en sturen pas daarna een brief.\";", StringComparison.Ordinal));
        Assert.DoesNotContain(csvLines, l => l.Contains("Jan de Vries", StringComparison.Ordinal));

        var markdown = await DownloadAsync(fatima, summary, "Markdown");
        var md = await markdown.Content.ReadAsStringAsync();
        Assert.StartsWith("# Teamsessie Werk en Inkomen", md, StringComparison.Ordinal);
        Assert.Contains("## Gepaste sanctionering", md, StringComparison.Ordinal);
        Assert.Contains("> Wat vinden we een gepaste reactie bij regelovertreding?", md, StringComparison.Ordinal);
        Assert.Contains("- Bij een eerste fout krijgt iemand uitleg, geen boete.\n", md.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("Fatima", md, StringComparison.Ordinal);
        Assert.Contains("1. Standaardbrief herlezen", md, StringComparison.Ordinal);

        // The facilitator can ask for the names, in every format.
        var facilitatorSummary = await facilitator.OpenAsync(workshop.SummaryUrl);
        var named = await facilitator.Client.GetAsync(facilitatorSummary.Document.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!)
            .Single(h => h.Contains("handler=Json", StringComparison.Ordinal) && h.Contains("namen=ja", StringComparison.Ordinal)));
        using var namedDoc = JsonDocument.Parse(await named.Content.ReadAsStringAsync());
        Assert.Equal("Fatima", namedDoc.RootElement.GetProperty("actions")[0].GetProperty("participant").GetString());
        var namedCsv = await facilitator.Client.GetStringAsync(facilitatorSummary.Document.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!)
            .Single(h => h.Contains("handler=Csv", StringComparison.Ordinal) && h.Contains("namen=ja", StringComparison.Ordinal)));
        Assert.Contains("Klantmanagers bellen eerst, en sturen pas daarna een brief.;Jan de Vries", namedCsv.Replace("\"", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var namedMd = await facilitator.Client.GetStringAsync(facilitatorSummary.Document.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!)
            .Single(h => h.Contains("handler=Markdown", StringComparison.Ordinal) && h.Contains("namen=ja", StringComparison.Ordinal)));
        Assert.Contains("- Bij een eerste fout krijgt iemand uitleg, geen boete. — _Fatima_", namedMd, StringComparison.Ordinal);

        // Reopen: the room can write again.
        var reopened = await facilitator.SubmitAsync((await facilitator.OpenAsync(workshop.FacilitatorUrl())).FormWith("form[action*='handler=Reopen'] button"));
        Assert.DoesNotContain("De workshop is afgesloten", reopened.Text, StringComparison.Ordinal);
        var again = await jan.AddNoteAsync(workshop.ParticipantUrl("visie"), "Todo", "Na heropenen nog een idee.");
        Assert.Contains("Na heropenen nog een idee.", again.Notes("Todo"));
    }

    [Fact]
    public async Task A_participant_looks_back_at_earlier_steps_but_not_ahead()
    {
        using var facilitator = App.NewUser();
        using var participant = App.NewUser();
        var workshop = await facilitator.StartWorkshopAsync();
        await participant.JoinAsync(workshop.JoinCode);
        await facilitator.MoveRoomAsync(workshop, "preventie");

        var current = await participant.OpenAsync(workshop.ParticipantUrl());
        Assert.Equal("Preventie", current.Heading);
        var earlier = await participant.OpenAsync(workshop.ParticipantUrl("vertrouwen"));
        Assert.Equal(HttpStatusCode.OK, earlier.Status);
        Assert.Contains("De groep is nu bij Preventie", Squash(earlier.Text), StringComparison.Ordinal);
        var added = await participant.AddNoteAsync(workshop.ParticipantUrl("vertrouwen"), "Todo", "Nog iets over vertrouwen.");
        Assert.Contains("Nog iets over vertrouwen.", added.Notes("Todo"));

        var ahead = await participant.OpenAsync(workshop.ParticipantUrl("maatwerk"));
        Assert.Equal(HttpStatusCode.Forbidden, ahead.Status);
        Assert.Contains("Deze stap is nog niet begonnen", ahead.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_workshop_on_the_2026_2029_edition_walks_its_own_topics_with_its_own_attribution()
    {
        using var facilitator = App.NewUser();
        using var participant = App.NewUser();
        var form = (await facilitator.OpenAsync("/starten")).Form("form[method=post]");
        ((AngleSharp.Html.Dom.IHtmlInputElement)form.QuerySelector("input[value='koers-2026-2029']")!).IsChecked = true;
        var started = await facilitator.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Gemeente"] = "Gemeente Nieuwkoop",
            ["Input.Title"] = "Nieuwe koers",
            ["Input.Date"] = "2026-11-22",
        });
        var id = started.Address.AbsolutePath.Split('/')[2];
        var code = started.Document.QuerySelector(".join-code")!.TextContent.Replace(" ", "", StringComparison.Ordinal);
        await participant.JoinAsync(code, "Noor");
        var workshop = new Journey.StartedWorkshop(Guid.Parse(id), code, "", started);
        await facilitator.MoveRoomAsync(workshop, "passend-handhaven");

        var page = await participant.AddNoteAsync(workshop.ParticipantUrl("passend-handhaven"), "Todo", "Eerst herstellen, dan pas straffen.");
        Assert.Equal("Passend handhaven", page.Heading);
        Assert.Contains("Vraag opgesteld door HandhavingsKoers", page.Text, StringComparison.Ordinal);
        Assert.Equal(["Eerst herstellen, dan pas straffen."], page.Notes("Todo"));
        Assert.Equal(13, page.Document.QuerySelectorAll(".step-list li").Length); // welcome, 9 topics, visie, actions, closing

        var summary = await participant.OpenAsync(workshop.SummaryUrl);
        Assert.Contains("Hoe zorgen wij dat onze reactie past", summary.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Bron: VNG", summary.Text, StringComparison.Ordinal);

        // The report says the same: its questions are ours, and it does not describe the 2022–2025 koers.
        var pdf = new HandhavingsKoers.Tests.Pdf.PdfInspector(await participant.Client.GetByteArrayAsync(workshop.SummaryUrl + "?handler=Pdf")).ExtractText();
        if (pdf is not null)
        {
            var flat = string.Join(' ', pdf.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains("het zijn geen officiële vragen van de VNG", flat, StringComparison.Ordinal);
            Assert.Contains("Passend handhaven", flat, StringComparison.Ordinal);
            Assert.DoesNotContain("2022–2025", flat, StringComparison.Ordinal);
        }
    }

    private static readonly string[] Questions =
    [
        "Hoe verhoudt het werken vanuit vertrouwen zich tot naleving?",
        "Wat verstaan we onder de menselijke maat?",
        "Wat verstaan we onder preventie?",
        "Wat vinden we een gepaste reactie bij regelovertreding?",
        "Wat is er nodig om maatwerk te kunnen leveren?",
        "Wat verstaan we onder verminderd doenvermogen van burgers?",
        "Hoe wil ik dat de burger mijn gemeente ziet?",
        "Wat zijn drie zaken die ik morgen in gang kan zetten om mijn eigen handhavingskoers vorm te geven?",
    ];

    private static async Task SaveActionsAsync(User user, Journey.StartedWorkshop workshop, params string[] actions)
    {
        var page = await user.OpenAsync(workshop.ParticipantUrl("acties"));
        var saved = await user.SubmitAsync(page.FormWith("#actie-1"), new Dictionary<string, string>
        {
            ["Actions[0]"] = actions[0],
            ["Actions[1]"] = actions[1],
            ["Actions[2]"] = actions[2],
        });
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Contains("Uw drie zaken zijn bewaard.", saved.Text, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> DownloadAsync(User user, Page summary, string handler)
    {
        var href = summary.Document.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!)
            .Single(h => h.Contains($"handler={handler}", StringComparison.Ordinal));
        var response = await user.Client.GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    private static string JoinCodeWithSpace(string code) => code[..3] + " " + code[3..];

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>The whole workshop on PostgreSQL.</summary>
[OnPostgreSql]
public sealed class WorkshopJourneyOnPostgreSqlTests() : WorkshopJourneyTests(StorageProvider.PostgreSql);
