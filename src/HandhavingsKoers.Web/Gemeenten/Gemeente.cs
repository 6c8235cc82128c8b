using HandhavingsKoers.Web.Workshops;

namespace HandhavingsKoers.Web.Gemeenten;

/// <summary>
/// A municipality's own space on an installation (decision 0018): its sessions and follow-up chains, the beheerder
/// links that open its page, and the theme its pages wear. There are no personal accounts: each beheerder holds a
/// secret link of their own, made by the operator (command line) or by another beheerder.
/// </summary>
public sealed class Gemeente
{
    private Gemeente()
    {
        // For EF Core.
    }

    public const int NameMaxLength = Workshop.GemeenteMaxLength;
    public const int ThemeKeyMaxLength = 50;

    public Guid Id { get; private set; }

    /// <summary>As the sessions show it ("Zuidwaarde"); unique on the installation.</summary>
    public string Name { get; private set; } = "";

    /// <summary>One of the installation's themes (<c>Theme:Available</c>); null: the installation's own theme.</summary>
    public string? ThemeKey { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>Every beheerder link ever made, the revoked ones included (their hashes answer "ingetrokken").</summary>
    public List<BeheerderLink> BeheerderLinks { get; private set; } = [];

    /// <summary>The name as stored; a rule error names <see cref="Name"/>.</summary>
    public static string CheckName(string? name) =>
        TextRules.Line(name, NameMaxLength, Messages.GemeenteRequired, Messages.GemeenteTooLong, nameof(Name));

    public static Gemeente Create(string? name, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        Name = CheckName(name),
        CreatedAt = now,
    };

    /// <summary>A new beheerder link: only its hash is kept; the caller shows the key once.</summary>
    public BeheerderLink IssueBeheerderLink(string? forWhom, byte[] keyHash, DateTime now)
    {
        if (BeheerderLinks.Count(l => l.IsActive) >= MaxActiveBeheerderLinks)
        {
            throw new WorkshopRuleException(Messages.TooManyBeheerderLinks, nameof(BeheerderLink.ForWhom));
        }

        var link = BeheerderLink.Create(this, forWhom, keyHash, now);
        BeheerderLinks.Add(link);
        return link;
    }

    public const int MaxActiveBeheerderLinks = 20;

    /// <summary>
    /// Stops a beheerder link at once. The last working link is kept, so the gemeente cannot lock itself out (the
    /// operator can always make a new one). Load <see cref="BeheerderLinks"/> first.
    /// </summary>
    public void RevokeBeheerderLink(Guid linkId, DateTime now)
    {
        var link = BeheerderLinks.SingleOrDefault(l => l.Id == linkId && l.IsActive)
            ?? throw new WorkshopRuleException(Messages.BeheerderLinkNotFound);
        if (BeheerderLinks.Count(l => l.IsActive) == 1)
        {
            throw new WorkshopRuleException(Messages.LastBeheerderLink);
        }

        link.Revoke(now);
    }

    /// <summary>Null goes back to the installation's own theme; the caller checks that the key is one of the installation's.</summary>
    public void ChooseTheme(string? themeKey) => ThemeKey = string.IsNullOrEmpty(themeKey) ? null : themeKey;
}

/// <summary>
/// One beheerder's secret link to a gemeente's page: who it is for (a label, not an account), the hash of its key,
/// and when it was made and revoked. The key itself is never stored.
/// </summary>
public sealed class BeheerderLink
{
    private BeheerderLink()
    {
        // For EF Core.
    }

    public const int ForWhomMaxLength = 100;

    public Guid Id { get; private set; }
    public Guid GemeenteId { get; private set; }

    /// <summary>"Voor wie": a name or a role, so the other beheerders know which link to revoke. May be empty.</summary>
    public string ForWhom { get; private set; } = "";

    public byte[] KeyHash { get; private set; } = [];
    public DateTime CreatedAt { get; private set; }
    public DateTime? RevokedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    public static string CheckForWhom(string? forWhom) =>
        string.IsNullOrWhiteSpace(forWhom) ? "" : TextRules.Line(forWhom, ForWhomMaxLength, Messages.ForWhomRequired, Messages.ForWhomTooLong, nameof(ForWhom));

    internal static BeheerderLink Create(Gemeente gemeente, string? forWhom, byte[] keyHash, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        GemeenteId = gemeente.Id,
        ForWhom = CheckForWhom(forWhom),
        KeyHash = keyHash,
        CreatedAt = now,
    };

    internal void Revoke(DateTime now) => RevokedAt ??= now;
}
