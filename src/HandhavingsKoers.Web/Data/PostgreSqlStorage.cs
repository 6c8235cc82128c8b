using System.Net.Sockets;
using HandhavingsKoers.Web.Hosting;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace HandhavingsKoers.Web.Data;

/// <summary>
/// Start-up on PostgreSQL (<c>Storage:Provider=PostgreSQL</c>): checks <c>ConnectionStrings:Postgres</c>, reaches the
/// server and migrates the schema, one instance at a time. Every problem becomes one line
/// (<see cref="StartupProblemException"/>) that names the setting; the password is never repeated.
/// </summary>
public static class PostgreSqlStorage
{
    /// <summary>
    /// The key of the session-level advisory lock held around <c>Migrate()</c>. Instances that start together wait
    /// here; the second one then finds nothing left to apply. The number is arbitrary but fixed ("HK" + "migr").
    /// </summary>
    public const long MigrationLockKey = 0x484B_6D69_6772;

    /// <summary>Null when the connection string can be used, else what is wrong with it (no password in it).</summary>
    public static string? CheckConnectionString(string? connectionString)
    {
        const string Example = "e.g. Host=db.example.nl;Port=5432;Database=handhavingskoers;Username=hk;Password=…";
        if (connectionString is null)
        {
            return $"{StorageSetup.PostgresConnectionSetting} is missing: {StorageSetup.ProviderSetting} is PostgreSQL, so it needs an Npgsql connection string ({Example}).";
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            return $"{StorageSetup.PostgresConnectionSetting} is not a valid Npgsql connection string ({e.Message.TrimEnd('.')}); {Example}.";
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            return $"{StorageSetup.PostgresConnectionSetting} names no Host; {Example}.";
        }

        if (string.IsNullOrWhiteSpace(builder.Database))
        {
            return $"{StorageSetup.PostgresConnectionSetting} names no Database; {Example}.";
        }

        return null;
    }

    /// <summary>Where the connection string points, for messages: host, port, database and user, never the password.</summary>
    public static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"database '{builder.Database}' on {builder.Host}:{builder.Port} as user '{builder.Username}'";
    }

    /// <summary>
    /// Opens a connection of its own, takes the migration lock (<c>pg_advisory_lock</c>), applies the migrations
    /// through the app's context, makes the first data-protection key if there is none, and lets go. EF's own migration lock (a table lock inside the migration's
    /// transaction) does not cover creating <c>__EFMigrationsHistory</c> in an empty database, where two instances
    /// could both try; the advisory lock covers the whole of <c>Migrate()</c>.
    /// </summary>
    public static void Prepare(IServiceProvider services, string connectionString)
    {
        var where = Describe(connectionString);
        try
        {
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            using (var readOnly = new NpgsqlCommand("SHOW transaction_read_only", connection))
            {
                if ((string?)readOnly.ExecuteScalar() == "on")
                {
                    throw new StartupProblemException(
                        $"{StorageSetup.PostgresConnectionSetting} points to {where}, which accepts no writes (a standby or a read-only default). Point it to the primary server.");
                }
            }

            using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
            {
                take.Parameters.AddWithValue("key", MigrationLockKey);
                take.ExecuteNonQuery();
            }

            try
            {
                using (var scope = services.CreateScope())
                {
                    scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.Migrate();
                }

                CreateFirstKey(services);
            }
            finally
            {
                using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                release.Parameters.AddWithValue("key", MigrationLockKey);
                release.ExecuteNonQuery();
            }
        }
        catch (PostgresException e)
        {
            throw new StartupProblemException(
                $"{StorageSetup.PostgresConnectionSetting} points to {where}, and the server refused: {e.MessageText.TrimEnd('.')} (SQLSTATE {e.SqlState}).", e);
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            throw new StartupProblemException(
                $"{StorageSetup.PostgresConnectionSetting} points to {where}, which cannot be reached: {Innermost(e).TrimEnd('.')}. Check the host, the port and that the server runs.", e);
        }
    }

    /// <summary>
    /// The installation's first data-protection key, made under the migration lock. Later keys are made ahead of
    /// their activation (ASP.NET Core's two days), so every instance has read them before they are used; the first
    /// one is used at once. Without the lock, instances starting together on a new database would each make one and,
    /// until their key rings refresh, refuse each other's forms.
    /// </summary>
    private static void CreateFirstKey(IServiceProvider services)
    {
        var keys = services.GetRequiredService<IKeyManager>();
        if (keys.GetAllKeys().Count == 0)
        {
            var now = DateTimeOffset.UtcNow;
            keys.CreateNewKey(now, now + services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.NewKeyLifetime);
        }
    }

    private static string Innermost(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e.Message;
    }
}
