using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace HandhavingsKoers.Web.Data;

/// <summary>
/// <see cref="AppDbContext"/> on SQLite. Its own type so that its migrations (<c>Data/Migrations/Sqlite</c>, generated
/// with <c>dotnet ef migrations add &lt;Name&gt; --context SqliteAppDbContext</c>) and its model snapshot are told
/// apart from another provider's (decision 0007).
/// </summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options)
{
    private const int CheckpointAttempts = 20;

    /// <summary>Writes wait their turn here instead of in SQLite (see <see cref="WriteGate"/>, decision 0010).</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // The app's one gate, a singleton: EF finds it among the application's services.
        var gate = this.GetService<WriteGate>();
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// secure_delete (<see cref="SqlitePragmas"/>) zeroes deleted rows in the pages it writes, but the write-ahead log
    /// still holds every earlier version of those pages (each insert and edit of a note) until it is overwritten.
    /// A TRUNCATE checkpoint copies the newest pages into the data file and empties the log. It needs a moment
    /// without readers on an older snapshot, so it is tried a few times; readers are short.
    /// </summary>
    public override async Task<bool> ForgetDeletedAsync(CancellationToken cancellationToken = default)
    {
        // No writer may come in between: take the app's write turn, as a save does.
        var gate = this.GetService<WriteGate>();
        await gate.WaitAsync(cancellationToken);
        await Database.OpenConnectionAsync(cancellationToken);
        try
        {
            for (var attempt = 1; attempt <= CheckpointAttempts; attempt++)
            {
                await using var command = Database.GetDbConnection().CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);

                // One row: busy (1 when readers kept it from finishing), frames in the log, frames checkpointed.
                if (await reader.ReadAsync(cancellationToken) && reader.GetInt32(0) == 0)
                {
                    return true;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
            }

            return false;
        }
        finally
        {
            await Database.CloseConnectionAsync();
            gate.Release();
        }
    }
}
