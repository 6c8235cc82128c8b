using HandhavingsKoers.Web.Content;
using HandhavingsKoers.Web.Workshops;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HandhavingsKoers.Web.Data;

internal sealed class NoteConfiguration : IEntityTypeConfiguration<Note>
{
    public void Configure(EntityTypeBuilder<Note> builder)
    {
        builder.ToTable("Notes");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.StepKey).HasMaxLength(Step.KeyMaxLength).IsRequired();
        builder.Property(n => n.Text).HasMaxLength(Note.MaxLength).IsRequired();
        builder.Property(n => n.Version).IsConcurrencyToken().HasDefaultValue(0);

        // Stored as text ("Already", "Todo") so the data file reads plainly in any SQLite tool.
        builder.Property(n => n.Column).HasConversion<string>().HasMaxLength(16).IsRequired();

        // A participant's notes stay with the workshop's result even if the participant row goes.
        builder.HasOne(n => n.Participant).WithMany().HasForeignKey(n => n.ParticipantId).OnDelete(DeleteBehavior.SetNull);

        // A merged duplicate points at the note it was merged into. A plain id, not a relationship: SQLite cannot add
        // a foreign key to an existing table without rebuilding it, and the rule (a merged note is not deleted
        // before its merge is undone, Workshop.RemoveNote) keeps the id valid.
        builder.HasIndex(n => n.MergedIntoId);

        // Added by a later migration to existing rows, so they need defaults in the table too.
        builder.Property(n => n.IsMerge).HasDefaultValue(false);
        builder.Property(n => n.PaperDots).HasDefaultValue(0);

        // Serves the pages' "newest notes of this column", the counts per column from the index alone, and the
        // originals of a merge: every page leaves merged duplicates out (MergedIntoId null), so that column comes
        // before Column. Without it each page load read every note of the step from the table (a busy room's p99
        // went from 40 ms to 1.1 s; see the NoteListIndex and NoteListIndexWithMerges migrations).
        builder.HasIndex(n => new { n.WorkshopId, n.StepKey, n.MergedIntoId, n.Column, n.CreatedAt });
    }
}
