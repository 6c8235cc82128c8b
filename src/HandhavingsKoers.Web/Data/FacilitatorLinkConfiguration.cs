using HandhavingsKoers.Web.Workshops;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HandhavingsKoers.Web.Data;

/// <summary>Co-facilitators' and notulists' links (decision 0021); they go with their workshop (cascade, in <see cref="WorkshopConfiguration"/>).</summary>
internal sealed class FacilitatorLinkConfiguration : IEntityTypeConfiguration<FacilitatorLink>
{
    public void Configure(EntityTypeBuilder<FacilitatorLink> builder)
    {
        builder.ToTable("FacilitatorLinks");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Role).HasConversion<string>().HasMaxLength(16).IsRequired();
        builder.Property(l => l.ForWhom).HasMaxLength(FacilitatorLink.ForWhomMaxLength).IsRequired();
        builder.Property(l => l.KeyHash).IsRequired();
        // Every request of a co-facilitator or notulist reads the workshop's links.
        builder.HasIndex(l => l.WorkshopId);
        builder.Ignore(l => l.IsActive);
    }
}
