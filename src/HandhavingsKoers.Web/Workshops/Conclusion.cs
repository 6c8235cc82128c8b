namespace HandhavingsKoers.Web.Workshops;

/// <summary>
/// What the facilitator concludes about one principle (a panel of the edition) after the session: a few sentences,
/// and up to <see cref="MaxKeyPoints"/> kernpunten chosen from that principle's notes. Written after closing, for the
/// council report; saved as it is typed, so it carries a version against an older tab overwriting newer text.
/// </summary>
public sealed class PanelConclusion
{
    public const int MaxLength = 1500;
    public const int MaxKeyPoints = 5;

    private PanelConclusion()
    {
        // For EF Core.
    }

    public Guid WorkshopId { get; private set; }

    /// <summary>The key of the panel step the conclusion is about.</summary>
    public string StepKey { get; private set; } = "";

    /// <summary>Null until written (or after it was emptied).</summary>
    public string? Text { get; private set; }

    /// <summary>The chosen notes, in the order they were given.</summary>
    public List<KeyPoint> KeyPoints { get; private set; } = [];

    /// <summary>Goes up with every change; a save based on an older version is refused (see <see cref="Workshop.Conclude"/>).</summary>
    public int Version { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    internal static PanelConclusion For(Workshop workshop, string stepKey) => new() { WorkshopId = workshop.Id, StepKey = stepKey };

    /// <summary>
    /// Puts <paramref name="to"/> in the place of the kernpunt <paramref name="from"/> (a merge undone: the merged note
    /// goes, its oldest original takes its place); when <paramref name="to"/> is a kernpunt already, <paramref name="from"/> just goes.
    /// </summary>
    internal void ReplaceKeyPoint(Guid from, Guid to, DateTime now)
    {
        var point = KeyPoints.FirstOrDefault(k => k.NoteId == from);
        if (point is null)
        {
            return;
        }

        KeyPoints.Remove(point);
        if (!KeyPoints.Any(k => k.NoteId == to))
        {
            KeyPoints.Add(new KeyPoint(WorkshopId, StepKey, to, point.Position));
        }

        Version++;
        UpdatedAt = now;
    }

    /// <summary>Whether this text and these notes are what is stored already.</summary>
    internal bool Says(string? text, IReadOnlyList<Guid> keyPoints) =>
        Text == text && KeyPoints.OrderBy(k => k.Position).Select(k => k.NoteId).SequenceEqual(keyPoints);

    internal void Change(string? text, IReadOnlyList<Guid> keyPoints, DateTime now)
    {
        if (Says(text, keyPoints))
        {
            return;
        }

        Text = text;
        KeyPoints.RemoveAll(k => !keyPoints.Contains(k.NoteId));
        for (var i = 0; i < keyPoints.Count; i++)
        {
            var existing = KeyPoints.FirstOrDefault(k => k.NoteId == keyPoints[i]);
            if (existing is null)
            {
                KeyPoints.Add(new KeyPoint(WorkshopId, StepKey, keyPoints[i], i));
            }
            else
            {
                existing.MoveTo(i);
            }
        }

        Version++;
        UpdatedAt = now;
    }
}

/// <summary>A note chosen as a kernpunt of a principle. Goes with the note when the note is deleted.</summary>
public sealed class KeyPoint
{
    internal KeyPoint(Guid workshopId, string stepKey, Guid noteId, int position)
    {
        WorkshopId = workshopId;
        StepKey = stepKey;
        NoteId = noteId;
        Position = position;
    }

    public Guid WorkshopId { get; private set; }
    public string StepKey { get; private set; }
    public Guid NoteId { get; private set; }

    /// <summary>Its place among the principle's kernpunten, from 0.</summary>
    public int Position { get; private set; }

    internal void MoveTo(int position) => Position = position;
}

/// <summary>
/// A read-only public link to a closed workshop's report, for the council and anyone they pass it on to. Only the
/// SHA-256 hash of its token is stored (<see cref="SecretToken"/>), like the facilitator key. It stops working when
/// the facilitator revokes it or after its last day.
/// </summary>
public sealed class Publication
{
    /// <summary>A link works at most this many years.</summary>
    public const int MaxYearsAhead = 5;

    private Publication()
    {
        // For EF Core.
    }

    public Guid Id { get; private set; }
    public Guid WorkshopId { get; private set; }
    public byte[] TokenHash { get; private set; } = [];
    public DateTime CreatedAt { get; private set; }

    /// <summary>The last day (Dutch time) the link works; null: until it is revoked.</summary>
    public DateOnly? EndsOn { get; private set; }

    public DateTime? RevokedAt { get; private set; }

    public const int AddressMaxLength = 300;

    /// <summary>
    /// The address (scheme and host) the facilitator made the link on. Without a configured public address, the QR
    /// code and link in the public PDF and Word file use it, never the Host header of whoever downloads them: a
    /// visitor cannot steer them, nor make each download a fresh render by sending another Host header.
    /// </summary>
    public string? Address { get; private set; }

    internal static Publication Create(Workshop workshop, byte[] tokenHash, DateOnly? endsOn, string? address, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        WorkshopId = workshop.Id,
        TokenHash = tokenHash,
        EndsOn = endsOn,
        Address = address is { Length: <= AddressMaxLength } ? address : null,
        CreatedAt = now,
    };

    /// <summary>Not revoked and not past its last day.</summary>
    public bool IsActive(DateTime now) => RevokedAt is null && (EndsOn is not { } last || Texts.DutchDate(now) <= last);

    internal void Revoke(DateTime now) => RevokedAt ??= now;
}

/// <summary>Two people (or two tabs) saved the same part of the conclusions; the later one is told and nothing is overwritten.</summary>
public sealed class ConclusionConflictException(string? current, string? yours, string field)
    : WorkshopRuleException(Messages.ConclusionConflict(current ?? "", yours ?? ""), field)
{
    public string? Current { get; } = current;
}
