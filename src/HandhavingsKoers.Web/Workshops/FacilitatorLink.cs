namespace HandhavingsKoers.Web.Workshops;

/// <summary>
/// A co-facilitator's or notulist's own secret link to a workshop (decision 0021): who it is for (a label, not an
/// account), the role it opens, the hash of its key, and when it was made and revoked. The key itself is never stored;
/// a revoked link keeps its hash so it can answer "ingetrokken".
/// </summary>
public sealed class FacilitatorLink
{
    private FacilitatorLink()
    {
        // For EF Core.
    }

    public const int ForWhomMaxLength = 100;

    public Guid Id { get; private set; }
    public Guid WorkshopId { get; private set; }
    public FacilitatorRole Role { get; private set; }

    /// <summary>"Voor wie": a name or a role, so the facilitator knows which link to revoke.</summary>
    public string ForWhom { get; private set; } = "";

    public byte[] KeyHash { get; private set; } = [];
    public DateTime CreatedAt { get; private set; }
    public DateTime? RevokedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    internal static FacilitatorLink Create(Guid workshopId, FacilitatorRole role, string? forWhom, byte[] keyHash, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        WorkshopId = workshopId,
        Role = role is FacilitatorRole.CoFacilitator or FacilitatorRole.Notulist
            ? role
            : throw new WorkshopRuleException(Messages.FacilitatorRoleUnknown, nameof(Role)),
        ForWhom = TextRules.Line(forWhom, ForWhomMaxLength, Messages.FacilitatorForWhomRequired, Messages.FacilitatorForWhomTooLong, nameof(ForWhom)),
        KeyHash = keyHash,
        CreatedAt = now,
    };

    internal void Revoke(DateTime now) => RevokedAt ??= now;
}
