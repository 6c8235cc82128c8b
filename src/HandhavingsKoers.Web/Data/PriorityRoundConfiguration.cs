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

        // A dot goes with its note (a deleted note) and with its participant.
        builder.HasOne<Note>().WithMany().HasForeignKey(d => d.NoteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Participant>().WithMany().HasForeignKey(d => d.ParticipantId).OnDelete(DeleteBehavior.Cascade);

        // And with its round: starting over removes the round, and a dot saved in a race with that is refused by the
        // database instead of waiting, unseen, to count in the next round. (The round's key is the workshop's id.)
        builder.HasOne<PriorityRound>().WithMany().HasForeignKey(d => d.WorkshopId).OnDelete(DeleteBehavior.Cascade);

        // Where a merge moved the dot from: a plain id, like Note.MergedIntoId (undoing the merge moves it back).
        builder.Property(d => d.MergedFromNoteId);

        // Serves "my dots" (the participant's page) and the counts per note of a workshop.
        builder.HasIndex(d => new { d.WorkshopId, d.ParticipantId });
        builder.HasIndex(d => d.NoteId);
    }
}
