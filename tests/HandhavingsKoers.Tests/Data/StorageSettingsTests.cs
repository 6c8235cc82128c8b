using HandhavingsKoers.Tests.Infrastructure;
using HandhavingsKoers.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HandhavingsKoers.Tests.Data;

/// <summary><c>Storage:Synchronous</c> (decision 0006): what each value does to the app's connections.</summary>
public sealed class StorageSettingsTests
{
    [Theory]
    [InlineData(null, 1L)] // NORMAL by default
    [InlineData("NORMAL", 1L)]
    [InlineData("FULL", 2L)]
    public async Task The_apps_connections_flush_to_disk_as_configured(string? setting, long expected)
    {
        var settings = setting is null ? null : new Dictionary<string, string?> { ["Storage:Synchronous"] = setting };
        await using var app = new AppFactory(AppFactory.NewFolder(), settings: settings);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA synchronous;";

        Assert.Equal(expected, (long)(await command.ExecuteScalarAsync())!);
    }

    /// <summary>
    /// Step pages open their context's connection for the whole request. The contexts are pooled: one that goes back to
    /// the pool must let go of its connection, or every pooled context would keep a database connection of its own.
    /// </summary>
    [Fact]
    public async Task A_context_opened_for_a_request_goes_back_to_the_pool_with_its_connection_closed()
    {
        await using var app = new AppFactory(AppFactory.NewFolder());
        System.Data.Common.DbConnection connection;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Database.OpenConnectionAsync();
            connection = db.Database.GetDbConnection();
            Assert.Equal(System.Data.ConnectionState.Open, connection.State);
        }

        // The request is over: its context went back to the pool, and with it the connection was closed.
        Assert.Equal(System.Data.ConnectionState.Closed, connection.State);
    }

    [Theory]
    [InlineData("OFF")]
    [InlineData("full; DROP TABLE Notes")]
    public void Any_other_value_stops_the_app_at_start_with_a_clear_message(string setting)
    {
        using var app = new AppFactory(AppFactory.NewFolder(), settings: new Dictionary<string, string?> { ["Storage:Synchronous"] = setting });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("Storage:Synchronous must be NORMAL or FULL.", error.ToString(), StringComparison.Ordinal);
    }
}
