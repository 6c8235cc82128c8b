using HandhavingsKoers.Web.Content;

namespace HandhavingsKoers.Web.Workshops;

/// <summary>Someone who joined with the code. No account: a random token in a cookie proves who they are.</summary>
public sealed class Participant
{
    public const int MaxActions = 3;

    /// <summary>How a rule names the action at <paramref name="index"/> (0-based), as the form binds it.</summary>
    public static string ActionField(int index) => $"{nameof(Actions)}[{index}]";

    private Participant()
    {
        // For EF Core.
    }

    public Guid Id { get; private set; }
    public Guid WorkshopId { get; private set; }
    public Workshop Workshop { get; private set; } = null!;

    /// <summary>Optional; people may stay anonymous.</summary>
    public string? DisplayName { get; private set; }

    /// <summary>SHA-256 of the participant's cookie token.</summary>
    public byte[] TokenHash { get; private set; } = [];

    public DateTime JoinedAt { get; private set; }

    /// <summary>The "drie zaken voor morgen", ordered by <see cref="ParticipantAction.Position"/>.</summary>
    public List<ParticipantAction> Actions { get; private set; } = [];

    /// <summary>This participant's "waar staan we?" scores, at most one per panel. Load before changing one.</summary>
    public List<Score> Scores { get; private set; } = [];

    internal static Participant Create(Workshop workshop, string? displayName, byte[] tokenHash, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        WorkshopId = workshop.Id,
        Workshop = workshop,
        DisplayName = displayName,
        TokenHash = tokenHash,
        JoinedAt = now,
    };

    public void Rename(string? displayName)
    {
        Workshop.EnsureOpen();
        DisplayName = TextRules.DisplayName(displayName);
    }

    /// <summary>Gives or changes this participant's score on a panel; null takes it back ("geen mening").</summary>
    public void SetScore(Edition edition, Step step, int? value, DateTime now)
    {
        Workshop.EnsureMayScore(edition, step);
        var existing = Scores.FirstOrDefault(s => s.StepKey == step.Key);
        if (value is null)
        {
            if (existing is not null)
            {
                Scores.Remove(existing);
            }

            return;
        }

        if (!ScoreScale.IsValid(value.Value))
        {
            throw new WorkshopRuleException(Messages.ScoreOutOfRange);
        }

        if (existing is null)
        {
            Scores.Add(Score.Create(this, step.Key, value.Value, now));
        }
        else
        {
            existing.Change(value.Value, now);
        }
    }

    /// <summary>
    /// Replaces this participant's actions with the non-empty ones given, keeping their order.
    /// Validates all before changing anything, so one bad field loses nothing.
    /// </summary>
    public void SetActions(IReadOnlyList<string?> texts, DateTime now)
    {
        Workshop.EnsureOpen();
        if (texts.Count > MaxActions)
        {
            throw new WorkshopRuleException(Messages.TooManyActions);
        }

        var cleaned = texts
            .Select((t, i) => string.IsNullOrWhiteSpace(t) ? null : TextRules.ActionText(t, ActionField(i)))
            .OfType<string>()
            .ToList();

        // Keep rows whose text did not change, so unchanged actions keep their identity and time stamp.
        for (var i = 0; i < MaxActions; i++)
        {
            var existing = Actions.FirstOrDefault(a => a.Position == i + 1);
            var text = i < cleaned.Count ? cleaned[i] : null;
            if (text is null)
            {
                if (existing is not null)
                {
                    Actions.Remove(existing);
                }
            }
            else if (existing is null)
            {
                Actions.Add(ParticipantAction.Create(this, i + 1, text, now));
            }
            else if (existing.Text != text)
            {
                existing.ChangeText(text, now);
            }
        }
    }
}
