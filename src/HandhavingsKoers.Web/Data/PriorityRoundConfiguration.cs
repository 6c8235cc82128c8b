using HandhavingsKoers.Web.Content;
using HandhavingsKoers.Web.Workshops;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HandhavingsKoers.Web.Data;

internal sealed class PriorityRoundConfiguration : IEntityTypeConfiguration<PriorityRound>
{
    public void Configure(EntityTypeBuilder<PriorityRound> builder)
    {
        // One round per workshop: the workshop's id is the key.
        builder.ToTable("PriorityRounds");
        builder.HasKey(r => r.WorkshopId);
        builder.Property(r => r.StepKey).HasMaxLength(Step.KeyMaxLength);
        builder.Ignore(r => r.IsRevealed);
        builder.Ignore(r => r.IsClosed);
    }
}

internal sealed class DotConfiguration : IEntityTypeConfiguration<Dot>
{
    public void Configure(EntityTypeBuilder<Dot> builder)
    {
        builder.ToTable("Dots");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();

        // A dot goes with its note (a deleted note, a merge undone) and with its participant.
        builder.HasOne<Note>().WithMany().HasForeignKey(d => d.NoteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Participant>().WithMany().HasForeignKey(d => d.ParticipantId).OnDelete(DeleteBehavior.Cascade);

        // Serves "my dots" (the participant's page) and the counts per note of a workshop.
        builder.HasIndex(d => new { d.WorkshopId, d.ParticipantId });
        builder.HasIndex(d => d.NoteId);
    }
}
