using AngleSharp.Html.Dom;
using HandhavingsKoers.Tests.Infrastructure;

namespace HandhavingsKoers.Tests.Pages.Conclude;

/// <summary>The moves of concluding and publishing, each through the real pages and forms.</summary>
public static class ConcludeSteps
{
    public static string ConcludeUrl(this Journey.StartedWorkshop workshop) => $"/w/{workshop.Id}/verslag";

    public static async Task<Page> CloseAsync(this User facilitator, Journey.StartedWorkshop workshop) =>
        await facilitator.SubmitAsync((await facilitator.OpenAsync(workshop.FacilitatorUrl())).FormWith("form[action*='handler=Close'] button"));

    public static async Task<Page> ReopenAsync(this User facilitator, Journey.StartedWorkshop workshop) =>
        await facilitator.SubmitAsync((await facilitator.OpenAsync(workshop.FacilitatorUrl())).FormWith("form[action*='handler=Reopen'] button"));

    /// <summary>The form that saves the conclusions (the one with the "Opslaan" button).</summary>
    public static IHtmlFormElement ConcludeForm(this Page page) => page.Form("form[action*='handler=Save']");

    /// <summary>Ticks the kernpunt checkbox whose label is the note's text, as a click would.</summary>
    public static IHtmlInputElement KeyPoint(this Page page, string noteText)
    {
        var label = page.Document.QuerySelectorAll("label").FirstOrDefault(l => l.TextContent == noteText)
            ?? throw new InvalidOperationException($"No kernpunt '{noteText}' on {page.Address}:\n{page.Text}");
        return (IHtmlInputElement)page.Document.GetElementById(label.GetAttribute("for")!)!;
    }

    /// <summary>Saves a conclusion, kernpunten (by note text) and optionally the samenvatting with the plain form.</summary>
    public static async Task<Page> ConcludeAsync(this User facilitator, Journey.StartedWorkshop workshop, string step, string conclusion,
        IEnumerable<string>? keyPoints = null, string? summary = null)
    {
        var page = await facilitator.OpenAsync(workshop.ConcludeUrl());
        foreach (var text in keyPoints ?? [])
        {
            page.KeyPoint(text).IsChecked = true;
        }

        var values = new Dictionary<string, string> { [$"Panels[{step}].Conclusion"] = conclusion };
        if (summary is not null)
        {
            values["Summary"] = summary;
        }

        return await facilitator.SubmitAsync(page.ConcludeForm(), values);
    }

    /// <summary>Makes the public link on the conclude page and returns it (as the page shows it to this browser).</summary>
    public static async Task<string> PublishAsync(this User facilitator, Journey.StartedWorkshop workshop, string endsOn = "")
    {
        var page = await facilitator.OpenAsync(workshop.ConcludeUrl());
        var done = await facilitator.SubmitAsync(page.Form("form[action*='handler=Publish']"), new Dictionary<string, string> { ["EndsOn"] = endsOn });
        Assert.True(done.Status == System.Net.HttpStatusCode.OK, $"{done.Status}: {string.Join("; ", done.Errors)}");
        return ((IHtmlInputElement)done.Document.GetElementById("openbare-link")!).Value;
    }

    public static async Task<Page> RevokeAsync(this User facilitator, Journey.StartedWorkshop workshop) =>
        await facilitator.SubmitAsync((await facilitator.OpenAsync(workshop.ConcludeUrl())).Form("form[action*='handler=Revoke']"));

    /// <summary>
    /// Posts these fields to an address as the page's script would (<c>X-Requested-With: fetch</c>), with the
    /// antiforgery token of a form on <paramref name="page"/> (this user's own).
    /// </summary>
    public static async Task<HttpResponseMessage> PostAsScriptAsync(this User user, Page page, string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = ((IHtmlInputElement)page.Document.QuerySelector("input[name=__RequestVerificationToken]")!).Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))),
        };
        request.Headers.Add("X-Requested-With", "fetch");
        return await user.Client.SendAsync(request);
    }

    public static Guid NoteId(this AppFactory app, string text)
    {
        using var db = app.OpenDatabase();
        using var command = db.CreateCommand();
        command.CommandText = "select Id from Notes where Text = $text";
        command.Parameters.AddWithValue("$text", text);
        return Guid.Parse((string)command.ExecuteScalar()!);
    }
}
