namespace HandhavingsKoers.Web.Maintenance;

/// <summary>How long closed workshops are kept (AVG: no longer than needed). Configure with <c>Retention:*</c>.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Closed workshops are deleted this many months after they were closed. 0 switches deletion off.</summary>
    public int MonthsAfterClosing { get; set; } = 12;

    /// <summary>
    /// A workshop nobody closed is closed after this many days without activity (no new or changed note, nobody
    /// joining), and then kept for <see cref="MonthsAfterClosing"/> like any other. 0 switches it off.
    /// </summary>
    public int CloseIdleAfterDays { get; set; } = 30;

    /// <summary>How often the app looks for workshops past their retention period.</summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromHours(6);
}
