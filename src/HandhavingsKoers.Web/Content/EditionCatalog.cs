namespace HandhavingsKoers.Web.Content;

/// <summary>All editions found in the seed folder, validated at start-up. Registered as a singleton.</summary>
public sealed class EditionCatalog
{
    private readonly Dictionary<string, Edition> _byKey;

    public EditionCatalog(IEnumerable<Edition> editions)
    {
        // Official editions first: the first one is the default on the start page and the home page.
        All = editions.OrderByDescending(e => e.Official).ThenBy(e => e.Key, StringComparer.Ordinal).ToList();
        _byKey = All.ToDictionary(e => e.Key, StringComparer.Ordinal);
    }

    public IReadOnlyList<Edition> All { get; }

    public Edition? Find(string? key) => key is not null && _byKey.TryGetValue(key, out var e) ? e : null;

    /// <summary>A session's edition as its plan shapes it (decision 0020); the edition itself for a session without a plan.</summary>
    public Edition For(Workshops.Workshop workshop) => Get(workshop.EditionKey).With(workshop.Plan);

    /// <summary>Every workshop stores its edition key; an edition that disappeared from the seeds is a deployment error.</summary>
    public Edition Get(string key) => Find(key)
        ?? throw new InvalidOperationException($"Edition '{key}' is used by a workshop but is not in the seed folder.");
}
