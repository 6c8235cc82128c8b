using HandhavingsKoers.Web.Content;

namespace HandhavingsKoers.Web.Workshops;

/// <summary>
/// How a concept session was prepared (decision 0020): which principles take part and in which order, the gemeente's
/// own questions, an own introduction and default timers. Immutable: every change makes a new plan, stored whole in
/// one column as JSON. <see cref="Edition.With"/> turns it into the session's walk; null means the edition's own walk.
/// </summary>
public sealed record WorkshopPlan
{
    public const int MaxOwnQuestions = 3;
    public const int OwnTitleMaxLength = 80;
    public const int OwnQuestionMaxLength = 400;
    public const int IntroductionMaxLength = 1500;

    /// <summary>Own questions' step keys start with this; no seed key may (it is not a topic of any edition).</summary>
    public const string OwnQuestionKeyPrefix = "eigen-vraag-";

    /// <summary>The principles' keys and the own questions' keys, in the order of the walk. The visie always follows them.</summary>
    public IReadOnlyList<string> Order { get; init; } = [];

    public IReadOnlyList<OwnQuestion> OwnQuestions { get; init; } = [];

    /// <summary>Shown on the welcome step, the projector and the participant's page; plain text, paragraphs by blank lines.</summary>
    public string? Introduction { get; init; }

    /// <summary>Per panel step (by key), the minutes the facilitator's timer form starts with.</summary>
    public IReadOnlyDictionary<string, int> TimerMinutes { get; init; } = new Dictionary<string, int>();

    /// <summary>A first plan: every principle of the edition, in its order.</summary>
    public static WorkshopPlan Initial(Edition edition) => new() { Order = edition.Principles.Select(p => p.Key).ToList() };

    public static bool IsOwnQuestionKey(string? key) => key?.StartsWith(OwnQuestionKeyPrefix, StringComparison.Ordinal) == true;

    public OwnQuestion? FindOwnQuestion(string key) => OwnQuestions.FirstOrDefault(q => q.Key == key);

    public int? TimerFor(string stepKey) => TimerMinutes.TryGetValue(stepKey, out var minutes) ? minutes : null;

    /// <summary>
    /// The plan a follow-up starts with: the same choice and order (by topic, when it uses another edition; principles
    /// the previous edition did not have are added at the end), the same own questions and timers, no introduction
    /// (that is written for one session).
    /// </summary>
    public WorkshopPlan ForFollowUp(Edition previousEdition, Edition edition)
    {
        var order = new List<string>();
        foreach (var key in Order)
        {
            if (IsOwnQuestionKey(key))
            {
                order.Add(key);
            }
            else if (previousEdition.Principles.FirstOrDefault(p => p.Key == key) is { } before
                && edition.Principles.FirstOrDefault(p => p.TopicKey == before.TopicKey) is { } now && !order.Contains(now.Key))
            {
                order.Add(now.Key);
            }
        }

        var previousTopics = previousEdition.Principles.Select(p => p.TopicKey).ToHashSet(StringComparer.Ordinal);
        order.AddRange(edition.Principles.Where(p => !previousTopics.Contains(p.TopicKey) && !order.Contains(p.Key)).Select(p => p.Key));
        if (!order.Any(k => !IsOwnQuestionKey(k)))
        {
            return Initial(edition) with { OwnQuestions = OwnQuestions, Order = [.. Initial(edition).Order, .. OwnQuestions.Select(q => q.Key)] };
        }

        var keys = edition.Panels.Select(p => p.Key).Concat(OwnQuestions.Select(q => q.Key)).ToHashSet(StringComparer.Ordinal);
        return new WorkshopPlan
        {
            Order = order,
            OwnQuestions = OwnQuestions,
            TimerMinutes = TimerMinutes.Where(t => keys.Contains(t.Key)).ToDictionary(t => t.Key, t => t.Value),
        };
    }
}

/// <summary>A question the gemeente asks itself; a panel step of its own, never the praatplaat's, without a topic.</summary>
public sealed record OwnQuestion(string Key, string Title, string Question);
