using HandhavingsKoers.Web.Workshops;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HandhavingsKoers.Web.Data;

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
