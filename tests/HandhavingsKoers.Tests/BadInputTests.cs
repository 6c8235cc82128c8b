using System.Text;
using HandhavingsKoers.Tests.Infrastructure;

namespace HandhavingsKoers.Tests;

/// <summary>
/// Hundreds of malformed requests at every form: wrong or missing tokens, wrong content types, invalid UTF-8,
/// control characters, huge bodies, other workshops' ids, unknown handlers and values. Every answer must be a 4xx
/// page with a message, never a 500, and the database must hold exactly the writes that were valid.
/// </summary>
public sealed class BadInputTests : AppTest
{
    [Fact]
    public async Task Three_hundred_malformed_requests_get_only_clear_4xx_answers_and_change_nothing()
    {
        using var facilitator = App.NewUser();
        using var participant = App.NewUser();
        using var outsider = App.NewUser();
        var workshop = await facilitator.StartWorkshopAsync();
        var other = await outsider.StartWorkshopAsync("Gemeente Elders", "Andere");
        await participant.JoinAsync(workshop.JoinCode, "Sanne");
        await facilitator.MoveRoomAsync(workshop, "vertrouwen");
        await participant.AddNoteAsync(workshop.ParticipantUrl("vertrouwen"), "Already", "Geldige notitie");
        await outsider.AddNoteAsync(other.FacilitatorUrl("vertrouwen"), "Already", "Notitie elders");
        var participantPage = await participant.OpenAsync(workshop.ParticipantUrl("vertrouwen"));
        var token = participantPage.Form("form.note-add").QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var ownNote = participantPage.NoteItem("Geldige notitie").Id!["notitie-".Length..];
        var otherNote = (await outsider.OpenAsync(other.FacilitatorUrl("vertrouwen"))).NoteItem("Notitie elders").Id!["notitie-".Length..];
        var before = Snapshot();

        var step = workshop.ParticipantUrl("vertrouwen");
        var facilitatorStep = workshop.FacilitatorUrl("vertrouwen");
        var targets = new (string Url, string[] Fields)[]
        {
            ("/starten", ["Input.Gemeente", "Input.Title", "Input.Date", "Input.EditionKey"]),
            ("/doemee", ["Code", "DisplayName"]),
            (step + "?handler=AddNote", ["Form.Column", "Form.Text", "Form.ClientId"]),
            (step + "?handler=EditNote", ["Form.NoteId", "Form.Text", "Form.Version"]),
            (step + "?handler=DeleteNote", ["Form.NoteId"]),
            (workshop.ParticipantUrl("acties") + "?handler=SaveActions", ["Actions[0]", "Actions[1]", "Actions[2]"]),
            (workshop.ParticipantUrl("welkom") + "?handler=Rename", ["displayName"]),
            (step + "?handler=Score", ["score", "remove"]),
            (workshop.ParticipantUrl("welkom") + "?handler=Score", ["score"]),
            (facilitatorStep + "?handler=Move", ["target"]),
            (facilitatorStep + "?handler=RevealScores", ["target"]),
            (workshop.FacilitatorUrl("acties") + "?handler=AddTeamAction", ["TeamAction.Text", "TeamAction.Owner", "TeamAction.DueDate"]),
            (workshop.FacilitatorUrl("welkom") + "?handler=Review", ["actionId", "status", "note"]),
            ($"/w/{workshop.Id}/vervolg", ["Input.Title", "Input.Date", "Input.EditionKey"]),
            (facilitatorStep + "?handler=Timer", ["minutes"]),
            (facilitatorStep + "?handler=Delete", ["confirm"]),
            (facilitatorStep + "?handler=Invite", ["Invite.Role", "Invite.ForWhom"]),
            (facilitatorStep + "?handler=RevokeLink", ["linkId"]),
            (other.ParticipantUrl("vertrouwen") + "?handler=AddNote", ["Form.Column", "Form.Text"]),
        };

        var cases = new List<(string Name, HttpRequestMessage Request)>();
        foreach (var (url, fields) in targets)
        {
            HttpRequestMessage Post(string name, HttpContent? content, string? path = null)
            {
                var request = new HttpRequestMessage(HttpMethod.Post, path ?? url) { Content = content };
                cases.Add(($"{name} → {path ?? url}", request));
                return request;
            }

            FormUrlEncodedContent FormOf(string value, bool withToken = true, string? tokenValue = null) =>
                new(fields.Select(f => KeyValuePair.Create(f, value)).Concat(withToken ? [KeyValuePair.Create("__RequestVerificationToken", tokenValue ?? token)] : []));

            ByteArrayContent Raw(string body, string contentType)
            {
                var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
                content.Headers.TryAddWithoutValidation("Content-Type", contentType);
                return content;
            }

            ByteArrayContent Bytes(byte[] body)
            {
                var content = new ByteArrayContent(body);
                content.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded");
                return content;
            }

            // Tokens: none, wrong, from another browser, empty.
            Post("no token", FormOf("x", withToken: false));
            Post("wrong token", FormOf("x", tokenValue: "CfDJ8" + new string('A', 150)));
            Post("empty token", FormOf("x", tokenValue: ""));
            Post("tampered token", FormOf("x", tokenValue: Tampered(token)));

            // Content types and bodies.
            Post("json body", Raw("{\"Form.Text\":\"x\"}", "application/json"));
            Post("text body", Raw("Form.Text=x", "text/plain"));
            Post("xml body", Raw("<x>1</x>", "application/xml"));
            Post("broken multipart", Raw("--zzz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx", "multipart/form-data; boundary=zzz"));
            Post("multipart without boundary", Raw("x", "multipart/form-data"));
            Post("no content type", new ByteArrayContent(Encoding.UTF8.GetBytes("Form.Text=x")));
            Post("no body", null);
            Post("huge body", Bytes(Encoding.ASCII.GetBytes("Form.Text=" + new string('a', 2_000_000))));
            Post("many fields", Bytes(Encoding.ASCII.GetBytes(string.Join('&', Enumerable.Range(0, 5000).Select(i => $"f{i}=1")))));

            // Invalid UTF-8, control characters, broken surrogates, with a valid token. (Undecodable escapes arrive
            // as their literal text, which is a valid display name, so renaming is left out here too.)
            foreach (var (name, value) in url.Contains("handler=Rename", StringComparison.Ordinal) ? [] : new[]
            {
                ("invalid utf-8", "%FF%FE%FD"),
                ("overlong utf-8", "%C0%AF"),
                ("lone surrogate", "%ED%A0%80"),
                ("NUL", "a%00b"),
                ("escape sequence", "%1B%5B31m"),
                ("bell", "%07"),
                ("very long", new string('x', 5000)),
            })
            {
                Post(name, Bytes(Encoding.ASCII.GetBytes(string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f)}={value}")) + "&__RequestVerificationToken=" + Uri.EscapeDataString(token))));
            }

            // Values of the wrong kind (a display name may be almost anything, so renaming is left out here).
            foreach (var value in url.Contains("handler=Rename", StringComparison.Ordinal) ? [] : new[] { "not-a-guid", Guid.NewGuid().ToString(), otherNote, "-1", "99999999999", "Bogus", "' OR 1=1 --", "" })
            {
                Post($"value '{value}'", FormOf(value));
            }

            // Handlers and paths that do not exist.
            Post("unknown handler", FormOf("x"), url.Split('?')[0] + "?handler=DropTables");
            Post("two handlers", FormOf("x"), url.Split('?')[0] + "?handler=AddNote&handler=DeleteNote");
            Post("bad workshop id", FormOf("x"), url.Replace(workshop.Id.ToString(), Guid.NewGuid().ToString(), StringComparison.Ordinal) is var changed && changed != url ? changed : "/w/" + Guid.NewGuid() + "/stap?handler=AddNote");
        }

        Assert.True(cases.Count >= 300, $"Only {cases.Count} cases.");

        // Every case from the participant's browser (valid cookies, so only the input itself is wrong).
        var failures = new List<string>();
        foreach (var (name, request) in cases)
        {
            using (request)
            using (var response = await participant.Client.SendAsync(request))
            {
                var status = (int)response.StatusCode;
                var body = await response.Content.ReadAsStringAsync();
                if (status is < 400 or >= 500)
                {
                    failures.Add($"{status} for {name}");
                }
                else if (status != 405 && !body.Contains("class=\"lead\"", StringComparison.Ordinal) && !body.Contains("Er ging iets mis", StringComparison.Ordinal) && !body.Contains("field-error", StringComparison.Ordinal))
                {
                    failures.Add($"{status} without a message for {name}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} requests were answered wrongly:\n" + string.Join('\n', failures.Take(40)));
        Assert.Equal(before, Snapshot());
        Assert.Equal("Geldige notitie", (await participant.OpenAsync(step)).Notes("Already").Single());
        _ = ownNote;
    }

    /// <summary>A field name with an unclosed bracket made the framework's jQuery-style form reader throw: a 500 on any form.</summary>
    [Theory]
    [InlineData("/doemee")]
    [InlineData("/starten")]
    public async Task A_field_name_with_an_unclosed_bracket_is_not_a_server_error(string url)
    {
        using var user = App.NewUser();
        var page = await user.OpenAsync(url);
        var token = page.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new StringContent($"Input[x=1&Code%5B=2&__RequestVerificationToken={Uri.EscapeDataString(token)}", Encoding.ASCII, "application/x-www-form-urlencoded");
        using var response = await user.Client.PostAsync(url, content);
        Assert.InRange((int)response.StatusCode, 200, 499);
        Assert.Equal(0, App.Count("select count(*) from Participants"));
    }

    [Fact]
    public async Task Script_and_sql_text_is_stored_as_text_and_shown_escaped()
    {
        using var facilitator = App.NewUser();
        var workshop = await facilitator.StartWorkshopAsync();
        string[] nasty = ["<script>alert('x')</script>", "'; DROP TABLE Notes; --", "<img src=x onerror=alert(1)>", "{{7*7}} ${7*7}"];
        foreach (var text in nasty)
        {
            await facilitator.AddNoteAsync(workshop.FacilitatorUrl("vertrouwen"), "Todo", text);
        }

        var page = await facilitator.OpenAsync(workshop.FacilitatorUrl("vertrouwen"));
        Assert.Equal(nasty, page.Notes("Todo"));
        Assert.Empty(page.Document.QuerySelectorAll(".note-text script, .note-text img"));
        Assert.Equal(4, App.Count("select count(*) from Notes"));
        var markdown = await facilitator.Client.GetStringAsync(workshop.SummaryUrl + "?handler=Markdown");
        Assert.DoesNotContain("<script>", markdown, StringComparison.Ordinal);
    }

    /// <summary>The token with one character in the middle changed (the end may only hold padding bits).</summary>
    private static string Tampered(string token)
    {
        var middle = token.Length / 2;
        return token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..];
    }

    private string Snapshot() => string.Join(';', new[] { "Workshops", "Participants", "Notes", "ParticipantActions", "StepStates", "Scores", "TeamActions", "PreviousActions", "FacilitatorLinks" }
        .Select(t => $"{t}={App.Count($"select count(*) from {t}")}")) + $";notes={App.Count("select sum(length(Text) + Version) from Notes")}"
        + $";names={App.Count("select count(*) from Participants where DisplayName = 'Sanne'")};step={App.Count("select count(*) from Workshops where CurrentStepKey = 'vertrouwen'")}";
}
