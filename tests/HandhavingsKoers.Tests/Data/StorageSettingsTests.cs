using HandhavingsKoers.Tests.Infrastructure;
using HandhavingsKoers.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
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
    /// The contexts are pooled (<c>AddDbContextPool</c>): the next request borrows the context the last one gave back
    /// instead of building a new one. Step pages open their context's connection for the whole request, so a context
    /// that goes back to the pool must let go of its connection, or every pooled context would keep a database
    /// connection of its own. A pooled context still finds the app's one write gate.
    /// </summary>
    [Fact]
    public async Task A_request_borrows_a_pooled_context_that_went_back_with_its_connection_closed()
    {
        // No retention run at start (neither of its two passes borrows a context): nothing but this test borrows
        // contexts. With only MonthsAfterClosing off, the idle-closing pass once borrowed one at the same moment in
        // CI, and the second scope got that context back instead of the first.
        await using var app = new AppFactory(AppFactory.NewFolder(), settings: new Dictionary<string, string?>
        {
            ["Retention:MonthsAfterClosing"] = "0",
            ["Retention:CloseIdleAfterDays"] = "0",
        });
        AppDbContext first;
        System.Data.Common.DbConnection connection;
        using (var scope = app.Services.CreateScope())
        {
            first = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await first.Database.OpenConnectionAsync();
            connection = first.Database.GetDbConnection();
            Assert.Equal(System.Data.ConnectionState.Open, connection.State);
        }

        // The request is over: its context went back to the pool, and with it the connection was closed.
        Assert.Equal(System.Data.ConnectionState.Closed, connection.State);

        using (var scope = app.Services.CreateScope())
        {
            var second = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Same(first, second);
            Assert.Same(app.Services.GetRequiredService<WriteGate>(), second.GetService<WriteGate>());
            Assert.Equal(System.Data.ConnectionState.Closed, second.Database.GetDbConnection().State);
        }
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
