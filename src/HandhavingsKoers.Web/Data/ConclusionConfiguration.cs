using HandhavingsKoers.Web.Content;
using HandhavingsKoers.Web.Workshops;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HandhavingsKoers.Web.Data;

internal sealed class PanelConclusionConfiguration : IEntityTypeConfiguration<PanelConclusion>
{
    public void Configure(EntityTypeBuilder<PanelConclusion> builder)
    {
        builder.ToTable("PanelConclusions");
        builder.HasKey(c => new { c.WorkshopId, c.StepKey });
        builder.Property(c => c.StepKey).HasMaxLength(Step.KeyMaxLength);
        builder.Property(c => c.Text).HasMaxLength(PanelConclusion.MaxLength);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasMany(c => c.KeyPoints).WithOne().HasForeignKey(k => new { k.WorkshopId, k.StepKey }).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class KeyPointConfiguration : IEntityTypeConfiguration<KeyPoint>
{
    public void Configure(EntityTypeBuilder<KeyPoint> builder)
    {
        builder.ToTable("KeyPoints");
        builder.HasKey(k => new { k.WorkshopId, k.StepKey, k.NoteId });
        builder.Property(k => k.StepKey).HasMaxLength(Step.KeyMaxLength);

        // A kernpunt is a note: when the note goes (deleted after reopening), so does the kernpunt.
        builder.HasOne<Note>().WithMany().HasForeignKey(k => k.NoteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(k => k.NoteId);
    }
}

internal sealed class PublicationConfiguration : IEntityTypeConfiguration<Publication>
{
    public void Configure(EntityTypeBuilder<Publication> builder)
    {
        builder.ToTable("Publications");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.TokenHash).IsRequired();
        builder.Property(p => p.Address).HasMaxLength(Publication.AddressMaxLength);

        // The public page finds its link by the hash of the token in its address.
        builder.HasIndex(p => p.TokenHash).IsUnique();
        builder.HasIndex(p => p.WorkshopId);
    }
}
