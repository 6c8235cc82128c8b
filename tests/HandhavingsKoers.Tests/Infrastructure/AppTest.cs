namespace HandhavingsKoers.Tests.Infrastructure;

/// <summary>A test class with its own app on a fresh SQLite file, disposed after each test.</summary>
public abstract class AppTest : IAsyncLifetime
{
    protected AppFactory App { get; } = AppFactory.Fresh();

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync() => await App.DisposeAsync();
}
