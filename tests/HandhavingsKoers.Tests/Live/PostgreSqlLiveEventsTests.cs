using System.Net;
using HandhavingsKoers.Tests.Infrastructure;
using HandhavingsKoers.Web.Live;
using Microsoft.Extensions.DependencyInjection;

namespace HandhavingsKoers.Tests.Live;

/// <summary>
/// Live events through PostgreSQL (decision 0017): two instances of one installation on one database, as behind a
/// load balancer. What happens on one reaches the streams on the other; a stream resumes on either instance from an
/// id the other gave out; a listener that lost its connection reconnects and delivers what it missed.
/// </summary>
[OnPostgreSql]
public sealed class PostgreSqlLiveEventsTests : IAsyncLifetime
{
    private readonly string _database = PostgresServer.Shared.CreateDatabase();
    private AppFactory _first = null!;
    private AppFactory _second = null!;

    public Task InitializeAsync()
    {
        _first = new AppFactory(AppFactory.NewFolder(), postgres: _database);
        _second = new AppFactory(AppFactory.NewFolder(), postgres: _database) { OwnsDatabase = true };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }

    [Fact]
    public async Task A_note_posted_on_one_instance_reaches_a_stream_on_the_other_and_a_reconnect_there_replays_it()
    {
        using var facilitator = _first.NewUser();
        var workshop = await facilitator.StartWorkshopAsync();
        var cookies = new CookieContainer();
        using var onFirst = _first.NewUser(cookies);
        using var onSecond = _second.NewUser(cookies);
        await onFirst.JoinAsync(workshop.JoinCode, "Fatima");
        await facilitator.MoveRoomAsync(workshop, "vertrouwen");
        var live = $"/w/{workshop.Id}/live";

        // The participant's stream is on the second instance; the note is written on the first.
        var (id, type, data) = await LiveStreamTests.NextEventAsync(onSecond, live, null,
            () => onFirst.AddNoteAsync(workshop.ParticipantUrl("vertrouwen"), "Already", "Via de eerste server"));
        Assert.Equal("notes", type);
        Assert.Contains("vertrouwen", data, StringComparison.Ordinal);

        // Another participant's page on the second instance gets the note itself, through the table and NOTIFY.
        using var other = _second.NewUser();
        await other.JoinAsync(workshop.JoinCode, "Bram");
        var (_, _, withNote) = await LiveStreamTests.NextEventAsync(other, live, null,
            () => onFirst.AddNoteAsync(workshop.ParticipantUrl("vertrouwen"), "Todo", "Een \"zin\" met é en <b>"));
        Assert.Contains("\"author\":\"Fatima\"", withNote, StringComparison.Ordinal);
        Assert.Contains("\"column\":\"Todo\"", withNote, StringComparison.Ordinal);
        using (var json = System.Text.Json.JsonDocument.Parse(withNote))
        {
            Assert.Equal("Een \"zin\" met é en <b>", json.RootElement.GetProperty("note").GetProperty("text").GetString());
        }

        // While the page is away the facilitator writes on the first instance; it comes back to the second with the
        // id it last saw (given out by the database), and gets exactly what it missed.
        await facilitator.AddNoteAsync(workshop.FacilitatorUrl("vertrouwen"), "Todo", "Terwijl u weg was");
        var (missedId, missedType, _) = await LiveStreamTests.NextEventAsync(onSecond, live, id, null);
        Assert.Equal("notes", missedType);
        Assert.True(long.Parse(missedId, System.Globalization.CultureInfo.InvariantCulture) > long.Parse(id, System.Globalization.CultureInfo.InvariantCulture));

        // And on the first instance, from the same id: the same event (ids are the installation's, not a process's).
        var (sameId, _, _) = await LiveStreamTests.NextEventAsync(onFirst, live, id, null);
        Assert.Equal(missedId, sameId);
    }

    [Fact]
    public async Task A_stream_resumes_from_the_table_and_gets_a_reset_for_a_pruned_or_unknown_id()
    {
        var first = Events(_first);
        var second = Events(_second);
        var room = Guid.NewGuid();
        var a = await first.PublishAsync(room, WorkshopEvent.Notes, "vertrouwen");
        var b = await second.PublishAsync(room, WorkshopEvent.StepMoved, "preventie");
        await first.PublishAsync(Guid.NewGuid(), WorkshopEvent.Notes, "elders");
        var c = await first.PublishAsync(room, WorkshopEvent.Scores, "preventie");
        Assert.True(a.Id < b.Id && b.Id < c.Id);

        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        Assert.Equal([b, c], await second.Subscribe(room, a.Id, cancel.Token).Take(2).ToListAsync(cancel.Token));

        // An id this installation never gave out (another database, or SQLite's in-memory ids before a move).
        var unknown = Assert.Single(await first.Subscribe(room, c.Id + 1_000_000, cancel.Token).Take(1).ToListAsync(cancel.Token));
        Assert.Equal(WorkshopEvent.Reset, unknown.Type);

        // Events older than what is kept are pruned from the oldest on; a page behind them starts afresh.
        _first.Execute($"update LiveEvents set CreatedAt = now() - interval '2 hours' where Id <= {b.Id}");
        Assert.True(await first.PruneAsync(cancel.Token) >= 2);
        var tooOld = Assert.Single(await second.Subscribe(room, a.Id, cancel.Token).Take(1).ToListAsync(cancel.Token));
        Assert.Equal(WorkshopEvent.Reset, tooOld.Type);
        Assert.True(tooOld.Id >= c.Id);

        // A page that saw the last pruned event missed nothing that is gone: it gets c.
        Assert.Equal([c], await second.Subscribe(room, b.Id, cancel.Token).Take(1).ToListAsync(cancel.Token));
    }

    [Fact]
    public async Task A_listener_that_lost_its_connection_reconnects_catches_up_and_health_says_so()
    {
        var first = Events(_first);
        var second = Events(_second);
        using var health = _second.CreateClient();
        Assert.Equal("Healthy", await health.GetStringAsync("/health"));
        var room = Guid.NewGuid();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var stream = second.Subscribe(room, null, cancel.Token).GetAsyncEnumerator(cancel.Token);
        var next = stream.MoveNextAsync().AsTask();

        // The second instance's listening connection is cut, and no new connections are let in for now.
        var name = new Npgsql.NpgsqlConnectionStringBuilder(_database).Database;
        PostgresServer.Execute(PostgresServer.Shared.AdminConnectionString, $"ALTER DATABASE {name} ALLOW_CONNECTIONS false");
        try
        {
            PostgresServer.Execute(PostgresServer.Shared.AdminConnectionString,
                $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '{second.ListenerName}'");
            await WaitUntilAsync(() => !second.Listening, cancel.Token);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await health.GetAsync("/health", cancel.Token)).StatusCode);

            // Meanwhile the first instance (its pooled connections still open) publishes.
            var missed = await first.PublishAsync(room, WorkshopEvent.Notes, "vertrouwen");
            Assert.True(missed.Id > 0);
            await Task.Delay(300, cancel.Token);
            Assert.False(next.IsCompleted);

            PostgresServer.Execute(PostgresServer.Shared.AdminConnectionString, $"ALTER DATABASE {name} ALLOW_CONNECTIONS true");
            Assert.True(await next.WaitAsync(cancel.Token));
            Assert.Equal(missed, stream.Current);
            Assert.True(second.Connects >= 2);
        }
        finally
        {
            PostgresServer.Execute(PostgresServer.Shared.AdminConnectionString, $"ALTER DATABASE {name} ALLOW_CONNECTIONS true");
        }

        await WaitUntilAsync(() => second.Listening, cancel.Token);
        Assert.Equal("Healthy", await health.GetStringAsync("/health", cancel.Token));

        // And live again: the next event comes straight through.
        var again = stream.MoveNextAsync().AsTask();
        var live = await first.PublishAsync(room, WorkshopEvent.StepMoved, "preventie");
        Assert.True(await again.WaitAsync(cancel.Token));
        Assert.Equal(live, stream.Current);
    }

    private static PostgreSqlWorkshopEvents Events(AppFactory app) => app.Services.GetRequiredService<PostgreSqlWorkshopEvents>();

    private static async Task WaitUntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            await Task.Delay(20, cancellationToken);
        }
    }
}
