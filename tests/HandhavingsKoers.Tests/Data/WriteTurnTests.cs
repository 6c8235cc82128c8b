using HandhavingsKoers.Tests.Infrastructure;
using HandhavingsKoers.Web.Data;
using HandhavingsKoers.Web.Gemeenten;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HandhavingsKoers.Tests.Data;

/// <summary>
/// The app's write turn on SQLite (<see cref="WriteGate"/>, decision 0010) around a transaction of several writes
/// (<see cref="AppDbContext.BeginWriteAsync"/>). Found in the room: the verslag page saved a principle and the
/// samenvatting at once (the "Opslaan" button right after typing), and both saves hung for the 30-second busy timeout;
/// one then failed with a 500.
/// </summary>
public sealed class WriteTurnTests
{
    // Short, so that a hang shows as a failed save within the test instead of after half a minute.
    private static readonly Dictionary<string, string?> ShortBusyTimeout = new() { ["Storage:BusyTimeoutSeconds"] = "3" };

    [Fact]
    public async Task A_save_that_arrives_during_a_write_transaction_waits_for_it_and_both_land()
    {
        await using var app = new AppFactory(AppFactory.NewFolder(), settings: ShortBusyTimeout);
        using var first = app.Services.CreateScope();
        using var second = app.Services.CreateScope();
        var dbA = first.ServiceProvider.GetRequiredService<AppDbContext>();
        var dbB = second.ServiceProvider.GetRequiredService<AppDbContext>();
        var started = DateTime.UtcNow;

        Task<int> other;
        await using (var transaction = await dbA.BeginWriteAsync())
        {
            // Another request saves while the transaction is open: it must wait for the turn, not take SQLite's lock.
            dbB.Gemeenten.Add(Gemeente.Create("Gemeente Zuidwolde", started));
            other = dbB.SaveChangesAsync();
            await Task.Delay(200);
            Assert.False(other.IsCompleted);

            dbA.Gemeenten.Add(Gemeente.Create("Gemeente Noordwolde", started));
            await dbA.SaveChangesAsync();
            await dbA.Gemeenten.Where(g => g.Name == "Gemeente Noordwolde").ExecuteUpdateAsync(s => s.SetProperty(g => g.Name, "Gemeente Westwolde"));
            await transaction.CommitAsync();
        }

        Assert.Equal(1, await other);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(2), "the two saves waited for SQLite's busy timeout");
        using var check = app.Services.CreateScope();
        var names = await check.ServiceProvider.GetRequiredService<AppDbContext>().Gemeenten.Select(g => g.Name).OrderBy(n => n).ToListAsync();
        Assert.Equal(["Gemeente Westwolde", "Gemeente Zuidwolde"], names);
    }

    [Fact]
    public async Task A_write_transaction_disposed_without_commit_writes_nothing_and_gives_the_turn_back()
    {
        await using var app = new AppFactory(AppFactory.NewFolder(), settings: ShortBusyTimeout);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        await using (await db.BeginWriteAsync())
        {
            db.Gemeenten.Add(Gemeente.Create("Gemeente Zuidwolde", DateTime.UtcNow));
            await db.SaveChangesAsync();
        }

        using var next = app.Services.CreateScope();
        var other = next.ServiceProvider.GetRequiredService<AppDbContext>();
        other.Gemeenten.Add(Gemeente.Create("Gemeente Noordwolde", DateTime.UtcNow));
        var save = other.SaveChangesAsync();
        Assert.Same(save, await Task.WhenAny(save, Task.Delay(TimeSpan.FromSeconds(2))));
        Assert.Equal(["Gemeente Noordwolde"], await other.Gemeenten.Select(g => g.Name).ToListAsync());
    }

    [Fact]
    public async Task A_transaction_begun_outside_the_write_turn_is_refused_at_its_first_save_instead_of_hanging()
    {
        await using var app = new AppFactory(AppFactory.NewFolder(), settings: ShortBusyTimeout);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Gemeenten.Add(Gemeente.Create("Gemeente Zuidwolde", DateTime.UtcNow));

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        Assert.Contains("BeginWriteAsync", refused.Message, StringComparison.Ordinal);
    }
}
