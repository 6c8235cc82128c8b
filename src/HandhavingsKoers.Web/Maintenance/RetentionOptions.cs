namespace HandhavingsKoers.Web.Maintenance;

/// <summary>How long closed workshops are kept (AVG: no longer than needed). Configure with <c>Retention:*</c>.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Closed workshops are deleted this many months after they were closed. 0 switches deletion off.</summary>
    public int MonthsAfterClosing { get; set; } = 12;

    /// <summary>How often the app looks for workshops past their retention period.</summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromHours(6);
}
