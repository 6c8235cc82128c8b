using Microsoft.Data.Sqlite;
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

    /// <summary>Creates the folder and the file, applies migrations and switches the file to WAL mode.</summary>
    public void Prepare(IServiceProvider services, string contentRoot)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FullPath(contentRoot))!);
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Database.Migrate();

        // WAL lets readers (the projector, the summary) carry on while someone writes; it is stored in the file.
        db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
    }
}
