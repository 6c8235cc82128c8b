using HandhavingsKoers.Web.Data;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

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

    protected AppTest(StorageProvider provider)
    {
        var meddler = new Meddler();
        Meddler = meddler;
        App = AppFactory.Fresh(provider, services: s => s.AddSingleton<ISaveChangesInterceptor>(meddler));
    }

    protected AppFactory App { get; }

    /// <summary>Puts something between the app's next read and write (see <see cref="Infrastructure.Meddler"/>).</summary>
    protected Meddler Meddler { get; }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync() => await App.DisposeAsync();
}
