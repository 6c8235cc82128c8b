using HandhavingsKoers.Web.Workshops;
using HandhavingsKoers.Web.Content;
using HandhavingsKoers.Web.Data;
using HandhavingsKoers.Web.Reports;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HandhavingsKoers.Web.Maintenance;

/// <summary>
/// Commands for the IT department, run with the app's own configuration instead of serving:
/// <c>dotnet run --project src/HandhavingsKoers.Web -- backup /pad/naar/backup.db</c> (SQLite online backup, safe
/// while the app runs) and <c>-- export /pad/naar/map</c> (every workshop as JSON). Restore: see docs/operations.md.
/// </summary>
public static class Commands
{
    public static bool IsCommand(string[] args) => args is ["backup" or "export" or MoveToPostgres.Name, ..];

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        if (args[0] == MoveToPostgres.Name)
        {
            return await MoveToPostgres.RunAsync(services, Console.Out, Console.Error);
        }

        if (args.Length < 2)
        {
            await Console.Error.WriteLineAsync($"Usage: {args[0]} <{(args[0] == "backup" ? "target file" : "target folder")}>");
            return 2;
        }

        var target = Path.GetFullPath(args[1]);
        return args[0] == "backup" ? Backup(services, target) : await ExportAsync(services, target);
    }

    private static int Backup(IServiceProvider services, string target)
    {
        if (services.GetRequiredService<StorageChoice>().Provider == StorageProvider.PostgreSql)
        {
            Console.Error.WriteLine("backup copies the SQLite data file. On PostgreSQL, back up the database with pg_dump (docs/deployment.md).");
            return 2;
        }

        if (File.Exists(target))
        {
            Console.Error.WriteLine($"{target} exists already; choose a new file.");
            return 1;
        }

        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var contentRoot = services.GetRequiredService<IHostEnvironment>().ContentRootPath;
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        using var source = new SqliteConnection(storage.ConnectionString(contentRoot));
        using var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString());
        source.Open();
        destination.Open();

        // SQLite's online backup: a consistent copy, also while the app is writing.
        source.BackupDatabase(destination);
        using var check = destination.CreateCommand();
        check.CommandText = "PRAGMA integrity_check;";
        var result = (string)check.ExecuteScalar()!;
        Console.WriteLine($"Backup written to {target} (integrity check: {result}).");
        return result == "ok" ? 0 : 1;
    }

    private static async Task<int> ExportAsync(IServiceProvider services, string folder)
    {
        Directory.CreateDirectory(folder);
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var editions = scope.ServiceProvider.GetRequiredService<EditionCatalog>();
        var workshops = await db.Workshops.AsNoTracking().ToListAsync();
        foreach (var workshop in workshops)
        {
            var report = await WorkshopReport.LoadAsync(db, editions, workshop, Viewer.Facilitator, includeNames: true);
            var file = Path.Combine(folder, report.FileName("json").Replace(".json", $"-{workshop.Id:N}.json", StringComparison.Ordinal));
            await File.WriteAllBytesAsync(file, ReportExports.ToJson(report));
        }

        Console.WriteLine($"Exported {workshops.Count} workshops to {folder}.");
        return 0;
    }
}
