using System.Globalization;
using System.Net;
using HandhavingsKoers.Tests.Infrastructure;
using HandhavingsKoers.Web;
using HandhavingsKoers.Web.Live;
using HandhavingsKoers.Web.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HandhavingsKoers.Tests.Live;

/// <summary>
/// How many live pages (event streams) one participant, one address and the whole server may hold open at once:
/// beyond a limit a Dutch 429 (or 503 when the server is full), and a page that closes gives its place back.
/// </summary>
public sealed class StreamLimitTests
{
    [Fact]
    public async Task A_participant_holds_at_most_the_limit_a_closed_page_frees_its_place_and_others_are_not_affected()
    {
        await using var app = App(perParticipant: 2);
        using var facilitator = app.NewUser(From("203.0.113.1"));
        using var fatima = app.NewUser(From("203.0.113.1"));
        using var jan = app.NewUser(From("203.0.113.1"));
        var workshop = await facilitator.StartWorkshopAsync();
        await fatima.JoinAsync(workshop.JoinCode, "Fatima");
        await jan.JoinAsync(workshop.JoinCode, "Jan");
        var live = $"/w/{workshop.Id}/live";

        var first = await OpenAsync(fatima, live);
        using var second = await OpenAsync(fatima, live);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);

        using (var third = await OpenAsync(fatima, live))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(60), third.Headers.RetryAfter?.Delta);
            Assert.Contains(Messages.TooManyStreams, await TextOfAsync(third), StringComparison.Ordinal);
        }

        // Someone else in the same room, on the same address, and the facilitator, still get theirs.
        using var jansPage = await OpenAsync(jan, live);
        using var facilitatorsPage = await OpenAsync(facilitator, live);
        Assert.Equal(HttpStatusCode.OK, jansPage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, facilitatorsPage.StatusCode);

        // Fatima closes a page: its place is free again once the server noticed.
        first.Dispose();
        await OpenedCountReaches(app, 3);
        using var again = await OpenAsync(fatima, live);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task One_address_holds_at_most_the_limit_and_another_address_is_not_affected()
    {
        await using var app = App(perAddress: 3);
        using var facilitator = app.NewUser(From("203.0.113.2"));
        var workshop = await facilitator.StartWorkshopAsync();
        var live = $"/w/{workshop.Id}/live";
        var office = new List<User>();
        for (var i = 0; i < 4; i++)
        {
            var colleague = app.NewUser(From("198.51.100.20"));
            await colleague.JoinAsync(workshop.JoinCode);
            office.Add(colleague);
        }

        var pages = new List<HttpResponseMessage>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                pages.Add(await OpenAsync(office[i], live));
                Assert.Equal(HttpStatusCode.OK, pages[^1].StatusCode);
            }

            // A fourth person behind the same address has their own participant limit left, but the address is full.
            using (var refused = await OpenAsync(office[3], live))
            {
                Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            }

            using var elsewhere = await OpenAsync(facilitator, live);
            Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);

            pages[0].Dispose();
            await OpenedCountReaches(app, 3);
            using var now = await OpenAsync(office[3], live);
            Assert.Equal(HttpStatusCode.OK, now.StatusCode);
        }
        finally
        {
            pages.ForEach(page => page.Dispose());
            office.ForEach(user => user.Dispose());
        }
    }

    [Fact]
    public async Task The_server_holds_at_most_its_limit_from_everyone_together_and_then_says_it_is_full()
    {
        await using var app = App(total: 2);
        using var facilitator = app.NewUser(From("203.0.113.3"));
        using var participant = app.NewUser(From("203.0.113.4"));
        using var other = app.NewUser(From("203.0.113.5"));
        var workshop = await facilitator.StartWorkshopAsync();
        await participant.JoinAsync(workshop.JoinCode);
        await other.JoinAsync(workshop.JoinCode);
        var live = $"/w/{workshop.Id}/live";

        var first = await OpenAsync(facilitator, live);
        using var second = await OpenAsync(participant, live);
        using (var full = await OpenAsync(other, live))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, full.StatusCode);
            Assert.Contains(Messages.ServerFullOfStreams, await TextOfAsync(full), StringComparison.Ordinal);
        }

        first.Dispose();
        await OpenedCountReaches(app, 1);
        using var room = await OpenAsync(other, live);
        Assert.Equal(HttpStatusCode.OK, room.StatusCode);
    }

    [Fact]
    public void A_slot_given_back_twice_counts_once_and_nothing_is_kept_for_clients_without_open_streams()
    {
        var slots = new StreamSlots(Options.Create(new SecurityOptions { StreamsPerParticipant = 1, StreamsPerAddress = 5, MaxOpenStreams = 5 }));
        var slot = slots.TryTake("192.0.2.1", "participant:a", out var outcome);
        Assert.Equal(StreamSlots.Outcome.Granted, outcome);
        Assert.Null(slots.TryTake("192.0.2.1", "participant:a", out outcome));
        Assert.Equal(StreamSlots.Outcome.ClientFull, outcome);

        slot!.Dispose();
        slot.Dispose();
        Assert.Equal(0, slots.Total);
        Assert.Equal(0, slots.TrackedClients);
        using var again = slots.TryTake("192.0.2.1", "participant:a", out outcome);
        Assert.Equal(StreamSlots.Outcome.Granted, outcome);
        Assert.Equal(1, slots.Total);
    }

    /// <summary>The defaults let a whole office behind one address follow live: 60 people with a phone and a laptop.</summary>
    [Fact]
    public void The_defaults_let_an_office_of_sixty_behind_one_address_follow_live_with_a_phone_and_a_laptop_each()
    {
        var defaults = new SecurityOptions();
        var slots = new StreamSlots(Options.Create(defaults));
        var taken = new List<IDisposable>();
        for (var person = 0; person < 60; person++)
        {
            foreach (var device in new[] { "phone", "laptop" })
            {
                taken.Add(slots.TryTake("192.0.2.60", $"participant:{person}", out var outcome) ?? throw new InvalidOperationException($"{person} {device}: {outcome}"));
            }
        }

        // The facilitator's laptop and the presenter too.
        taken.Add(slots.TryTake("192.0.2.60", "facilitator:w", out _)!);
        taken.Add(slots.TryTake("192.0.2.60", "facilitator:w", out _)!);
        Assert.All(taken, Assert.NotNull);
        Assert.True(defaults.StreamsPerAddress >= 2 * 122, "room for everyone to open a second tab");
        Assert.True(defaults.MaxOpenStreams >= 5 * defaults.StreamsPerAddress / 2, "several such rooms at once");
        taken.ForEach(slot => slot.Dispose());
    }

    private static AppFactory App(int perParticipant = 10, int perAddress = 300, int total = 2000) =>
        new(AppFactory.NewFolder(),
            settings: new Dictionary<string, string?>
            {
                ["Security:StreamsPerParticipant"] = perParticipant.ToString(CultureInfo.InvariantCulture),
                ["Security:StreamsPerAddress"] = perAddress.ToString(CultureInfo.InvariantCulture),
                ["Security:MaxOpenStreams"] = total.ToString(CultureInfo.InvariantCulture),
            },
            services: services => services.AddTransient<IStartupFilter, TestPeerAddress>());

    private static Dictionary<string, string> From(string address) => new() { [TestPeerAddress.Header] = address };

    /// <summary>Opens the stream and leaves it open (the caller disposes the response to close it).</summary>
    private static async Task<HttpResponseMessage> OpenAsync(User user, string live)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await user.Client.GetAsync(live, HttpCompletionOption.ResponseHeadersRead, cancel.Token);
    }

    private static async Task<string> TextOfAsync(HttpResponseMessage response) =>
        new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()).Body!.TextContent;

    /// <summary>A closed page's stream ends on the server a moment later (the request is aborted, then completes).</summary>
    private static async Task OpenedCountReaches(AppFactory app, int count)
    {
        var slots = app.Services.GetRequiredService<StreamSlots>();
        for (var waited = 0; slots.Total != count; waited += 20)
        {
            Assert.True(waited < 5000, $"{slots.Total} streams still open, expected {count}.");
            await Task.Delay(20);
        }
    }
}
