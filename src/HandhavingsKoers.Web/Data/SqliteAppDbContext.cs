using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace HandhavingsKoers.Web.Data;

/// <summary>
/// <see cref="AppDbContext"/> on SQLite. Its own type so that its migrations (<c>Data/Migrations/Sqlite</c>, generated
/// with <c>dotnet ef migrations add &lt;Name&gt; --context SqliteAppDbContext</c>) and its model snapshot are told
/// apart from another provider's (decision 0007).
/// </summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options)
{
    private const int CheckpointAttempts = 20;

    // True while this context holds the app's write turn: in a save, or from BeginWriteAsync until that transaction
    // is disposed. A pooled context always gives it back before it returns to the pool (every taker releases in finally).
    private bool _holdsWriteTurn;

    /// <summary>Writes wait their turn here instead of in SQLite (see <see cref="WriteGate"/>, decision 0010).</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (_holdsWriteTurn)
        {
            // Inside BeginWriteAsync's transaction: the turn is already ours.
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        if (Database.CurrentTransaction is not null)
        {
            // Waiting for the turn now could hang: see BeginWriteAsync. Fail at once, in the first test that gets here.
            throw new InvalidOperationException("On SQLite a transaction that writes starts with AppDbContext.BeginWriteAsync, not Database.BeginTransactionAsync (decision 0010).");
        }

        await TakeWriteTurnAsync(cancellationToken);
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ReleaseWriteTurn();
        }
    }

    public override async Task<IDbContextTransaction> BeginWriteAsync(CancellationToken cancellationToken = default)
    {
        if (_holdsWriteTurn)
        {
            throw new InvalidOperationException("This context already holds the write turn; SQLite has no nested transactions.");
        }

        await TakeWriteTurnAsync(cancellationToken);
        try
        {
            return new WriteTurnTransaction(await Database.BeginTransactionAsync(cancellationToken), ReleaseWriteTurn);
        }
        catch
        {
            ReleaseWriteTurn();
            throw;
        }
    }

    private async Task TakeWriteTurnAsync(CancellationToken cancellationToken)
    {
        // The app's one gate, a singleton: EF finds it among the application's services.
        await this.GetService<WriteGate>().WaitAsync(cancellationToken);
        _holdsWriteTurn = true;
    }

    private void ReleaseWriteTurn()
    {
        if (_holdsWriteTurn)
        {
            _holdsWriteTurn = false;
            this.GetService<WriteGate>().Release();
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
        await TakeWriteTurnAsync(cancellationToken);
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
            ReleaseWriteTurn();
        }
    }
}

/// <summary>
/// The transaction <see cref="SqliteAppDbContext.BeginWriteAsync"/> hands out: EF's own, which gives the write turn
/// back when it is disposed (committed or not), so a <c>using</c> around it is all a caller writes.
/// </summary>
internal sealed class WriteTurnTransaction(IDbContextTransaction inner, Action release) : IDbContextTransaction
{
    public Guid TransactionId => inner.TransactionId;

    public void Commit() => inner.Commit();

    public Task CommitAsync(CancellationToken cancellationToken = default) => inner.CommitAsync(cancellationToken);

    public void Rollback() => inner.Rollback();

    public Task RollbackAsync(CancellationToken cancellationToken = default) => inner.RollbackAsync(cancellationToken);

    public void Dispose()
    {
        try
        {
            inner.Dispose();
        }
        finally
        {
            release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await inner.DisposeAsync();
        }
        finally
        {
            release();
        }
    }
}
