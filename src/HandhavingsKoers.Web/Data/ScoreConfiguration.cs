using HandhavingsKoers.Web.Content;
using HandhavingsKoers.Web.Workshops;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HandhavingsKoers.Web.Data;

internal sealed class ScoreConfiguration : IEntityTypeConfiguration<Score>
{
    public void Configure(EntityTypeBuilder<Score> builder)
    {
        builder.ToTable("Scores");
        builder.HasKey(s => new { s.ParticipantId, s.StepKey });
        builder.Property(s => s.StepKey).HasMaxLength(Step.KeyMaxLength);
        builder.HasIndex(s => new { s.WorkshopId, s.StepKey });
    }
}
