using System.Globalization;

namespace HandhavingsKoers.Web.Workshops;

/// <summary>
/// The anonymous figures of an earlier session of the chain, kept by a follow-up when it starts (decision 0022): per
/// topic the score distribution and median. No notes, no names, no participants: retention may delete the earlier
/// session (AVG) while the trend across editions stays whole. The follow-up also keeps every earlier session its
/// previous one kept, so the chain reaches back <see cref="Reports.SessionReport.MaxChain"/> sessions whatever was deleted.
/// </summary>
public sealed class KeptSession
{
    private KeptSession()
    {
        // For EF Core.
    }

    public Guid Id { get; private set; }

    /// <summary>The follow-up that keeps these figures (deleted with it).</summary>
    public Guid WorkshopId { get; private set; }

    /// <summary>The session the figures are of; it may have been deleted since.</summary>
    public Guid SessionId { get; private set; }

    /// <summary>The session that one followed up on, so the chain can be walked through kept figures too.</summary>
    public Guid? PreviousSessionId { get; private set; }

    public string Title { get; private set; } = "";
    public DateOnly Date { get; private set; }
    public string EditionKey { get; private set; } = "";

    /// <summary>When the figures were kept: "uit bewaarde cijfers van" this date.</summary>
    public DateTime KeptAt { get; private set; }

    public List<KeptTopic> Topics { get; private set; } = [];

    internal static KeptSession Of(Workshop followUp, Workshop session, IReadOnlyDictionary<string, ScoreSummary> scoresByTopic, DateTime now)
    {
        var kept = new KeptSession
        {
            Id = Guid.NewGuid(),
            WorkshopId = followUp.Id,
            SessionId = session.Id,
            PreviousSessionId = session.PreviousWorkshopId,
            Title = session.Title,
            Date = session.Date,
            EditionKey = session.EditionKey,
            KeptAt = now,
        };
        kept.Topics.AddRange(scoresByTopic.Where(s => s.Value.Total > 0).Select(s => KeptTopic.Of(kept.Id, s.Key, s.Value)));
        return kept;
    }

    /// <summary>The same kept figures, now kept by a later follow-up too (its own copy, deleted with it).</summary>
    internal KeptSession CopyFor(Workshop followUp)
    {
        var copy = new KeptSession
        {
            Id = Guid.NewGuid(),
            WorkshopId = followUp.Id,
            SessionId = SessionId,
            PreviousSessionId = PreviousSessionId,
            Title = Title,
            Date = Date,
            EditionKey = EditionKey,
            KeptAt = KeptAt,
        };
        copy.Topics.AddRange(Topics.Select(t => KeptTopic.Of(copy.Id, t.TopicKey, t.Summary)));
        return copy;
    }
}

/// <summary>One topic's kept figures: how many gave each point of the scale, and the median.</summary>
public sealed class KeptTopic
{
    public const int TopicKeyMaxLength = 100;

    private KeptTopic()
    {
        // For EF Core.
    }

    public Guid Id { get; private set; }
    public Guid KeptSessionId { get; private set; }
    public string TopicKey { get; private set; } = "";

    /// <summary>The count per point of the scale, lowest first, comma-separated ("0,2,3,1,0").</summary>
    public string Counts { get; private set; } = "";

    /// <summary>Stored beside the counts so the database alone answers "what was the median then".</summary>
    public double? Median { get; private set; }

    public ScoreSummary Summary
    {
        get
        {
            var counts = new int[ScoreScale.Max];
            var parts = Counts.Split(',', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < Math.Min(parts.Length, counts.Length); i++)
            {
                counts[i] = int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
            }

            return new ScoreSummary(counts);
        }
    }

    internal static KeptTopic Of(Guid keptSessionId, string topicKey, ScoreSummary summary) => new()
    {
        Id = Guid.NewGuid(),
        KeptSessionId = keptSessionId,
        TopicKey = topicKey,
        Counts = string.Join(',', summary.Counts.Select(c => c.ToString(CultureInfo.InvariantCulture))),
        Median = summary.Median,
    };
}
