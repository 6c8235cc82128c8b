using Microsoft.EntityFrameworkCore.Diagnostics;
using HandhavingsKoers.Web.Hosting;
using HandhavingsKoers.Web.Live;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace HandhavingsKoers.Web.Data;

/// <summary>
/// Where the workshops are kept: <c>Storage:Provider</c> = <c>Sqlite</c> (the default, one data file) or
/// <c>PostgreSQL</c> (<c>ConnectionStrings:Postgres</c>, for several instances on one database; decision 0016).
/// Each provider registers its own <see cref="AppDbContext"/> subclass (decision 0007), its own health check and its
/// own place for the data-protection keys. Kept together so Program.cs reads as a list.
/// </summary>
public static class StorageSetup
{
    public const string ProviderSetting = "Storage:Provider";

    public const string PostgresConnectionSetting = "ConnectionStrings:Postgres";

    public static void AddStorage(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>().Bind(builder.Configuration.GetSection(StorageOptions.Section))
            .Validate(o => o.HasValidSynchronous, "Storage:Synchronous must be NORMAL or FULL.").ValidateOnStart();

        // Antiforgery tokens and TempData are protected with keys that must outlive a restart (forms open in people's
        // browsers) and, on PostgreSQL, be the same on every instance.
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("HandhavingsKoers");

        // The choice is read before the host is built, because it decides which context type is registered. A wrong
        // value registers SQLite, so the host still builds, and stops the start in PrepareStorage with one line.
        var choice = StorageChoice.Read(builder.Configuration);
        builder.Services.AddSingleton(choice);
        if (choice.Provider == StorageProvider.PostgreSql)
        {
            // No WriteGate: PostgreSQL lets writers work side by side (decision 0010 is for SQLite only).
            // Without a connection string (as under `dotnet ef migrations add`) the context still has its model;
            // PrepareStorage stops the start before anything opens a connection.
            builder.Services.AddDbContextPool<AppDbContext, PostgreSqlAppDbContext>((sp, options) =>
            {
                if (choice.PostgresConnectionString is { } connectionString)
                {
                    options.UseNpgsql(connectionString);
                }
                else
                {
                    options.UseNpgsql();
                }

                // None in the app; tests register one to make a second request land between a read and a write.
                options.AddInterceptors(sp.GetServices<ISaveChangesInterceptor>()).WarnOfFailedCommands();
            });

            // The key repository asks for the context by its own type.
            builder.Services.AddScoped(sp => (PostgreSqlAppDbContext)sp.GetRequiredService<AppDbContext>());
            dataProtection.PersistKeysToDbContext<PostgreSqlAppDbContext>();
            builder.Services.AddHealthChecks().AddCheck<PostgreSqlHealthCheck>("database")
                .AddCheck<LiveEventsHealthCheck>("live-events");

            // Live events through the database, to every instance (decision 0017): one listener per instance.
            builder.Services.AddSingleton(_ => new PostgreSqlConnections(NpgsqlDataSource.Create(choice.PostgresConnectionString!)));
            builder.Services.AddSingleton<PostgreSqlWorkshopEvents>();
            builder.Services.AddSingleton<IWorkshopEvents>(sp => sp.GetRequiredService<PostgreSqlWorkshopEvents>());
            builder.Services.AddHostedService(sp => sp.GetRequiredService<PostgreSqlWorkshopEvents>());
            return;
        }

        builder.Services.AddSingleton<WriteGate>();

        // One instance: the live events stay in its memory (decision 0009).
        builder.Services.AddSingleton<IWorkshopEvents, InMemoryWorkshopEvents>();

        // Pooled: a request borrows a context and gives it back, instead of building a new one (with its EF services
        // and options) each time. The options are built once, from the root provider, so every pooled context shares
        // the one SqlitePragmas interceptor: it holds nothing but the setting and works on the connection it is handed.
        builder.Services.AddDbContextPool<AppDbContext, SqliteAppDbContext>((sp, options) =>
        {
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            options.UseSqlite(storage.ConnectionString(sp.GetRequiredService<IHostEnvironment>().ContentRootPath))
                .AddInterceptors(new SqlitePragmas(storage.Synchronous))

                // None in the app; tests register one to make a second request land between a read and a write.
                .AddInterceptors(sp.GetServices<ISaveChangesInterceptor>())
                .WarnOfFailedCommands();
        });

        // One instance per data file: the keys stay in a folder beside it, backed up with it (decision 0016).
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<IOptions<StorageOptions>, IHostEnvironment, ILoggerFactory>((options, storage, env, loggers) =>
                options.XmlRepository = new FileSystemXmlRepository(
                    new DirectoryInfo(storage.Value.KeysFolder(env.ContentRootPath)), loggers));
        builder.Services.AddHealthChecks().AddCheck<DataFileHealthCheck>("database");
    }

    /// <summary>
    /// EF Core logs a failed command and a failed save as errors, before the exception reaches our code. Most of them
    /// are races the app expects and answers: a retried note post that lost to its twin (the note is stored once), two
    /// tabs saving one conclusion (409), a dot on a note deleted meanwhile, and on a new PostgreSQL database the
    /// migrations table looked for before it exists. An operator who is alerted on errors should not be woken by a
    /// double click, so EF logs these as warnings, exception included. Whether one is an error is up to the code that
    /// meets it: one that nothing handles is logged as an error by the request logging and the exception handler
    /// (and the visitor gets the Dutch error page); the retention service logs its own failures as errors.
    /// </summary>
    private static DbContextOptionsBuilder WarnOfFailedCommands(this DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(warnings => warnings.Log(
            (RelationalEventId.CommandError, LogLevel.Warning),
            (CoreEventId.SaveChangesFailed, LogLevel.Warning)));

    /// <summary>
    /// Checks the storage settings, reaches the database and brings its schema up to date (migrations), so a wrong
    /// setting or an unreachable server stops the start with a <see cref="StartupProblemException"/> (one line).
    /// </summary>
    public static void PrepareStorage(this WebApplication app)
    {
        var choice = app.Services.GetRequiredService<StorageChoice>();
        if (choice.Problem is { } problem)
        {
            throw new StartupProblemException(problem);
        }

        if (choice.Provider == StorageProvider.PostgreSql)
        {
            PostgreSqlStorage.Prepare(app.Services, choice.PostgresConnectionString!);
            return;
        }

        app.Services.GetRequiredService<IOptions<StorageOptions>>().Value.Prepare(app.Services, app.Environment.ContentRootPath);
    }
}

/// <summary>The database products the app can keep its workshops in.</summary>
public enum StorageProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>
/// <c>Storage:Provider</c> and, for PostgreSQL, <c>ConnectionStrings:Postgres</c>, as read at start. A value the app
/// cannot use leaves a <see cref="Problem"/>: one line for the operator, naming the setting.
/// </summary>
public sealed record StorageChoice(StorageProvider Provider, string? PostgresConnectionString, string? Problem)
{
    public static StorageChoice Read(IConfiguration configuration)
    {
        var name = configuration[StorageSetup.ProviderSetting];
        var connectionString = configuration.GetConnectionString("Postgres");
        connectionString = string.IsNullOrWhiteSpace(connectionString) ? null : connectionString;
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return new(StorageProvider.Sqlite, null, null);
        }

        if (!name.Trim().Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase))
        {
            return new(StorageProvider.Sqlite, null,
                $"{StorageSetup.ProviderSetting} is '{name}', which is not a storage provider: use Sqlite (the default) or PostgreSQL.");
        }

        return new(StorageProvider.PostgreSql, connectionString, PostgreSqlStorage.CheckConnectionString(connectionString));
    }
}

/// <summary>
/// The app's own pool of PostgreSQL connections beside EF Core's, for what it does in plain SQL (live events, the
/// join limit). Not registered as an <see cref="NpgsqlDataSource"/> itself: EF Core's Npgsql provider would take a
/// registered one as its own.
/// </summary>
public sealed class PostgreSqlConnections(NpgsqlDataSource source) : IDisposable
{
    public NpgsqlDataSource Source { get; } = source;

    public void Dispose() => Source.Dispose();
}
