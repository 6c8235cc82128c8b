using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HandhavingsKoers.Tests.Infrastructure;

/// <summary>
/// Lets a test put something between the app's read and its write: the action runs once, inside the app, just before
/// the next save (a second click's request, or a row changed by another request). That is how a double click or a
/// second tab that races is made to happen every time instead of by luck.
/// </summary>
public sealed class Meddler : SaveChangesInterceptor
{
    private Func<DbContext, Task>? _next;

    /// <summary>Runs <paramref name="action"/> once, before the next save, with the context about to save.</summary>
    public void BeforeNextSave(Func<DbContext, Task> action) => _next = action;

    /// <summary>Runs <paramref name="sql"/> once, before the next save, on the context's own connection.</summary>
    public void BeforeNextSave(string sql) => BeforeNextSave(context => context.Database.ExecuteSqlRawAsync(sql));

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _next, null) is { } action)
        {
            await action(eventData.Context!);
        }

        return result;
    }
}
