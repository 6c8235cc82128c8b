using System.Net;
using AngleSharp.Html.Dom;
using HandhavingsKoers.Tests.Infrastructure;
using HandhavingsKoers.Tests.Pages.Conclude;
using HandhavingsKoers.Web;
using HandhavingsKoers.Web.Data;

namespace HandhavingsKoers.Tests.Pages.Priorities;

/// <summary>
/// What the database itself must hold to for the round and the report, on both providers: a dot cannot outlive its
/// round, an undone merge moves every vote back, and saving the samenvatting does not clash with another update of
/// the workshop row.
/// </summary>
public class StoredVotesTests : RoomTest
{
    public StoredVotesTests()
    {
    }

    protected StoredVotesTests(StorageProvider provider)
        : base(provider)
    {
    }

    private string PrioritiesUrl => $"/w/{Workshop.Id}/prioriteren";

    private string DotsUrl => $"/w/{Workshop.Id}/stippen";

    /// <summary>SQL written for SQLite, quoted for PostgreSQL when the app runs on it.</summary>
    private string Sql(string sql) => App.Provider == StorageProvider.PostgreSql ? AppFactory.ForPostgres(sql) : sql;

    [Fact]
    public async Task A_dot_saved_while_the_facilitator_starts_over_is_refused_and_none_is_left()
    {
        await Participant.AddNoteAsync(Workshop.ParticipantUrl("vertrouwen"), "Todo", "Samen op pad");
        await OpenRoundAsync();
        var place = ButtonForm(await Participant.OpenAsync(DotsUrl), "Samen op pad", "Place");

        Meddler.BeforeNextSave(Sql("delete from PriorityRounds"));
        var refused = await Participant.SubmitAsync(place);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains(Messages.RoundNotOpen, refused.Errors);
        Assert.Equal(0, App.Count("select count(*) from Dots"));
    }

    [Fact]
    public async Task Undoing_a_merge_moves_every_dot_and_the_paper_tally_back()
    {
        using var piet = App.NewUser();
        await piet.JoinAsync(Workshop.JoinCode, "Piet");
        await Participant.AddNoteAsync(Workshop.ParticipantUrl("vertrouwen"), "Todo", "Meer samen op pad");
        await Participant.AddNoteAsync(Workshop.ParticipantUrl("vertrouwen"), "Todo", "Vaker met de ondernemer mee");
        await OpenRoundAsync();
        await Participant.SubmitAsync(ButtonForm(await Participant.OpenAsync(DotsUrl), "Vaker met de ondernemer mee", "Place"));

        var page = await Facilitator.OpenAsync(PrioritiesUrl);
        foreach (var text in new[] { "Meer samen op pad", "Vaker met de ondernemer mee" })
        {
            var label = page.Document.QuerySelectorAll("#samenvoegen label").First(l => l.TextContent == text);
            ((IHtmlInputElement)page.Document.GetElementById(label.GetAttribute("for")!)!).IsChecked = true;
        }

        await Facilitator.SubmitAsync(Form(page, "Merge"), new Dictionary<string, string> { ["Wording"] = "Samen op pad" });
        Assert.Equal(1, App.Count("select count(*) from Dots d join Notes n on n.Id = d.NoteId where n.Text = 'Samen op pad'"));
        await piet.SubmitAsync(ButtonForm(await piet.OpenAsync(DotsUrl), "Samen op pad", "Place"));

        var undo = (IHtmlFormElement)Item(await Facilitator.OpenAsync(PrioritiesUrl), "Samen op pad").QuerySelector("form")!;
        Assert.Equal(HttpStatusCode.OK, (await Facilitator.SubmitAsync(undo)).Status);
        Assert.Equal(1, App.Count("select count(*) from Dots d join Notes n on n.Id = d.NoteId where n.Text = 'Vaker met de ondernemer mee' and d.MergedFromNoteId is null"));
        Assert.Equal(1, App.Count("select count(*) from Dots d join Notes n on n.Id = d.NoteId where n.Text = 'Meer samen op pad'"));
        Assert.Equal(2, App.Count("select count(*) from Dots"));
    }

    [Fact]
    public async Task Reopening_while_the_samenvatting_is_saved_elsewhere_is_no_error()
    {
        await Facilitator.CloseAsync(Workshop);
        Meddler.BeforeNextSave(Sql("update Workshops set ExecutiveSummary = 'Van de laptop', ExecutiveSummaryVersion = ExecutiveSummaryVersion + 1"));
        var reopened = await Facilitator.ReopenAsync(Workshop);
        Assert.Equal(HttpStatusCode.OK, reopened.Status);
        Assert.Equal(1, App.Count("select count(*) from Workshops where ClosedAt is null and ExecutiveSummary = 'Van de laptop'"));
    }

    private async Task OpenRoundAsync()
    {
        var opened = await Facilitator.SubmitAsync(Form(await Facilitator.OpenAsync(PrioritiesUrl), "Open"), new Dictionary<string, string> { ["DotsPerParticipant"] = "3" });
        Assert.Equal(HttpStatusCode.OK, opened.Status);
    }

    private static IHtmlFormElement ButtonForm(Page page, string text, string handler) =>
        (IHtmlFormElement)Item(page, text).QuerySelectorAll("form").Single(f => f.GetAttribute("action")!.Contains($"handler={handler}", StringComparison.Ordinal));

    private static IHtmlFormElement Form(Page page, string handler) =>
        page.Document.QuerySelectorAll("form").OfType<IHtmlFormElement>().First(f => f.Action.Contains($"handler={handler}", StringComparison.Ordinal));

    private static AngleSharp.Dom.IElement Item(Page page, string text) =>
        page.Document.QuerySelectorAll("li.ranking-item").First(li => li.QuerySelector(".note-text")?.TextContent == text);
}

[OnPostgreSql]
public sealed class StoredVotesOnPostgreSqlTests() : StoredVotesTests(StorageProvider.PostgreSql);
