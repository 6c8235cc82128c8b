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

        // Followed between sessions (decision 0022); rows from before that were simply not started yet.
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16).HasDefaultValue(ActionStatus.NotStarted).HasSentinel((ActionStatus)0);
        builder.Property(a => a.StatusNote).HasMaxLength(PreviousAction.NoteMaxLength);
    }
}
