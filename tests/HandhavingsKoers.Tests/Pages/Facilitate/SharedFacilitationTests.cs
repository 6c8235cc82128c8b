using System.Net;
using System.Reflection;
using AngleSharp.Html.Dom;
using HandhavingsKoers.Tests.Infrastructure;
using HandhavingsKoers.Web.Data;
using HandhavingsKoers.Web.Workshops;

namespace HandhavingsKoers.Tests.Pages.Facilitate;

/// <summary>
/// Sharing the facilitation (decision 0021): the facilitator invites a co-facilitator and a notulist, each with a link
/// of their own; each role may do what <see cref="FacilitatorRoles.Permits"/> says, and the server refuses the rest
/// whatever the page showed; a revoked link stops at once.
/// </summary>
public class SharedFacilitationTests : RoomTest
{
    public SharedFacilitationTests()
    {
    }

    protected SharedFacilitationTests(StorageProvider provider)
        : base(provider)
    {
    }

    protected long ActiveLinks => App.Count("select count(*) from FacilitatorLinks where RevokedAt is null");

    [Fact]
    public async Task Invited_people_open_their_own_link_and_see_only_what_their_role_may_use()
    {
        var notulistLink = await InviteAsync(Facilitator, "Notulist", "Iris (notulen)");
        var coLink = await InviteAsync(Facilitator, "CoFacilitator", "Bram");

        // The facilitator's page lists both, with whom they are for and a button to revoke each.
        var page = await Facilitator.OpenAsync(Workshop.FacilitatorUrl("vertrouwen"));
        var section = page.Document.QuerySelector("section[aria-labelledby=samen-titel]")!;
        Assert.Contains("Iris (notulen) · notulist", section.TextContent, StringComparison.Ordinal);
        Assert.Contains("Bram · medebegeleider", section.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, section.QuerySelectorAll("form[action*='handler=RevokeLink']").Length);
        Assert.NotNull(section.QuerySelector("button[aria-label='Link van Bram intrekken']"));
        // Shown once: the link is not on the page again.
        Assert.Null(page.Document.QuerySelector("#gedeelde-link"));

        using var notulist = App.NewUser();
        var asNotulist = await notulist.OpenAsync(notulistLink);
        Assert.Equal(HttpStatusCode.OK, asNotulist.Status);
        Assert.Equal(Workshop.FacilitatorUrl(), asNotulist.Address.PathAndQuery);
        Assert.Contains("U begeleidt deze workshop mee als notulist.", asNotulist.Text, StringComparison.Ordinal);
        asNotulist = await notulist.OpenAsync(Workshop.FacilitatorUrl("vertrouwen"));
        foreach (var forbidden in new[] { "Move", "Close", "Hide", "RevealScores", "Lock", "Delete", "Invite", "RevokeLink" })
        {
            Assert.Null(HandlerFormOrNull(asNotulist, forbidden));
        }

        Assert.NotNull(HandlerFormOrNull(asNotulist, "Timer"));
        Assert.NotNull(asNotulist.Document.QuerySelector("#nieuw-Already"));
        Assert.DoesNotContain(asNotulist.Document.QuerySelectorAll("a"), a => a.GetAttribute("href") is { } href
            && (href.EndsWith("/presenteren", StringComparison.Ordinal) || href.EndsWith("/verslag", StringComparison.Ordinal) || href.EndsWith("/vervolg", StringComparison.Ordinal)));

        using var co = App.NewUser();
        var asCo = await co.OpenAsync(coLink);
        Assert.Contains("U begeleidt deze workshop mee als medebegeleider.", asCo.Text, StringComparison.Ordinal);
        asCo = await co.OpenAsync(Workshop.FacilitatorUrl("vertrouwen"));
        foreach (var allowed in new[] { "Move", "Close", "Hide", "RevealScores", "Lock", "Timer" })
        {
            Assert.NotNull(HandlerFormOrNull(asCo, allowed));
        }

        foreach (var forbidden in new[] { "Delete", "Invite", "RevokeLink" })
        {
            Assert.Null(HandlerFormOrNull(asCo, forbidden));
        }

        // The notulist tidies on the prioritising page, without the forms that run the round; the co-facilitator concludes.
        var prioritiesAsNotulist = await notulist.OpenAsync($"/w/{Workshop.Id}/prioriteren");
        Assert.Equal(HttpStatusCode.OK, prioritiesAsNotulist.Status);
        Assert.Null(HandlerFormOrNull(prioritiesAsNotulist, "Open"));
        Assert.NotNull(HandlerFormOrNull(await Facilitator.OpenAsync($"/w/{Workshop.Id}/prioriteren"), "Open"));
        Assert.Equal(HttpStatusCode.OK, (await co.OpenAsync($"/w/{Workshop.Id}/verslag")).Status);
        Assert.Equal(HttpStatusCode.OK, (await co.OpenAsync($"/w/{Workshop.Id}/vervolg")).Status);

        // The facilitator's own link keeps working as before.
        using var facilitatorElsewhere = App.NewUser();
        Assert.Equal(HttpStatusCode.OK, (await facilitatorElsewhere.OpenAsync(Workshop.FacilitatorLink)).Status);
    }

    [Fact]
    public async Task A_notulist_writes_for_the_room_tidies_notes_and_runs_the_timer()
    {
        using var notulist = await OpenAsAsync("Notulist", "Iris");
        await Participant.AddNoteAsync(Workshop.ParticipantUrl("vertrouwen"), "Already", "We bellen terug");

        var added = await notulist.AddNoteAsync(Workshop.FacilitatorUrl("vertrouwen"), "Todo", "Uit de zaal: vaker langsgaan");
        Assert.Equal(HttpStatusCode.OK, added.Status);
        Assert.Contains("Uit de zaal: vaker langsgaan", added.Notes("Todo"));

        // Tidying: the participant's note goes.
        var page = await notulist.OpenAsync(Workshop.FacilitatorUrl("vertrouwen"));
        var delete = (IHtmlFormElement)page.NoteItem("We bellen terug").QuerySelector("form[action*='handler=DeleteNote']")!;
        Assert.Equal(HttpStatusCode.OK, (await notulist.SubmitAsync(delete)).Status);
        Assert.Equal(0, App.Count("select count(*) from Notes where Text = 'We bellen terug'"));

        var timer = await notulist.PressAsync(Workshop.FacilitatorUrl("vertrouwen"), "Timer");
        Assert.Equal(HttpStatusCode.OK, timer.Status);
        Assert.Equal(1, App.Count("select count(*) from StepStates where TimerEndsAt is not null"));

        // A team action is writing for the room too.
        await Facilitator.MoveRoomAsync(Workshop, "acties");
        var action = await notulist.AddTeamActionAsync(Workshop, "Terugbelafspraak vastleggen", "Iris", "2027-01-15");
        Assert.Equal(HttpStatusCode.OK, action.Status);
        Assert.Equal(1, App.Count("select count(*) from TeamActions"));
    }

    /// <summary>Every form a notulist may not use, taken from the facilitator's own pages and sent with the notulist's cookie.</summary>
    [Fact]
    public async Task Every_form_a_notulist_may_not_use_is_refused_with_a_Dutch_403_and_changes_nothing()
    {
        using var notulist = await OpenAsAsync("Notulist", "Iris");
        await InviteAsync(Facilitator, "CoFacilitator", "Bram");
        var token = Token(await notulist.OpenAsync(Workshop.FacilitatorUrl("vertrouwen")));
        var step = await Facilitator.OpenAsync(Workshop.FacilitatorUrl("vertrouwen"));
        var priorities = await Facilitator.OpenAsync($"/w/{Workshop.Id}/prioriteren");
        var followUp = await Facilitator.OpenAsync($"/w/{Workshop.Id}/vervolg");
        var forms = new List<(string Name, IHtmlFormElement Form, Dictionary<string, string> Values)>
        {
            ("Move", step.Document.QuerySelectorAll("form").OfType<IHtmlFormElement>().First(f => f.Action.Contains("handler=Move", StringComparison.Ordinal)), []),
            ("Close", HandlerForm(step, "Close"), []),
            ("Hide", HandlerForm(step, "Hide"), []),
            ("RevealScores", HandlerForm(step, "RevealScores"), []),
            ("Lock", HandlerForm(step, "Lock"), []),
            ("Delete", Confirmed(HandlerForm(step, "Delete")), []),
            ("Invite", HandlerForm(step, "Invite"), new() { ["Invite.Role"] = "CoFacilitator", ["Invite.ForWhom"] = "Mijzelf" }),
            ("RevokeLink", HandlerForm(step, "RevokeLink"), []),
            ("Priorities Open", HandlerForm(priorities, "Open"), []),
            ("FollowUp", followUp.Form("form[method=post]"), []),
        };

        var before = State();
        foreach (var (name, form, values) in forms)
        {
            ((IHtmlInputElement)form.Elements["__RequestVerificationToken"]!).Value = token;
            var answer = await notulist.SubmitAsync(form, values);
            Assert.True(answer.Status == HttpStatusCode.Forbidden, $"{name}: {answer.Status}");
            Assert.Contains("Als notulist", answer.Text, StringComparison.Ordinal);
            Assert.Equal(before, State());
        }

        // Pages that run the room are closed to the notulist as a whole.
        foreach (var url in new[] { $"/w/{Workshop.Id}/presenteren", $"/w/{Workshop.Id}/verslag", $"/w/{Workshop.Id}/vervolg" })
        {
            var refused = await notulist.OpenAsync(url);
            Assert.True(refused.Status == HttpStatusCode.Forbidden, url);
            Assert.Contains("Als notulist", refused.Text, StringComparison.Ordinal);
        }

        Assert.Equal(before, State());
    }

    [Fact]
    public async Task A_co_facilitator_runs_the_room_but_cannot_delete_or_hand_out_links()
    {
        using var co = await OpenAsAsync("CoFacilitator", "Bram");
        var token = Token(await co.OpenAsync(Workshop.FacilitatorUrl("vertrouwen")));

        // Moves the room: the projector (the room's view) follows.
        await co.MoveRoomAsync(Workshop, "menselijke-maat");
        Assert.Equal(1, App.Count("select count(*) from Workshops where CurrentStepKey = 'menselijke-maat'"));
        var presenter = await co.OpenAsync($"/w/{Workshop.Id}/presenteren");
        Assert.Equal(HttpStatusCode.OK, presenter.Status);

        var step = await Facilitator.OpenAsync(Workshop.FacilitatorUrl("menselijke-maat"));
        var before = State();
        foreach (var (handler, values) in new[] { ("Delete", new Dictionary<string, string>()), ("Invite", new() { ["Invite.Role"] = "Notulist", ["Invite.ForWhom"] = "Reserve" }) })
        {
            var form = handler == "Delete" ? Confirmed(HandlerForm(step, handler)) : HandlerForm(step, handler);
            ((IHtmlInputElement)form.Elements["__RequestVerificationToken"]!).Value = token;
            var answer = await co.SubmitAsync(form, values);
            Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
            Assert.Contains("Als medebegeleider kunt u de workshop niet verwijderen", answer.Text, StringComparison.Ordinal);
            Assert.Equal(before, State());
        }

        // Closing is allowed.
        await co.PressAsync(Workshop.FacilitatorUrl("menselijke-maat"), "Close");
        Assert.Equal(1, App.Count("select count(*) from Workshops where ClosedAt is not null"));
    }

    [Fact]
    public async Task A_revoked_link_is_refused_at_once_on_every_page_the_stream_and_when_used_again()
    {
        var link = await InviteAsync(Facilitator, "Notulist", "Iris");
        using var notulist = App.NewUser();
        await notulist.OpenAsync(link);
        var open = await notulist.OpenAsync(Workshop.FacilitatorUrl("vertrouwen"));
        Assert.Equal(HttpStatusCode.OK, open.Status);
        using (var stream = await notulist.Client.GetAsync($"/w/{Workshop.Id}/live", HttpCompletionOption.ResponseHeadersRead))
        {
            Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
        }

        var page = await Facilitator.OpenAsync(Workshop.FacilitatorUrl("vertrouwen"));
        var revoke = HandlerForm(page, "RevokeLink");
        var revoked = await Facilitator.SubmitAsync(revoke);
        Assert.Equal(HttpStatusCode.OK, revoked.Status);
        Assert.Contains("De link is ingetrokken.", revoked.Text, StringComparison.Ordinal);
        Assert.Equal(0, ActiveLinks);
        Assert.Equal(1, App.Count("select count(*) from FacilitatorLinks"));

        // The browser that holds the cookie: its next page, its next form (from the page it still shows), its stream.
        var next = await notulist.OpenAsync(Workshop.FacilitatorUrl("vertrouwen"));
        Assert.Equal(HttpStatusCode.Forbidden, next.Status);
        Assert.Contains("ingetrokken door de begeleider", next.Text, StringComparison.Ordinal);
        var note = await notulist.SubmitAsync(open.FormWith("#nieuw-Already"), new Dictionary<string, string> { ["Form.Text"] = "Na het intrekken" });
        Assert.Equal(HttpStatusCode.Forbidden, note.Status);
        Assert.Equal(0, NoteCount);
        Assert.Equal(HttpStatusCode.Forbidden, (await notulist.Client.GetAsync($"/w/{Workshop.Id}/live", HttpCompletionOption.ResponseHeadersRead)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await notulist.OpenAsync($"{Workshop.FacilitatorUrl("vertrouwen")}?handler=Live")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await notulist.OpenAsync(Workshop.SummaryUrl)).Status);

        // The link used again, in a new browser.
        using var again = App.NewUser();
        var reused = await again.OpenAsync(link);
        Assert.Equal(HttpStatusCode.Forbidden, reused.Status);
        Assert.Contains("ingetrokken door de begeleider", reused.Text, StringComparison.Ordinal);

        // The revoke form sent again (a second tab): a Dutch message, nothing changes.
        var twice = await Facilitator.SubmitAsync(revoke);
        Assert.Equal(HttpStatusCode.BadRequest, twice.Status);
        Assert.Contains("Deze link bestaat niet of is al ingetrokken.", twice.Errors);
    }

    [Fact]
    public async Task An_open_stream_of_a_revoked_link_ends_at_once()
    {
        var link = await InviteAsync(Facilitator, "Notulist", "Iris");
        using var notulist = App.NewUser();
        await notulist.OpenAsync(link);
        var page = await notulist.OpenAsync(Workshop.FacilitatorUrl("vertrouwen"));
        var live = page.Document.QuerySelector("[data-live]")!.GetAttribute("data-live")!;

        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var response = await notulist.Client.GetAsync(live, HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel.Token));
        Assert.False(string.IsNullOrEmpty(await reader.ReadLineAsync(cancel.Token)));

        await Facilitator.SubmitAsync(HandlerForm(await Facilitator.OpenAsync(Workshop.FacilitatorUrl("vertrouwen")), "RevokeLink"));

        // The stream ends (the read reaches its end instead of timing out), without passing on the event that told it.
        var rest = await reader.ReadToEndAsync(cancel.Token);
        Assert.DoesNotContain("event: links", rest, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CoFacilitator", "", "Schrijf bij 'voor wie' voor wie deze link is, bijvoorbeeld een naam.")]
    [InlineData("Notulist", "   ", "Schrijf bij 'voor wie' voor wie deze link is, bijvoorbeeld een naam.")]
    [InlineData("", "Iris", "Kies wie u uitnodigt: een medebegeleider of een notulist.")]
    [InlineData("Notulist", "regel\u0007", "")]
    public async Task Bad_invitations_get_a_Dutch_message_and_store_nothing(string role, string forWhom, string message)
    {
        var page = await Facilitator.OpenAsync(Workshop.FacilitatorUrl("vertrouwen"));
        var answer = await Facilitator.SubmitAsync(HandlerForm(page, "Invite"), new Dictionary<string, string> { ["Invite.Role"] = role, ["Invite.ForWhom"] = forWhom });
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Single(answer.Errors);
        if (message.Length > 0)
        {
            Assert.Equal(message, answer.Errors[0]);
        }

        Assert.Null(answer.Document.QuerySelector("#gedeelde-link"));
        Assert.Equal(0, App.Count("select count(*) from FacilitatorLinks"));
    }

    [Fact]
    public async Task A_label_too_long_a_role_that_is_not_offered_and_an_unknown_role_are_refused()
    {
        var page = await Facilitator.OpenAsync(Workshop.FacilitatorUrl("vertrouwen"));
        var tooLong = await Facilitator.SubmitAsync(HandlerForm(page, "Invite"), new Dictionary<string, string>
        {
            ["Invite.Role"] = "Notulist",
            ["Invite.ForWhom"] = new string('a', FacilitatorLink.ForWhomMaxLength + 1),
        });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.Status);
        Assert.Equal([$"Bij 'voor wie' passen hoogstens {FacilitatorLink.ForWhomMaxLength} tekens."], tooLong.Errors);
        Assert.Equal(new string('a', FacilitatorLink.ForWhomMaxLength + 1), ((IHtmlInputElement)tooLong.Document.QuerySelector("#Invite_ForWhom")!).Value);

        // Values the radio buttons do not offer, sent by hand: a second facilitator, a role that does not exist.
        foreach (var role in new[] { "Facilitator", "Beheerder", "99" })
        {
            var form = HandlerForm(await Facilitator.OpenAsync(Workshop.FacilitatorUrl("vertrouwen")), "Invite");
            var radio = (IHtmlInputElement)form.QuerySelector("input[value=Notulist]")!;
            radio.Value = role;
            var answer = await Facilitator.SubmitAsync(form, new Dictionary<string, string> { ["Invite.ForWhom"] = "Iris" });
            Assert.True(answer.Status == HttpStatusCode.BadRequest, $"{role}: {answer.Status}");
            // "Facilitator" exists but is not handed out; the others are no role at all. The same message for each.
            Assert.Equal(["Kies wie u uitnodigt: een medebegeleider of een notulist."], answer.Errors);
        }

        Assert.Equal(0, App.Count("select count(*) from FacilitatorLinks"));
    }

    [Fact]
    public async Task At_most_twenty_links_work_at_once()
    {
        for (var i = 0; i < Web.Workshops.Workshop.MaxActiveFacilitatorLinks; i++)
        {
            await InviteAsync(Facilitator, i % 2 == 0 ? "Notulist" : "CoFacilitator", $"Persoon {i + 1}");
        }

        var page = await Facilitator.OpenAsync(Workshop.FacilitatorUrl("vertrouwen"));
        var answer = await Facilitator.SubmitAsync(HandlerForm(page, "Invite"), new Dictionary<string, string> { ["Invite.Role"] = "Notulist", ["Invite.ForWhom"] = "Nummer 21" });
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal([$"Er kunnen hoogstens {Web.Workshops.Workshop.MaxActiveFacilitatorLinks} links van medebegeleiders en notulisten tegelijk werken. Trek eerst een link in die niet meer nodig is."], answer.Errors);
        Assert.Equal(Web.Workshops.Workshop.MaxActiveFacilitatorLinks, ActiveLinks);

        // After one is revoked, there is room again.
        await Facilitator.SubmitAsync(HandlerForm(page, "RevokeLink"));
        await InviteAsync(Facilitator, "Notulist", "Nummer 21");
        Assert.Equal(Web.Workshops.Workshop.MaxActiveFacilitatorLinks, ActiveLinks);
    }

    [Fact]
    public async Task A_link_of_one_workshop_opens_nothing_of_another()
    {
        var linkOfA = await InviteAsync(Facilitator, "CoFacilitator", "Bram");
        var keyOfA = linkOfA[(linkOfA.IndexOf("sleutel=", StringComparison.Ordinal) + "sleutel=".Length)..];
        using var otherFacilitator = App.NewUser();
        var b = await otherFacilitator.StartWorkshopAsync(title: "Andere sessie");

        using var bram = App.NewUser();
        var onB = await bram.OpenAsync($"{b.FacilitatorUrl()}?sleutel={keyOfA}");
        Assert.Equal(HttpStatusCode.Forbidden, onB.Status);
        Assert.Contains("begeleiderslink klopt niet", onB.Text, StringComparison.Ordinal);

        // With A's cookie in the browser, B's pages still refuse (the cookie is scoped to /w/{A}).
        await bram.OpenAsync(linkOfA);
        Assert.Equal(HttpStatusCode.OK, (await bram.OpenAsync(Workshop.FacilitatorUrl())).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await bram.OpenAsync(b.FacilitatorUrl())).Status);

        // B's facilitator cannot revoke A's link by its id.
        var linkId = App.Count("select count(*) from FacilitatorLinks") == 1
            ? Guid.Parse((await Facilitator.OpenAsync(Workshop.FacilitatorUrl())).Document.QuerySelector("form[action*='handler=RevokeLink'] input[name=linkId]")!.GetAttribute("value")!)
            : Guid.Empty;
        var pageB = await otherFacilitator.OpenAsync(b.FacilitatorUrl());
        var form = HandlerForm(pageB, "Invite");
        form.Action = form.Action.Replace("handler=Invite", "handler=RevokeLink", StringComparison.Ordinal);
        var answer = await otherFacilitator.SubmitAsync(form, new Dictionary<string, string> { ["Invite.ForWhom"] = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        var withId = await otherFacilitator.Client.PostAsync(form.Action, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["linkId"] = linkId.ToString(),
            ["__RequestVerificationToken"] = Token(pageB),
        }));
        Assert.Equal(HttpStatusCode.BadRequest, withId.StatusCode);
        Assert.Contains("Deze link bestaat niet of is al ingetrokken.", await withId.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, ActiveLinks);
    }

    [Fact]
    public async Task Links_go_with_their_workshop_and_only_hashes_are_stored()
    {
        var link = await InviteAsync(Facilitator, "Notulist", "Iris");
        var key = link[(link.IndexOf("sleutel=", StringComparison.Ordinal) + "sleutel=".Length)..];
        Assert.Equal(43, key.Length);
        Assert.Equal(0, App.Count($"select count(*) from FacilitatorLinks where ForWhom like '%{key}%'"));
        Assert.Equal(1, App.Count("select count(*) from FacilitatorLinks where Role = 'Notulist' and ForWhom = 'Iris' and RevokedAt is null"));

        await Facilitator.SubmitAsync(Confirmed(HandlerForm(await Facilitator.OpenAsync(Workshop.FacilitatorUrl()), "Delete")));
        Assert.Equal(0, App.Count("select count(*) from Workshops"));
        Assert.Equal(0, App.Count("select count(*) from FacilitatorLinks"));
    }

    [Fact]
    public async Task A_beheerders_new_facilitator_link_works_and_leaves_the_shared_links_alone()
    {
        var gemeente = await App.AddGemeenteAsync("Zuidwaarde");
        using var beheerder = App.NewUser();
        await beheerder.OpenAsync(gemeente.Link);
        var (id, oldLink, _) = await beheerder.StartSessionAsync(gemeente, "Sessie met notulist");
        using var facilitator = App.NewUser();
        await facilitator.OpenAsync(oldLink);
        var page = await facilitator.OpenAsync($"/w/{id}/begeleider");
        var made = await facilitator.SubmitAsync(HandlerForm(page, "Invite"), new Dictionary<string, string> { ["Invite.Role"] = "Notulist", ["Invite.ForWhom"] = "Iris" });
        var notulistLink = ((IHtmlInputElement)made.Document.QuerySelector("#gedeelde-link")!).Value;
        using var notulist = App.NewUser();
        Assert.Equal(HttpStatusCode.OK, (await notulist.OpenAsync(notulistLink)).Status);

        var reissued = await beheerder.SubmitAsync((await beheerder.OpenAsync(gemeente.Url)).HandlerForm("Reissue", id));
        var newLink = GemeenteJourney.NewFacilitatorLink(reissued)!;

        // The old facilitator link stops, with the gemeente's message; the new one opens the facilitator's page, links included.
        var outNow = await facilitator.OpenAsync($"/w/{id}/begeleider");
        Assert.Equal(HttpStatusCode.Forbidden, outNow.Status);
        Assert.Contains("werkt niet (meer)", outNow.Text, StringComparison.Ordinal);
        using var laptop = App.NewUser();
        var withNew = await laptop.OpenAsync(newLink);
        Assert.Equal(HttpStatusCode.OK, withNew.Status);
        Assert.Contains("Iris · notulist", withNew.Document.QuerySelector("section[aria-labelledby=samen-titel]")!.TextContent, StringComparison.Ordinal);

        // The notulist's own link is a secret of its own: it keeps working until the facilitator revokes it.
        Assert.Equal(HttpStatusCode.OK, (await notulist.OpenAsync($"/w/{id}/begeleider")).Status);
    }

    /// <summary>The invitation through the real form; returns the link shown once.</summary>
    protected Task<string> InviteAsync(User facilitator, string role, string forWhom) => facilitator.InviteAsync(Workshop.Id, role, forWhom);

    private async Task<User> OpenAsAsync(string role, string forWhom)
    {
        var link = await InviteAsync(Facilitator, role, forWhom);
        var user = App.NewUser();
        Assert.Equal(HttpStatusCode.OK, (await user.OpenAsync(link)).Status);
        return user;
    }

    /// <summary>What a forbidden form could change: the room's step, the workshop's status, step states, links, rounds, workshops.</summary>
    private string State() => string.Join(",",
        App.Count("select count(*) from Workshops"),
        App.Count("select count(*) from Workshops where ClosedAt is not null"),
        App.Count("select count(*) from Workshops where CurrentStepKey = 'vertrouwen'"),
        App.Count("select count(*) from StepStates where NotesHidden or Locked or ScoresRevealed"),
        App.Count("select count(*) from FacilitatorLinks where RevokedAt is null"),
        App.Count("select count(*) from FacilitatorLinks"),
        App.Count("select count(*) from PriorityRounds"));

    /// <summary>Ticks the delete confirmation, as the facilitator would.</summary>
    private static IHtmlFormElement Confirmed(IHtmlFormElement form)
    {
        ((IHtmlInputElement)form.Elements["confirm"]!).IsChecked = true;
        return form;
    }

    private static string Token(Page page) =>
        ((IHtmlInputElement)page.Document.QuerySelector("input[name=__RequestVerificationToken]")!).Value;

    private static IHtmlFormElement HandlerForm(Page page, string handler) =>
        HandlerFormOrNull(page, handler) ?? throw new InvalidOperationException($"No form for {handler} on {page.Address}");

    private static IHtmlFormElement? HandlerFormOrNull(Page page, string handler) =>
        page.Document.QuerySelectorAll("form").OfType<IHtmlFormElement>()
            .FirstOrDefault(f => f.Action.Contains($"handler={handler}&", StringComparison.Ordinal) || f.Action.EndsWith($"handler={handler}", StringComparison.Ordinal));
}

/// <summary>The same rules with the links stored in PostgreSQL.</summary>
[OnPostgreSql]
public sealed class SharedFacilitationOnPostgreSqlTests() : SharedFacilitationTests(StorageProvider.PostgreSql);

/// <summary>The one rule, read as a table, and every facilitator handler naming what it does.</summary>
public sealed class FacilitatorRoleTests
{
    [Theory]
    [InlineData(FacilitatorRole.Facilitator, "Read WriteNotes TidyNotes RunTimer MoveRoom ControlStep RunPriorities Present Prepare OpenAndClose Conclude Publish StartFollowUp ManageLinks Delete")]
    [InlineData(FacilitatorRole.CoFacilitator, "Read WriteNotes TidyNotes RunTimer MoveRoom ControlStep RunPriorities Present Prepare OpenAndClose Conclude Publish StartFollowUp")]
    [InlineData(FacilitatorRole.Notulist, "Read WriteNotes TidyNotes RunTimer")]
    public void Each_role_may_do_exactly_what_decision_0021_lists(FacilitatorRole role, string permitted) =>
        Assert.Equal(permitted, string.Join(" ", Enum.GetValues<FacilitatorAction>().Where(a => role.Permits(a))));

    [Fact]
    public void Every_post_handler_of_a_facilitator_page_names_the_action_it_performs()
    {
        var pages = new[]
        {
            typeof(HandhavingsKoers.Web.Pages.Facilitate.StepModel), typeof(HandhavingsKoers.Web.Pages.Facilitate.PrioritiesModel),
            typeof(HandhavingsKoers.Web.Pages.Conclude.IndexModel), typeof(HandhavingsKoers.Web.Pages.Prepare.IndexModel),
            typeof(HandhavingsKoers.Web.Pages.Workshops.ActionsModel),
        };
        var missing = pages.SelectMany(p => p.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            .Where(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal) && m.GetCustomAttribute<RequiresAttribute>() is null)
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}").ToList();
        Assert.Empty(missing);
    }
}
