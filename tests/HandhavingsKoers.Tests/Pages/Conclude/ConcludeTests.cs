using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using HandhavingsKoers.Tests.Infrastructure;

namespace HandhavingsKoers.Tests.Pages.Conclude;

/// <summary>
/// "Verslag afronden": after closing, the facilitator (only) writes a conclusion and up to five kernpunten per
/// principle and a bestuurlijke samenvatting; they reach the summary and every export. Every bad input gets a Dutch
/// message and changes nothing.
/// </summary>
public sealed class ConcludeTests : RoomTest
{
    private const string Step = "vertrouwen";

    private long ConclusionRows => App.Count("select count(*) from PanelConclusions") + App.Count("select count(*) from KeyPoints")
        + App.Count("select count(*) from Workshops where ExecutiveSummary is not null");

    private async Task WriteNotesAndCloseAsync(params string[] notes)
    {
        foreach (var note in notes)
        {
            await Participant.AddNoteAsync(Workshop.ParticipantUrl(Step), "Todo", note);
        }

        await Facilitator.CloseAsync(Workshop);
    }

    [Fact]
    public async Task The_facilitator_concludes_after_closing_and_the_summary_and_every_export_carry_it()
    {
        await WriteNotesAndCloseAsync("Eerst bellen, dan pas een brief", "Vaste contactpersoon per inwoner", "Niet gekozen");

        // The facilitator's page and the summary lead to the page.
        var facilitatorPage = await Facilitator.OpenAsync(Workshop.FacilitatorUrl());
        Assert.Contains(facilitatorPage.Document.QuerySelectorAll("a"), a => a.GetAttribute("href") == Workshop.ConcludeUrl());
        var summaryBefore = await Facilitator.OpenAsync(Workshop.SummaryUrl);
        Assert.Contains(summaryBefore.Document.QuerySelectorAll("a"), a => a.GetAttribute("href") == Workshop.ConcludeUrl());

        var page = await Facilitator.OpenAsync(Workshop.ConcludeUrl());
        Assert.Equal("Verslag afronden", page.Heading);
        // Without JavaScript nothing saves itself: the page says to press the button, not that typing is saved.
        Assert.Contains("Druk op Opslaan om uw tekst te bewaren.", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("vanzelf bewaard", page.Text, StringComparison.Ordinal);
        page.KeyPoint("Vaste contactpersoon per inwoner").IsChecked = true;
        page.KeyPoint("Eerst bellen, dan pas een brief").IsChecked = true;
        var answer = await Facilitator.SubmitWithoutRedirectAsync(page.ConcludeForm(), new Dictionary<string, string>
        {
            [$"Panels[{Step}].Conclusion"] = "Het team vertrouwt inwoners,\nmaar legt dat nog niet vast.",
            ["Summary"] = "Eerste alinea voor het college.\n\nTweede alinea: wat we vragen.",
        });
        var saved = await Facilitator.AssertRedirectedAsync(answer, Workshop.ConcludeUrl());
        Assert.Contains("Het verslag is opgeslagen.", saved.Text, StringComparison.Ordinal);

        // A reload shows what was saved: the text, the two ticks and the samenvatting.
        Assert.Equal("Het team vertrouwt inwoners,\nmaar legt dat nog niet vast.", ((IHtmlTextAreaElement)saved.Document.GetElementById($"conclusie-{Step}")!).Value);
        Assert.True(saved.KeyPoint("Vaste contactpersoon per inwoner").IsChecked);
        Assert.False(saved.KeyPoint("Niet gekozen").IsChecked);
        Assert.StartsWith("Eerste alinea", ((IHtmlTextAreaElement)saved.Document.GetElementById("samenvatting")!).Value, StringComparison.Ordinal);

        // The summary shows them, to the facilitator and to the participant.
        foreach (var user in new[] { Facilitator, Participant })
        {
            var summary = await user.OpenAsync(Workshop.SummaryUrl);
            var panel = summary.Document.QuerySelector($"section[aria-labelledby=paneel-{Step}]")!;
            Assert.Contains("legt dat nog niet vast", panel.QuerySelector(".conclusion")!.TextContent, StringComparison.Ordinal);
            Assert.Equal(["Eerst bellen, dan pas een brief", "Vaste contactpersoon per inwoner"],
                panel.QuerySelectorAll(".key-points li").Select(li => li.TextContent).ToArray());
            Assert.Equal(2, summary.Document.QuerySelectorAll(".executive-summary p").Length);
        }

        // Every export carries them.
        var markdown = await Facilitator.Client.GetStringAsync(Workshop.SummaryUrl + "?handler=Markdown");
        Assert.Contains("## Bestuurlijke samenvatting", markdown, StringComparison.Ordinal);
        Assert.Contains("Tweede alinea: wat we vragen.", markdown, StringComparison.Ordinal);
        Assert.Contains("### Kernpunten", markdown, StringComparison.Ordinal);
        Assert.Contains("2. Vaste contactpersoon per inwoner", markdown, StringComparison.Ordinal);
        var csv = await Facilitator.Client.GetStringAsync(Workshop.SummaryUrl + "?handler=Csv");
        Assert.Contains("kernpunt 1;Eerst bellen, dan pas een brief", csv, StringComparison.Ordinal);
        Assert.Contains("Conclusie;\"Het team vertrouwt inwoners,", csv, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await Facilitator.Client.GetStringAsync(Workshop.SummaryUrl + "?handler=Json"));
        Assert.StartsWith("Eerste alinea", json.RootElement.GetProperty("executiveSummary").GetString(), StringComparison.Ordinal);
        var jsonPanel = json.RootElement.GetProperty("panels").EnumerateArray().Single(p => p.GetProperty("key").GetString() == Step);
        Assert.Equal("Het team vertrouwt inwoners,\nmaar legt dat nog niet vast.", jsonPanel.GetProperty("conclusion").GetString());
        Assert.Equal(2, jsonPanel.GetProperty("keyPoints").GetArrayLength());
    }

    [Fact]
    public async Task Only_the_facilitator_opens_or_posts_the_page()
    {
        await WriteNotesAndCloseAsync("Een notitie");
        var refused = await Participant.OpenAsync(Workshop.ConcludeUrl());
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains("alleen voor de begeleider", refused.Text, StringComparison.Ordinal);
        using var stranger = App.NewUser();
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.OpenAsync(Workshop.ConcludeUrl())).Status);

        // The participant posts the save, the publish and the revoke with a valid antiforgery token of their own.
        var withToken = await Participant.OpenAsync("/doemee");
        foreach (var handler in new[] { "Save", "Publish", "Revoke" })
        {
            using var response = await Participant.PostAsScriptAsync(withToken, $"{Workshop.ConcludeUrl()}?handler={handler}",
                [new($"Panels[{Step}].Conclusion", "Door een deelnemer"), new($"Panels[{Step}].Version", "0")]);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("alleen voor de begeleider", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(0, ConclusionRows);
        Assert.Equal(0, App.Count("select count(*) from Publications"));
    }

    [Fact]
    public async Task An_open_workshop_cannot_be_concluded_or_published()
    {
        var notice = await Facilitator.OpenAsync(Workshop.ConcludeUrl());
        Assert.Equal(HttpStatusCode.OK, notice.Status);
        Assert.Contains("als de workshop is afgesloten", notice.Text, StringComparison.Ordinal);
        Assert.Null(notice.Document.QuerySelector("form[action*='handler=Save']"));
        Assert.Null(notice.Document.QuerySelector("form[action*='handler=Publish']"));

        // A page opened while closed, submitted after reopening: refused, nothing stored.
        await Facilitator.CloseAsync(Workshop);
        var stale = await Facilitator.OpenAsync(Workshop.ConcludeUrl());
        await Facilitator.ReopenAsync(Workshop);
        var save = await Facilitator.SubmitAsync(stale.ConcludeForm(), new Dictionary<string, string> { [$"Panels[{Step}].Conclusion"] = "Te vroeg" });
        Assert.Equal(HttpStatusCode.BadRequest, save.Status);
        Assert.Contains("Sluit eerst de workshop af. Daarna kunt u het verslag afronden.", save.Errors);
        var publish = await Facilitator.SubmitAsync(stale.Form("form[action*='handler=Publish']"));
        Assert.Equal(HttpStatusCode.BadRequest, publish.Status);
        Assert.Contains("Sluit eerst de workshop af. Alleen een afgesloten workshop kunt u openbaar maken.", publish.Errors);
        Assert.Equal(0, ConclusionRows);
        Assert.Equal(0, App.Count("select count(*) from Publications"));
    }

    [Fact]
    public async Task Too_long_texts_are_refused_with_a_Dutch_message_and_what_was_typed_stays()
    {
        await WriteNotesAndCloseAsync("Een notitie");
        var tooLong = new string('a', 1501);
        var page = await Facilitator.ConcludeAsync(Workshop, Step, tooLong);
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Deze tekst is 1501 tekens lang. Dat is te lang: maximaal 1500 tekens.", page.Errors);
        Assert.Equal(tooLong, ((IHtmlTextAreaElement)page.Document.GetElementById($"conclusie-{Step}")!).Value);
        Assert.Equal($"#conclusie-{Step}", page.Document.QuerySelector(".error-summary a")!.GetAttribute("href"));

        var summary = await Facilitator.ConcludeAsync(Workshop, Step, "Kort", summary: new string('b', 5001));
        Assert.Equal(HttpStatusCode.BadRequest, summary.Status);
        Assert.Contains("Deze tekst is 5001 tekens lang. Dat is te lang: maximaal 5000 tekens.", summary.Errors);

        // All or nothing: the short conclusion in the same post was not stored either.
        Assert.Equal(0, ConclusionRows);
    }

    [Fact]
    public async Task More_than_five_kernpunten_are_refused()
    {
        var notes = Enumerable.Range(1, 6).Select(i => $"Notitie {i}").ToArray();
        await WriteNotesAndCloseAsync(notes);
        var page = await Facilitator.ConcludeAsync(Workshop, Step, "Conclusie", notes);
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("U koos 6 kernpunten. Kies er hoogstens 5.", page.Errors);
        Assert.Equal(0, ConclusionRows);

        var five = await Facilitator.ConcludeAsync(Workshop, Step, "Conclusie", notes[..5]);
        Assert.Equal(HttpStatusCode.OK, five.Status);
        Assert.Equal(5, App.Count("select count(*) from KeyPoints"));
    }

    [Fact]
    public async Task A_kernpunt_from_another_step_or_another_workshop_is_refused()
    {
        await Facilitator.AddNoteAsync(Workshop.FacilitatorUrl("visie"), "Todo", "Van een andere stap");
        using var otherFacilitator = App.NewUser();
        var other = await otherFacilitator.StartWorkshopAsync(title: "Andere workshop");
        await otherFacilitator.AddNoteAsync(other.FacilitatorUrl(Step), "Todo", "Van een andere workshop");
        await WriteNotesAndCloseAsync("Van deze stap");

        foreach (var foreign in new[] { "Van een andere stap", "Van een andere workshop" })
        {
            var page = await Facilitator.OpenAsync(Workshop.ConcludeUrl());
            var box = page.KeyPoint("Van deze stap");
            box.Value = App.NoteId(foreign).ToString();
            box.IsChecked = true;
            var refused = await Facilitator.SubmitAsync(page.ConcludeForm());
            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
            Assert.Contains("Een kernpunt kiest u uit de notities van dit principe in deze workshop. Vernieuw de pagina en kies opnieuw.", refused.Errors);
        }

        Assert.Equal(0, ConclusionRows);
    }

    [Fact]
    public async Task An_old_tab_does_not_overwrite_newer_text()
    {
        await WriteNotesAndCloseAsync("Een notitie");
        var oldTab = await Facilitator.OpenAsync(Workshop.ConcludeUrl());
        await Facilitator.ConcludeAsync(Workshop, Step, "Nieuwe tekst van de laptop");

        var refused = await Facilitator.SubmitAsync(oldTab.ConcludeForm(), new Dictionary<string, string> { [$"Panels[{Step}].Conclusion"] = "Oude tekst uit een oud tabblad" });
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Contains(refused.Errors, e => e.Contains("intussen op een ander apparaat of in een ander tabblad veranderd", StringComparison.Ordinal)
            && e.Contains("Oude tekst uit een oud tabblad", StringComparison.Ordinal));

        // The field now shows what is stored, with its version, so saving again is a deliberate choice.
        Assert.Equal("Nieuwe tekst van de laptop", ((IHtmlTextAreaElement)refused.Document.GetElementById($"conclusie-{Step}")!).Value);
        Assert.Equal("Nieuwe tekst van de laptop", App.ConclusionText(Step));

        // The script's save from the old tab gets the same answer, as text it shows by the field.
        using var script = await Facilitator.PostAsScriptAsync(oldTab, $"{Workshop.ConcludeUrl()}?handler=Save",
            [new($"Panels[{Step}].Conclusion", "Ook niet zo"), new($"Panels[{Step}].Version", "0")]);
        Assert.Equal(HttpStatusCode.Conflict, script.StatusCode);
        Assert.Contains("Vernieuw de pagina", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Nieuwe tekst van de laptop", App.ConclusionText(Step));
    }

    [Fact]
    public async Task Two_first_saves_of_one_principle_at_once_give_the_conflict_answer_not_an_error()
    {
        await WriteNotesAndCloseAsync("Een notitie");
        var tablet = await Facilitator.OpenAsync(Workshop.ConcludeUrl());

        // The laptop's first save lands between the tablet's read and its write.
        Meddler.BeforeNextSave($"insert into PanelConclusions (WorkshopId, StepKey, Text, Version, UpdatedAt) select Id, '{Step}', 'Van de laptop', 1, '2026-11-30 12:00:00' from Workshops");
        var refused = await Facilitator.SubmitAsync(tablet.ConcludeForm(), new Dictionary<string, string> { [$"Panels[{Step}].Conclusion"] = "Van de tablet" });
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Equal("Van de laptop", App.ConclusionText(Step));
    }

    [Fact]
    public async Task Two_tabs_saving_the_samenvatting_at_once_do_not_overwrite_each_other()
    {
        await WriteNotesAndCloseAsync("Een notitie");
        var oldTab = await Facilitator.OpenAsync(Workshop.ConcludeUrl());

        // The other tab's save lands between this one's read (same version) and its write.
        Meddler.BeforeNextSave("update Workshops set ExecutiveSummary = 'Van de laptop', ExecutiveSummaryVersion = ExecutiveSummaryVersion + 1");
        var refused = await Facilitator.SubmitAsync(oldTab.ConcludeForm(), new Dictionary<string, string> { ["Summary"] = "Uit het oude tabblad" });
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);

        // (The simulated other save ran inside this save's transaction, so it is rolled back with it.)
        Assert.Equal(0, App.Count("select count(*) from Workshops where ExecutiveSummary = 'Uit het oude tabblad'"));
    }

    [Fact]
    public async Task Reopening_while_the_samenvatting_is_saved_in_another_tab_works_and_keeps_the_samenvatting()
    {
        await WriteNotesAndCloseAsync("Een notitie");

        // The other tab's samenvatting is saved between the reopen's read and its write.
        Meddler.BeforeNextSave("update Workshops set ExecutiveSummary = 'Van de laptop', ExecutiveSummaryVersion = ExecutiveSummaryVersion + 1");
        var reopened = await Facilitator.ReopenAsync(Workshop);
        Assert.Equal(HttpStatusCode.OK, reopened.Status);
        Assert.Equal(1, App.Count("select count(*) from Workshops where ClosedAt is null and ExecutiveSummary = 'Van de laptop' and ExecutiveSummaryVersion = 1"));

        // And the other way round: a step move lands between the samenvatting's read and its write; the save goes through.
        await Facilitator.CloseAsync(Workshop);
        var page = await Facilitator.OpenAsync(Workshop.ConcludeUrl());
        Meddler.BeforeNextSave("update Workshops set CurrentStepKey = 'welkom'");
        var saved = await Facilitator.SubmitAsync(page.ConcludeForm(), new Dictionary<string, string> { ["Summary"] = "Na de stap" });
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Equal(1, App.Count("select count(*) from Workshops where ExecutiveSummary = 'Na de stap' and ExecutiveSummaryVersion = 2"));
    }

    [Fact]
    public async Task A_double_publish_leaves_one_link_and_revoke_stops_every_active_one()
    {
        await WriteNotesAndCloseAsync("Een notitie");

        // The other click's link is saved between this one's check and its write.
        Meddler.BeforeNextSave("insert into Publications (Id, WorkshopId, TokenHash, CreatedAt) select '00000000-0000-0000-0000-000000000001', Id, x'00', '2026-01-01 00:00:00' from Workshops");
        var page = await Facilitator.OpenAsync(Workshop.ConcludeUrl());
        var second = await Facilitator.SubmitAsync(page.Form("form[action*='handler=Publish']"));
        Assert.Equal(HttpStatusCode.BadRequest, second.Status);
        Assert.Equal(1, App.Count("select count(*) from Publications where RevokedAt is null"));

        // Two active links (as an older build could leave): revoking stops both.
        using (var connection = App.OpenDatabase())
        {
            using var command = connection.CreateCommand();
            command.CommandText = "insert into Publications (Id, WorkshopId, TokenHash, CreatedAt) select '00000000-0000-0000-0000-000000000002', Id, x'01', '2026-01-02 00:00:00' from Workshops";
            command.ExecuteNonQuery();
        }

        await Facilitator.RevokeAsync(Workshop);
        Assert.Equal(0, App.Count("select count(*) from Publications where RevokedAt is null"));
    }

    [Fact]
    public async Task A_reopened_workshop_does_not_say_its_report_is_public()
    {
        await WriteNotesAndCloseAsync("Een notitie");
        await Facilitator.PublishAsync(Workshop);
        Assert.Contains("Het verslag is openbaar.", (await Facilitator.OpenAsync(Workshop.ConcludeUrl())).Text, StringComparison.Ordinal);

        await Facilitator.ReopenAsync(Workshop);
        var page = await Facilitator.OpenAsync(Workshop.ConcludeUrl());
        Assert.DoesNotContain("Het verslag is openbaar.", page.Text, StringComparison.Ordinal);
        Assert.Contains("ziet het verslag pas weer als u de workshop opnieuw afsluit", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_script_saves_one_part_and_is_told_when_and_its_new_version()
    {
        await WriteNotesAndCloseAsync("Een notitie");
        var page = await Facilitator.OpenAsync(Workshop.ConcludeUrl());
        await Facilitator.ConcludeAsync(Workshop, "visie", "Al geschreven over de visie");

        using var response = await Facilitator.PostAsScriptAsync(page, $"{Workshop.ConcludeUrl()}?handler=Save",
            [new($"Panels[{Step}].Conclusion", "Getypt"), new($"Panels[{Step}].Version", "0")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Matches("^Opgeslagen om [0-2][0-9]:[0-5][0-9]$", answer.RootElement.GetProperty("message").GetString());
        Assert.Equal(1, answer.RootElement.GetProperty("versions").GetProperty(Step).GetInt32());

        // The part it did not send is untouched, and the next save builds on the new version.
        Assert.Equal("Al geschreven over de visie", App.ConclusionText("visie"));
        using var next = await Facilitator.PostAsScriptAsync(page, $"{Workshop.ConcludeUrl()}?handler=Save",
            [new($"Panels[{Step}].Conclusion", "Getypt en verder"), new($"Panels[{Step}].Version", "1")]);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal("Getypt en verder", App.ConclusionText(Step));

        // The samenvatting alone.
        using var summary = await Facilitator.PostAsScriptAsync(page, $"{Workshop.ConcludeUrl()}?handler=Save",
            [new("Summary", "Voor het college"), new("SummaryVersion", "0")]);
        Assert.Equal(HttpStatusCode.OK, summary.StatusCode);
        Assert.Equal(1, App.Count("select count(*) from Workshops where ExecutiveSummary = 'Voor het college' and ExecutiveSummaryVersion = 1"));
    }

    [Theory]
    [InlineData("Panels[bestaat-niet].Conclusion", "Tekst", "Deze stap bestaat niet in deze workshop.")]
    [InlineData("Panels[vertrouwen].KeyPoints", "geen-id", "Uw verzoek kon niet worden verwerkt.")]
    [InlineData("Panels[vertrouwen].Version", "abc", "Uw verzoek kon niet worden verwerkt.")]
    [InlineData("SummaryVersion", "99999999999999", "Uw verzoek kon niet worden verwerkt.")]
    [InlineData("Panels[vertrouwen].Conclusion", "Met \u202Eomgekeerde\u202C tekst", "Uw tekst bevat een teken dat we niet kunnen bewaren")]
    public async Task Bad_input_gets_a_Dutch_message_and_changes_nothing(string field, string value, string message)
    {
        await WriteNotesAndCloseAsync("Een notitie");
        var page = await Facilitator.OpenAsync(Workshop.ConcludeUrl());
        using var response = await Facilitator.PostAsScriptAsync(page, $"{Workshop.ConcludeUrl()}?handler=Save",
            [new(field, value), new("Panels[vertrouwen].Version", field.EndsWith("Version", StringComparison.Ordinal) ? value : "0")]);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, ConclusionRows);
    }

    /// <summary>
    /// Malformed posts from the facilitator's own browser (valid cookie and token): only the input is wrong. Each gets a
    /// 4xx with a message, or (where what arrives happens to be a valid empty save) changes nothing; never a 500.
    /// </summary>
    [Fact]
    public async Task Malformed_posts_get_a_4xx_with_a_message_and_change_nothing()
    {
        await WriteNotesAndCloseAsync("Een notitie");
        var page = await Facilitator.OpenAsync(Workshop.ConcludeUrl());
        var token = ((IHtmlInputElement)page.Document.QuerySelector("input[name=__RequestVerificationToken]")!).Value;
        string[] values = ["%FF%FE", "a%00b", "%ED%A0%80", "not-a-guid", "-1", "99999999999", "' OR 1=1 --", "", new string('x', 6000)];
        var bodies = new List<string>();
        foreach (var value in values)
        {
            bodies.Add($"Panels%5Bvertrouwen%5D.Conclusion={value}&Panels%5Bvertrouwen%5D.Version={value}&__RequestVerificationToken={token}");
            bodies.Add($"Panels%5Bvertrouwen%5D.KeyPoints={value}&Panels%5Bvertrouwen%5D.Version=0&__RequestVerificationToken={token}");
            bodies.Add($"Summary={value}&SummaryVersion={value}&__RequestVerificationToken={token}");
            bodies.Add($"Panels%5B{value}%5D.Conclusion=x&Panels%5B{value}%5D.Version=0&__RequestVerificationToken={token}");
            bodies.Add($"EndsOn={value}&__RequestVerificationToken={token}");
        }

        bodies.Add(string.Join('&', Enumerable.Range(0, 5000).Select(i => $"Panels%5Bp{i}%5D.Version=0")) + $"&__RequestVerificationToken={token}");
        bodies.Add(string.Join('&', Enumerable.Range(0, 50).Select(_ => $"Panels%5Bvertrouwen%5D.KeyPoints={Guid.NewGuid()}")) + $"&Panels%5Bvertrouwen%5D.Version=0&__RequestVerificationToken={token}");
        bodies.Add("Summary=x");

        var failures = new List<string>();
        foreach (var handler in new[] { "Save", "Publish", "Revoke" })
        {
            foreach (var body in bodies)
            {
                foreach (var fromScript in new[] { false, true })
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, $"{Workshop.ConcludeUrl()}?handler={handler}")
                    {
                        Content = new StringContent(body, System.Text.Encoding.ASCII, "application/x-www-form-urlencoded"),
                    };
                    if (fromScript)
                    {
                        request.Headers.Add("X-Requested-With", "fetch");
                    }

                    using var response = await Facilitator.Client.SendAsync(request);
                    var status = (int)response.StatusCode;
                    var text = await response.Content.ReadAsStringAsync();

                    // "Publish" with an empty or absent last day is valid; it is revoked again below.
                    if (handler == "Publish" && status == 200 && App.Count("select count(*) from Publications where RevokedAt is null") == 1)
                    {
                        await Facilitator.RevokeAsync(Workshop);
                        continue;
                    }

                    if (status >= 500 || (status >= 400 && text.Length == 0))
                    {
                        failures.Add($"{status} for {handler} {(fromScript ? "(script)" : "")}: {body[..Math.Min(body.Length, 120)]}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(30)));
        Assert.Equal(0, ConclusionRows);
    }

    [Fact]
    public async Task A_kernpunt_goes_with_its_note()
    {
        await WriteNotesAndCloseAsync("Blijft", "Gaat weg");
        await Facilitator.ConcludeAsync(Workshop, Step, "Conclusie", ["Blijft", "Gaat weg"]);
        await Facilitator.ReopenAsync(Workshop);
        var page = await Facilitator.OpenAsync(Workshop.FacilitatorUrl(Step));
        await Facilitator.SubmitAsync((IHtmlFormElement)page.NoteItem("Gaat weg").QuerySelector("form[action*='handler=DeleteNote']")!);

        var summary = await Facilitator.OpenAsync(Workshop.SummaryUrl);
        Assert.Equal(["Blijft"], summary.Document.QuerySelectorAll($"section[aria-labelledby=paneel-{Step}] .key-points li").Select(li => li.TextContent).ToArray());
    }
}

internal static class ConclusionQueries
{
    public static string? ConclusionText(this AppFactory app, string step)
    {
        using var db = app.OpenDatabase();
        using var command = db.CreateCommand();
        command.CommandText = "select Text from PanelConclusions where StepKey = $step";
        command.Parameters.AddWithValue("$step", step);
        return command.ExecuteScalar() as string;
    }
}
