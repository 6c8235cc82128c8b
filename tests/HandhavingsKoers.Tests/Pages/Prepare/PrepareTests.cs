using System.Net;
using AngleSharp.Html.Dom;
using HandhavingsKoers.Tests.Infrastructure;
using HandhavingsKoers.Web.Data;

namespace HandhavingsKoers.Tests.Pages.Prepare;

/// <summary>
/// Preparing a concept session (decision 0020), without JavaScript: the beheerder's and the facilitator's prepare page,
/// the walk that follows the plan everywhere, own questions marked as the gemeente's, the plan fixed once opened, and
/// bad input. Runs on SQLite and (the class below) on PostgreSQL, where the plan is stored as JSON text too.
/// </summary>
public class PrepareTests : AppTest
{
    public PrepareTests()
    {
    }

    protected PrepareTests(StorageProvider provider)
        : base(provider)
    {
    }

    private const string OwnTitle = "Samenwerking met de politie";
    private const string OwnText = "Hoe werken wij samen met de politie bij overlast in de wijk?";

    private static async Task<Page> PressAsync(User user, Page page, string handler, string? key = null, IDictionary<string, string>? values = null)
    {
        var form = page.Document.QuerySelectorAll("form").OfType<IHtmlFormElement>()
            .FirstOrDefault(f => f.Action.Contains($"handler={handler}", StringComparison.Ordinal)
                && (key is null || f.QuerySelectorAll("input[name=key]").OfType<IHtmlInputElement>().Any(i => i.Value == key)))
            ?? throw new InvalidOperationException($"No form {handler} {key} on {page.Address}:\n{page.Text}");
        return await user.SubmitAsync(form, values);
    }

    private static List<string> PlanOrder(Page page) =>
        page.Document.QuerySelectorAll("ol.plan-list > li strong").Select(e => e.TextContent.Trim()).ToList();

    private static List<string> StepTitles(Page page) =>
        page.Document.QuerySelectorAll("nav.step-list li").Select(e => (e.QuerySelector("a,span")?.TextContent ?? "").Trim()).ToList();

    private string? StoredPlan(Guid id) => App.Text($"select Plan from Workshops where Id = {App.IdLiteral(id)}");

    /// <summary>Prepares the concept as the brief's walk does: skip menselijke maat, move preventie up, one own question, an introduction, a timer.</summary>
    private static async Task<Page> PrepareAsync(User user, string url)
    {
        var page = await user.OpenAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        page = await PressAsync(user, page, "Skip", "menselijke-maat");
        page = await PressAsync(user, page, "Up", "preventie");
        page = await PressAsync(user, page, "AddQuestion", values: new Dictionary<string, string> { ["Own.Title"] = OwnTitle, ["Own.Question"] = OwnText });
        page = await PressAsync(user, page, "Introduction", values: new Dictionary<string, string> { ["Introduction"] = "Welkom bij onze eigen sessie.\n\nWe beginnen om negen uur." });
        page = await PressAsync(user, page, "Timers", values: new Dictionary<string, string> { ["minuten-eigen-vraag-1"] = "12", ["minuten-vertrouwen"] = "7" });
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Empty(page.Errors);
        return page;
    }

    [Fact]
    public async Task A_beheerder_prepares_a_concept_from_the_gemeente_page_and_the_whole_walk_follows_the_plan()
    {
        var concept = await App.StartConceptAsync();
        var gemeentePage = await concept.Beheerder.OpenAsync(concept.Gemeente.Url);
        var link = gemeentePage.Document.QuerySelectorAll($"#sessie-{concept.Id} a").First(a => a.TextContent.StartsWith("Voorbereiden", StringComparison.Ordinal));
        Assert.Equal(concept.BeheerderUrl, link.GetAttribute("href"));

        var page = await PrepareAsync(concept.Beheerder, concept.BeheerderUrl);
        Assert.Equal(["Preventie", "Vertrouwen", "Gepaste sanctionering", "Maatwerk", "Doenvermogen", OwnTitle], PlanOrder(page));
        Assert.Contains("Menselijke maat", page.Document.QuerySelector("ul.plan-list")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Eigen vraag van de gemeente", page.Document.QuerySelector("ol.plan-list li.plan-item-own")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"De code {concept.Code[..3]} {concept.Code[3..]} werkt pas als de begeleider de sessie opent", page.Text, StringComparison.Ordinal);

        // The facilitator walks the plan: welcome, the chosen principles, the own question, visie, actions, closing.
        using var facilitator = App.NewUser();
        var facilitatorPage = await facilitator.OpenAsync(concept.FacilitatorLink);
        Assert.Equal(
            ["Welkom", "Preventie", "Vertrouwen", "Gepaste sanctionering", "Maatwerk", "Doenvermogen", OwnTitle, "Visie", "Drie zaken voor morgen", "Afronding"],
            StepTitles(facilitatorPage));
        Assert.Contains("Welkom bij onze eigen sessie.", facilitatorPage.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await facilitator.OpenAsync($"/w/{concept.Id}/begeleider/menselijke-maat")).Status);

        // The facilitator's timer form starts with the plan's minutes (5 where none was set).
        var ownStep = await facilitator.OpenAsync($"/w/{concept.Id}/begeleider/eigen-vraag-1");
        Assert.Equal("12", ((IHtmlInputElement)ownStep.Document.QuerySelector("input[name=minutes]")!).Value);
        Assert.Equal("Eigen vraag van de gemeente", ownStep.Document.QuerySelector("figure.question figcaption")!.TextContent.Trim());
        Assert.DoesNotContain("Bron:", ownStep.Document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("7", ((IHtmlInputElement)(await facilitator.OpenAsync($"/w/{concept.Id}/begeleider/vertrouwen")).Document.QuerySelector("input[name=minutes]")!).Value);
        Assert.Equal("5", ((IHtmlInputElement)(await facilitator.OpenAsync($"/w/{concept.Id}/begeleider/preventie")).Document.QuerySelector("input[name=minutes]")!).Value);

        // The facilitator opens on the prepare page (a beheerder may not, decision 0023): the code works from now on,
        // and the page says the plan is fixed.
        var opened = await PressAsync(facilitator, await facilitator.OpenAsync(concept.FacilitatorUrl), "Open");
        Assert.Equal(HttpStatusCode.OK, opened.Status);
        Assert.Contains("Deze sessie is geopend", opened.Text, StringComparison.Ordinal);
        Assert.Empty(opened.Document.QuerySelectorAll("form[action*='handler=Up']"));

        using var participant = App.NewUser();
        var joined = await participant.JoinAsync(concept.Code, "Sanne");
        Assert.Equal(HttpStatusCode.OK, joined.Status);
        Assert.Contains("We beginnen om negen uur.", joined.Text, StringComparison.Ordinal);
        Assert.Equal(2, joined.Document.QuerySelectorAll(".own-introduction p").Length);
        var presenter = await facilitator.OpenAsync($"/w/{concept.Id}/presenteren");
        Assert.Contains("Welkom bij onze eigen sessie.", presenter.Text, StringComparison.Ordinal);

        await facilitator.MoveRoomAsync(new Journey.StartedWorkshop(concept.Id, concept.Code, concept.FacilitatorLink, facilitatorPage), "eigen-vraag-1");
        var own = await participant.OpenAsync($"/w/{concept.Id}/stap/eigen-vraag-1");
        Assert.Equal(OwnTitle, own.Heading);
        Assert.Contains(OwnText, own.Text, StringComparison.Ordinal);
        Assert.Equal("Eigen vraag van de gemeente", own.Document.QuerySelector("figure.question figcaption")!.TextContent.Trim());
        Assert.Contains("Eigen vraag van de gemeente", (await facilitator.OpenAsync($"/w/{concept.Id}/presenteren")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Own_questions_are_marked_in_the_summary_and_every_export_and_stay_out_of_the_trend_and_radar()
    {
        var concept = await App.StartConceptAsync();
        await PrepareAsync(concept.Beheerder, concept.BeheerderUrl);
        using var facilitator = App.NewUser();
        var facilitatorPage = await facilitator.OpenAsync(concept.FacilitatorLink);
        await PressAsync(facilitator, await facilitator.OpenAsync(concept.FacilitatorUrl), "Open");
        var workshop = new Journey.StartedWorkshop(concept.Id, concept.Code, concept.FacilitatorLink, facilitatorPage);
        using var participant = App.NewUser();
        await participant.JoinAsync(concept.Code, "Sanne");
        await facilitator.MoveRoomAsync(workshop, "vertrouwen");
        await participant.ScoreAsync(workshop.ParticipantUrl("vertrouwen"), 3);
        await facilitator.PressAsync(workshop.FacilitatorUrl("vertrouwen"), "RevealScores");
        await facilitator.MoveRoomAsync(workshop, "eigen-vraag-1");
        await participant.AddNoteAsync(workshop.ParticipantUrl("eigen-vraag-1"), "Already", "Wekelijks overleg met de wijkagent");
        await participant.ScoreAsync(workshop.ParticipantUrl("eigen-vraag-1"), 4);
        await facilitator.PressAsync(workshop.FacilitatorUrl("eigen-vraag-1"), "RevealScores");
        await facilitator.PressAsync(workshop.FacilitatorUrl(), "Close");

        var summary = await facilitator.OpenAsync(workshop.SummaryUrl);
        var section = summary.Document.QuerySelector("#paneel-eigen-vraag-1")!.ParentElement!;
        Assert.Contains("Eigen vraag van de gemeente", section.TextContent, StringComparison.Ordinal);
        Assert.Contains("Wekelijks overleg met de wijkagent", section.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Bron:", section.QuerySelector("figcaption")!.TextContent, StringComparison.Ordinal);
        var trendRows = summary.Document.QuerySelectorAll("#trend-tabel tbody th[scope=row]").Select(th => th.TextContent.Trim()).ToList();
        Assert.Contains("Vertrouwen", trendRows);
        Assert.DoesNotContain(OwnTitle, trendRows);
        Assert.DoesNotContain(OwnTitle, summary.Document.QuerySelector(".radar-chart")!.InnerHtml, StringComparison.Ordinal);

        var markdown = await facilitator.Client.GetStringAsync($"{workshop.SummaryUrl}?handler=Markdown");
        Assert.Contains($"## {OwnTitle}", markdown, StringComparison.Ordinal);
        Assert.Contains("> *Eigen vraag van de gemeente*", markdown, StringComparison.Ordinal);
        var csv = await facilitator.Client.GetStringAsync($"{workshop.SummaryUrl}?handler=Csv");
        Assert.Contains($"{OwnTitle} (Eigen vraag van de gemeente)", csv, StringComparison.Ordinal);
        var json = await facilitator.Client.GetStringAsync($"{workshop.SummaryUrl}?handler=Json");
        using (var doc = System.Text.Json.JsonDocument.Parse(json))
        {
            var own = doc.RootElement.GetProperty("panels").EnumerateArray().Single(p => p.GetProperty("key").GetString() == "eigen-vraag-1");
            Assert.True(own.GetProperty("ownQuestion").GetBoolean());
            Assert.Equal("Eigen vraag van de gemeente", own.GetProperty("origin").GetString());
            Assert.DoesNotContain(doc.RootElement.GetProperty("trend").EnumerateArray(), row => row.GetProperty("topic").GetString() == OwnTitle);
            Assert.False(doc.RootElement.GetProperty("sessions")[0].GetProperty("scores").TryGetProperty("eigen-vraag-1", out _));
        }

        var word = await facilitator.Client.GetByteArrayAsync($"{workshop.SummaryUrl}?handler=Word");
        using (var archive = new System.IO.Compression.ZipArchive(new MemoryStream(word)))
        using (var reader = new StreamReader(archive.GetEntry("word/document.xml")!.Open()))
        {
            var xml = await reader.ReadToEndAsync();
            Assert.Contains(OwnTitle, xml, StringComparison.Ordinal);
            Assert.Contains("Eigen vraag van de gemeente", xml, StringComparison.Ordinal);
        }

        var pdf = await facilitator.Client.GetByteArrayAsync($"{workshop.SummaryUrl}?handler=Pdf");
        var text = PdfText(pdf);
        Assert.Contains(OwnTitle, text, StringComparison.Ordinal);
        Assert.Contains("Eigen vraag van de gemeente", text, StringComparison.Ordinal);
    }

    private static string PdfText(byte[] pdf)
    {
        var file = Path.Combine(AppFactory.NewFolder(), "verslag.pdf");
        File.WriteAllBytes(file, pdf);
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("pdftotext", [file, "-"]) { RedirectStandardOutput = true })!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");
    }

    [Fact]
    public async Task Once_opened_the_plan_is_fixed_and_a_stale_form_gets_a_Dutch_refusal()
    {
        var concept = await App.StartConceptAsync();
        using var facilitator = App.NewUser();
        await facilitator.OpenAsync(concept.FacilitatorLink);
        var stale = await facilitator.OpenAsync(concept.FacilitatorUrl);
        await PressAsync(facilitator, stale, "Open");
        var before = StoredPlan(concept.Id);

        foreach (var (handler, key, values) in new (string, string?, Dictionary<string, string>?)[]
        {
            ("Skip", "vertrouwen", null),
            ("Down", "vertrouwen", null),
            ("AddQuestion", null, new() { ["Own.Title"] = "Te laat", ["Own.Question"] = "Mag dit nog?" }),
            ("Introduction", null, new() { ["Introduction"] = "Te laat" }),
            ("Timers", null, new() { ["minuten-vertrouwen"] = "9" }),
        })
        {
            var refused = await PressAsync(facilitator, stale, handler, key, values);
            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
            Assert.Contains("Deze sessie is al geopend. Wat er besproken wordt, ligt nu vast en kan niet meer veranderen.", refused.Errors);
        }

        Assert.Equal(before, StoredPlan(concept.Id));
        Assert.Equal(10, StepTitles(await facilitator.OpenAsync($"/w/{concept.Id}/begeleider")).Count);
    }

    [Fact]
    public async Task Opening_a_concept_starts_the_room_at_the_welcome_after_a_try_out_on_a_step_the_plan_then_skipped()
    {
        var concept = await App.StartConceptAsync();
        using var facilitator = App.NewUser();
        await facilitator.OpenAsync(concept.FacilitatorLink);
        var room = await facilitator.OpenAsync($"/w/{concept.Id}/begeleider/vertrouwen");

        // A try-out walk through the concept leaves the room on vertrouwen; then that principle is skipped.
        var move = room.Document.QuerySelectorAll("form").OfType<IHtmlFormElement>()
            .First(f => f.Action.EndsWith("handler=Move", StringComparison.Ordinal) && f.Elements["target"] is IHtmlInputElement { Value: "vertrouwen" });
        await facilitator.SubmitAsync(move);
        Assert.Equal(1, App.Count($"select count(*) from Workshops where CurrentStepKey = 'vertrouwen' and Id = {App.IdLiteral(concept.Id)}"));
        var page = await PressAsync(facilitator, await facilitator.OpenAsync(concept.FacilitatorUrl), "Skip", "vertrouwen");
        await PressAsync(facilitator, page, "Open");

        // The first person to join comes into the welcome, not to a "not started yet" refusal.
        using var participant = App.NewUser();
        var joined = await participant.JoinAsync(concept.Code, "Anna");
        Assert.Equal(HttpStatusCode.OK, joined.Status);
        Assert.Equal("Welkom", joined.Heading);
        Assert.Equal(1, App.Count($"select count(*) from Workshops where CurrentStepKey = 'welkom' and Id = {App.IdLiteral(concept.Id)}"));
    }

    [Fact]
    public async Task Bad_input_gets_a_clear_Dutch_message_and_changes_nothing()
    {
        var concept = await App.StartConceptAsync();
        using var facilitator = App.NewUser();
        await facilitator.OpenAsync(concept.FacilitatorLink);
        var page = await facilitator.OpenAsync(concept.FacilitatorUrl);
        page = await PressAsync(facilitator, page, "AddQuestion", values: new Dictionary<string, string> { ["Own.Title"] = "Eerste", ["Own.Question"] = "Vraag één?" });
        var before = StoredPlan(concept.Id);

        async Task RefusedAsync(string handler, string? key, Dictionary<string, string>? values, string message)
        {
            var refused = await PressAsync(facilitator, page, handler, key, values);
            Assert.True(refused.Status == HttpStatusCode.BadRequest, $"{handler}: {refused.Status} {string.Join("; ", refused.Errors)}");
            Assert.Contains(message, refused.Errors);
            Assert.Equal(before, StoredPlan(concept.Id));
        }

        await RefusedAsync("AddQuestion", null, new() { ["Own.Title"] = " ", ["Own.Question"] = "Vraag?" }, "Geef de eigen vraag een korte titel.");
        await RefusedAsync("AddQuestion", null, new() { ["Own.Title"] = new string('a', 81), ["Own.Question"] = "Vraag?" }, "De titel mag hoogstens 80 tekens hebben, op één regel.");
        await RefusedAsync("AddQuestion", null, new() { ["Own.Title"] = "Titel", ["Own.Question"] = "" }, "Schrijf de vraag die u de groep wilt stellen.");
        await RefusedAsync("AddQuestion", null, new() { ["Own.Title"] = "Titel", ["Own.Question"] = new string('b', 401) }, "Deze tekst is 401 tekens lang. Dat is te lang: maximaal 400 tekens.");
        await RefusedAsync("Introduction", null, new() { ["Introduction"] = new string('c', 1501) }, "Deze tekst is 1501 tekens lang. Dat is te lang: maximaal 1500 tekens.");
        await RefusedAsync("Timers", null, new() { ["minuten-vertrouwen"] = "0" }, "Kies een tijd van 1 tot 60 minuten.");
        await RefusedAsync("Timers", null, new() { ["minuten-vertrouwen"] = "61" }, "Kies een tijd van 1 tot 60 minuten.");
        await RefusedAsync("Timers", null, new() { ["minuten-vertrouwen"] = "tien" }, "Vul bij de tijd een heel aantal minuten in, of laat het vak leeg.");
        // The first has no "omhoog" button; the second's form, sent for the first, is refused.
        await RefusedAsync("Up", "menselijke-maat", new() { ["key"] = "vertrouwen" }, "Dit onderdeel staat al bovenaan.");

        // A key that is not in the plan, sent by hand.
        var form = page.Document.QuerySelectorAll("form").OfType<IHtmlFormElement>().First(f => f.Action.Contains("handler=Skip", StringComparison.Ordinal));
        var unknown = await facilitator.SubmitAsync(form, new Dictionary<string, string> { ["key"] = "bestaat-niet" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.Contains("Dit onderdeel staat niet (meer) in de sessie. Vernieuw de pagina en probeer het opnieuw.", unknown.Errors);
        var timers = page.Document.QuerySelectorAll("form").OfType<IHtmlFormElement>().First(f => f.Action.Contains("handler=Timers", StringComparison.Ordinal));
        var madeUp = (IHtmlInputElement)page.Document.CreateElement("input");
        madeUp.Name = "minuten-bestaat-niet";
        madeUp.Value = "5";
        timers.AppendChild(madeUp);
        var unknownTimer = await facilitator.SubmitAsync(timers, new Dictionary<string, string> { ["minuten-vertrouwen"] = "5" });
        Assert.Equal(HttpStatusCode.BadRequest, unknownTimer.Status);
        Assert.Contains("Dit onderdeel staat niet (meer) in de sessie. Vernieuw de pagina en probeer het opnieuw.", unknownTimer.Errors);
        Assert.Equal(before, StoredPlan(concept.Id));

        // Three own questions at most; then the form is gone and a fourth post (an older tab's form) is refused.
        var addForm = page.Document.QuerySelectorAll("form").OfType<IHtmlFormElement>().First(f => f.Action.Contains("handler=AddQuestion", StringComparison.Ordinal));
        page = await PressAsync(facilitator, page, "AddQuestion", values: new Dictionary<string, string> { ["Own.Title"] = "Tweede", ["Own.Question"] = "Vraag twee?" });
        page = await PressAsync(facilitator, page, "AddQuestion", values: new Dictionary<string, string> { ["Own.Title"] = "Derde", ["Own.Question"] = "Vraag drie?" });
        Assert.Contains("Er staan al drie eigen vragen in de sessie.", page.Text, StringComparison.Ordinal);
        var three = StoredPlan(concept.Id);
        var fourth = await facilitator.SubmitAsync(addForm, new Dictionary<string, string> { ["Own.Title"] = "Vierde", ["Own.Question"] = "Vraag vier?" });
        Assert.Equal(HttpStatusCode.BadRequest, fourth.Status);
        Assert.Contains("Er passen hoogstens 3 eigen vragen in een sessie. Haal eerst een vraag weg.", fourth.Errors);
        Assert.Equal(three, StoredPlan(concept.Id));

        // At least one principle stays.
        foreach (var key in new[] { "vertrouwen", "menselijke-maat", "preventie", "gepaste-sanctionering", "maatwerk" })
        {
            page = await PressAsync(facilitator, page, "Skip", key);
            Assert.Equal(HttpStatusCode.OK, page.Status);
        }

        before = StoredPlan(concept.Id);
        await RefusedAsync("Skip", "doenvermogen", null, "Er moet minstens één principe van de praatplaat in de sessie blijven.");

        // Taken back in: at the end of the list.
        page = await PressAsync(facilitator, page, "Include", "preventie");
        Assert.Equal("Preventie", PlanOrder(page)[^1]);
    }

    [Fact]
    public async Task Only_the_facilitator_and_the_gemeentes_beheerders_reach_the_prepare_page()
    {
        var concept = await App.StartConceptAsync();
        using var stranger = App.NewUser();
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.OpenAsync(concept.FacilitatorUrl)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.OpenAsync(concept.BeheerderUrl)).Status);

        // A beheerder of another gemeente: their own address does not find this session; this gemeente's is not theirs.
        var other = await App.AddGemeenteAsync("Noordwaarde");
        using var otherBeheerder = App.NewUser();
        await otherBeheerder.OpenAsync(other.Link);
        Assert.Equal(HttpStatusCode.NotFound, (await otherBeheerder.OpenAsync($"/gemeente/{other.Id}/voorbereiden/{concept.Id}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherBeheerder.OpenAsync(concept.BeheerderUrl)).Status);

        // The beheerder's form posted to another gemeente's address changes nothing.
        var page = await concept.Beheerder.OpenAsync(concept.BeheerderUrl);
        var before = StoredPlan(concept.Id);
        var form = page.Document.QuerySelectorAll("form").OfType<IHtmlFormElement>().First(f => f.Action.Contains("handler=Skip", StringComparison.Ordinal));
        form.Action = $"/gemeente/{other.Id}/voorbereiden/{concept.Id}?handler=Skip";
        Assert.Equal(HttpStatusCode.Forbidden, (await concept.Beheerder.SubmitAsync(form)).Status);
        Assert.Equal(before, StoredPlan(concept.Id));
    }

    [Fact]
    public async Task The_invitation_gives_the_join_address_code_and_QR_code_and_lists_the_planned_questions()
    {
        var concept = await App.StartConceptAsync();
        var page = await PrepareAsync(concept.Beheerder, concept.BeheerderUrl);
        var card = page.Document.QuerySelector(".invitation-card")!;
        Assert.Contains("Uitnodiging: Voorbereide sessie", card.TextContent, StringComparison.Ordinal);
        Assert.Contains("10 december 2026", card.TextContent, StringComparison.Ordinal);
        Assert.Contains($"/doemee/{concept.Code}", card.TextContent, StringComparison.Ordinal);
        // The address reads as itself (no stray space) and may wrap on a phone only before the code, never inside it.
        var address = card.QuerySelectorAll("a").Single(a => a.GetAttribute("href")!.EndsWith($"/doemee/{concept.Code}", StringComparison.Ordinal));
        Assert.Equal(address.GetAttribute("href"), address.TextContent);
        Assert.Equal(concept.Code, address.QuerySelector("wbr + .unbroken")?.TextContent);
        Assert.Contains($"{concept.Code[..3]} {concept.Code[3..]}", card.TextContent, StringComparison.Ordinal);
        Assert.Contains("doenvermogen, Samenwerking met de politie, visie", card.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("menselijke maat", card.TextContent, StringComparison.Ordinal);
        Assert.NotNull(card.QuerySelector(".invitation-qr svg"));
        var text = ((IHtmlTextAreaElement)page.Document.QuerySelector("#uitnodiging-tekst")!).Value;
        Assert.Contains("De code werkt vanaf het begin van de sessie.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_follow_up_walks_the_previous_plan_and_a_session_without_plan_walks_as_before()
    {
        var concept = await App.StartConceptAsync();
        await PrepareAsync(concept.Beheerder, concept.BeheerderUrl);
        using var facilitator = App.NewUser();
        var facilitatorPage = await facilitator.OpenAsync(concept.FacilitatorLink);
        await PressAsync(facilitator, await facilitator.OpenAsync(concept.FacilitatorUrl), "Open");
        var followUp = await facilitator.StartFollowUpAsync(new Journey.StartedWorkshop(concept.Id, concept.Code, concept.FacilitatorLink, facilitatorPage), "Vervolg", "2027-03-01");
        Assert.Equal(
            ["Welkom", "Preventie", "Vertrouwen", "Gepaste sanctionering", "Maatwerk", "Doenvermogen", OwnTitle, "Visie", "Drie zaken voor morgen", "Afronding"],
            StepTitles(followUp.FacilitatorPage));
        Assert.DoesNotContain("Welkom bij onze eigen sessie.", followUp.FacilitatorPage.Text, StringComparison.Ordinal);

        using var other = App.NewUser();
        var plain = await other.StartWorkshopAsync();
        Assert.Null(StoredPlan(plain.Id));
        Assert.Equal(
            ["Welkom", "Vertrouwen", "Menselijke maat", "Preventie", "Gepaste sanctionering", "Maatwerk", "Doenvermogen", "Visie", "Drie zaken voor morgen", "Afronding"],
            StepTitles(plain.FacilitatorPage));
        var plainPage = await other.OpenAsync($"/w/{plain.Id}/voorbereiden");
        Assert.Contains("Deze sessie is geopend", plainPage.Text, StringComparison.Ordinal);
        Assert.Empty(plainPage.Document.QuerySelectorAll("form[method=post]"));
    }
}

[OnPostgreSql]
public sealed class PrepareOnPostgreSqlTests() : PrepareTests(StorageProvider.PostgreSql);
