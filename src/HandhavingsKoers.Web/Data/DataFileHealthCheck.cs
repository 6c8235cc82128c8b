using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace HandhavingsKoers.Web.Data;

/// <summary>
/// <c>/health</c> on SQLite (<see cref="PostgreSqlHealthCheck"/> on PostgreSQL): Healthy only when what people type can be saved. Three checks, cheapest first:
/// <list type="number">
/// <item>the data file opens and has its schema (a query on the workshops);</item>
/// <item>the disk that holds it has at least <see cref="StorageOptions.MinimumFreeSpaceMegabytes"/> free;</item>
/// <item>a write is committed: the file's <c>user_version</c> is set to the value it has. A write in a transaction that
/// is rolled back would prove nothing: in WAL mode it never reaches the disk, so a read-only or failing disk would
/// pass. This commit writes one page to the log, so a disk that refuses writes fails it. It waits its turn with the
/// app's writes (<see cref="WriteGate"/>), for at most <see cref="WriteTimeout"/>.</item>
/// </list>
/// The reason is logged by ASP.NET Core's health check service (as an error); the public answer says only
/// Healthy or Unhealthy.
/// </summary>
internal sealed class DataFileHealthCheck(AppDbContext db, WriteGate gate, IOptions<StorageOptions> storage, IHostEnvironment environment) : IHealthCheck
{
    public static readonly TimeSpan WriteTimeout = TimeSpan.FromSeconds(5);

    private const long Megabyte = 1024 * 1024;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await db.Workshops.AnyAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The data file cannot be read or has no schema.", e);
        }

        var folder = Path.GetDirectoryName(storage.Value.FullPath(environment.ContentRootPath))!;
        var free = new DriveInfo(folder).AvailableFreeSpace;
        if (free < storage.Value.MinimumFreeSpaceMegabytes * Megabyte)
        {
            return HealthCheckResult.Unhealthy(
                $"Only {free / Megabyte} MB free on the disk of {folder} (Storage:MinimumFreeSpaceMegabytes is {storage.Value.MinimumFreeSpaceMegabytes}).");
        }

        return await CommitAWriteAsync(cancellationToken);
    }

    /// <summary>Sets the file's <c>user_version</c> (which the app does not use) to the value it has, and commits.</summary>
    public static async Task CommitNoOpWriteAsync(System.Data.Common.DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        var version = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);

        // A pragma takes no parameters; the value is the number just read.
        command.CommandText = $"PRAGMA user_version = {version};";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<HealthCheckResult> CommitAWriteAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(WriteTimeout);
        try
        {
            await gate.WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"Writes have been waiting longer than {WriteTimeout.TotalSeconds:0} s for their turn.");
        }

        try
        {
            await db.Database.OpenConnectionAsync(timeout.Token);
            await CommitNoOpWriteAsync(db.Database.GetDbConnection(), timeout.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The data file cannot be written.", e);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
            gate.Release();
        }
    }
}
