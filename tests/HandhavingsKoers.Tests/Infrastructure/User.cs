using System.Net;
using AngleSharp;
using AngleSharp.Html.Dom;

namespace HandhavingsKoers.Tests.Infrastructure;

/// <summary>
/// One person in a browser: opens pages, fills in the real forms (antiforgery token included, as the page
/// renders it) and submits them. Every answer is parsed with AngleSharp, so tests check what a user would see.
/// </summary>
public sealed class User(HttpClient client) : IDisposable
{
    public HttpClient Client { get; } = client;

    public async Task<Page> OpenAsync(string url)
    {
        using var response = await Client.GetAsync(url);
        return await Page.FromAsync(response);
    }

    /// <summary>Fills in the form's fields by name and presses the given button (or the form's first one).</summary>
    public async Task<Page> SubmitAsync(IHtmlFormElement form, IDictionary<string, string>? values = null, IHtmlElement? button = null)
    {
        foreach (var (name, value) in values ?? new Dictionary<string, string>())
        {
            // A radio group: choose the option with this value, as a click would ("" chooses none).
            var radios = form.QuerySelectorAll("input[type=radio]").OfType<IHtmlInputElement>().Where(r => r.Name == name).ToList();
            if (radios.Count > 0)
            {
                var chosen = value.Length == 0 ? null : radios.FirstOrDefault(r => r.Value == value) ?? throw new InvalidOperationException($"The radio group '{name}' has no option '{value}'.");
                radios.ForEach(r => r.IsChecked = r == chosen);
                continue;
            }

            switch (form.Elements[name])
            {
                case IHtmlInputElement input: input.Value = value; break;
                case IHtmlTextAreaElement area: area.Value = value; break;
                case IHtmlSelectElement select: select.Value = value; break;
                default: throw new InvalidOperationException($"The form has no field '{name}'.");
            }
        }

        var submitter = button ?? form.QuerySelector("button[type=submit], button:not([type])") as IHtmlElement
            ?? throw new InvalidOperationException("The form has no submit button.");
        var submission = form.GetSubmission(submitter) ?? throw new InvalidOperationException("The form cannot be submitted.");
        using var request = new HttpRequestMessage(new System.Net.Http.HttpMethod(submission.Method.ToString().ToUpperInvariant()), submission.Target.Href);
        if (submission.Method == AngleSharp.Io.HttpMethod.Post)
        {
            request.Content = new StreamContent(submission.Body);
            foreach (var header in submission.Headers)
            {
                request.Headers.TryAddWithoutValidation(header.Key, header.Value);
                request.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        using var response = await Client.SendAsync(request);
        return await Page.FromAsync(response);
    }

    public void Dispose() => Client.Dispose();
}

/// <summary>A page as the browser got it: status, final address and the parsed document.</summary>
public sealed class Page(HttpStatusCode status, Uri address, IHtmlDocument document, string? contentType)
{
    public HttpStatusCode Status { get; } = status;
    public Uri Address { get; } = address;
    public IHtmlDocument Document { get; } = document;
    public string? ContentType { get; } = contentType;

    public static async Task<Page> FromAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var address = response.RequestMessage!.RequestUri!;
        var context = BrowsingContext.New(Configuration.Default);
        var document = (IHtmlDocument)await context.OpenAsync(r => r.Content(html).Address(address));
        return new Page(response.StatusCode, address, document, response.Content.Headers.ContentType?.MediaType);
    }

    public string Text => Document.Body?.TextContent ?? "";

    public string Heading => Document.QuerySelector("h1")?.TextContent.Trim() ?? "";

    /// <summary>Every error the page shows (the summary at the top and the messages by the fields).</summary>
    public IReadOnlyList<string> Errors => Document.QuerySelectorAll(".error-summary li").Select(e => e.TextContent.Trim()).ToList();

    public IHtmlFormElement Form(string selector) =>
        Document.QuerySelector(selector) as IHtmlFormElement ?? throw new InvalidOperationException($"No form '{selector}' on {Address}:\n{Text}");

    /// <summary>The form that holds the element matched by the selector (a field or a button).</summary>
    public IHtmlFormElement FormWith(string selector) =>
        Document.QuerySelector(selector)?.Closest("form") as IHtmlFormElement
        ?? throw new InvalidOperationException($"No form with '{selector}' on {Address}:\n{Text}");

    public IReadOnlyList<string> Notes(string column) =>
        Document.QuerySelectorAll($"section[aria-labelledby=kolom-{column}] .note-text").Select(n => n.TextContent).ToList();
}
