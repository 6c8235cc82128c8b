using HandhavingsKoers.Tests.Infrastructure;
using HandhavingsKoers.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HandhavingsKoers.Tests.Data;

/// <summary>
/// PostgreSQL's migrations (<c>Data/Migrations/PostgreSQL</c>, decisions 0007 and 0016) against the model, as
/// <see cref="MigrationSchemaTests"/> does for SQLite, and two instances that start together on an empty database.
/// </summary>
[OnPostgreSql]
public sealed class PostgreSqlMigrationTests
{
    /// <summary>
    /// Fails when an entity or its configuration changed without a PostgreSQL migration. Unlike SQLite's, this check
    /// also sees a changed max length (PostgreSQL stores <c>character varying(n)</c>).
    /// </summary>
    [Fact]
    public void A_database_migrated_from_scratch_has_no_pending_model_changes()
    {
        using var db = Context(PostgresServer.Shared.CreateDatabase(migrated: false));
        Assert.False(
            db.Database.HasPendingModelChanges(),
            "The model has changes that no PostgreSQL migration holds: run `Storage__Provider=PostgreSQL dotnet ef migrations add <Name> --context PostgreSqlAppDbContext` in src/HandhavingsKoers.Web.");

        db.Database.Migrate();

        Assert.Empty(db.Database.GetPendingMigrations());
        Assert.Equal(db.Database.GetMigrations(), db.Database.GetAppliedMigrations());
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void The_migrated_schema_equals_the_model()
    {
        var migrated = Schema(PostgresServer.Shared.CreateDatabase(migrated: false), db => db.Database.Migrate());
        var created = Schema(PostgresServer.Shared.CreateDatabase(migrated: false), db => db.Database.EnsureCreated());

        Assert.Contains(created, line => line.StartsWith("Notes.CreatedAt timestamp with time zone", StringComparison.Ordinal));
        Assert.Contains(created, line => line.StartsWith("DataProtectionKeys.Xml text", StringComparison.Ordinal));
        Assert.Equal(string.Join("\n", created), string.Join("\n", migrated));
    }

    /// <summary>
    /// Two instances of one installation started at the same moment on an empty database: both come up, and the
    /// migration history holds each migration once. While someone else holds the migration lock (here the test, as
    /// an instance that is migrating would), neither touches the schema nor starts serving: the lock is what makes
    /// them take turns. (EF's own lock inside <c>Migrate()</c> makes the history come out right without it too: in
    /// three runs without the advisory lock this test's second half still passed.)
    /// </summary>
    [Fact]
    public async Task Two_instances_starting_together_on_an_empty_database_wait_for_the_migration_lock_and_migrate_once()
    {
        var database = PostgresServer.Shared.CreateDatabase(migrated: false);
        var folder = AppFactory.NewFolder();
        var environment = (string name) => new Dictionary<string, string>
        {
            ["Storage__Provider"] = "PostgreSQL",
            ["ConnectionStrings__Postgres"] = database,
            ["Storage__DatabasePath"] = Path.Combine(folder, name, "unused.db"),
            ["Serilog__WriteTo__File__Args__path"] = Path.Combine(folder, name, "logs", "hk-.log"),
        };

        await using var holder = new NpgsqlConnection(database);
        await holder.OpenAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({PostgreSqlStorage.MigrationLockKey})", holder))
        {
            await take.ExecuteNonQueryAsync();
        }

        await using var first = AppProcess.StartBuilt(["--urls", "http://127.0.0.1:0"], environment("first"));
        await using var second = AppProcess.StartBuilt(["--urls", "http://127.0.0.1:0"], environment("second"));

        // Both wait for the lock: no schema yet, and nobody serving.
        var waited = 0;
        while (waited < 150 && Query(database, "SELECT count(*)::text FROM pg_locks WHERE locktype = 'advisory' AND NOT granted") is not ["2"])
        {
            await Task.Delay(100);
            waited++;
        }

        Assert.Equal(["2"], Query(database, "SELECT count(*)::text FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"));
        Assert.Equal(["0"], Query(database, "SELECT count(*)::text FROM pg_tables WHERE schemaname = 'public'"));
        Assert.DoesNotContain("Now listening", first.Output + second.Output, StringComparison.Ordinal);

        await using (var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({PostgreSqlStorage.MigrationLockKey})", holder))
        {
            await release.ExecuteNonQueryAsync();
        }

        var addresses = await Task.WhenAll(first.ListeningAsync(), second.ListeningAsync());
        using var client = new HttpClient();
        foreach (var address in addresses)
        {
            Assert.Equal("Healthy", await client.GetStringAsync(new Uri(new Uri(address), "/health")));
        }

        using var db = Context(database);
        var history = Query(database, "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY 1");
        Assert.Equal(db.Database.GetMigrations(), history);
    }

    private static PostgreSqlAppDbContext Context(string connectionString) =>
        new(new DbContextOptionsBuilder<PostgreSqlAppDbContext>().UseNpgsql(connectionString).Options);

    /// <summary>Every table's columns (type, nullability, default), constraints and indexes, in a stable order.</summary>
    private static List<string> Schema(string connectionString, Action<AppDbContext> build)
    {
        using (var db = Context(connectionString))
        {
            build(db);
        }

        var rows = new List<string>();
        rows.AddRange(Query(connectionString, """
            SELECT table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '')
                || ' nullable=' || is_nullable || ' default=' || coalesce(column_default, '') || ' identity=' || is_identity
            FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name NOT IN ('__EFMigrationsHistory')
            ORDER BY table_name, column_name
            """));
        rows.AddRange(Query(connectionString, """
            SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
            FROM pg_constraint
            WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT IN ('"__EFMigrationsHistory"')
            ORDER BY 1
            """));
        rows.AddRange(Query(connectionString, """
            SELECT indexdef FROM pg_indexes
            WHERE schemaname = 'public' AND tablename NOT IN ('__EFMigrationsHistory')
            ORDER BY indexname
            """));
        return rows;
    }

    private static List<string> Query(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        using var reader = command.ExecuteReader();
        var result = new List<string>();
        while (reader.Read())
        {
            result.Add(reader.GetString(0));
        }

        return result;
    }
}
