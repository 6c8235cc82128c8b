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

        // One action identity across the chain (decision 0022). The migration fills both for older rows from the team
        // action they were copied from, when the previous session still exists, else from the copy itself.
        builder.Property(a => a.ActionKey).HasDefaultValue(Guid.Empty);
        builder.Property(a => a.FirstMadeAt).HasDefaultValue(DateTime.MinValue);
        builder.Property(a => a.CarriedOver).HasDefaultValue(false);
        builder.HasIndex(a => new { a.WorkshopId, a.ActionKey });
    }
}

internal sealed class ActionStatusChangeConfiguration : IEntityTypeConfiguration<ActionStatusChange>
{
    public void Configure(EntityTypeBuilder<ActionStatusChange> builder)
    {
        builder.ToTable("ActionStatusChanges");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Note).HasMaxLength(PreviousAction.NoteMaxLength);
        builder.HasIndex(a => new { a.WorkshopId, a.ActionKey });
    }
}

internal sealed class KeptSessionConfiguration : IEntityTypeConfiguration<KeptSession>
{
    public void Configure(EntityTypeBuilder<KeptSession> builder)
    {
        // No foreign key to the session the figures are of: it is meant to outlive it (decision 0022).
        builder.ToTable("KeptSessions");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.Property(k => k.Title).HasMaxLength(Workshop.TitleMaxLength).IsRequired();
        builder.Property(k => k.EditionKey).HasMaxLength(Content.Edition.KeyMaxLength).IsRequired();
        builder.HasIndex(k => k.WorkshopId);
        builder.HasMany(k => k.Topics).WithOne().HasForeignKey(t => t.KeptSessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class KeptTopicConfiguration : IEntityTypeConfiguration<KeptTopic>
{
    public void Configure(EntityTypeBuilder<KeptTopic> builder)
    {
        builder.ToTable("KeptTopics");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.TopicKey).HasMaxLength(KeptTopic.TopicKeyMaxLength).IsRequired();
        builder.Property(t => t.Counts).HasMaxLength(100).IsRequired();
    }
}
