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
        Assert.Equal(System.Net.HttpStatusCode.OK, page.Status);
        var id = Guid.Parse(WorkshopId().Match(page.Address.AbsolutePath).Groups[1].Value);
        var code = page.Document.QuerySelector(".join-code")!.TextContent.Replace(" ", "", StringComparison.Ordinal);
        var link = ((AngleSharp.Html.Dom.IHtmlInputElement)page.Document.QuerySelector("#begeleiderslink")!).Value;
        return new StartedWorkshop(id, code, link, page);
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

    /// <summary>The note's list item on a page, found by its text.</summary>
    public static AngleSharp.Dom.IElement NoteItem(this Page page, string text) =>
        page.Document.QuerySelectorAll("li.note").FirstOrDefault(li => li.QuerySelector(".note-text")?.TextContent == text)
        ?? throw new InvalidOperationException($"No note '{text}' on {page.Address}:\n{page.Text}");

    [GeneratedRegex("/w/([0-9a-f-]{36})/")]
    private static partial Regex WorkshopId();
}
