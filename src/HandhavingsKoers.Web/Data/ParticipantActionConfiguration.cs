using HandhavingsKoers.Web.Workshops;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HandhavingsKoers.Web.Data;

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
