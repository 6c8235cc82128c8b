using System.Text.RegularExpressions;

namespace HandhavingsKoers.Tests.Infrastructure;

/// <summary>The moves people make in a workshop, each done through the real pages and forms.</summary>
public static partial class Journey
{
    public sealed record StartedWorkshop(Guid Id, string JoinCode, string FacilitatorLink, Page FacilitatorPage)
    {
        public string FacilitatorUrl(string? step = null) => $"/w/{Id}/begeleider" + (step is null ? "" : "/" + step);

        public string ParticipantUrl(string? step = null) => $"/w/{Id}/stap" + (step is null ? "" : "/" + step);

        public string SummaryUrl => $"/w/{Id}/samenvatting";
    }

    public static async Task<StartedWorkshop> StartWorkshopAsync(this User facilitator, string gemeente = "Gemeente Zuidwolde",
        string title = "Teamsessie handhaving", string date = "2026-11-22")
    {
        var form = (await facilitator.OpenAsync("/starten")).Form("form[method=post]");
        var page = await facilitator.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Gemeente"] = gemeente,
            ["Input.Title"] = title,
            ["Input.Date"] = date,
        });
        return Started(page);
    }

    /// <summary>Starts a follow-up session from an earlier one's "Vervolgsessie starten" page, as its facilitator.</summary>
    public static async Task<StartedWorkshop> StartFollowUpAsync(this User facilitator, StartedWorkshop previous, string title, string date, string? edition = null)
    {
        var form = (await facilitator.OpenAsync($"/w/{previous.Id}/vervolg")).Form("form[method=post]");
        var values = new Dictionary<string, string> { ["Input.Title"] = title, ["Input.Date"] = date };
        if (edition is not null)
        {
            values["Input.EditionKey"] = edition;
        }

        return Started(await facilitator.SubmitAsync(form, values));
    }

    /// <summary>The facilitator's first page of a new workshop: its id, join code and secret link.</summary>
    private static StartedWorkshop Started(Page page)
    {
        Assert.True(page.Status == System.Net.HttpStatusCode.OK, $"{page.Status}: {string.Join("; ", page.Errors)}");
        var id = Guid.Parse(WorkshopId().Match(page.Address.AbsolutePath).Groups[1].Value);
        var code = page.Document.QuerySelector(".join-code")!.TextContent.Replace(" ", "", StringComparison.Ordinal);
        var link = ((AngleSharp.Html.Dom.IHtmlInputElement)page.Document.QuerySelector("#begeleiderslink")!).Value;
        return new StartedWorkshop(id, code, link, page);
    }

    /// <summary>Gives a "waar staan we?" score on a panel step, as a participant.</summary>
    public static async Task<Page> ScoreAsync(this User participant, string stepUrl, int score)
    {
        var page = await participant.OpenAsync(stepUrl);
        return await participant.SubmitAsync(page.Form("form.score-form"), new Dictionary<string, string> { ["score"] = score.ToString(System.Globalization.CultureInfo.InvariantCulture) });
    }

    /// <summary>Presses one of the facilitator's buttons on a step (by the handler it posts to).</summary>
    public static async Task<Page> PressAsync(this User facilitator, string stepUrl, string handler)
    {
        var page = await facilitator.OpenAsync(stepUrl);
        var form = page.Document.QuerySelectorAll("form").OfType<AngleSharp.Html.Dom.IHtmlFormElement>()
            .FirstOrDefault(f => f.Action.Contains($"handler={handler}", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No button for {handler} on {stepUrl}");
        return await facilitator.SubmitAsync(form);
    }

    public static async Task<Page> AddTeamActionAsync(this User facilitator, StartedWorkshop workshop, string text, string owner, string dueDate)
    {
        var page = await facilitator.OpenAsync(workshop.FacilitatorUrl("acties"));
        return await facilitator.SubmitAsync(page.Form("#teamactie-formulier"), new Dictionary<string, string>
        {
            ["TeamAction.Text"] = text,
            ["TeamAction.Owner"] = owner,
            ["TeamAction.DueDate"] = dueDate,
        });
    }

    /// <summary>Records what became of one of last time's actions (found by its text) on a follow-up's welcome step.</summary>
    public static async Task<Page> ReviewAsync(this User facilitator, StartedWorkshop workshop, string actionText, string status, string note = "")
    {
        var page = await facilitator.OpenAsync(workshop.FacilitatorUrl("welkom"));
        var item = page.Document.QuerySelectorAll("li.previous-action").First(li => li.QuerySelector(".note-text")?.TextContent == actionText);
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)item.QuerySelector("form")!;
        return await facilitator.SubmitAsync(form, new Dictionary<string, string> { ["status"] = status, ["note"] = note });
    }

    public static async Task<Page> JoinAsync(this User participant, string code, string? name = null)
    {
        var form = (await participant.OpenAsync("/doemee")).Form("form[method=post]");
        return await participant.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Code"] = code,
            ["DisplayName"] = name ?? "",
        });
    }

    /// <summary>Adds a note on a step through the add form under the given column ("Already" or "Todo").</summary>
    public static async Task<Page> AddNoteAsync(this User user, string stepUrl, string column, string text)
    {
        var page = await user.OpenAsync(stepUrl);
        return await user.SubmitAsync(page.FormWith($"#nieuw-{column}"), new Dictionary<string, string> { ["Form.Text"] = text });
    }

    public static async Task<Page> MoveRoomAsync(this User facilitator, StartedWorkshop workshop, string targetStep)
    {
        var page = await facilitator.OpenAsync(workshop.FacilitatorUrl(targetStep));
        var form = page.Document.QuerySelectorAll("form").OfType<AngleSharp.Html.Dom.IHtmlFormElement>()
            .First(f => f.Action.Contains("handler=Move", StringComparison.Ordinal)
                && f.Elements["target"] is AngleSharp.Html.Dom.IHtmlInputElement { Value: var v } && v == targetStep);
        return await facilitator.SubmitAsync(form);
    }

    /// <summary>
    /// The facilitator invites a co-facilitator or notulist ("Samen begeleiden", decision 0021) through the real form;
    /// returns the link shown once.
    /// </summary>
    public static async Task<string> InviteAsync(this User facilitator, Guid workshopId, string role, string forWhom)
    {
        var page = await facilitator.OpenAsync($"/w/{workshopId}/begeleider");
        var made = await facilitator.SubmitAsync(page.HandlerForm("Invite"), new Dictionary<string, string> { ["Invite.Role"] = role, ["Invite.ForWhom"] = forWhom });
        Assert.True(made.Status == System.Net.HttpStatusCode.OK, $"{made.Status}: {string.Join("; ", made.Errors)}");
        var link = (made.Document.QuerySelector("#gedeelde-link") as AngleSharp.Html.Dom.IHtmlInputElement)?.Value ?? throw new InvalidOperationException(made.Text);
        Assert.Contains($"/w/{workshopId}/begeleider?sleutel=", link, StringComparison.Ordinal);
        return link;
    }

    /// <summary>The note's list item on a page, found by its text.</summary>
    public static AngleSharp.Dom.IElement NoteItem(this Page page, string text) =>
        page.Document.QuerySelectorAll("li.note").FirstOrDefault(li => li.QuerySelector(".note-text")?.TextContent == text)
        ?? throw new InvalidOperationException($"No note '{text}' on {page.Address}:\n{page.Text}");

    [GeneratedRegex("/w/([0-9a-f-]{36})/")]
    private static partial Regex WorkshopId();
}
