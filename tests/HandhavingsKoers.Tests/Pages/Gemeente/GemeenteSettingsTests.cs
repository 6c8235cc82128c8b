using System.Net;
using HandhavingsKoers.Tests.Infrastructure;

namespace HandhavingsKoers.Tests.Pages.Gemeente;

/// <summary>What the installation's configuration changes for gemeente spaces: the themes to choose, an open /starten.</summary>
public sealed class GemeenteSettingsTests
{
    [Fact]
    public async Task A_gemeente_chooses_a_theme_and_its_pages_and_sessions_wear_it_while_others_keep_the_installations()
    {
        var folder = AppFactory.NewFolder();
        await File.WriteAllTextAsync(Path.Combine(folder, "zuid.css"), ".zuidwaarde-theme { --utrecht-document-color: #123456; }");
        await using var app = new AppFactory(folder, settings: new Dictionary<string, string?>
        {
            ["Theme:Available:zuidwaarde:Name"] = "Huisstijl Zuidwaarde",
            ["Theme:Available:zuidwaarde:Stylesheet"] = Path.Combine(folder, "zuid.css"),
            ["Theme:Available:zuidwaarde:ClassName"] = "zuidwaarde-theme",
            ["Theme:Available:zuidwaarde:PdfAccent"] = "#0B6E2F",
        });
        var gemeente = await app.AddGemeenteAsync("Zuidwaarde");
        using var beheerder = app.NewUser();
        var page = await beheerder.OpenAsync(gemeente.Link);
        Assert.Contains("voorbeeld-theme", page.Document.Body!.ClassList);
        var (session, link, _) = await beheerder.StartSessionAsync(gemeente, "Sessie in huisstijl");

        // An unknown theme is refused with a Dutch message and changes nothing.
        var form = (await beheerder.OpenAsync(gemeente.Url)).HandlerForm("Theme");
        var bad = (AngleSharp.Html.Dom.IHtmlInputElement)form.QuerySelector("input[value=zuidwaarde]")!;
        bad.Value = "bestaat-niet";
        bad.IsChecked = true;
        var unknown = await beheerder.SubmitAsync(form);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.Contains("Kies een van de thema's uit de lijst.", unknown.Errors);
        Assert.Equal(0, app.Count("select count(*) from Gemeenten where ThemeKey is not null"));

        var chosen = await beheerder.SubmitAsync((await beheerder.OpenAsync(gemeente.Url)).HandlerForm("Theme"), new Dictionary<string, string> { ["ThemeKey"] = "zuidwaarde" });
        Assert.Equal("De huisstijl is bewaard.", chosen.Document.QuerySelector(".notice-success")?.TextContent);
        Assert.Contains("zuidwaarde-theme", chosen.Document.Body!.ClassList);

        using var facilitator = app.NewUser();
        foreach (var url in new[] { link, $"/w/{session}/presenteren", $"/w/{session}/samenvatting" })
        {
            var sessionPage = await facilitator.OpenAsync(url);
            Assert.Equal(HttpStatusCode.OK, sessionPage.Status);
            Assert.Contains("zuidwaarde-theme", sessionPage.Document.Body!.ClassList);
            Assert.DoesNotContain("voorbeeld-theme", sessionPage.Document.Body!.ClassList);
            var sheet = sessionPage.Document.QuerySelector("link[href^='/thema/zuidwaarde.css']")!.GetAttribute("href")!;
            Assert.Contains("#123456", await facilitator.Client.GetStringAsync(sheet), StringComparison.Ordinal);
        }

        // The PDF's title and headings take the theme's accent colour; a session without a gemeente keeps ours.
        Assert.True(await AccentPixelsAsync(facilitator, $"/w/{session}/samenvatting?handler=Pdf") > 100);

        // A session without a gemeente, and the home page, keep the installation's theme.
        using var other = app.NewUser();
        var loose = await other.StartWorkshopAsync();
        Assert.Equal(0, await AccentPixelsAsync(other, $"/w/{loose.Id}/samenvatting?handler=Pdf"));
        Assert.Contains("voorbeeld-theme", loose.FacilitatorPage.Document.Body!.ClassList);
        Assert.Contains("voorbeeld-theme", (await other.OpenAsync("/")).Document.Body!.ClassList);

        // The operator sets it back from the command line.
        Assert.Equal(1, (await app.RunGemeenteCommandAsync("theme", "Zuidwaarde", "bestaat-niet")).Code);
        Assert.Equal(0, (await app.RunGemeenteCommandAsync("theme", "Zuidwaarde", "default")).Code);
        Assert.Contains("voorbeeld-theme", (await facilitator.OpenAsync($"/w/{session}/begeleider")).Document.Body!.ClassList);
        Assert.Equal(0, (await app.RunGemeenteCommandAsync("theme", "zuidwaarde", "zuidwaarde")).Code);
        Assert.Contains("zuidwaarde-theme", (await facilitator.OpenAsync($"/w/{session}/begeleider")).Document.Body!.ClassList);
    }

    /// <summary>Pixels of exactly the accent colour #0B6E2F on the PDF's first page (pdftoppm, 72 dpi, as PPM).</summary>
    private static async Task<int> AccentPixelsAsync(User user, string url)
    {
        var pdf = await user.Client.GetByteArrayAsync(url);
        var folder = Path.Combine(Path.GetTempPath(), "hk-tests", "pdf", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, "r.pdf"), pdf);
        Assert.NotNull(HandhavingsKoers.Tests.Pdf.PdfInspector.Run("pdftoppm", $"-r 72 -f 1 -l 1 {Path.Combine(folder, "r.pdf")} {Path.Combine(folder, "p")}"));
        var ppm = await File.ReadAllBytesAsync(Directory.GetFiles(folder, "p*.ppm").Single());

        // P6 header: magic, width, height, maximum, each followed by one whitespace byte; then RGB triples.
        var start = 0;
        for (var fields = 0; fields < 4; start++)
        {
            if (char.IsWhiteSpace((char)ppm[start]))
            {
                fields++;
            }
        }

        var count = 0;
        for (var i = start; i + 2 < ppm.Length; i += 3)
        {
            if (ppm[i] == 0x0B && ppm[i + 1] == 0x6E && ppm[i + 2] == 0x2F)
            {
                count++;
            }
        }

        return count;
    }

    [Fact]
    public async Task With_open_start_switched_off_only_beheerders_start_sessions_and_existing_ones_keep_working()
    {
        var folder = AppFactory.NewFolder();
        await using (var open = new AppFactory(folder))
        {
            using var early = open.NewUser();
            await early.StartWorkshopAsync("Gemeente Vroeg", "Van voor de instelling");
        }

        await using var app = new AppFactory(folder, settings: new Dictionary<string, string?> { ["Site:OpenStart"] = "false" });
        using var visitor = app.NewUser();
        var home = await visitor.OpenAsync("/");
        Assert.Null(home.Document.QuerySelector("a[href='/starten']"));
        Assert.Contains("starten de beheerders van een gemeente de sessies", home.Text, StringComparison.Ordinal);
        var start = await visitor.OpenAsync("/starten");
        Assert.Equal(HttpStatusCode.Forbidden, start.Status);
        Assert.Contains("Vraag hun om een begeleiderslink", start.Text, StringComparison.Ordinal);

        // A post (a form kept open from before) is refused too, and stores nothing.
        using var post = new HttpRequestMessage(HttpMethod.Post, "/starten") { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Gemeente"] = "X", ["Input.Title"] = "Y", ["Input.Date"] = "2026-12-01" }) };
        using var posted = await visitor.Client.SendAsync(post);
        Assert.True(posted.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, posted.StatusCode.ToString());
        Assert.Equal(1, app.Count("select count(*) from Workshops"));

        var gemeente = await app.AddGemeenteAsync("Zuidwaarde");
        using var beheerder = app.NewUser();
        await beheerder.OpenAsync(gemeente.Link);
        await beheerder.StartSessionAsync(gemeente, "Gestart door de beheerder");
        Assert.Equal(2, app.Count("select count(*) from Workshops"));
    }
}
