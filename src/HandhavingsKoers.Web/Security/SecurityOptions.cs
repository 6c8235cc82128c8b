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

    /// <summary>
    /// Live pages (event streams) one participant may hold open at once; the facilitator of a workshop counts as one
    /// participant. A person has a phone and a laptop, maybe a second tab or the presenter: ten is plenty. This is
    /// the limit that counts inside a room, where everyone shares one address.
    /// </summary>
    public int StreamsPerParticipant { get; set; } = 10;

    /// <summary>
    /// Live pages one client address may hold open at once. A whole office or school is often behind one address:
    /// 60 people with a phone and a laptop are 120 pages, the facilitator's laptop and presenter included, and some
    /// open a second tab. Raise it for a congress behind one venue address.
    /// </summary>
    public int StreamsPerAddress { get; set; } = 300;

    /// <summary>
    /// Live pages the server holds open at once, from everyone together, so memory stays bounded
    /// (docs/security.md has what one costs).
    /// </summary>
    public int MaxOpenStreams { get; set; } = 2000;

    public NoteQuota NoteQuota => new(NotesPerParticipantPerMinute, NotesPerWorkshop);
}
