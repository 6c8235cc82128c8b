using HandhavingsKoers.Web.Workshops;
using Microsoft.EntityFrameworkCore;

namespace HandhavingsKoers.Web.Data;

/// <summary>The store of every workshop. Used directly by the pages; there is no repository layer over it.</summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : DbContext(options)
{
    public DbSet<Workshop> Workshops => Set<Workshop>();
    public DbSet<Participant> Participants => Set<Participant>();
    public DbSet<Note> Notes => Set<Note>();
    public DbSet<ParticipantAction> ParticipantActions => Set<ParticipantAction>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
}
