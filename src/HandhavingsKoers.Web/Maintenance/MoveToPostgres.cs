using System.Security.Cryptography;
using System.Text.RegularExpressions;
using HandhavingsKoers.Web.Content;
using HandhavingsKoers.Web.Data;
using HandhavingsKoers.Web.Reports;
using HandhavingsKoers.Web.Workshops;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Options;
using Npgsql;

namespace HandhavingsKoers.Web.Maintenance;

/// <summary>
/// <c>move-to-postgres</c>: copies a SQLite installation into an empty PostgreSQL database, in one go, and checks the
/// copy. Run it with the installation's own (SQLite) settings while the app is stopped, and the target in
/// <c>ConnectionStrings:Postgres</c> (an environment variable, so the password is not on the command line):
/// <code>ConnectionStrings__Postgres='Host=…;Database=…;Username=…;Password=…' dotnet run --project src/HandhavingsKoers.Web -- move-to-postgres</code>
/// It migrates the target (under the same lock as a start), refuses a database that holds workshops already, copies
/// every table of the model (read in one SQLite transaction, written with COPY in one PostgreSQL transaction) and
/// the data-protection keys from the key folder (so open forms and cookies stay valid), and then compares the row
/// count of every table and a hash of every workshop's full report (its JSON export with names) on both sides.
/// Exit code 0 only when everything is equal. See docs/deployment.md, "Moving from SQLite to PostgreSQL".
/// </summary>
public static partial class MoveToPostgres
{
    public const string Name = "move-to-postgres";

    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, TextWriter errors)
    {
        if (services.GetRequiredService<StorageChoice>().Provider != StorageProvider.Sqlite)
        {
            await errors.WriteLineAsync($"{Name} copies a SQLite installation: run it with the installation's SQLite settings ({StorageSetup.ProviderSetting} empty or Sqlite), and the target in {StorageSetup.PostgresConnectionSetting}.");
            return 2;
        }

        var target = services.GetRequiredService<IConfiguration>().GetConnectionString("Postgres");
        target = string.IsNullOrWhiteSpace(target) ? null : target;
        if (PostgreSqlStorage.CheckConnectionString(target) is { } problem)
        {
            await errors.WriteLineAsync(problem);
            return 2;
        }

        var where = PostgreSqlStorage.Describe(target!);
        var options = new DbContextOptionsBuilder<PostgreSqlAppDbContext>().UseNpgsql(target).Options;
        try
        {
            await MigrateAsync(target!, options);
            await using var pg = new NpgsqlConnection(target);
            await pg.OpenAsync();
            await using (var any = new NpgsqlCommand("""SELECT count(*) FROM "Workshops" """, pg))
            {
                if ((long)(await any.ExecuteScalarAsync())! > 0)
                {
                    await errors.WriteLineAsync($"{where} holds workshops already; {Name} only fills an empty database. Nothing was copied.");
                    return 1;
                }
            }

            using var scope = services.CreateScope();
            var sqlite = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var pgContext = new PostgreSqlAppDbContext(options);
            var copied = await CopyAsync(sqlite, pgContext.Model, pg);
            var keys = await CopyKeysAsync(services, pg);
            await output.WriteLineAsync($"Copied to {where}: {string.Join(", ", copied.Select(c => $"{c.Value} {c.Key}"))}; {keys} data-protection keys.");

            var differences = await CompareAsync(sqlite, pgContext, services.GetRequiredService<EditionCatalog>());
            foreach (var difference in differences)
            {
                await errors.WriteLineAsync(difference);
            }

            if (differences.Count > 0)
            {
                return 1;
            }

            await output.WriteLineAsync($"Checked: every table has the same number of rows, and all {copied.GetValueOrDefault("Workshops")} workshops have the same content hash on both sides.");
            await output.WriteLineAsync($"Now set {StorageSetup.ProviderSetting}=PostgreSQL and {StorageSetup.PostgresConnectionSetting} for the app, and start it. Keep the SQLite file as a backup.");
            return 0;
        }
        catch (PostgresException e)
        {
            await errors.WriteLineAsync($"{StorageSetup.PostgresConnectionSetting} points to {where}, and the server refused: {e.MessageText} (SQLSTATE {e.SqlState}). Nothing was copied (the copy is one transaction).");
            return 1;
        }
        catch (NpgsqlException e)
        {
            await errors.WriteLineAsync($"{StorageSetup.PostgresConnectionSetting} points to {where}, which cannot be reached or dropped the connection: {e.Message}. Nothing was copied (the copy is one transaction).");
            return 1;
        }
    }

    /// <summary>Brings the target's schema up to date under the migration lock, as an instance starting does.</summary>
    private static async Task MigrateAsync(string target, DbContextOptions<PostgreSqlAppDbContext> options)
    {
        await using var connection = new NpgsqlConnection(target);
        await connection.OpenAsync();
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock($1)", connection) { Parameters = { new() { Value = PostgreSqlStorage.MigrationLockKey } } })
        {
            await take.ExecuteNonQueryAsync();
        }

        try
        {
            await using var db = new PostgreSqlAppDbContext(options);
            await db.Database.MigrateAsync();
        }
        finally
        {
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", connection) { Parameters = { new() { Value = PostgreSqlStorage.MigrationLockKey } } };
            await release.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Every table of SQLite's model, principals before dependents; the number of rows copied per table.</summary>
    private static async Task<Dictionary<string, long>> CopyAsync(AppDbContext sqlite, IModel pgModel, NpgsqlConnection pg)
    {
        var source = (SqliteConnection)sqlite.Database.GetDbConnection();
        await source.OpenAsync();

        // One read transaction: a consistent snapshot of the file (WAL), also if something writes meanwhile.
        await using var snapshot = (SqliteTransaction)await source.BeginTransactionAsync();
        await using var transaction = await pg.BeginTransactionAsync();
        var copied = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var entity in InDependencyOrder(sqlite.Model))
        {
            var table = entity.GetTableName()!;
            var from = StoreObjectIdentifier.Table(table, entity.GetSchema());
            var pgEntity = pgModel.FindEntityType(entity.ClrType)!;
            var to = StoreObjectIdentifier.Table(pgEntity.GetTableName()!, pgEntity.GetSchema());
            var columns = entity.GetProperties()
                .Select(p => (Property: p, Source: p.GetColumnName(from)!, Target: pgEntity.FindProperty(p.Name)!))
                .Select(c => (c.Property, c.Source, Target: c.Target.GetColumnName(to)!, Type: DataTypeName(c.Target.GetColumnType(to))))
                .ToList();

            await using var read = source.CreateCommand();
            read.Transaction = snapshot;
            read.CommandText = $"SELECT {string.Join(", ", columns.Select(c => $"\"{c.Source}\""))} FROM \"{table}\"";
            await using var reader = await read.ExecuteReaderAsync();
            await using var write = await pg.BeginBinaryImportAsync(
                $"COPY \"{pgEntity.GetTableName()}\" ({string.Join(", ", columns.Select(c => $"\"{c.Target}\""))}) FROM STDIN (FORMAT BINARY)");
            long rows = 0;
            while (await reader.ReadAsync())
            {
                await write.StartRowAsync();
                for (var i = 0; i < columns.Count; i++)
                {
                    if (reader.IsDBNull(i))
                    {
                        await write.WriteNullAsync();
                    }
                    else
                    {
                        await write.WriteAsync(Read(reader, i, columns[i].Property), columns[i].Type);
                    }
                }

                rows++;
            }

            await write.CompleteAsync();
            copied[table] = rows;
        }

        await transaction.CommitAsync();
        return copied;
    }

    /// <summary>A value as SQLite stored it, as the CLR type EF Core's column holds (after any value converter).</summary>
    private static object Read(SqliteDataReader reader, int ordinal, IProperty property)
    {
        var type = property.GetTypeMapping().Converter?.ProviderClrType ?? property.ClrType;
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            _ when type == typeof(Guid) => reader.GetGuid(ordinal),

            // The app writes UTC only (decision 0016); SQLite keeps the text without a zone.
            _ when type == typeof(DateTime) => DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc),
            _ when type == typeof(DateOnly) => reader.GetFieldValue<DateOnly>(ordinal),
            _ when type == typeof(bool) => reader.GetBoolean(ordinal),
            _ when type == typeof(int) => reader.GetInt32(ordinal),
            _ when type == typeof(long) => reader.GetInt64(ordinal),
            _ when type == typeof(short) => reader.GetInt16(ordinal),
            _ when type == typeof(double) => reader.GetDouble(ordinal),
            _ when type == typeof(decimal) => reader.GetDecimal(ordinal),
            _ when type == typeof(byte[]) => reader.GetFieldValue<byte[]>(ordinal),
            _ when type == typeof(string) => reader.GetString(ordinal),
            _ => throw new InvalidOperationException($"{property.DeclaringType.DisplayName()}.{property.Name}: no copy rule for {type.Name}."),
        };
    }

    /// <summary>"character varying(200)" → "character varying": the type COPY writes.</summary>
    private static string DataTypeName(string? columnType)
    {
        var type = columnType ?? throw new InvalidOperationException("A column without a type.");
        var facet = type.IndexOf('(', StringComparison.Ordinal);
        return facet < 0 ? type : type[..facet];
    }

    private static List<IEntityType> InDependencyOrder(IModel model)
    {
        var entities = model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.IsOwned()).ToList();
        var ordered = new List<IEntityType>();
        var done = new HashSet<IEntityType>();
        void Visit(IEntityType entity, HashSet<IEntityType> visiting)
        {
            if (done.Contains(entity) || !visiting.Add(entity))
            {
                return;
            }

            foreach (var principal in entity.GetForeignKeys().Select(k => k.PrincipalEntityType).Where(p => p != entity))
            {
                Visit(principal, visiting);
            }

            done.Add(entity);
            ordered.Add(entity);
        }

        foreach (var entity in entities.OrderBy(e => e.GetTableName(), StringComparer.Ordinal))
        {
            Visit(entity, []);
        }

        return ordered;
    }

    /// <summary>The SQLite installation's data-protection keys (its key folder) into the database's key table.</summary>
    private static async Task<int> CopyKeysAsync(IServiceProvider services, NpgsqlConnection pg)
    {
        var folder = services.GetRequiredService<IOptions<StorageOptions>>().Value.KeysFolder(services.GetRequiredService<IHostEnvironment>().ContentRootPath);
        if (!Directory.Exists(folder))
        {
            return 0;
        }

        var copied = 0;
        foreach (var file in Directory.GetFiles(folder, "*.xml").Order(StringComparer.Ordinal))
        {
            await using var insert = new NpgsqlCommand(
                """
                INSERT INTO "DataProtectionKeys" ("FriendlyName", "Xml")
                SELECT $1, $2 WHERE NOT EXISTS (SELECT 1 FROM "DataProtectionKeys" WHERE "FriendlyName" = $1)
                """, pg)
            {
                Parameters = { new() { Value = Path.GetFileNameWithoutExtension(file) }, new() { Value = await File.ReadAllTextAsync(file) } },
            };
            copied += await insert.ExecuteNonQueryAsync();
        }

        return copied;
    }

    /// <summary>What differs between the two sides: row counts per table, and each workshop's content hash.</summary>
    public static async Task<List<string>> CompareAsync(AppDbContext sqlite, AppDbContext pg, EditionCatalog editions)
    {
        var differences = new List<string>();
        foreach (var entity in InDependencyOrder(sqlite.Model))
        {
            var table = entity.GetTableName()!;
            var (before, after) = (await CountAsync(sqlite, table), await CountAsync(pg, table));
            if (before != after)
            {
                differences.Add($"{table}: {before} rows in SQLite, {after} in PostgreSQL.");
            }
        }

        foreach (var workshop in await sqlite.Workshops.AsNoTracking().OrderBy(w => w.Id).ToListAsync())
        {
            var copy = await pg.Workshops.AsNoTracking().SingleOrDefaultAsync(w => w.Id == workshop.Id);
            if (copy is null || await ContentHashAsync(sqlite, editions, workshop) != await ContentHashAsync(pg, editions, copy))
            {
                differences.Add($"Workshop {workshop.Id}: {(copy is null ? "missing" : "its content differs")} in PostgreSQL.");
            }
        }

        return differences;
    }

    /// <summary>
    /// A hash of everything a workshop holds, as its full export (the facilitator's JSON with names) shows it. Moments
    /// are compared to the microsecond and without their zone marker: PostgreSQL keeps microseconds where SQLite kept
    /// 100-nanosecond ticks, and reads them back as UTC where SQLite's text has no zone (the app writes UTC only).
    /// </summary>
    public static async Task<string> ContentHashAsync(AppDbContext db, EditionCatalog editions, Workshop workshop)
    {
        var report = await WorkshopReport.LoadAsync(db, editions, workshop, Viewer.Facilitator, includeNames: true);
        var json = System.Text.Encoding.UTF8.GetString(ReportExports.ToJson(report));
        var normalised = Moment().Replace(json, m =>
        {
            var fraction = m.Groups[2].Value.Length > 1 ? m.Groups[2].Value[1..Math.Min(7, m.Groups[2].Value.Length)].TrimEnd('0') : "";
            return m.Groups[1].Value + (fraction.Length > 0 ? "." + fraction : "") + "\"";
        });
        return Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(normalised)));
    }

    [GeneratedRegex("(\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d)(\\.\\d+)?(?:Z|[+-]\\d\\d:\\d\\d)?\"")]
    private static partial Regex Moment();

    private static async Task<long> CountAsync(AppDbContext db, string table)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync();
        }

        await using var count = connection.CreateCommand();
        count.CommandText = $"SELECT count(*) FROM \"{table}\"";
        return Convert.ToInt64(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
