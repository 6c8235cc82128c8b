namespace HandhavingsKoers.Web.Workshops;

/// <summary>One of a participant's "drie zaken die ik morgen in gang kan zetten".</summary>
public sealed class ParticipantAction
{
    public const int MaxLength = 500;

    private ParticipantAction()
    {
        // For EF Core.
    }

    public Guid Id { get; private set; }
    public Guid ParticipantId { get; private set; }

    /// <summary>1, 2 or 3.</summary>
    public int Position { get; private set; }

    public string Text { get; private set; } = "";
    public DateTime UpdatedAt { get; private set; }

    internal static ParticipantAction Create(Participant participant, int position, string text, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        ParticipantId = participant.Id,
        Position = position,
        Text = text,
        UpdatedAt = now,
    };

    internal void ChangeText(string text, DateTime now)
    {
        Text = text;
        UpdatedAt = now;
    }
}
