using Microsoft.Data.Sqlite;
using HandhavingsKoers.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace HandhavingsKoers.Web.Data;

/// <summary>Where the SQLite data file lives. Configure with <c>Storage:DatabasePath</c> (or env <c>Storage__DatabasePath</c>).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Absolute, or relative to the content root (the web project's folder under <c>dotnet run</c>).</summary>
    public string DatabasePath { get; set; } = "data/handhavingskoers.db";

    /// <summary>"NORMAL" (default) or "FULL" (every commit waits for the disk); see <see cref="SqlitePragmas"/>.</summary>
    public string Synchronous { get; set; } = "NORMAL";

    public bool HasValidSynchronous => Synchronous is "NORMAL" or "FULL";

    /// <summary>How long a write waits for another writer before it gives up (SQLite busy timeout).</summary>
    public int BusyTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// <c>/health</c> reports Unhealthy when the disk that holds the data file has less room than this (in MB):
    /// a full disk makes saving fail, and SQLite may still be able to write into a log file it has grown before.
    /// </summary>
    public long MinimumFreeSpaceMegabytes { get; set; } = 100;

    public string FullPath(string contentRoot) => Path.GetFullPath(DatabasePath, contentRoot);

    /// <summary>The data-protection keys live in a folder beside the data file; back them up together.</summary>
    public string KeysFolder(string contentRoot) => Path.Combine(Path.GetDirectoryName(FullPath(contentRoot))!, "keys");

    public string ConnectionString(string contentRoot) => new SqliteConnectionStringBuilder
    {
        DataSource = FullPath(contentRoot),
        Mode = SqliteOpenMode.ReadWriteCreate,

        // Microsoft.Data.Sqlite retries a busy database until the command timeout runs out.
        DefaultTimeout = BusyTimeoutSeconds,
        Pooling = true,
    }.ToString();

    /// <summary>
    /// Creates the folder and the file, applies migrations, switches the file to WAL mode and commits a write, so a
    /// folder or file the app cannot write to stops the start (with a <see cref="StartupProblemException"/> that says
    /// so in one line) instead of failing the first person who saves a note.
    /// </summary>
    public void Prepare(IServiceProvider services, string contentRoot)
    {
        var folder = Path.GetDirectoryName(FullPath(contentRoot))!;
        try
        {
            Directory.CreateDirectory(folder);
            Directory.CreateDirectory(KeysFolder(contentRoot));
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Database.Migrate();

            // WAL lets readers (the projector, the summary) carry on while someone writes; it is stored in the file.
            db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");

            // A data file opened read-only (SQLite falls back to that silently) fails here, not at the first note.
            db.Database.OpenConnection();
            DataFileHealthCheck.CommitNoOpWriteAsync(db.Database.GetDbConnection(), CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new StartupProblemException(
                $"Its data folder {folder} cannot be written to ({e.Message.TrimEnd('.')}). The user the app runs as needs " +
                "write access to that folder: it holds the data file, its -wal and -shm files and the keys/ folder. " +
                "Or set Storage:DatabasePath to a file in a folder it may write to.", e);
        }
    }
}
