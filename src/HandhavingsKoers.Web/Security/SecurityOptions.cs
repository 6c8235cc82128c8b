using HandhavingsKoers.Web.Workshops;

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

    /// <summary>
    /// Workshops (and follow-ups) started per client address per hour. Anyone may start one without an account;
    /// this keeps one script from filling the database.
    /// </summary>
    public int StartsPerHour { get; set; } = 20;

    /// <summary>
    /// Notes one participant may add per minute. Nobody writes this fast by hand; a script that floods a workshop
    /// does. The facilitator (who holds the secret key) is not limited.
    /// </summary>
    public int NotesPerParticipantPerMinute { get; set; } = 30;

    /// <summary>Notes one workshop can hold; enough for a congress hall (1000 people, ten notes each).</summary>
    public int NotesPerWorkshop { get; set; } = 10_000;

    public NoteQuota NoteQuota => new(NotesPerParticipantPerMinute, NotesPerWorkshop);
}
