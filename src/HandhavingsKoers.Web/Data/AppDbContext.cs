using HandhavingsKoers.Web.Workshops;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace HandhavingsKoers.Web.Data;

/// <summary>
/// The store of every workshop. Used directly by the pages; there is no repository layer over it.
/// The constructor takes nothing but the options, so the instances can be pooled.
/// Each database provider has its own subclass (<see cref="SqliteAppDbContext"/>, <see cref="PostgreSqlAppDbContext"/>),
/// because each has its own migrations: see docs/decisions/0007-migrations-for-two-providers.md. Pages ask for this type.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>
    /// After deleting a workshop: makes sure what was deleted is gone from the files on disk too, not only unreachable.
    /// Returns false when that could not be finished now (it will be, as later writes overwrite the log).
    /// Nothing to do for a provider that does not keep a log file of its own.
    /// </summary>
    public virtual Task<bool> ForgetDeletedAsync(CancellationToken cancellationToken = default) => Task.FromResult(true);

    /// <summary>
    /// Starts a transaction for several writes that must land together (a save and an <c>ExecuteUpdate</c>, say).
    /// Use this, not <c>Database.BeginTransactionAsync</c>: on SQLite it first takes the app's write turn
    /// (<see cref="WriteGate"/>) and holds it until the transaction is disposed. A transaction begun outside the turn
    /// holds SQLite's write lock while its own save waits for the turn, which another request's save holds while it
    /// waits for that lock: both then hang until the busy timeout (decision 0010).
    /// </summary>
    public virtual Task<IDbContextTransaction> BeginWriteAsync(CancellationToken cancellationToken = default) =>
        Database.BeginTransactionAsync(cancellationToken);

    public DbSet<Workshop> Workshops => Set<Workshop>();
    public DbSet<Participant> Participants => Set<Participant>();
    public DbSet<Note> Notes => Set<Note>();
    public DbSet<ParticipantAction> ParticipantActions => Set<ParticipantAction>();
    public DbSet<Score> Scores => Set<Score>();
    public DbSet<TeamAction> TeamActions => Set<TeamAction>();
    public DbSet<PreviousAction> PreviousActions => Set<PreviousAction>();
    public DbSet<ActionStatusChange> ActionStatusChanges => Set<ActionStatusChange>();
    public DbSet<KeptSession> KeptSessions => Set<KeptSession>();
    public DbSet<PanelConclusion> PanelConclusions => Set<PanelConclusion>();
    public DbSet<KeyPoint> KeyPoints => Set<KeyPoint>();
    public DbSet<Publication> Publications => Set<Publication>();
    public DbSet<PriorityRound> PriorityRounds => Set<PriorityRound>();
    public DbSet<Dot> Dots => Set<Dot>();
    public DbSet<Gemeenten.Gemeente> Gemeenten => Set<Gemeenten.Gemeente>();
    public DbSet<Gemeenten.BeheerderLink> BeheerderLinks => Set<Gemeenten.BeheerderLink>();
    public DbSet<FacilitatorLink> FacilitatorLinks => Set<FacilitatorLink>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
}

/// <summary>
/// One writer at a time, in the app, on SQLite only (decision 0010; <see cref="SqliteAppDbContext"/> waits on it). SQLite allows one writer anyway; when several transactions race for its lock,
/// Microsoft.Data.Sqlite retries by sleeping, which in a busy room made note posts wait far longer than their write.
/// Waiting here instead is fair and costs nothing. Readers are not affected (WAL).
/// </summary>
public sealed class WriteGate : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(1, 1);

    public Task WaitAsync(CancellationToken cancellationToken) => _semaphore.WaitAsync(cancellationToken);

    public void Release() => _semaphore.Release();

    public void Dispose() => _semaphore.Dispose();
}
