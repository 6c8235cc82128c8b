namespace HandhavingsKoers.Web.Security;

/// <summary>
/// On PostgreSQL: how often one client address did something limited (posting a join code, starting a workshop) in
/// one window of time, for the whole installation: every instance counts in the same row, so guessing codes is not
/// multiplied by the number of instances. See <see cref="InstallationLimits"/>.
/// </summary>
public sealed class LimitWindow
{
    /// <summary>"join:" or "start:" and an address (an IPv6 address with a zone fits).</summary>
    public const int KeyMaxLength = 80;

    public string Key { get; set; } = "";

    public DateTime WindowStart { get; set; }

    public int Count { get; set; }
}
