using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using HandhavingsKoers.Web.Maintenance;

namespace HandhavingsKoers.Tests.Infrastructure;

/// <summary>The moves of the gemeente space: the operator's command, and a beheerder's forms on the gemeente page.</summary>
public static partial class GemeenteJourney
{
    public sealed record MadeGemeente(Guid Id, string Link)
    {
        public string Url => $"/gemeente/{Id}";

        public string Key => Link[(Link.IndexOf("sleutel=", StringComparison.Ordinal) + "sleutel=".Length)..];
    }

    /// <summary>Runs an operator command in-process, as <c>dotnet run -- gemeente …</c> would; returns its exit code and output.</summary>
    public static async Task<(int Code, string Output)> RunGemeenteCommandAsync(this AppFactory app, params string[] args)
    {
        using var output = new StringWriter();
        var code = await GemeenteCommands.RunAsync(app.Services, ["gemeente", .. args], output, new StringReader(""));
        return (code, output.ToString());
    }

    /// <summary><c>gemeente add "name"</c>: the new gemeente and the beheerder link the command printed.</summary>
    public static async Task<MadeGemeente> AddGemeenteAsync(this AppFactory app, string name, string? forWhom = null)
    {
        var (code, output) = forWhom is null ? await app.RunGemeenteCommandAsync("add", name) : await app.RunGemeenteCommandAsync("add", name, forWhom);
        Assert.True(code == 0, output);
        return FromOutput(output);
    }

    public static MadeGemeente FromOutput(string output)
    {
        var match = BeheerderLink().Match(output);
        Assert.True(match.Success, output);
        return new MadeGemeente(Guid.Parse(match.Groups[1].Value), match.Value);
    }

    /// <summary>The form on the gemeente page that posts to this handler (the first, or the one for this id).</summary>
    public static IHtmlFormElement HandlerForm(this Page page, string handler, Guid? forId = null) =>
        page.Document.QuerySelectorAll("form").OfType<IHtmlFormElement>()
            .FirstOrDefault(f => f.Action.Contains($"handler={handler}", StringComparison.Ordinal)
                && (forId is null || f.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>().Any(i => i.Value == forId.ToString())))
        ?? throw new InvalidOperationException($"No form for {handler} {forId} on {page.Address}:\n{page.Text}");

    /// <summary>A beheerder starts a session on the gemeente page; returns its id and the facilitator link shown once.</summary>
    public static async Task<(Guid Id, string FacilitatorLink, Page Page)> StartSessionAsync(this User beheerder, MadeGemeente gemeente, string title, string date = "2026-12-01")
    {
        var page = await beheerder.OpenAsync(gemeente.Url);
        var started = await beheerder.SubmitAsync(page.HandlerForm("Start"), new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.Date"] = date,
        });
        Assert.True(started.Status == System.Net.HttpStatusCode.OK, $"{started.Status}: {string.Join("; ", started.Errors)}");
        var link = NewFacilitatorLink(started) ?? throw new InvalidOperationException("No new facilitator link shown.");
        return (Guid.Parse(WorkshopId().Match(link).Groups[1].Value), link, started);
    }

    /// <summary>A concept session a beheerder started, with the facilitator link shown once and its join code.</summary>
    public sealed record Concept(MadeGemeente Gemeente, User Beheerder, Guid Id, string FacilitatorLink, string Code)
    {
        public string BeheerderUrl => $"/gemeente/{Gemeente.Id}/voorbereiden/{Id}";

        public string FacilitatorUrl => $"/w/{Id}/voorbereiden";
    }

    /// <summary>A new gemeente whose beheerder starts a concept on the gemeente page (its prepare page is linked beside it).</summary>
    public static async Task<Concept> StartConceptAsync(this AppFactory app, string gemeenteName = "Zuidwaarde", string? forWhom = null)
    {
        var gemeente = await app.AddGemeenteAsync(gemeenteName, forWhom);
        var beheerder = app.NewUser();
        var form = (await beheerder.OpenAsync(gemeente.Link)).HandlerForm("Start");
        ((IHtmlInputElement)form.Elements["Input.Concept"]!).IsChecked = true;
        var started = await beheerder.SubmitAsync(form, new Dictionary<string, string> { ["Input.Title"] = "Voorbereide sessie", ["Input.Date"] = "2026-12-10" });
        var link = NewFacilitatorLink(started)!;
        var id = Guid.Parse(WorkshopId().Match(link).Groups[1].Value);
        var code = app.Text($"select JoinCode from Workshops where Id = {app.IdLiteral(id)}")!;
        return new Concept(gemeente, beheerder, id, link, code);
    }

    /// <summary>The facilitator link the gemeente page shows once, if it shows one.</summary>
    public static string? NewFacilitatorLink(Page page) => (page.Document.QuerySelector("#nieuwe-begeleiderslink") as IHtmlInputElement)?.Value;

    [GeneratedRegex(@"/gemeente/([0-9a-f-]{36})\?sleutel=[A-Za-z0-9_-]+")]
    private static partial Regex BeheerderLink();

    [GeneratedRegex("/w/([0-9a-f-]{36})/")]
    private static partial Regex WorkshopId();
}
