using HandhavingsKoers.Tests.Infrastructure;
using HandhavingsKoers.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HandhavingsKoers.Tests.Data;

/// <summary>
/// The SQLite migrations against the model and against data files that exist already (decisions 0001 and 0007).
/// Two checks that do not overlap: the model snapshot tells whether a change to the model still lacks a migration;
/// only building a database tells whether the migrations' code builds the model's schema (the first five were
/// written by hand, and a generated migration can be edited).
/// </summary>
public sealed class MigrationSchemaTests
{
    /// <summary>The five hand-written migrations, recorded in every data file made before decision 0007.</summary>
    private static readonly string[] HandWritten =
    [
        "20261122070000_Initial",
        "20261122080000_StepStates",
        "20261122090000_NoteVersion",
        "20261122100000_ScoresAndFollowUps",
        "20261122110000_NoteListIndex",
    ];

    /// <summary>The migrations generated since, in order: a data file made before them gets exactly these.</summary>
    private static readonly string[] Generated =
    [
        "20261130131506_ConclusionsPublicationsAndPriorities",
        "20261130151143_GemeenteSpace",
        "20261130154650_ConceptSessions",
        "20261130163016_DotsWithRoundAndMergesPublicationAddress",
        "20261130174950_NoteListIndexWithMerges",
        "20261130175614_FacilitatorLinks",
        "20261130181936_ConceptPlan",
        "20261130190450_FollowedActionsAndKeptFigures",
    ];

    [Fact]
    public void The_migrated_schema_equals_the_model()
    {
        var folder = AppFactory.NewFolder();
        var migrated = Schema(Path.Combine(folder, "migrated.db"), db => db.Database.Migrate());
        var created = Schema(Path.Combine(folder, "created.db"), db => db.Database.EnsureCreated());

        Assert.NotEmpty(created);
        Assert.Equal(string.Join("\n", created), string.Join("\n", migrated));
    }

    /// <summary>
    /// HasPendingModelChanges compares the model with the model snapshot; it reads no database. It fails when an entity
    /// or its configuration changed in a way SQLite's schema shows (not a max length: SQLite has none) without
    /// <c>dotnet ef migrations add &lt;Name&gt; --context SqliteAppDbContext</c>. Migrate then refuses as well, and so would
    /// the app at start.
    /// </summary>
    [Fact]
    public void A_database_migrated_from_scratch_has_no_pending_model_changes()
    {
        using var db = Context(Path.Combine(AppFactory.NewFolder(), "migrated.db"));
        Assert.False(
            db.Database.HasPendingModelChanges(),
            "The model has changes that no migration holds: run `dotnet ef migrations add <Name> --context SqliteAppDbContext` in src/HandhavingsKoers.Web.");

        db.Database.Migrate();

        Assert.Empty(db.Database.GetPendingMigrations());
        Assert.False(db.Database.HasPendingModelChanges());
        SqliteConnection.ClearAllPools();
    }

    /// <summary>
    /// Data/Fixtures/data-file-before-0007.sql is a data file the app made before the model snapshot existed (rows
    /// from the app's own follow-up and journey tests at commit e08d0a4, dumped with the sqlite3 tool). Migrating it
    /// with today's code applies only the migrations generated since, and keeps every row as it was (new columns are
    /// added at the end of a row).
    /// </summary>
    [Fact]
    public void An_existing_data_file_gets_only_the_newer_migrations_and_keeps_its_rows()
    {
        var path = Path.Combine(AppFactory.NewFolder(), "existing.db");
        using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "Fixtures", "data-file-before-0007.sql"));
            command.ExecuteNonQuery();
        }

        var before = Contents(path);
        using (var db = Context(path))
        {
            // The hand-written ones are recognised, not run again; only the migrations made after them are pending.
            var later = db.Database.GetMigrations().Skip(HandWritten.Length).ToList();
            Assert.Equal(HandWritten, db.Database.GetAppliedMigrations());
            Assert.Equal(later, db.Database.GetPendingMigrations());
            db.Database.Migrate();
            Assert.Equal(HandWritten.Concat(later), db.Database.GetAppliedMigrations());
        }

        // Every row is still there as it was: a later migration may add columns at the end of a row, never change
        // or drop what it held.
        var after = Contents(path);
        var rows = before.Where(line => !line.StartsWith("table ", StringComparison.Ordinal) && !line.StartsWith("index ", StringComparison.Ordinal)).ToList();
        Assert.Contains(rows, line => line.StartsWith("Notes ", StringComparison.Ordinal));
        Assert.All(rows, row => Assert.Contains(after, line => line.StartsWith(row, StringComparison.Ordinal)));
    }

    [Fact]
    public void The_hand_written_migrations_keep_their_ids_and_come_first()
    {
        using var db = Context(Path.Combine(AppFactory.NewFolder(), "unused.db"));

        Assert.Equal(HandWritten, db.Database.GetMigrations().Take(HandWritten.Length));
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task The_app_creates_and_migrates_its_data_file_in_wal_mode_and_reports_healthy()
    {
        await using var app = AppFactory.Fresh();
        using var client = app.CreateClient();
        var health = await client.GetAsync("/health");

        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
        Assert.True(File.Exists(app.DatabasePath));
        using var connection = app.OpenDatabase();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", command.ExecuteScalar());
        using var scope = app.Services.CreateScope();
        var migrations = scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GetMigrations().Count();
        Assert.Equal(migrations, app.Count("select count(*) from __EFMigrationsHistory"));
    }

    [Fact]
    public async Task Health_reports_unhealthy_when_the_database_is_gone()
    {
        await using var app = AppFactory.Fresh();
        using var client = app.CreateClient();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        using (var connection = app.OpenDatabase())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "DROP TABLE Dots; DROP TABLE PriorityRounds; DROP TABLE KeyPoints; DROP TABLE PanelConclusions; DROP TABLE Publications; DROP TABLE StepStates; DROP TABLE ParticipantActions; DROP TABLE Notes; DROP TABLE Participants; DROP TABLE Workshops;";
            command.ExecuteNonQuery();
        }

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health")).StatusCode);
    }

    private static SqliteAppDbContext Context(string path) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={path}").Options);

    /// <summary>Every table's columns (name, type, not null, default, key) and indexes, in a stable order.</summary>
    private static List<string> Schema(string path, Action<AppDbContext> build)
    {
        using (var db = Context(path))
        {
            build(db);
        }

        var rows = new List<string>();
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        var tables = Query(connection, "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not in ('__EFMigrationsHistory', '__EFMigrationsLock') order by name");
        foreach (var table in tables)
        {
            rows.AddRange(Query(connection, $"select '{table}.' || name || ' ' || type || ' notnull=' || \"notnull\" || ' default=' || ifnull(dflt_value, '') || ' pk=' || pk from pragma_table_info('{table}') order by name"));
            rows.AddRange(Query(connection, $"select '{table} fk ' || \"from\" || '->' || \"table\" || '.' || \"to\" || ' ' || on_delete from pragma_foreign_key_list('{table}') order by \"from\""));
            foreach (var index in Query(connection, $"select name || ' unique=' || \"unique\" from pragma_index_list('{table}') where origin = 'c' order by name"))
            {
                var name = index[..index.IndexOf(' ', StringComparison.Ordinal)];
                rows.Add($"{table} index {index} on {string.Join(",", Query(connection, $"select name from pragma_index_info('{name}') order by seqno"))}");
            }
        }

        SqliteConnection.ClearAllPools();
        return rows;
    }

    /// <summary>
    /// The file's schema as SQLite stores it (every table and index, with its SQL) and every row of every table, in a
    /// stable order. The migrations lock table's rows are left out: Migrate takes and releases that lock.
    /// </summary>
    private static List<string> Contents(string path)
    {
        var lines = new List<string>();
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        lines.AddRange(Query(connection, "select type || ' ' || name || ': ' || ifnull(sql, '') from sqlite_master order by type, name"));
        foreach (var table in Query(connection, "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name <> '__EFMigrationsLock' order by name"))
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"select * from \"{table}\"";
            using var reader = command.ExecuteReader();
            var rows = new List<string>();
            while (reader.Read())
            {
                var values = new object[reader.FieldCount];
                reader.GetValues(values);
                rows.Add(table + " " + string.Join(" | ", values.Select(v => v is byte[] bytes ? Convert.ToHexString(bytes) : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))));
            }

            lines.AddRange(rows.Order(StringComparer.Ordinal));
        }

        SqliteConnection.ClearAllPools();
        return lines;
    }

    private static List<string> Query(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var result = new List<string>();
        while (reader.Read())
        {
            result.Add(reader.GetString(0));
        }

        return result;
    }
}
