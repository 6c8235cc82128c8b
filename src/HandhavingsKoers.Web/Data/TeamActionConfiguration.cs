using HandhavingsKoers.Web.Workshops;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HandhavingsKoers.Web.Data;

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
