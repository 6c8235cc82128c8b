using HandhavingsKoers.Web.Content;
using HandhavingsKoers.Web.Workshops;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HandhavingsKoers.Web.Data;

internal sealed class WorkshopConfiguration : IEntityTypeConfiguration<Workshop>
{
    public void Configure(EntityTypeBuilder<Workshop> builder)
    {
        builder.ToTable("Workshops");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.Property(w => w.Gemeente).HasMaxLength(Workshop.GemeenteMaxLength).IsRequired();
        builder.Property(w => w.Title).HasMaxLength(Workshop.TitleMaxLength).IsRequired();
        builder.Property(w => w.EditionKey).HasMaxLength(Edition.KeyMaxLength).IsRequired();
        builder.Property(w => w.JoinCode).HasMaxLength(JoinCode.MaxLength).IsRequired();
        builder.Property(w => w.FacilitatorKeyHash).IsRequired();
        builder.Property(w => w.CurrentStepKey).HasMaxLength(Step.KeyMaxLength).IsRequired();
        builder.HasIndex(w => w.JoinCode).IsUnique();
        builder.HasMany(w => w.Participants).WithOne(p => p.Workshop).HasForeignKey(p => p.WorkshopId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(w => w.Notes).WithOne(n => n.Workshop).HasForeignKey(n => n.WorkshopId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(w => w.StepStates).WithOne().HasForeignKey(s => s.WorkshopId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(w => w.TeamActions).WithOne().HasForeignKey(a => a.WorkshopId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(w => w.PriorityRound).WithOne().HasForeignKey<PriorityRound>(r => r.WorkshopId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(w => w.Dots).WithOne().HasForeignKey(d => d.WorkshopId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(w => w.PreviousActions).WithOne().HasForeignKey(a => a.WorkshopId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(w => w.ActionHistory).WithOne().HasForeignKey(a => a.WorkshopId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(w => w.KeptSessions).WithOne().HasForeignKey(k => k.WorkshopId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(w => w.Conclusions).WithOne().HasForeignKey(c => c.WorkshopId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(w => w.Publications).WithOne().HasForeignKey(p => p.WorkshopId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(w => w.FacilitatorLinks).WithOne().HasForeignKey(l => l.WorkshopId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(w => w.ExecutiveSummary).HasMaxLength(Workshop.ExecutiveSummaryMaxLength);

        // Added by a later migration to existing rows, so it needs a default in the table too.
        // Not a concurrency token: that would make every other update of the workshop row (a reopen, a step move)
        // fail while the samenvatting is saved. Its save checks this column alone instead (Pages/Conclude), so two
        // tabs that both read version 3 still cannot both save version 4.
        builder.Property(w => w.ExecutiveSummaryVersion).HasDefaultValue(0);

        // A plain id, not a relationship: the follow-up outlives the session it follows (see the migration).
        builder.HasIndex(w => w.PreviousWorkshopId);
        builder.Ignore(w => w.IsClosed);
        builder.Ignore(w => w.HasFacilitatorLink);

        // A plain id, not a relationship: on SQLite a new foreign key rebuilds the whole Workshops table. Deleting a
        // gemeente deletes its sessions explicitly (GemeenteCommands), and a beheerder reads them by this index.
        builder.HasIndex(w => w.GemeenteId);

        // Added by a later migration to existing rows (which were never concepts), so it needs a default in the table.
        builder.Property(w => w.IsConcept).HasDefaultValue(false);

        // A concept's plan (decision 0020), stored whole as JSON in one nullable text column: it is read and written
        // with its session only, never queried into, and changes only while the session is a concept. Null: the
        // edition's own walk (every session without a plan). Compared by its JSON, so a new plan is saved.
        builder.Property(w => w.Plan)
            .HasColumnName("Plan")
            .HasConversion(
                plan => plan == null ? null : System.Text.Json.JsonSerializer.Serialize(plan, PlanJson),
                json => json == null ? null : System.Text.Json.JsonSerializer.Deserialize<WorkshopPlan>(json, PlanJson),
                new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<WorkshopPlan?>(
                    (a, b) => System.Text.Json.JsonSerializer.Serialize(a, PlanJson) == System.Text.Json.JsonSerializer.Serialize(b, PlanJson),
                    plan => System.Text.Json.JsonSerializer.Serialize(plan, PlanJson).GetHashCode(StringComparison.Ordinal),
                    plan => plan));
    }

    private static readonly System.Text.Json.JsonSerializerOptions PlanJson = new(System.Text.Json.JsonSerializerDefaults.Web);
}
