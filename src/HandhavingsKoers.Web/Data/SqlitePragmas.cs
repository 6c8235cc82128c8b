using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HandhavingsKoers.Web.Data;

/// <summary>
/// Applies <c>Storage:Synchronous</c> to every connection (SQLite keeps it per connection). NORMAL (the default, and
/// SQLite's own advice for WAL mode) flushes the log to disk at checkpoints, not at every commit: a killed or crashed
/// app loses nothing it acknowledged and the file stays sound; only a power cut or an operating-system crash can cost
/// the writes the system had not yet flushed (on Linux at most about half a minute). FULL also flushes at every commit; on our test machine the
/// disk's occasional slow flush (100-400 ms) then held up every note queued behind it (decision 0006).
/// <para>
/// Also <c>secure_delete=ON</c>: SQLite then overwrites deleted and replaced content with zeros instead of leaving it
/// in free space in the file, so a deleted workshop or an edited note cannot be read back from a copy of the disk.
/// The log (WAL) still holds earlier versions of the pages until it is emptied: see
/// <see cref="AppDbContext.ForgetDeletedAsync"/>.
/// </para>
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
        command.CommandText = $"PRAGMA synchronous={synchronous}; PRAGMA secure_delete=ON;";
        command.ExecuteNonQuery();
    }
}
