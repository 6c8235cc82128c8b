using HandhavingsKoers.Web.Data;

namespace HandhavingsKoers.Tests.Infrastructure;

/// <summary>
/// A test class with its own app on a fresh SQLite file (or, for a derived class marked <see cref="OnPostgreSqlAttribute"/>,
/// a fresh PostgreSQL database), disposed after each test.
/// </summary>
public abstract class AppTest : IAsyncLifetime
{
    protected AppTest()
        : this(StorageProvider.Sqlite)
    {
    }

    protected AppTest(StorageProvider provider) => App = AppFactory.Fresh(provider);

    protected AppFactory App { get; }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync() => await App.DisposeAsync();
}
