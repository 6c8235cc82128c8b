using System.Net;
using AngleSharp;
using AngleSharp.Html.Dom;

namespace HandhavingsKoers.Tests.Infrastructure;

/// <summary>
/// One person in a browser: opens pages, fills in the real forms (antiforgery token included, as the page
/// renders it) and submits them. Every answer is parsed with AngleSharp, so tests check what a user would see.
/// </summary>
/// <param name="client">Follows redirects, as a browser does.</param>
/// <param name="withoutRedirects">The same browser (the same cookies), stopping at a redirect.</param>
public sealed class User(HttpClient client, HttpClient withoutRedirects) : IDisposable
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
        using var request = Fill(form, values, button);
        using var response = await Client.SendAsync(request);
        return await Page.FromAsync(response);
    }

    /// <summary>
    /// Submits the form as <see cref="SubmitAsync"/> does, but does not follow a redirect: the answer is the server's
    /// first, with its status and where it sends the browser.
    /// </summary>
    public async Task<Answer> SubmitWithoutRedirectAsync(IHtmlFormElement form, IDictionary<string, string>? values = null, IHtmlElement? button = null)
    {
        using var request = Fill(form, values, button);
        using var response = await withoutRedirects.SendAsync(request);
        return new Answer(response.StatusCode, response.Headers.Location?.OriginalString);
    }

    /// <summary>
    /// Asserts that the answer to a form is a redirect (post, redirect, get) to <paramref name="expected"/>, then opens
    /// that address as the browser would. When the address has an anchor, the page has the element it names, so the
    /// browser scrolls to it. Returns the page the user lands on.
    /// </summary>
    public async Task<Page> AssertRedirectedAsync(Answer answer, string expected)
    {
        Assert.True(answer.Status is HttpStatusCode.Redirect or HttpStatusCode.SeeOther, $"Expected a redirect to {expected}, got {(int)answer.Status}.");
        Assert.Equal(expected, answer.Location);
        var page = await OpenAsync(expected);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var anchor = expected.IndexOf('#', StringComparison.Ordinal);
        if (anchor >= 0)
        {
            var id = expected[(anchor + 1)..];
            Assert.True(page.Document.GetElementById(id) is not null, $"{expected}: the page has no element with id '{id}'.");
        }

        return page;
    }

    /// <summary>The request a browser sends for the form, filled in and with the given button pressed.</summary>
    private static HttpRequestMessage Fill(IHtmlFormElement form, IDictionary<string, string>? values, IHtmlElement? button)
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
        var request = new HttpRequestMessage(new System.Net.Http.HttpMethod(submission.Method.ToString().ToUpperInvariant()), submission.Target.Href);
        if (submission.Method == AngleSharp.Io.HttpMethod.Post)
        {
            request.Content = new StreamContent(submission.Body);
            foreach (var header in submission.Headers)
            {
                request.Headers.TryAddWithoutValidation(header.Key, header.Value);
                request.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return request;
    }

    public void Dispose()
    {
        Client.Dispose();
        withoutRedirects.Dispose();
    }
}

/// <summary>The server's own answer to a form, before any redirect is followed: its status and its Location header.</summary>
public sealed record Answer(HttpStatusCode Status, string? Location);

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
