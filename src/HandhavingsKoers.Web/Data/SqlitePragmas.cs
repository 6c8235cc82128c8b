using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HandhavingsKoers.Web.Data;

/// <summary>
/// Applies <c>Storage:Synchronous</c> to every connection (SQLite keeps it per connection). FULL (the default) syncs
/// the log to disk on every commit: nothing acknowledged is lost, even on a power cut. NORMAL syncs at checkpoints:
/// a killed process still loses nothing acknowledged, a power cut may lose the last moments, the file stays sound;
/// writes are many times faster on slow disks.
/// </summary>
internal sealed class SqlitePragmas(string synchronous) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA synchronous={synchronous};";
        command.ExecuteNonQuery();
    }
}
