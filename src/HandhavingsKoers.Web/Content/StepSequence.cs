namespace HandhavingsKoers.Web.Content;

public enum StepKind
{
    Welcome,
    Panel,
    Actions,
    Closing,
}

/// <summary>One step of a workshop. Panel steps (the principles and the visie) collect notes.</summary>
public sealed record Step(int Index, string Key, StepKind Kind, string Title, Panel? Panel)
{
    /// <summary>The longest step key the database holds (notes, scores and step states store it, and a workshop its current step).</summary>
    public const int KeyMaxLength = 64;

    public bool TakesNotes => Kind == StepKind.Panel;
}

/// <summary>
/// The walk through a workshop: welcome → the principles (or, for a prepared session, the plan's principles and own
/// questions in its order) → visie → three actions → closing.
/// Step keys appear in URLs and in the database, so they are stable, lower-case and Dutch.
/// </summary>
public sealed class StepSequence
{
    public const string WelcomeKey = "welkom";
    public const string ActionsKey = "acties";
    public const string ClosingKey = "afronding";

    private readonly Dictionary<string, Step> _byKey;

    private StepSequence(IReadOnlyList<Step> steps)
    {
        All = steps;
        _byKey = steps.ToDictionary(s => s.Key, StringComparer.Ordinal);
    }

    public IReadOnlyList<Step> All { get; }

    public Step First => All[0];

    public Step Last => All[^1];

    /// <summary>
    /// A session's walk: the edition as its plan shapes it (<see cref="Edition.With"/>). Without a plan, the edition's
    /// own walk. The one home of the walk: <see cref="EditionCatalog.For"/> gives every page the same.
    /// </summary>
    public static StepSequence For(Edition edition, Workshops.WorkshopPlan? plan) => edition.With(plan).Steps;

    internal static StepSequence Build(Edition edition)
    {
        var steps = new List<Step> { new(0, WelcomeKey, StepKind.Welcome, Texts.Domain.WelcomeStep, null) };
        foreach (var panel in edition.Panels)
        {
            steps.Add(new Step(steps.Count, panel.Key, StepKind.Panel, panel.Title, panel));
        }

        steps.Add(new Step(steps.Count, ActionsKey, StepKind.Actions, Texts.Domain.ActionsStep, null));
        steps.Add(new Step(steps.Count, ClosingKey, StepKind.Closing, Texts.Domain.ClosingStep, null));
        return new StepSequence(steps);
    }

    /// <summary>Step keys that a panel may not use because the walk itself needs them.</summary>
    public static IReadOnlySet<string> ReservedKeys { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        WelcomeKey, ActionsKey, ClosingKey,
    };

    public Step? Find(string? key) => key is not null && _byKey.TryGetValue(key, out var step) ? step : null;

    public Step? Next(Step step) => step.Index + 1 < All.Count ? All[step.Index + 1] : null;

    public Step? Previous(Step step) => step.Index > 0 ? All[step.Index - 1] : null;

    /// <summary>
    /// A participant sees the step the room is on and every step before it, never one ahead:
    /// the facilitator decides when a question opens.
    /// </summary>
    public bool IsOpenForParticipants(Step step, string currentKey) =>
        Find(currentKey) is { } current && step.Index <= current.Index;
}
