using System.Net;
using System.Text.RegularExpressions;

namespace HandhavingsKoers.Benchmarks;

/// <summary>Talking to the app over HTTP like a browser: cookies, forms with their antiforgery token.</summary>
public static partial class WebForms
{
    public static HttpClient Client(Uri baseUri) => new(new SocketsHttpHandler { CookieContainer = new CookieContainer(), PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
    {
        BaseAddress = baseUri,
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>A form post carrying the page's antiforgery token, as the browser would send it.</summary>
    public static FormUrlEncodedContent Form(string page, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", Token().Match(page).Groups[1].Value)));

    /// <summary>Starts a workshop and moves the room to the first principle; returns the facilitator's client, the id and the code.</summary>
    public static Task<(HttpClient Facilitator, string Workshop, string Code)> StartWorkshopAsync(Uri baseUri) => StartWorkshopAsync(Client(baseUri));

    /// <summary>The same, with a client the caller made (cookies on, following redirects).</summary>
    public static async Task<(HttpClient Facilitator, string Workshop, string Code)> StartWorkshopAsync(HttpClient facilitator)
    {
        var start = await facilitator.GetStringAsync("/starten");
        var started = await facilitator.PostAsync("/starten", Form(start, ("Input.Gemeente", "Gemeente Meetdorp"), ("Input.Title", "Meting"), ("Input.Date", "2026-11-22"), ("Input.EditionKey", "praatplaat-2024")));
        var page = await started.Content.ReadAsStringAsync();
        var workshop = WorkshopId().Match(started.RequestMessage!.RequestUri!.AbsolutePath).Groups[1].Value;
        var code = JoinCodeText().Match(page).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
        (await facilitator.PostAsync($"/w/{workshop}/begeleider/welkom?handler=Move", Form(page, ("target", "vertrouwen")))).EnsureSuccessStatusCode();
        return (facilitator, workshop, code);
    }

    /// <summary>Joins with the code; returns the participant's client and their step page (for its token).</summary>
    public static Task<(HttpClient Client, string Page)> JoinAsync(Uri baseUri, string workshop, string code, string name) =>
        JoinAsync(Client(baseUri), workshop, code, name);

    /// <summary>The same, with a client the caller made (cookies on, following redirects).</summary>
    public static async Task<(HttpClient Client, string Page)> JoinAsync(HttpClient client, string workshop, string code, string name)
    {
        var join = await client.GetStringAsync("/doemee");
        (await client.PostAsync("/doemee", Form(join, ("Code", code), ("DisplayName", name)))).EnsureSuccessStatusCode();
        return (client, await client.GetStringAsync($"/w/{workshop}/stap/vertrouwen"));
    }

    /// <summary>Posts a note as the page's script does (a fragment comes back, no redirect).</summary>
    public static HttpRequestMessage NotePost(string workshop, string page, string text)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/w/{workshop}/stap/vertrouwen?handler=AddNote")
        {
            Content = Form(page, ("Form.Column", "Already"), ("Form.ClientId", Guid.NewGuid().ToString()), ("Form.Text", text)),
        };
        request.Headers.Add("X-Requested-With", "fetch");
        return request;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("/w/([0-9a-f-]{36})/")]
    private static partial Regex WorkshopId();

    [GeneratedRegex("class=\"join-code\">([^<]+)<")]
    private static partial Regex JoinCodeText();
}
