namespace HandhavingsKoers.Web.Security;

/// <summary>Configure with <c>Security:*</c>.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>
    /// Join attempts (posts of a code) per client address per minute. Generous, because a whole room often shares one
    /// public address; still far too few to find a code by guessing (31^6 ≈ 887 million codes).
    /// </summary>
    public int JoinAttemptsPerMinute { get; set; } = 60;
}
