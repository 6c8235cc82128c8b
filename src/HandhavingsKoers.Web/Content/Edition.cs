namespace HandhavingsKoers.Web.Content;

/// <summary>
/// One edition of the praatplaat (for now the VNG praatplaat of January 2024), loaded from <c>seeds/</c>.
/// Property names match the JSON file; <see cref="EditionLoader"/> validates everything before the app starts.
/// </summary>
public sealed record Edition
{
    /// <summary>The longest edition key the database holds (a workshop stores the key of its edition).</summary>
    public const int KeyMaxLength = 64;

    public required string Key { get; init; }
    public required string Title { get; init; }
    public required string ShortTitle { get; init; }
    public required string Koers { get; init; }

    /// <summary>True when the questions are the official VNG wording; false when they are written by us.</summary>
    public required bool Official { get; init; }

    public required EditionSource Source { get; init; }
    public required string Introduction { get; init; }
    public required IReadOnlyList<Panel> Principles { get; init; }
    public required Panel Visie { get; init; }
    public required ClosingQuestion Closing { get; init; }

    /// <summary>
    /// The order of the panels on the printed poster, by key, when it differs from the walk (the 2024 poster prints
    /// them in another order than its list of principles). Null: the order of the walk.
    /// </summary>
    public IReadOnlyList<string>? PosterOrder { get; init; }

    public IEnumerable<Panel> PosterPanels => PosterOrder is null
        ? Panels
        : PosterOrder.Select(key => Panels.First(p => p.Key == key));

    /// <summary>The walk through a workshop, derived once from the panels (of a session's plan, see <see cref="With"/>).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public StepSequence Steps => _steps ??= StepSequence.Build(this);

    private StepSequence? _steps;

    /// <summary>Shown under every question taken from the source, so its origin is never in doubt.</summary>
    public string Attribution => Official
        ? Texts.Format(Texts.Domain.Source, Source.Name, Source.Published)
        : Texts.Format(Texts.Domain.OwnQuestion, Source.Name, Source.Published);

    /// <summary>The line under a panel's question: the source, or for the gemeente's own question that it is theirs.</summary>
    public string AttributionOf(Panel panel) => panel.IsOwnQuestion ? Texts.Domain.GemeenteQuestion : Attribution;

    /// <summary>
    /// This edition as a session's plan walks it (decision 0020): the chosen principles and the gemeente's own questions
    /// in the plan's order as <see cref="Principles"/>, then the visie. Null: the edition itself, unchanged.
    /// The one place a plan becomes panels; every page, event, report and export reads the session's edition from
    /// <see cref="EditionCatalog.For"/>, which calls this.
    /// </summary>
    public Edition With(Workshops.WorkshopPlan? plan)
    {
        if (plan is null)
        {
            return this;
        }

        var prompts = Principles[0].Prompts;
        var panels = plan.Order.Select(key => plan.FindOwnQuestion(key) is { } own
                ? new Panel
                {
                    Key = own.Key, Title = own.Title, Question = own.Question, Prompts = prompts, Explanation = "", Links = [],
                    IsOwnQuestion = true,
                }
                : Principles.FirstOrDefault(p => p.Key == key))
            .OfType<Panel>().ToList();
        var planned = this with { Principles = panels, PosterOrder = null };
        planned._steps = null;
        return planned;
    }

    /// <summary>The principles followed by the visie: every panel that collects notes.</summary>
    public IEnumerable<Panel> Panels => Principles.Append(Visie);
}

public sealed record EditionSource
{
    public required string Name { get; init; }
    public required string Published { get; init; }
    public required string Url { get; init; }
}

/// <summary>A question panel of the praatplaat: a principle or the visie, with its two prompts.</summary>
public sealed record Panel
{
    public required string Key { get; init; }
    public required string Title { get; init; }

    /// <summary>
    /// What the panel is about, shared across editions, so that scores of one edition can be compared with another's
    /// (the 2024 "gepaste sanctionering" and the 2026 "passend handhaven" share a topic). Defaults to the key.
    /// See docs/decisions/0005-topics-across-editions.md.
    /// </summary>
    public string? Topic { get; init; }

    /// <summary>
    /// A question the gemeente added in its session's plan (decision 0020): not the praatplaat's, without a source line
    /// and without a topic, so it stays out of the trend across editions and the radar.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsOwnQuestion { get; init; }

    /// <summary>The topic, or the key when the seed gives none.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string TopicKey => Topic ?? Key;

    /// <summary>The guiding question, word for word as the source words it.</summary>
    public required string Question { get; init; }

    public required Prompts Prompts { get; init; }

    /// <summary>A short explanation in our own words (B1 Dutch).</summary>
    public required string Explanation { get; init; }

    public required IReadOnlyList<ReadMoreLink> Links { get; init; }
}

public sealed record Prompts
{
    /// <summary>"Wat doet mijn gemeente al?"</summary>
    public required string Already { get; init; }

    /// <summary>"Wat moeten we nog doen?"</summary>
    public required string Todo { get; init; }

    public string For(NoteColumn column) => column == NoteColumn.Already ? Already : Todo;
}

public sealed record ReadMoreLink
{
    public required string Title { get; init; }
    public required string Url { get; init; }
}

public sealed record ClosingQuestion
{
    public required string Question { get; init; }
    public required string Explanation { get; init; }
}

/// <summary>The two prompts under every panel.</summary>
public enum NoteColumn
{
    Already = 1,
    Todo = 2,
}
