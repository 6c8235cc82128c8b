using HandhavingsKoers.Web.Data;
using Microsoft.Extensions.Options;
using Npgsql;

namespace HandhavingsKoers.Web.Security;

/// <summary>
/// The per-address limits of <see cref="RateLimits"/> (join codes per minute, starts per hour) on PostgreSQL, counted
/// in the database (<c>LimitWindows</c>) instead of each process's memory, so that with N instances behind a load
/// balancer a guesser still gets <see cref="SecurityOptions.JoinAttemptsPerMinute"/>, not N times as many. One
/// upsert per limited request (a join or a start, a handful per person per workshop). The same fixed windows as
/// on SQLite; the answer to a request over the limit is the same 429 with the same message.
/// </summary>
public sealed class InstallationLimits(RequestDelegate next, PostgreSqlConnections connections, IOptions<SecurityOptions> options, ILogger<InstallationLimits> log)
{
    private const string CountSql = """
        INSERT INTO "LimitWindows" ("Key", "WindowStart", "Count") VALUES ($1, date_trunc($2, now()), 1)
        ON CONFLICT ("Key", "WindowStart") DO UPDATE SET "Count" = "LimitWindows"."Count" + 1
        RETURNING "Count"
        """;

    private const string ForgetSql = """DELETE FROM "LimitWindows" WHERE "WindowStart" < now() - interval '2 hours'""";

    private static readonly TimeSpan ForgetEvery = TimeSpan.FromMinutes(10);

    private long _lastForget;

    public async Task InvokeAsync(HttpContext context)
    {
        var kind = RateLimits.Kind(context);
        if (kind == RateLimits.Limited.None)
        {
            await next(context);
            return;
        }

        var security = options.Value;
        var (prefix, unit, limit) = kind == RateLimits.Limited.Join
            ? ("join:", "minute", security.JoinAttemptsPerMinute)
            : ("start:", "hour", security.StartsPerHour);
        if (await CountAsync(prefix + RateLimits.ClientAddress(context), unit, context.RequestAborted) > limit)
        {
            RateLimits.Refuse(context);
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return;
        }

        await next(context);
    }

    private async Task<int> CountAsync(string key, string unit, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await connections.Source.OpenConnectionAsync(cancellationToken);
            await ForgetOldWindowsAsync(connection, cancellationToken);
            await using var count = new NpgsqlCommand(CountSql, connection) { Parameters = { new() { Value = key[..Math.Min(key.Length, LimitWindow.KeyMaxLength)] }, new() { Value = unit } } };
            return (int)(await count.ExecuteScalarAsync(cancellationToken))!;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            // Without the database the request fails on its own; the limit does not add a second error.
            log.LogWarning("A limit could not be counted in PostgreSQL: {Problem}", e.Message);
            return 0;
        }
    }

    /// <summary>Now and then (per instance), the windows nobody counts in any more are deleted.</summary>
    private async Task ForgetOldWindowsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastForget);
        if ((last != 0 && now - last < ForgetEvery.TotalMilliseconds) || Interlocked.CompareExchange(ref _lastForget, now, last) != last)
        {
            return;
        }

        await using var forget = new NpgsqlCommand(ForgetSql, connection);
        await forget.ExecuteNonQueryAsync(cancellationToken);
    }
}
