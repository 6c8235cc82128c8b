using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace HandhavingsKoers.Web.Data;

/// <summary>
/// <see cref="AppDbContext"/> on PostgreSQL (<c>Storage:Provider=PostgreSQL</c>, decision 0016). Its own type for its
/// own migrations (<c>Data/Migrations/PostgreSQL</c>, decision 0007). It also holds the data-protection keys, so
/// every instance on the database protects and reads forms and TempData with the same keys.
/// Writes do not queue in the app (no <see cref="WriteGate"/>): PostgreSQL lets writers work side by side.
/// </summary>
public sealed class PostgreSqlAppDbContext(DbContextOptions<PostgreSqlAppDbContext> options) : AppDbContext(options), IDataProtectionKeyContext
{
    /// <summary>The tables a workshop's content lives in, for <see cref="ForgetDeletedAsync"/>.</summary>
    private static readonly string VacuumWorkshopTables = "VACUUM " + string.Join(", ",
        new[] { "Workshops", "Participants", "Notes", "ParticipantActions", "Scores", "StepStates", "TeamActions", "PreviousActions" }
            .Select(t => $"\"{t}\"")) + ";";

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// PostgreSQL has no <c>secure_delete</c>: a deleted row stays in its table's pages (and in the write-ahead log
    /// and any backup) until the space is used again. VACUUM removes the dead rows from the tables and indexes and
    /// marks their space for reuse, which is as far as the app can go; it does not zero the bytes. Returns true when
    /// the vacuum ran. What the database server keeps (its WAL archive, its backups) is the operator's to govern:
    /// see docs/decisions/0016-postgresql-provider.md.
    /// </summary>
    public override async Task<bool> ForgetDeletedAsync(CancellationToken cancellationToken = default)
    {
        // VACUUM cannot run inside a transaction block; a plain command on the context's connection is none.
        await Database.ExecuteSqlRawAsync(VacuumWorkshopTables, cancellationToken);
        return true;
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<DataProtectionKey>().ToTable("DataProtectionKeys");
        PostgreSqlOnlyConfiguration.Apply(modelBuilder);
    }
}
