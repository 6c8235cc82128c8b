using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using HandhavingsKoers.Web.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using NpgsqlTypes;

namespace HandhavingsKoers.Web.Live;

/// <summary>
/// Live events on PostgreSQL, for several instances on one database (decision 0017). Publishing inserts a row in
/// <c>LiveEvents</c> (its id, global and growing, is the event id every stream sends) and NOTIFYs its content on
/// <see cref="NotifyChannel"/> in the same transaction. Each instance has one listening connection (this hosted
/// service: <c>LISTEN</c>, then a wait loop) and hands what arrives to its own open streams. A stream that resumes
/// with an id (<c>Last-Event-ID</c>, possibly from another instance) replays the workshop's events after it from the
/// table, or gets a <see cref="WorkshopEvent.Reset"/> when that id is older than what is kept or unknown. When the
/// listening connection drops, the listener reconnects (waiting longer each time, up to <see cref="MaxRetryDelay"/>)
/// and first delivers from the table everything it missed, so its streams miss nothing.
/// </summary>
public sealed class PostgreSqlWorkshopEvents : BackgroundService, IWorkshopEvents
{
    /// <summary>The NOTIFY channel.</summary>
    public const string NotifyChannel = "hk_live_events";

    /// <summary>
    /// Held (per transaction) while an event is inserted and notified, so events commit in the order of their ids and
    /// every listener receives them in that order: a browser that saw id n has seen every event before n. Without it
    /// two publishers could commit 11 before 10, and a page that reconnected after 11 would never get 10.
    /// </summary>
    public const long PublishLockKey = 0x484B_6C69_7665; // "HK" + "live"

    /// <summary>Events are kept this long for streams that resume (a phone that lost its connection for a while).</summary>
    public static readonly TimeSpan KeepFor = TimeSpan.FromHours(1);

    /// <summary>And at most about this many, whatever their age (a huge day of events is cut from its oldest).</summary>
    public const int KeepAtMost = 100_000;

    /// <summary>A quiet listening connection is checked this often, so a dead server is noticed.</summary>
    public static readonly TimeSpan PingEvery = TimeSpan.FromSeconds(15);

    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(500);

    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan PruneEvery = TimeSpan.FromMinutes(5);

    private const string InsertSql = """
        WITH e AS (
            INSERT INTO "LiveEvents" ("WorkshopId", "Type", "Step", "Data", "CreatedAt") VALUES ($1, $2, $3, $4, now())
            RETURNING "Id", "WorkshopId", "Type", "Step", "Data")
        SELECT "Id", pg_notify('hk_live_events', json_build_object('id', "Id", 'w', "WorkshopId", 't', "Type", 's', "Step", 'd', "Data"::json)::text)
        FROM e
        """;

    private const string ReplaySql = """SELECT "Id", "WorkshopId", "Type", "Step", "Data" FROM "LiveEvents" WHERE "WorkshopId" = $1 AND "Id" > $2 ORDER BY "Id" """;

    // After the replay: an event pruned in between raises the oldest id (a needless reset at worst, never a gap).
    private const string BoundsSql = """SELECT min("Id"), max("Id") FROM "LiveEvents" """;

    private const string CatchUpSql = """SELECT "Id", "WorkshopId", "Type", "Step", "Data" FROM "LiveEvents" WHERE "Id" > $1 ORDER BY "Id" """;

    // The prefix of the table up to the newest event older than KeepFor, and anything beyond the newest KeepAtMost;
    // the newest event is always kept, so the table's smallest id tells how far back a stream can resume.
    private const string PruneSql = """
        DELETE FROM "LiveEvents"
        WHERE "Id" < (SELECT max("Id") FROM "LiveEvents")
          AND ("Id" <= (SELECT max("Id") FROM "LiveEvents" WHERE "CreatedAt" < now() - $1)
               OR "Id" <= (SELECT max("Id") FROM "LiveEvents") - $2)
        """;

    private readonly NpgsqlDataSource _source;
    private readonly string _listenConnectionString;
    private readonly ILogger<PostgreSqlWorkshopEvents> _log;
    private readonly TimeProvider _clock;
    private readonly Dictionary<Guid, List<Channel<WorkshopEvent>>> _rooms = [];
    private readonly Lock _gate = new();
    private long _lastId;

    // Only the listener's loop touches these.
    private long _delivered;
    private TimeSpan _retry = FirstRetryDelay;
    private DateTimeOffset _lastPrune;
    private NpgsqlConnection? _firstConnection;

    // The notifications of the current listening connection, in the order they arrived (commit order = id order).
    private ConcurrentQueue<string> _arrived = new();

    private volatile bool _listening;
    private int _connects;

    public PostgreSqlWorkshopEvents(PostgreSqlConnections connections, ILogger<PostgreSqlWorkshopEvents> log, TimeProvider clock)
    {
        _source = connections.Source;
        _log = log;
        _clock = clock;
        _lastPrune = clock.GetUtcNow() - PruneEvery;

        // One connection of its own, outside the pool (a pooled connection forgets its LISTEN when it is given back),
        // named so an operator sees it in pg_stat_activity.
        ListenerName = $"hk-live-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";
        _listenConnectionString = new NpgsqlConnectionStringBuilder(_source.ConnectionString)
        {
            Pooling = false,
            ApplicationName = ListenerName,
        }.ConnectionString;
    }

    /// <summary>The <c>application_name</c> of this instance's listening connection (for pg_stat_activity and tests).</summary>
    public string ListenerName { get; }

    /// <summary>True while the listening connection is open and caught up.</summary>
    public bool Listening => _listening;

    /// <summary>How many times the listener connected (more than once: it reconnected).</summary>
    public int Connects => Volatile.Read(ref _connects);

    public long LastId => Volatile.Read(ref _lastId);

    public async Task<WorkshopEvent> PublishAsync(Guid workshopId, string type, string? step = null, LiveNote? note = null, bool countsOnly = false)
    {
        var published = new WorkshopEvent(0, type, step) { Note = note, CountsOnly = countsOnly };
        var data = published.StoredData();
        try
        {
            await using var connection = await _source.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await using var batch = new NpgsqlBatch(connection, transaction)
            {
                BatchCommands =
                {
                    new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock($1)") { Parameters = { new() { Value = PublishLockKey } } },
                    new NpgsqlBatchCommand(InsertSql)
                    {
                        Parameters =
                        {
                            new() { Value = workshopId },
                            new() { Value = type, NpgsqlDbType = NpgsqlDbType.Varchar },
                            new() { Value = (object?)step ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Varchar },
                            new() { Value = (object?)data ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Varchar },
                        },
                    },
                },
            };
            long id;
            await using (var reader = await batch.ExecuteReaderAsync())
            {
                await reader.NextResultAsync();
                await reader.ReadAsync();
                id = reader.GetInt64(0);
            }

            await transaction.CommitAsync();
            Advance(id);
            return published with { Id = id };
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            // The change itself is stored; open pages see it at their next event or reload.
            _log.LogWarning("A live event ({Type}) could not be stored in PostgreSQL: {Problem}", type, e.Message);
            return published;
        }
    }

    public async IAsyncEnumerable<WorkshopEvent> Subscribe(Guid workshopId, long? lastEventId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateUnbounded<WorkshopEvent>(new UnboundedChannelOptions { SingleReader = true });

        // Listen first, then read the table: an event committed after the read arrives through the channel, one
        // committed before is in the read (and, when it also comes through the channel, is skipped by its id).
        Join(workshopId, channel);
        try
        {
            var delivered = long.MinValue;
            if (lastEventId is { } last)
            {
                var missed = await ReplayAsync(workshopId, last, cancellationToken);
                foreach (var e in missed)
                {
                    yield return e;
                }

                delivered = Math.Max(last, missed.Count > 0 ? missed[^1].Id : last);
            }

            await foreach (var e in channel.Reader.ReadAllAsync(cancellationToken))
            {
                if (e.Id > delivered)
                {
                    delivered = e.Id;
                    yield return e;
                }
            }
        }
        finally
        {
            Leave(workshopId, channel);
        }
    }

    /// <summary>The workshop's events after <paramref name="last"/>, or one reset when they are no longer all kept.</summary>
    private async Task<List<WorkshopEvent>> ReplayAsync(Guid workshopId, long last, CancellationToken cancellationToken)
    {
        var missed = new List<WorkshopEvent>();
        long? oldest;
        long newest;
        await using (var connection = await _source.OpenConnectionAsync(cancellationToken))
        await using (var batch = new NpgsqlBatch(connection)
        {
            BatchCommands = { new NpgsqlBatchCommand(ReplaySql) { Parameters = { new() { Value = workshopId }, new() { Value = last } } }, new NpgsqlBatchCommand(BoundsSql) },
        })
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                missed.Add(Read(reader));
            }

            await reader.NextResultAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            oldest = reader.IsDBNull(0) ? null : reader.GetInt64(0);
            newest = reader.IsDBNull(1) ? 0 : reader.GetInt64(1);
        }

        // Resumable when every event after `last` is still in the table: the pruned ones all have ids below the
        // oldest kept. An id beyond the newest was never given out by this installation (another database, or the
        // in-memory ids of SQLite before a move): the page starts afresh.
        newest = Math.Max(newest, missed.Count > 0 ? missed[^1].Id : 0);
        var kept = last <= newest && (oldest is null ? last == 0 : last >= oldest - 1);
        return kept ? missed : [new WorkshopEvent(newest, WorkshopEvent.Reset, null)];
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Start from the newest event now: streams replay older ones themselves.
        await using (var connection = await _source.OpenConnectionAsync(cancellationToken))
        await using (var newest = new NpgsqlCommand("""SELECT coalesce(max("Id"), 0) FROM "LiveEvents" """, connection))
        {
            _delivered = (long)(await newest.ExecuteScalarAsync(cancellationToken))!;
            Advance(_delivered);
        }

        // The first connection is made before the app serves, so /health and the first pages find it listening.
        try
        {
            _firstConnection = await ConnectAsync(cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            _log.LogWarning("The live events listener could not connect to PostgreSQL yet: {Problem}", e.Message);
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var connection = _firstConnection ?? await ConnectAsync(stoppingToken);
                _firstConnection = null;
                await using (connection)
                {
                    await ListenAsync(connection, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                _listening = false;
                _log.LogWarning("The live events listener lost PostgreSQL ({Problem}); connecting again in {Delay} ms.", e.Message, _retry.TotalMilliseconds);
            }

            try
            {
                await Task.Delay(_retry, _clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            _retry = TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, _retry.Ticks * 2));
        }
    }

    /// <summary>Opens the listening connection, LISTENs, and delivers what was committed since the last delivered event.</summary>
    private async Task<NpgsqlConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(_listenConnectionString);
        try
        {
            var arrived = new ConcurrentQueue<string>();
            connection.Notification += (_, n) => arrived.Enqueue(n.Payload);
            await connection.OpenAsync(cancellationToken);
            await using (var listen = new NpgsqlCommand("LISTEN " + NotifyChannel, connection))
            {
                await listen.ExecuteNonQueryAsync(cancellationToken);
            }

            // Listening now, so nothing committed from here on is lost; catch up on what came before.
            var missed = new List<WorkshopEvent>();
            var rooms = new List<Guid>();
            await using (var catchUp = new NpgsqlCommand(CatchUpSql, connection) { Parameters = { new() { Value = _delivered } } })
            await using (var reader = await catchUp.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    missed.Add(Read(reader));
                    rooms.Add(reader.GetGuid(1));
                }
            }

            for (var i = 0; i < missed.Count; i++)
            {
                Deliver(rooms[i], missed[i]);
            }

            _arrived = arrived;
            Drain();
            _retry = FirstRetryDelay;
            Interlocked.Increment(ref _connects);
            _listening = true;
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task ListenAsync(NpgsqlConnection connection, CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                if (!await connection.WaitAsync(PingEvery, stoppingToken))
                {
                    // Quiet for a while: make sure the server is still there (a dead one throws here).
                    await using var ping = new NpgsqlCommand("SELECT 1", connection) { CommandTimeout = 5 };
                    await ping.ExecuteScalarAsync(stoppingToken);
                }

                Drain();
                await PruneWhenDueAsync(stoppingToken);
            }
        }
        finally
        {
            _listening = false;
        }
    }

    private void Drain()
    {
        while (_arrived.TryDequeue(out var payload))
        {
            using var json = JsonDocument.Parse(payload);
            var root = json.RootElement;
            var step = root.GetProperty("s");
            var data = root.TryGetProperty("d", out var d) && d.ValueKind == JsonValueKind.Object ? d.GetRawText() : null;
            Deliver(root.GetProperty("w").GetGuid(), new WorkshopEvent(
                root.GetProperty("id").GetInt64(), root.GetProperty("t").GetString()!, step.ValueKind == JsonValueKind.Null ? null : step.GetString()).WithStoredData(data));
        }
    }

    /// <summary>Hands an event to this instance's open streams of its workshop, once and in id order.</summary>
    private void Deliver(Guid workshopId, WorkshopEvent e)
    {
        if (e.Id <= _delivered)
        {
            return; // caught up from the table already
        }

        _delivered = e.Id;
        Advance(e.Id);
        lock (_gate)
        {
            if (_rooms.TryGetValue(workshopId, out var streams))
            {
                foreach (var stream in streams)
                {
                    stream.Writer.TryWrite(e);
                }
            }
        }
    }

    /// <summary>Removes old events (any instance may; the statement is the same for all).</summary>
    private async Task PruneWhenDueAsync(CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        if (now - _lastPrune < PruneEvery)
        {
            return;
        }

        _lastPrune = now;
        await PruneAsync(cancellationToken);
    }

    /// <summary>Deletes the events no stream may resume from any more; the number deleted.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await _source.OpenConnectionAsync(cancellationToken);
            await using var prune = new NpgsqlCommand(PruneSql, connection) { Parameters = { new() { Value = KeepFor }, new() { Value = (long)KeepAtMost } } };
            return await prune.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            _log.LogWarning("Old live events could not be removed: {Problem}", e.Message);
            return 0;
        }
    }

    private void Advance(long id)
    {
        var seen = Volatile.Read(ref _lastId);
        while (id > seen)
        {
            var before = Interlocked.CompareExchange(ref _lastId, id, seen);
            if (before == seen)
            {
                return;
            }

            seen = before;
        }
    }

    private void Join(Guid workshopId, Channel<WorkshopEvent> channel)
    {
        lock (_gate)
        {
            if (!_rooms.TryGetValue(workshopId, out var streams))
            {
                _rooms[workshopId] = streams = [];
            }

            streams.Add(channel);
        }
    }

    private void Leave(Guid workshopId, Channel<WorkshopEvent> channel)
    {
        lock (_gate)
        {
            if (_rooms.TryGetValue(workshopId, out var streams) && streams.Remove(channel) && streams.Count == 0)
            {
                _rooms.Remove(workshopId);
            }
        }
    }

    private static WorkshopEvent Read(NpgsqlDataReader reader) =>
        new WorkshopEvent(reader.GetInt64(0), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3))
            .WithStoredData(reader.IsDBNull(4) ? null : reader.GetString(4));

    public override void Dispose()
    {
        _firstConnection?.Dispose();
        base.Dispose();
    }
}

/// <summary>
/// <c>/health</c> on PostgreSQL also asks whether this instance's live events listener is connected: without it the
/// pages it serves get no live updates (it reconnects by itself; until then a load balancer may send people elsewhere).
/// </summary>
internal sealed class LiveEventsHealthCheck(PostgreSqlWorkshopEvents events) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(events.Listening
            ? HealthCheckResult.Healthy("The live events listener is connected to PostgreSQL.")
            : HealthCheckResult.Unhealthy("The live events listener has no connection to PostgreSQL; it is reconnecting."));
}
