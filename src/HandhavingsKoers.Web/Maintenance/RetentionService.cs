using HandhavingsKoers.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HandhavingsKoers.Web.Maintenance;

/// <summary>
/// Closes workshops that were left open and idle, deletes closed workshops once their retention period has passed
/// (from the disk too), and logs each of these.
/// </summary>
public sealed partial class RetentionService(IServiceScopeFactory scopes, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<RetentionService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckEvery, clock);
        do
        {
            try
            {
                await CloseIdleAsync(stoppingToken);
                await DeleteExpiredAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Closes open workshops without activity for <see cref="RetentionOptions.CloseIdleAfterDays"/>; returns how many.</summary>
    public async Task<int> CloseIdleAsync(CancellationToken cancellationToken)
    {
        var days = options.Value.CloseIdleAfterDays;
        if (days <= 0)
        {
            return 0;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = now.AddDays(-days);
        var cutoffDay = DateOnly.FromDateTime(cutoff);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var idle = await db.Workshops
            // A concept is prepared ahead, often weeks before the room meets: not idle, so not closed here. Nor is a
            // session whose planned day is less than the idle period ago: prepared long ahead and opened the day
            // before, it has no notes and no one joined yet.
            .Where(w => w.ClosedAt == null && !w.IsConcept && w.CreatedAt < cutoff && w.Date < cutoffDay
                && !db.Notes.Any(n => n.WorkshopId == w.Id && (n.CreatedAt >= cutoff || (n.UpdatedAt != null && n.UpdatedAt >= cutoff)))
                && !db.Participants.Any(p => p.WorkshopId == w.Id && p.JoinedAt >= cutoff))
            .ToListAsync(cancellationToken);
        foreach (var workshop in idle)
        {
            workshop.Close(now);
            LogClosedIdle(logger, workshop.Id, workshop.Gemeente, days);
        }

        await db.SaveChangesAsync(cancellationToken);
        return idle.Count;
    }

    /// <summary>Returns how many workshops were deleted.</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var months = options.Value.MonthsAfterClosing;
        if (months <= 0)
        {
            return 0;
        }

        // With several instances on one PostgreSQL database each runs this service, so another may delete a workshop
        // between this one reading and deleting it: the save then affects fewer rows than expected. That workshop is
        // gone, which is what we wanted; read again and delete what is left.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await DeleteExpiredOnceAsync(months, cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                LogDeletedElsewhere(logger);
            }
        }
    }

    private async Task<int> DeleteExpiredOnceAsync(int months, CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddMonths(-months);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var expired = await db.Workshops.Where(w => w.ClosedAt != null && w.ClosedAt < cutoff).ToListAsync(cancellationToken);
        db.Workshops.RemoveRange(expired);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var workshop in expired)
        {
            LogDeleted(logger, workshop.Id, workshop.Gemeente, workshop.ClosedAt!.Value, months);
        }

        if (expired.Count > 0 && !await db.ForgetDeletedAsync(cancellationToken))
        {
            LogStillInLog(logger, expired.Count);
        }

        return expired.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: another instance deleted an expired workshop first; reading again")]
    private static partial void LogDeletedElsewhere(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: closed workshop {WorkshopId} ({Gemeente}), left open without activity for {Days} days")]
    private static partial void LogClosedIdle(ILogger logger, Guid workshopId, string gemeente, int days);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: deleted workshop {WorkshopId} ({Gemeente}), closed {ClosedAt:u}, more than {Months} months ago")]
    private static partial void LogDeleted(ILogger logger, Guid workshopId, string gemeente, DateTime closedAt, int months);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention: {Count} workshops are deleted, but the database's write-ahead log could not be emptied now (readers were busy); later writes overwrite it")]
    private static partial void LogStillInLog(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention: deleting expired workshops failed; will try again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
