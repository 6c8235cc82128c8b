namespace HandhavingsKoers.Web.Workshops;

/// <summary>
/// One participant's answer to "waar staan we?" for one panel, on a five-point scale. Anonymous: no page, export or
/// report ever shows who gave which score; the participant id is kept only so that each person has one score per
/// panel and can change it.
/// </summary>
public sealed class Score
{
    private Score()
    {
        // For EF Core.
    }

    public Guid ParticipantId { get; private set; }
    public Guid WorkshopId { get; private set; }
    public string StepKey { get; private set; } = "";

    /// <summary>1 to 5; see <see cref="ScoreScale"/>.</summary>
    public int Value { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    internal static Score Create(Participant participant, string stepKey, int value, DateTime now) => new()
    {
        ParticipantId = participant.Id,
        WorkshopId = participant.WorkshopId,
        StepKey = stepKey,
        Value = value,
        UpdatedAt = now,
    };

    internal void Change(int value, DateTime now)
    {
        Value = value;
        UpdatedAt = now;
    }
}

/// <summary>The five points of "waar staan we?", with the Dutch label people choose from.</summary>
public static class ScoreScale
{
    public const int Min = 1;
    public const int Max = 5;

    public static IReadOnlyList<string> Labels => Texts.Domain.ScoreLabels;

    public static IEnumerable<int> Values => Enumerable.Range(Min, Max - Min + 1);

    public static string Label(int value) => Labels[value - Min];

    public static bool IsValid(int value) => value is >= Min and <= Max;

    /// <summary>"3 – We zijn ermee bezig", or for a median between two points "tussen 2 en 3".</summary>
    public static string Describe(double median) => median == Math.Floor(median)
        ? $"{median:0} – {Label((int)median)}"
        : Texts.Format(Texts.Scores.Between, Math.Floor(median), Math.Ceiling(median));
}

/// <summary>
/// How a group scored one panel: the count per point (so disagreement stays visible) and the median.
/// With an even number of scores the median is the mean of the middle two (it can end in .5).
/// </summary>
public sealed record ScoreSummary(IReadOnlyList<int> Counts)
{
    public static ScoreSummary Empty { get; } = new(new int[ScoreScale.Max]);

    public static ScoreSummary From(IEnumerable<int> values)
    {
        var counts = new int[ScoreScale.Max];
        foreach (var value in values)
        {
            if (!ScoreScale.IsValid(value))
            {
                throw new ArgumentOutOfRangeException(nameof(values), value, "A score is 1 to 5.");
            }

            counts[value - ScoreScale.Min]++;
        }

        return new ScoreSummary(counts);
    }

    public int Total => Counts.Sum();

    public int CountOf(int value) => Counts[value - ScoreScale.Min];

    public double? Median
    {
        get
        {
            if (Total == 0)
            {
                return null;
            }

            var lower = ValueAt((Total - 1) / 2);
            var upper = ValueAt(Total / 2);
            return (lower + upper) / 2.0;
        }
    }

    /// <summary>Share of all scores (0..1) at a point; for drawing bars.</summary>
    public double Share(int value) => Total == 0 ? 0 : (double)CountOf(value) / Total;

    /// <summary>The value at a position in the sorted scores, without sorting them.</summary>
    private int ValueAt(int index)
    {
        var seen = 0;
        for (var i = 0; i < Counts.Count; i++)
        {
            seen += Counts[i];
            if (index < seen)
            {
                return i + ScoreScale.Min;
            }
        }

        throw new InvalidOperationException("Index beyond the scores.");
    }

    // Records compare lists by reference; a summary is equal to another with the same counts.
    public bool Equals(ScoreSummary? other) => other is not null && Counts.SequenceEqual(other.Counts);

    public override int GetHashCode() => Counts.Aggregate(17, (h, c) => (h * 31) + c);
}
