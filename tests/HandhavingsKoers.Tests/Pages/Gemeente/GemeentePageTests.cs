using System.Net;
using AngleSharp.Html.Dom;
using HandhavingsKoers.Tests.Infrastructure;

namespace HandhavingsKoers.Tests.Pages.Gemeente;

/// <summary>
/// The beheerder's page of a gemeente, without JavaScript: starting sessions, their chains, re-issuing and revoking a
/// facilitator link, inviting and revoking beheerders.
/// </summary>
public sealed class GemeentePageTests : AppTest
{
    [Fact]
    public async Task A_beheerder_starts_a_session_whose_facilitator_link_is_shown_once_and_opens_it()
    {
        var gemeente = await App.AddGemeenteAsync("Zuidwaarde");
        using var beheerder = App.NewUser();
        await beheerder.OpenAsync(gemeente.Link);

        var (id, link, page) = await beheerder.StartSessionAsync(gemeente, "Teamsessie najaar", "2026-12-03");
        Assert.Equal("De sessie is gestart.", page.Document.QuerySelector(".notice-success[role=status]")?.TextContent);
        var item = page.Document.QuerySelector($"#sessie-{id}")!;
        Assert.Contains("Teamsessie najaar", item.TextContent, StringComparison.Ordinal);
        Assert.Contains("3 december 2026", item.TextContent, StringComparison.Ordinal);
        Assert.Contains("Open", item.TextContent, StringComparison.Ordinal);

        // Shown once: the next visit of the page has no link.
        Assert.Null(GemeenteJourney.NewFacilitatorLink(await beheerder.OpenAsync(gemeente.Url)));

        using var facilitator = App.NewUser();
        var facilitatorPage = await facilitator.OpenAsync(link);
        Assert.Equal(HttpStatusCode.OK, facilitatorPage.Status);
        Assert.Equal($"/w/{id}/begeleider", facilitatorPage.Address.AbsolutePath);
        Assert.Equal(1, App.Count("select count(*) from Workshops where Gemeente = 'Zuidwaarde'"));
    }

    [Fact]
    public async Task A_concept_session_refuses_its_join_code_until_the_facilitator_opens_it()
    {
        var gemeente = await App.AddGemeenteAsync("Zuidwaarde");
        using var beheerder = App.NewUser();
        var form = (await beheerder.OpenAsync(gemeente.Link)).HandlerForm("Start");
        ((IHtmlInputElement)form.Elements["Input.Concept"]!).IsChecked = true;
        var prepared = await beheerder.SubmitAsync(form, new Dictionary<string, string> { ["Input.Title"] = "Voorbereide sessie", ["Input.Date"] = "2026-12-10" });
        Assert.Contains("Concept (nog niet geopend)", prepared.Document.QuerySelector("li.session")!.TextContent, StringComparison.Ordinal);
        var link = GemeenteJourney.NewFacilitatorLink(prepared)!;

        using var facilitator = App.NewUser();
        var facilitatorPage = await facilitator.OpenAsync(link);
        Assert.Contains("Deze sessie is een concept", facilitatorPage.Text, StringComparison.Ordinal);
        var code = facilitatorPage.Document.QuerySelector(".join-code")!.TextContent.Replace(" ", "", StringComparison.Ordinal);

        using var participant = App.NewUser();
        var refused = await participant.JoinAsync(code, "Sanne");
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains(refused.Errors, e => e.Contains("nog niet geopend", StringComparison.Ordinal));
        Assert.Equal(0, App.Count("select count(*) from Participants"));

        var opened = await facilitator.SubmitAsync(facilitatorPage.HandlerForm("OpenConcept"));
        Assert.Equal(HttpStatusCode.OK, opened.Status);
        Assert.DoesNotContain("Deze sessie is een concept", opened.Text, StringComparison.Ordinal);
        var joined = await participant.JoinAsync(code, "Sanne");
        Assert.Equal(HttpStatusCode.OK, joined.Status);
        Assert.EndsWith("/stap", joined.Address.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("Open", (await beheerder.OpenAsync(gemeente.Url)).Document.QuerySelector("li.session dl")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_concept_or_a_session_opened_long_after_it_was_prepared_is_not_closed_as_idle_by_retention()
    {
        var gemeente = await App.AddGemeenteAsync("Zuidwaarde");
        using var beheerder = App.NewUser();
        var form = (await beheerder.OpenAsync(gemeente.Link)).HandlerForm("Start");
        ((IHtmlInputElement)form.Elements["Input.Concept"]!).IsChecked = true;
        await beheerder.SubmitAsync(form, new Dictionary<string, string> { ["Input.Title"] = "Concept", ["Input.Date"] = "2027-03-01" });
        await beheerder.StartSessionAsync(gemeente, "Vergeten sessie");
        await beheerder.StartSessionAsync(gemeente, "Vroeg geopend");
        App.Execute("update Workshops set CreatedAt = '2020-01-01 00:00:00'");
        App.Execute("update Workshops set Date = '2020-01-01' where Title = 'Vergeten sessie'");

        // Prepared long ahead and opened the day before its planned day: nobody joined yet, and that is not idle.
        App.Execute($"update Workshops set Date = '{DateTime.UtcNow.AddDays(1):yyyy-MM-dd}' where Title = 'Vroeg geopend'");

        var closed = await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<HandhavingsKoers.Web.Maintenance.RetentionService>(App.Services).CloseIdleAsync(CancellationToken.None);
        Assert.Equal(1, closed);
        Assert.Equal(1, App.Count("select count(*) from Workshops where Title = 'Vergeten sessie' and ClosedAt is not null"));
        Assert.Equal(0, App.Count("select count(*) from Workshops where Title in ('Concept', 'Vroeg geopend') and ClosedAt is not null"));
    }

    [Fact]
    public async Task A_missing_title_is_named_and_nothing_is_started()
    {
        var gemeente = await App.AddGemeenteAsync("Zuidwaarde");
        using var beheerder = App.NewUser();
        var page = await beheerder.OpenAsync(gemeente.Link);
        var refused = await beheerder.SubmitAsync(page.HandlerForm("Start"), new Dictionary<string, string> { ["Input.Title"] = " " });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("Geef de workshop een titel.", refused.Errors);
        Assert.Equal(0, App.Count("select count(*) from Workshops"));
    }

    [Fact]
    public async Task Reissuing_a_facilitator_link_stops_the_old_one_at_once_and_revoking_stops_every_one()
    {
        var gemeente = await App.AddGemeenteAsync("Zuidwaarde");
        using var beheerder = App.NewUser();
        await beheerder.OpenAsync(gemeente.Link);
        var (id, oldLink, page) = await beheerder.StartSessionAsync(gemeente, "Teamsessie");
        using var facilitator = App.NewUser();
        Assert.Equal(HttpStatusCode.OK, (await facilitator.OpenAsync(oldLink)).Status);

        var reissued = await beheerder.SubmitAsync(page.HandlerForm("Reissue", id));
        var newLink = GemeenteJourney.NewFacilitatorLink(reissued);
        Assert.NotNull(newLink);
        Assert.NotEqual(oldLink, newLink);

        // The browser that held the old key is out at once, and the old link does not work anywhere.
        var outNow = await facilitator.OpenAsync($"/w/{id}/begeleider");
        Assert.Equal(HttpStatusCode.Forbidden, outNow.Status);
        Assert.Contains("werkt niet (meer)", outNow.Text, StringComparison.Ordinal);
        using var laptop = App.NewUser();
        Assert.Equal(HttpStatusCode.Forbidden, (await laptop.OpenAsync(oldLink)).Status);
        Assert.Equal(HttpStatusCode.OK, (await laptop.OpenAsync(newLink)).Status);

        // The facilitator shares the session; a re-issue later would keep that link, a revoke ends it too.
        var notulistLink = await laptop.InviteAsync(id, "Notulist", "Mijzelf");
        using var notulist = App.NewUser();
        Assert.Equal(HttpStatusCode.OK, (await notulist.OpenAsync(notulistLink)).Status);

        var revoked = await beheerder.SubmitAsync(reissued.HandlerForm("RevokeFacilitator", id));
        Assert.Equal(HttpStatusCode.Forbidden, (await notulist.OpenAsync($"/w/{id}/begeleider")).Status);
        using var notulistElsewhere = App.NewUser();
        Assert.Equal(HttpStatusCode.Forbidden, (await notulistElsewhere.OpenAsync(notulistLink)).Status);
        Assert.Equal(HttpStatusCode.OK, revoked.Status);
        Assert.Contains("ingetrokken", revoked.Document.QuerySelector($"#sessie-{id}")!.TextContent, StringComparison.Ordinal);
        var refused = await laptop.OpenAsync($"/w/{id}/begeleider");
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains("De begeleiderslink van deze sessie is ingetrokken", refused.Text, StringComparison.Ordinal);
        using var another = App.NewUser();
        Assert.Equal(HttpStatusCode.Forbidden, (await another.OpenAsync(newLink)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await laptop.OpenAsync($"/w/{id}/presenteren")).Status);
    }

    [Fact]
    public async Task Follow_ups_of_a_gemeente_session_belong_to_the_gemeente_and_are_listed_as_one_chain()
    {
        var gemeente = await App.AddGemeenteAsync("Zuidwaarde");
        using var beheerder = App.NewUser();
        await beheerder.OpenAsync(gemeente.Link);
        var (id, link, _) = await beheerder.StartSessionAsync(gemeente, "Eerste sessie", "2026-03-01");
        await beheerder.StartSessionAsync(gemeente, "Losse sessie", "2026-04-01");
        using var facilitator = App.NewUser();
        var first = await facilitator.OpenAsync(link);
        var followUp = await facilitator.StartFollowUpAsync(
            new Journey.StartedWorkshop(id, "", link, first), "Tweede sessie", "2026-10-01");

        var page = await beheerder.OpenAsync(gemeente.Url);
        var chains = page.Document.QuerySelectorAll("section.chain").ToList();
        Assert.Equal(2, chains.Count);
        var chain = chains.Single(c => c.TextContent.Contains("Reeks: Eerste sessie", StringComparison.Ordinal));
        Assert.Equal(["Eerste sessie", "Tweede sessie"], chain.QuerySelectorAll(".session-title").Select(t => t.TextContent).ToArray());
        Assert.Contains("Vervolg op “Eerste sessie”", chain.QuerySelector($"#sessie-{followUp.Id}")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("2 sessies", chain.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Links_without_a_name_are_told_apart_and_your_own_is_called_yours()
    {
        var gemeente = await App.AddGemeenteAsync("Noordwaarde"); // the first link has no name
        using var first = App.NewUser();
        var page = await first.OpenAsync(gemeente.Link);
        var invited = await first.SubmitAsync(page.HandlerForm("Invite"), new Dictionary<string, string> { ["Invite.ForWhom"] = "" });

        var items = invited.Document.QuerySelectorAll("li.beheerder-link").ToList();
        Assert.Equal(2, items.Count);
        Assert.Equal("Uw eigen link", items[0].QuerySelector("strong")?.TextContent);
        Assert.Equal("Link zonder naam", items[1].QuerySelector("strong")?.TextContent);
        Assert.DoesNotContain("(niet ingevuld)", invited.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("(uw link)", invited.Text, StringComparison.Ordinal);

        // The revoke buttons say whose link they revoke: your own, or the unnamed one by when it was made.
        Assert.Equal("Intrekken: uw eigen beheerderslink", items[0].QuerySelector("button")?.GetAttribute("aria-label"));
        Assert.Matches(@"^Intrekken: beheerderslink zonder naam, gemaakt op \d{1,2} \w+ \d{4} om \d\d:\d\d$", items[1].QuerySelector("button")?.GetAttribute("aria-label") ?? "");
    }

    [Fact]
    public async Task A_beheerder_invites_another_who_can_be_revoked_but_the_last_working_link_stays()
    {
        var gemeente = await App.AddGemeenteAsync("Zuidwaarde", "Fatima");
        using var fatima = App.NewUser();
        var page = await fatima.OpenAsync(gemeente.Link);
        Assert.Empty(page.Document.QuerySelectorAll("form[action*='handler=RevokeLink']")); // only one link: nothing to revoke

        var invited = await fatima.SubmitAsync(page.HandlerForm("Invite"), new Dictionary<string, string> { ["Invite.ForWhom"] = "Joost" });
        var joostLink = (invited.Document.QuerySelector("#nieuwe-beheerderslink") as IHtmlInputElement)?.Value;
        Assert.NotNull(joostLink);
        Assert.Null((await fatima.OpenAsync(gemeente.Url)).Document.QuerySelector("#nieuwe-beheerderslink")); // shown once
        using var joost = App.NewUser();
        var joostPage = await joost.OpenAsync(joostLink);
        Assert.Equal(HttpStatusCode.OK, joostPage.Status);
        Assert.Contains("Joost (uw link)", joostPage.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Fatima (uw link)", joostPage.Text, StringComparison.Ordinal);

        // Joost revokes Fatima's link: she is out at once, with a Dutch 403, on the bare page and with her link.
        var fatimaLinkId = Guid.Parse(joostPage.Document.QuerySelectorAll("li.beheerder-link")
            .Single(li => li.TextContent.Contains("Fatima", StringComparison.Ordinal))
            .QuerySelector("input[name=link]")!.GetAttribute("value")!);
        var ownForm = joostPage.Document.QuerySelectorAll("li.beheerder-link")
            .Single(li => li.TextContent.Contains("Joost", StringComparison.Ordinal)).QuerySelector("form") as IHtmlFormElement;
        var afterRevoke = await joost.SubmitAsync(joostPage.HandlerForm("RevokeLink", fatimaLinkId));
        Assert.Equal("De beheerderslink is ingetrokken.", afterRevoke.Document.QuerySelector(".notice-success")?.TextContent);
        var fatimaOut = await fatima.OpenAsync(gemeente.Url);
        Assert.Equal(HttpStatusCode.Forbidden, fatimaOut.Status);
        Assert.Contains("Deze beheerderslink is ingetrokken", fatimaOut.Text, StringComparison.Ordinal);
        using var fatimaElsewhere = App.NewUser();
        Assert.Equal(HttpStatusCode.Forbidden, (await fatimaElsewhere.OpenAsync(gemeente.Link)).Status);

        // Joost's is the last working link: a stale form that would revoke it is refused, and he stays in.
        var last = await joost.SubmitAsync(ownForm!);
        Assert.Equal(HttpStatusCode.BadRequest, last.Status);
        Assert.Contains(last.Errors, e => e.Contains("laatste beheerderslink", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await joost.OpenAsync(gemeente.Url)).Status);
        Assert.Equal(1, App.Count("select count(*) from BeheerderLinks where RevokedAt is null"));
    }

    [Fact]
    public async Task A_beheerder_of_one_gemeente_reaches_nothing_of_another_whatever_id_is_swapped()
    {
        var zuid = await App.AddGemeenteAsync("Zuidwaarde");
        var noord = await App.AddGemeenteAsync("Noordwaarde");
        using var zuidBeheerder = App.NewUser();
        await zuidBeheerder.OpenAsync(zuid.Link);
        await zuidBeheerder.StartSessionAsync(zuid, "Sessie zuid");
        await zuidBeheerder.SubmitAsync((await zuidBeheerder.OpenAsync(zuid.Url)).HandlerForm("Invite"), new Dictionary<string, string> { ["Invite.ForWhom"] = "Tweede" });
        using var noordBeheerder = App.NewUser();
        await noordBeheerder.OpenAsync(noord.Link);
        var (noordSession, noordFacilitatorLink, _) = await noordBeheerder.StartSessionAsync(noord, "Sessie noord");
        await noordBeheerder.SubmitAsync((await noordBeheerder.OpenAsync(noord.Url)).HandlerForm("Invite"), new Dictionary<string, string> { ["Invite.ForWhom"] = "Tweede noord" });
        var noordPage = await noordBeheerder.OpenAsync(noord.Url);
        var noordIds = noordPage.Document.QuerySelectorAll("form input[type=hidden]:not([name=__RequestVerificationToken])")
            .Select(i => i.GetAttribute("value")!).Distinct().ToList();
        Assert.Contains(noordSession.ToString(), noordIds);
        Assert.True(noordIds.Count >= 3, string.Join(", ", noordIds)); // the session and two beheerder links

        string Snapshot() => string.Join("|",
            App.Count("select count(*) from Workshops where Gemeente = 'Noordwaarde'"),
            App.Count("select count(*) from BeheerderLinks where RevokedAt is null"),
            App.Count("select count(*) from Workshops where length(FacilitatorKeyHash) = 32"));
        var before = Snapshot();

        // Noord's page and Noord's key used on Zuid's address: refused.
        Assert.Equal(HttpStatusCode.Forbidden, (await zuidBeheerder.OpenAsync(noord.Url)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await zuidBeheerder.OpenAsync($"{zuid.Url}?sleutel={noord.Key}")).Status);

        // Every form of Zuid's page, with every id in it swapped for each of Noord's, and sent to both addresses.
        var zuidPage = await zuidBeheerder.OpenAsync(zuid.Url);
        var forms = zuidPage.Document.QuerySelectorAll("form[method=post]").OfType<IHtmlFormElement>().ToList();
        Assert.True(forms.Count >= 5, $"{forms.Count} forms");
        var tried = 0;
        foreach (var formIndex in Enumerable.Range(0, forms.Count))
        {
            var hiddenIds = forms[formIndex].QuerySelectorAll("input[type=hidden]:not([name=__RequestVerificationToken])").OfType<IHtmlInputElement>().ToList();
            var swaps = hiddenIds.Count == 0 ? [null] : noordIds.Cast<string?>().ToList();
            foreach (var swap in swaps)
            {
                foreach (var address in new[] { zuid.Url, noord.Url })
                {
                    // A fresh copy of the page for each attempt, so one attempt's changes do not carry over.
                    var form = (await zuidBeheerder.OpenAsync(zuid.Url)).Document.QuerySelectorAll("form[method=post]").OfType<IHtmlFormElement>().ElementAt(formIndex);
                    var action = form.Action.Replace(zuid.Id.ToString(), noord.Id.ToString(), StringComparison.Ordinal);
                    form.Action = address == noord.Url ? action : form.Action;
                    foreach (var hidden in form.QuerySelectorAll("input[type=hidden]:not([name=__RequestVerificationToken])").OfType<IHtmlInputElement>())
                    {
                        hidden.Value = swap ?? hidden.Value;
                    }

                    if (address == zuid.Url && swap is null)
                    {
                        continue; // Zuid's own form, unchanged: not an attack.
                    }

                    var answer = await zuidBeheerder.SubmitWithoutRedirectAsync(form, new Dictionary<string, string>
                    {
                        ["Input.Title"] = "Ingebroken",
                        ["Input.Date"] = "2026-12-01",
                        ["Invite.ForWhom"] = "Inbreker",
                    }.Where(v => form.Elements[v.Key] is not null).ToDictionary());
                    var expected = address == noord.Url ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound;
                    Assert.True(answer.Status == expected, $"form {formIndex} ({form.Action}) with {swap} to {address}: {(int)answer.Status}");
                    tried++;
                }
            }
        }

        Assert.True(tried >= 10, $"{tried} attempts");
        Assert.Equal(before, Snapshot());
        Assert.Equal(0, App.Count("select count(*) from Workshops where Title = 'Ingebroken'"));
        Assert.Equal(0, App.Count("select count(*) from BeheerderLinks where ForWhom = 'Inbreker'"));
        using var noordFacilitator = App.NewUser();
        Assert.Equal(HttpStatusCode.OK, (await noordFacilitator.OpenAsync(noordFacilitatorLink)).Status);
    }
}
