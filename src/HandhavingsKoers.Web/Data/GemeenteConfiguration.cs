using HandhavingsKoers.Web.Gemeenten;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HandhavingsKoers.Web.Data;

internal sealed class GemeenteConfiguration : IEntityTypeConfiguration<Gemeente>
{
    public void Configure(EntityTypeBuilder<Gemeente> builder)
    {
        builder.ToTable("Gemeenten");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Id).ValueGeneratedNever();
        builder.Property(g => g.Name).HasMaxLength(Gemeente.NameMaxLength).IsRequired();
        builder.Property(g => g.ThemeKey).HasMaxLength(Gemeente.ThemeKeyMaxLength);

        // The operator's commands name a gemeente by its name, so two may not share one.
        builder.HasIndex(g => g.Name).IsUnique();
        builder.HasMany(g => g.BeheerderLinks).WithOne().HasForeignKey(l => l.GemeenteId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BeheerderLinkConfiguration : IEntityTypeConfiguration<BeheerderLink>
{
    public void Configure(EntityTypeBuilder<BeheerderLink> builder)
    {
        builder.ToTable("BeheerderLinks");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.ForWhom).HasMaxLength(BeheerderLink.ForWhomMaxLength).IsRequired();
        builder.Property(l => l.KeyHash).IsRequired();
        builder.HasIndex(l => l.GemeenteId);
        builder.Ignore(l => l.IsActive);
    }
}
