using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HandhavingsKoers.Web.Data;

/// <summary>
/// <c>/health</c> on PostgreSQL: Healthy only when the database answers, has the app's schema, and accepts writes
/// (not a standby, not read-only by default). Each check is one short query on a pooled connection, within
/// <see cref="Timeout"/>. The disk is the database server's, not this machine's: its room is for the server's own
/// monitoring. The reason is logged by ASP.NET Core's health check service; the public answer says only Healthy or
/// Unhealthy.
/// </summary>
internal sealed class PostgreSqlHealthCheck(AppDbContext db) : IHealthCheck
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await db.Workshops.AnyAsync(timeout.Token);
            var readOnly = await db.Database.SqlQueryRaw<string>("SELECT current_setting('transaction_read_only') AS \"Value\"")
                .SingleAsync(timeout.Token);
            return readOnly == "off"
                ? HealthCheckResult.Healthy("PostgreSQL answers and accepts writes.")
                : HealthCheckResult.Unhealthy("PostgreSQL answers but accepts no writes (a standby or read-only).");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL cannot be reached or has no schema.", e);
        }
    }
}
