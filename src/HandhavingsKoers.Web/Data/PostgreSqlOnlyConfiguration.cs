using HandhavingsKoers.Web.Live;
using HandhavingsKoers.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace HandhavingsKoers.Web.Data;

/// <summary>
/// The tables only a PostgreSQL installation has, because only several instances need them: the live events
/// (decision 0017) and the join and start attempts counted for the whole installation. Not an
/// <see cref="IEntityTypeConfiguration{TEntity}"/>, so <see cref="AppDbContext"/>'s scan of the assembly does not put
/// them in SQLite's model; <see cref="PostgreSqlAppDbContext"/> applies them.
/// </summary>
internal static class PostgreSqlOnlyConfiguration
{
    public static void Apply(ModelBuilder modelBuilder)
    {
        var live = modelBuilder.Entity<LiveEvent>();
        live.ToTable("LiveEvents");
        live.HasKey(e => e.Id);

        // Global and growing: the event id every stream sends and every browser resumes from (Last-Event-ID).
        live.Property(e => e.Id).UseIdentityByDefaultColumn();
        live.Property(e => e.Type).HasMaxLength(LiveEvent.TypeMaxLength).IsRequired();
        live.Property(e => e.Step).HasMaxLength(LiveEvent.StepMaxLength);
        live.Property(e => e.Data).HasMaxLength(LiveEvent.DataMaxLength);

        // A stream that resumes reads its workshop's events after an id.
        live.HasIndex(e => new { e.WorkshopId, e.Id });
        live.HasIndex(e => e.CreatedAt);

        var limits = modelBuilder.Entity<LimitWindow>();
        limits.ToTable("LimitWindows");
        limits.HasKey(w => new { w.Key, w.WindowStart });
        limits.Property(w => w.Key).HasMaxLength(LimitWindow.KeyMaxLength);
    }
}
