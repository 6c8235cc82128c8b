using HandhavingsKoers.Tests.Infrastructure;
using HandhavingsKoers.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HandhavingsKoers.Tests.Data;

/// <summary>
/// Our migrations are hand-written (EF's design package cannot be restored here), so nothing else would notice
/// when the model and the migrations drift apart. This builds one database each way and compares the schemas.
/// </summary>
public sealed class MigrationSchemaTests
{
    [Fact]
    public void The_migrated_schema_equals_the_model()
    {
        var folder = AppFactory.NewFolder();
        var migrated = Schema(Path.Combine(folder, "migrated.db"), db => db.Database.Migrate());
        var created = Schema(Path.Combine(folder, "created.db"), db => db.Database.EnsureCreated());

        Assert.NotEmpty(created);
        Assert.Equal(string.Join("\n", created), string.Join("\n", migrated));
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
        var migrations = typeof(AppDbContext).Assembly.GetTypes().Count(t => t.IsSubclassOf(typeof(Microsoft.EntityFrameworkCore.Migrations.Migration)));
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
            command.CommandText = "DROP TABLE StepStates; DROP TABLE ParticipantActions; DROP TABLE Notes; DROP TABLE Participants; DROP TABLE Workshops;";
            command.ExecuteNonQuery();
        }

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health")).StatusCode);
    }

    /// <summary>Every table's columns (name, type, not null, default, key) and indexes, in a stable order.</summary>
    private static List<string> Schema(string path, Action<AppDbContext> build)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={path}").Options;
        using (var db = new AppDbContext(options))
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
