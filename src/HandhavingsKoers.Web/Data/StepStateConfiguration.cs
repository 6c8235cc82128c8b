using HandhavingsKoers.Web.Content;
using HandhavingsKoers.Web.Workshops;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HandhavingsKoers.Web.Data;

internal sealed class StepStateConfiguration : IEntityTypeConfiguration<StepState>
{
    public void Configure(EntityTypeBuilder<StepState> builder)
    {
        builder.ToTable("StepStates");
        builder.HasKey(s => new { s.WorkshopId, s.StepKey });
        builder.Property(s => s.StepKey).HasMaxLength(Step.KeyMaxLength);

        // Added by a later migration to existing rows, so it needs a default in the table too.
        builder.Property(s => s.ScoresRevealed).HasDefaultValue(false);
    }
}
