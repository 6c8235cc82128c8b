using System.Net;
using AngleSharp.Html.Dom;
using HandhavingsKoers.Tests.Infrastructure;
using HandhavingsKoers.Web;
using HandhavingsKoers.Web.Data;

namespace HandhavingsKoers.Tests.Pages;

/// <summary>
/// Who may open a session's pages outside the room, the prepare page and "Acties volgen", at each of their two
/// addresses (decision 0023, <c>SessionAccess</c>): the facilitator's key with a role that permits what the handler
/// does, or a beheerder of the session's gemeente, who prepares and follows actions but does not open the session.
/// Every refusal is a Dutch 403 or 404 and changes nothing. Runs on SQLite and (the class below) on PostgreSQL.
/// </summary>
public class SessionAccessTests : AppTest
{
    public SessionAccessTests()
    {
    }

    protected SessionAccessTests(StorageProvider provider)
        : base(provider)
    {
    }

    private string? StoredPlan(Guid id) => App.Text($"select Plan from Workshops where Id = {App.IdLiteral(id)}");

    private bool IsConcept(Guid id) => App.Count($"select count(*) from Workshops where IsConcept and Id = {App.IdLiteral(id)}") == 1;

    private static IHtmlFormElement Form(Page page, string handler) =>
        page.Document.QuerySelectorAll("form").OfType<IHtmlFormElement>().FirstOrDefault(f => f.Action.Contains($"handler={handler}", StringComparison.Ordinal))
        ?? throw new InvalidOperationException($"No form {handler} on {page.Address}:\n{page.Text}");

    /// <summary>A form of someone else's page, sent with this user's cookies and antiforgery token, as a tampered or forwarded form would be.</summary>
    private static async Task<Page> SendAsAsync(User user, Page tokenPage, IHtmlFormElement form, IDictionary<string, string>? values = null)
    {
        ((IHtmlInputElement)form.Elements["__RequestVerificationToken"]!).Value =
            ((IHtmlInputElement)tokenPage.Document.QuerySelector("input[name=__RequestVerificationToken]")!).Value;
        return await user.SubmitAsync(form, values);
    }

    [Fact]
    public async Task A_notulist_is_refused_the_prepare_page_and_its_forms_and_a_co_facilitator_prepares()
    {
        var concept = await App.StartConceptAsync();
        using var facilitator = App.NewUser();
        await facilitator.OpenAsync(concept.FacilitatorLink);
        var notulistLink = await facilitator.InviteAsync(concept.Id, "Notulist", "Iris");
        var coLink = await facilitator.InviteAsync(concept.Id, "CoFacilitator", "Bram");

        using var notulist = App.NewUser();
        Assert.Equal(HttpStatusCode.OK, (await notulist.OpenAsync(notulistLink)).Status);
        var own = await notulist.OpenAsync($"/w/{concept.Id}/begeleider/vertrouwen");
        Assert.Equal(HttpStatusCode.OK, own.Status);
        var refused = await notulist.OpenAsync(concept.FacilitatorUrl);
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains(Messages.NotForNotulist, refused.Text, StringComparison.Ordinal);

        // The facilitator's own forms, sent with the notulist's cookie: refused, and the plan and the concept stay.
        var prepare = await facilitator.OpenAsync(concept.FacilitatorUrl);
        var before = StoredPlan(concept.Id);
        foreach (var (handler, values) in new (string, Dictionary<string, string>?)[]
        {
            ("Skip", null),
            ("AddQuestion", new() { ["Own.Title"] = "Van de notulist", ["Own.Question"] = "Mag dit?" }),
            ("Introduction", new() { ["Introduction"] = "Welkom van de notulist." }),
            ("Open", null),
        })
        {
            var answer = await SendAsAsync(notulist, own, Form(prepare, handler), values);
            Assert.True(answer.Status == HttpStatusCode.Forbidden, $"{handler}: {answer.Status}");
            Assert.Contains(Messages.NotForNotulist, answer.Text, StringComparison.Ordinal);
        }

        Assert.Equal(before, StoredPlan(concept.Id));
        Assert.True(IsConcept(concept.Id));

        // The co-facilitator prepares, and opens.
        using var co = App.NewUser();
        await co.OpenAsync(coLink);
        var page = await co.OpenAsync(concept.FacilitatorUrl);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var skipped = await co.SubmitAsync(Form(page, "Skip"));
        Assert.Equal(HttpStatusCode.OK, skipped.Status);
        Assert.Equal(concept.FacilitatorUrl, skipped.Address.AbsolutePath);
        Assert.NotEqual(before, StoredPlan(concept.Id));
        var opened = await co.SubmitAsync(Form(skipped, "Open"));
        Assert.Equal(HttpStatusCode.OK, opened.Status);
        Assert.False(IsConcept(concept.Id));
    }

    [Fact]
    public async Task A_beheerder_prepares_but_only_the_facilitator_opens_the_session()
    {
        var concept = await App.StartConceptAsync();
        var page = await concept.Beheerder.OpenAsync(concept.BeheerderUrl);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Empty(page.Document.QuerySelectorAll("form[action*='handler=Open']"));
        var notice = page.Document.QuerySelector("section[aria-labelledby=concept-titel]")!.TextContent;
        Assert.Contains("werkt pas als de begeleider de sessie opent", notice, StringComparison.Ordinal);
        Assert.Contains("Dat doet de begeleider met de begeleiderslink", notice, StringComparison.Ordinal);

        // The facilitator's open form, sent to the beheerder's address with the beheerder's cookie: refused.
        using var facilitator = App.NewUser();
        await facilitator.OpenAsync(concept.FacilitatorLink);
        var open = Form(await facilitator.OpenAsync(concept.FacilitatorUrl), "Open");
        open.Action = $"{concept.BeheerderUrl}?handler=Open";
        var refused = await SendAsAsync(concept.Beheerder, page, open);
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains(Messages.NotForBeheerder, refused.Text, StringComparison.Ordinal);
        Assert.True(IsConcept(concept.Id));

        // Preparing stays the beheerder's; the facilitator opens at their own address.
        Assert.Equal(HttpStatusCode.OK, (await concept.Beheerder.SubmitAsync(Form(page, "Skip"))).Status);
        var opened = await facilitator.SubmitAsync(Form(await facilitator.OpenAsync(concept.FacilitatorUrl), "Open"));
        Assert.Equal(HttpStatusCode.OK, opened.Status);
        Assert.False(IsConcept(concept.Id));
        Assert.Contains("Deze sessie is geopend", (await concept.Beheerder.OpenAsync(concept.BeheerderUrl)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_beheerder_of_another_gemeente_is_refused_both_gemeente_addresses_of_a_session()
    {
        var concept = await App.StartConceptAsync();
        var actionsUrl = $"/gemeente/{concept.Gemeente.Id}/acties/{concept.Id}";
        var other = await App.AddGemeenteAsync("Noordwaarde");
        using var stranger = App.NewUser();
        var strangerPage = await stranger.OpenAsync(other.Link);
        Assert.Equal(HttpStatusCode.OK, strangerPage.Status);

        // This gemeente's addresses: not theirs (their cookie is not even sent there).
        foreach (var url in new[] { concept.BeheerderUrl, actionsUrl })
        {
            var refused = await stranger.OpenAsync(url);
            Assert.True(refused.Status == HttpStatusCode.Forbidden, $"{url}: {refused.Status}");
            Assert.Contains(Messages.NotBeheerder, refused.Text, StringComparison.Ordinal);
        }

        // Their own gemeente's addresses with this session's id: not found, the session never leaves the database.
        foreach (var url in new[] { $"/gemeente/{other.Id}/voorbereiden/{concept.Id}", $"/gemeente/{other.Id}/acties/{concept.Id}" })
        {
            var refused = await stranger.OpenAsync(url);
            Assert.True(refused.Status == HttpStatusCode.NotFound, $"{url}: {refused.Status}");
            Assert.Contains(Messages.SessionNotInGemeente, refused.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("Voorbereide sessie", refused.Text, StringComparison.Ordinal);
        }

        // The real beheerder's forms, sent to the stranger's own address: refused, nothing changes.
        var page = await concept.Beheerder.OpenAsync(concept.BeheerderUrl);
        var before = StoredPlan(concept.Id);
        var skip = Form(page, "Skip");
        skip.Action = $"/gemeente/{other.Id}/voorbereiden/{concept.Id}?handler=Skip";
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsAsync(stranger, strangerPage, skip)).Status);
        Assert.Equal(before, StoredPlan(concept.Id));
    }

    [Fact]
    public async Task A_revoked_beheerder_link_is_told_so_at_both_gemeente_addresses()
    {
        var concept = await App.StartConceptAsync(forWhom: "Fatima");
        var actionsUrl = $"/gemeente/{concept.Gemeente.Id}/acties/{concept.Id}";
        Assert.Equal(HttpStatusCode.OK, (await concept.Beheerder.OpenAsync(actionsUrl)).Status);

        // Fatima invites Joost; Joost revokes Fatima's link on the gemeente page.
        var invited = await concept.Beheerder.SubmitAsync((await concept.Beheerder.OpenAsync(concept.Gemeente.Url)).HandlerForm("Invite"),
            new Dictionary<string, string> { ["Invite.ForWhom"] = "Joost" });
        using var joost = App.NewUser();
        var joostPage = await joost.OpenAsync(((IHtmlInputElement)invited.Document.QuerySelector("#nieuwe-beheerderslink")!).Value);
        var fatimaLinkId = Guid.Parse(joostPage.Document.QuerySelectorAll("li.beheerder-link")
            .Single(li => li.TextContent.Contains("Fatima", StringComparison.Ordinal)).QuerySelector("input[name=link]")!.GetAttribute("value")!);
        var preparePage = await concept.Beheerder.OpenAsync(concept.BeheerderUrl);
        await joost.SubmitAsync(joostPage.HandlerForm("RevokeLink", fatimaLinkId));

        foreach (var url in new[] { concept.BeheerderUrl, actionsUrl })
        {
            var refused = await concept.Beheerder.OpenAsync(url);
            Assert.True(refused.Status == HttpStatusCode.Forbidden, $"{url}: {refused.Status}");
            Assert.Contains(Messages.BeheerderLinkRevoked, refused.Text, StringComparison.Ordinal);
        }

        // A form of the page she still had open: refused the same way, the plan stays.
        var before = StoredPlan(concept.Id);
        var answer = await concept.Beheerder.SubmitAsync(Form(preparePage, "Skip"));
        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Contains(Messages.BeheerderLinkRevoked, answer.Text, StringComparison.Ordinal);
        Assert.Equal(before, StoredPlan(concept.Id));

        // Joost's link still works at both.
        Assert.Equal(HttpStatusCode.OK, (await joost.OpenAsync(concept.BeheerderUrl)).Status);
        Assert.Equal(HttpStatusCode.OK, (await joost.OpenAsync(actionsUrl)).Status);
    }
}

[OnPostgreSql]
public sealed class SessionAccessOnPostgreSqlTests() : SessionAccessTests(StorageProvider.PostgreSql);
