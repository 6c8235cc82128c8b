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
        builder.Property(w => w.EditionKey).HasMaxLength(64).IsRequired();
        builder.Property(w => w.JoinCode).HasMaxLength(JoinCode.MaxLength).IsRequired();
        builder.Property(w => w.FacilitatorKeyHash).IsRequired();
        builder.Property(w => w.CurrentStepKey).HasMaxLength(64).IsRequired();
        builder.HasIndex(w => w.JoinCode).IsUnique();
        builder.HasMany(w => w.Participants).WithOne(p => p.Workshop).HasForeignKey(p => p.WorkshopId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(w => w.Notes).WithOne(n => n.Workshop).HasForeignKey(n => n.WorkshopId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(w => w.StepStates).WithOne().HasForeignKey(s => s.WorkshopId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(w => w.TeamActions).WithOne().HasForeignKey(a => a.WorkshopId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(w => w.PreviousActions).WithOne().HasForeignKey(a => a.WorkshopId).OnDelete(DeleteBehavior.Cascade);

        // A plain id, not a relationship: the follow-up outlives the session it follows (see the migration).
        builder.HasIndex(w => w.PreviousWorkshopId);
        builder.Ignore(w => w.IsClosed);
    }
}

internal sealed class ParticipantConfiguration : IEntityTypeConfiguration<Participant>
{
    public void Configure(EntityTypeBuilder<Participant> builder)
    {
        builder.ToTable("Participants");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.DisplayName).HasMaxLength(TextRules.DisplayNameMaxLength);
        builder.Property(p => p.TokenHash).IsRequired();
        builder.HasIndex(p => p.TokenHash).IsUnique();
        builder.HasIndex(p => p.WorkshopId);
        builder.HasMany(p => p.Actions).WithOne().HasForeignKey(a => a.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Scores).WithOne().HasForeignKey(s => s.ParticipantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NoteConfiguration : IEntityTypeConfiguration<Note>
{
    public void Configure(EntityTypeBuilder<Note> builder)
    {
        builder.ToTable("Notes");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.StepKey).HasMaxLength(64).IsRequired();
        builder.Property(n => n.Text).HasMaxLength(Note.MaxLength).IsRequired();
        builder.Property(n => n.Version).IsConcurrencyToken().HasDefaultValue(0);

        // Stored as text ("Already", "Todo") so the data file reads plainly in any SQLite tool.
        builder.Property(n => n.Column).HasConversion<string>().HasMaxLength(16).IsRequired();

        // A participant's notes stay with the workshop's result even if the participant row goes.
        builder.HasOne(n => n.Participant).WithMany().HasForeignKey(n => n.ParticipantId).OnDelete(DeleteBehavior.SetNull);

        // Serves the pages' "newest notes of this column" and the counts per column (see the NoteListIndex migration).
        builder.HasIndex(n => new { n.WorkshopId, n.StepKey, n.Column, n.CreatedAt });
    }
}

internal sealed class ParticipantActionConfiguration : IEntityTypeConfiguration<ParticipantAction>
{
    public void Configure(EntityTypeBuilder<ParticipantAction> builder)
    {
        builder.ToTable("ParticipantActions");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Text).HasMaxLength(ParticipantAction.MaxLength).IsRequired();
        builder.HasIndex(a => new { a.ParticipantId, a.Position }).IsUnique();
    }
}

internal sealed class StepStateConfiguration : IEntityTypeConfiguration<StepState>
{
    public void Configure(EntityTypeBuilder<StepState> builder)
    {
        builder.ToTable("StepStates");
        builder.HasKey(s => new { s.WorkshopId, s.StepKey });
        builder.Property(s => s.StepKey).HasMaxLength(64);

        // Added by a later migration to existing rows, so it needs a default in the table too.
        builder.Property(s => s.ScoresRevealed).HasDefaultValue(false);
    }
}

internal sealed class ScoreConfiguration : IEntityTypeConfiguration<Score>
{
    public void Configure(EntityTypeBuilder<Score> builder)
    {
        builder.ToTable("Scores");
        builder.HasKey(s => new { s.ParticipantId, s.StepKey });
        builder.Property(s => s.StepKey).HasMaxLength(64);
        builder.HasIndex(s => new { s.WorkshopId, s.StepKey });
    }
}

internal sealed class TeamActionConfiguration : IEntityTypeConfiguration<TeamAction>
{
    public void Configure(EntityTypeBuilder<TeamAction> builder)
    {
        builder.ToTable("TeamActions");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Text).HasMaxLength(ParticipantAction.MaxLength).IsRequired();
        builder.Property(a => a.Owner).HasMaxLength(TeamAction.OwnerMaxLength).IsRequired();
    }
}

internal sealed class PreviousActionConfiguration : IEntityTypeConfiguration<PreviousAction>
{
    public void Configure(EntityTypeBuilder<PreviousAction> builder)
    {
        builder.ToTable("PreviousActions");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Text).HasMaxLength(ParticipantAction.MaxLength).IsRequired();
        builder.Property(a => a.Owner).HasMaxLength(TeamAction.OwnerMaxLength).IsRequired();
        builder.Property(a => a.StatusNote).HasMaxLength(PreviousAction.NoteMaxLength);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
    }
}
