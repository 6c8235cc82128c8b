using System.Text.Json;
using System.Text.Json.Serialization;

namespace HandhavingsKoers.Web.Content;

/// <summary>A problem in a seed file: which file, where in it, and what is wrong.</summary>
public sealed record SeedProblem(string File, string Place, string Problem)
{
    public override string ToString() => $"{File}: {Place}: {Problem}";
}

/// <summary>Thrown at start-up when a seed file is broken; the app does not start with half its content.</summary>
public sealed class SeedValidationException(IReadOnlyList<SeedProblem> problems)
    : Exception("The seed content is invalid:" + Environment.NewLine
        + string.Join(Environment.NewLine, problems.Select(p => "  " + p)))
{
    public IReadOnlyList<SeedProblem> Problems { get; } = problems;
}

/// <summary>
/// Reads every <c>*.json</c> edition in the seed folder and validates it. Syntax and shape errors come from
/// System.Text.Json (with line and position); content rules (empty texts, duplicate keys, bad links) are checked here.
/// </summary>
public static class EditionLoader
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = false,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static EditionCatalog LoadFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new SeedValidationException([new SeedProblem(folder, "(folder)", "the seed folder does not exist")]);
        }

        var files = Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new SeedValidationException([new SeedProblem(folder, "(folder)", "no edition (*.json) found")]);
        }

        var problems = new List<SeedProblem>();
        var editions = new List<Edition>();
        foreach (var file in files)
        {
            var (edition, fileProblems) = Parse(Path.GetFileName(file), File.ReadAllText(file));
            problems.AddRange(fileProblems);
            if (edition is not null)
            {
                editions.Add(edition);
            }
        }

        foreach (var duplicate in editions.GroupBy(e => e.Key).Where(g => g.Count() > 1))
        {
            problems.Add(new SeedProblem(folder, "$.key", $"edition key '{duplicate.Key}' is used by more than one file"));
        }

        return problems.Count > 0 ? throw new SeedValidationException(problems) : new EditionCatalog(editions);
    }

    /// <summary>Parses and validates one edition. Returns the edition only when there are no problems.</summary>
    public static (Edition? Edition, IReadOnlyList<SeedProblem> Problems) Parse(string fileName, string json)
    {
        Edition? edition;
        try
        {
            edition = JsonSerializer.Deserialize<Edition>(json, Options);
        }
        catch (JsonException e)
        {
            var place = $"{e.Path ?? "$"} (line {(e.LineNumber ?? 0) + 1}, position {(e.BytePositionInLine ?? 0) + 1})";
            return (null, [new SeedProblem(fileName, place, FirstSentence(e.Message))]);
        }

        if (edition is null)
        {
            return (null, [new SeedProblem(fileName, "$", "the file holds no edition")]);
        }

        var problems = Validate(edition).Select(p => new SeedProblem(fileName, p.Place, p.Problem)).ToList();
        return (problems.Count == 0 ? edition : null, problems);
    }

    private static IEnumerable<(string Place, string Problem)> Validate(Edition e)
    {
        foreach (var p in Text("$.key", e.Key).Concat(Key("$.key", e.Key))) yield return p;
        foreach (var p in Text("$.title", e.Title)) yield return p;
        foreach (var p in Text("$.shortTitle", e.ShortTitle)) yield return p;
        foreach (var p in Text("$.koers", e.Koers)) yield return p;
        foreach (var p in Text("$.source.name", e.Source.Name)) yield return p;
        foreach (var p in Text("$.source.published", e.Source.Published)) yield return p;
        foreach (var p in Url("$.source.url", e.Source.Url)) yield return p;
        foreach (var p in Text("$.introduction", e.Introduction)) yield return p;
        foreach (var p in Text("$.closing.question", e.Closing.Question)) yield return p;
        foreach (var p in Text("$.closing.explanation", e.Closing.Explanation)) yield return p;

        if (e.Principles.Count == 0)
        {
            yield return ("$.principles", "an edition needs at least one principle");
        }

        for (var i = 0; i < e.Principles.Count; i++)
        {
            foreach (var p in ValidatePanel($"$.principles[{i}]", e.Principles[i])) yield return p;
        }

        foreach (var p in ValidatePanel("$.visie", e.Visie)) yield return p;

        if (e.PosterOrder is { } order)
        {
            var keys = e.Panels.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
            if (order.Count != keys.Count || !order.ToHashSet(StringComparer.Ordinal).SetEquals(keys))
            {
                yield return ("$.posterOrder", "must list every panel key (the principles and the visie) exactly once");
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var panels = e.Principles.Select((panel, i) => (Place: $"$.principles[{i}].key", panel.Key))
            .Append(("$.visie.key", e.Visie.Key));
        foreach (var (place, key) in panels)
        {
            if (!seen.Add(key))
            {
                yield return (place, $"key '{key}' is used twice; every panel needs its own key");
            }
            else if (StepSequence.ReservedKeys.Contains(key) || Workshops.WorkshopPlan.IsOwnQuestionKey(key))
            {
                yield return (place, $"key '{key}' is reserved for a step of the workshop itself");
            }
        }

        // Two panels of one edition on the same topic would make a comparison between editions ambiguous.
        // (A duplicate key is reported above already.)
        var topics = e.Principles.Select((panel, i) => (Place: $"$.principles[{i}].topic", Panel: panel))
            .Append((Place: "$.visie.topic", Panel: e.Visie));
        foreach (var duplicate in topics.GroupBy(t => t.Panel.TopicKey, StringComparer.Ordinal)
            .Where(g => g.Select(t => t.Panel.Key).Distinct(StringComparer.Ordinal).Count() > 1))
        {
            yield return (duplicate.Last().Place, $"topic '{duplicate.Key}' is used by more than one panel ({string.Join(", ", duplicate.Select(t => t.Panel.Key))}); a topic links one panel per edition");
        }
    }

    private static IEnumerable<(string, string)> ValidatePanel(string at, Panel panel)
    {
        foreach (var p in Text($"{at}.key", panel.Key).Concat(Key($"{at}.key", panel.Key))) yield return p;
        if (panel.Topic is not null)
        {
            foreach (var p in Text($"{at}.topic", panel.Topic).Concat(Key($"{at}.topic", panel.Topic))) yield return p;
        }

        foreach (var p in Text($"{at}.title", panel.Title)) yield return p;
        foreach (var p in Text($"{at}.question", panel.Question)) yield return p;
        foreach (var p in Text($"{at}.prompts.already", panel.Prompts.Already)) yield return p;
        foreach (var p in Text($"{at}.prompts.todo", panel.Prompts.Todo)) yield return p;
        foreach (var p in Text($"{at}.explanation", panel.Explanation)) yield return p;
        if (panel.Links.Count == 0)
        {
            yield return ($"{at}.links", "every panel needs at least one 'lees meer' link");
        }

        for (var i = 0; i < panel.Links.Count; i++)
        {
            foreach (var p in Text($"{at}.links[{i}].title", panel.Links[i].Title)) yield return p;
            foreach (var p in Url($"{at}.links[{i}].url", panel.Links[i].Url)) yield return p;
        }
    }

    private static IEnumerable<(string, string)> Text(string place, string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            yield return (place, "is empty");
        }
        else if (value != value.Trim())
        {
            yield return (place, "starts or ends with white space");
        }
    }

    private static IEnumerable<(string, string)> Key(string place, string value)
    {
        if (!string.IsNullOrEmpty(value) && !value.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
        {
            yield return (place, $"'{value}' may hold only a-z, 0-9 and '-' (it is used in web addresses)");
        }
    }

    private static IEnumerable<(string, string)> Url(string place, string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            yield return (place, $"'{value}' is not an absolute https:// address");
        }
    }

    // System.Text.Json appends its own "Path: ... | LineNumber: ..." to messages; we report the place separately.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
