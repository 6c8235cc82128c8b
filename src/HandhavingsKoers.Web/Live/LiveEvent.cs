namespace HandhavingsKoers.Web.Live;

/// <summary>
/// One row of <c>LiveEvents</c> on PostgreSQL (decision 0017): a <see cref="WorkshopEvent"/> as stored, so a stream on
/// any instance can replay what a browser missed. Written and read with plain SQL by
/// <see cref="PostgreSqlWorkshopEvents"/>; the entity exists so the table is part of the model and its migration.
/// </summary>
public sealed class LiveEvent
{
    public const int TypeMaxLength = 32;
    public const int StepMaxLength = 64;

    /// <summary>
    /// Room for <see cref="WorkshopEvent.StoredData"/> (a note of at most 1000 characters, escaped: at most about 2100),
    /// well inside NOTIFY's 8000 bytes.
    /// </summary>
    public const int DataMaxLength = 4000;

    public long Id { get; set; }

    public Guid WorkshopId { get; set; }

    public string Type { get; set; } = "";

    public string? Step { get; set; }

    /// <summary>The added note and whether only counts changed (<see cref="WorkshopEvent.StoredData"/>, decision 0019); null for most events.</summary>
    public string? Data { get; set; }

    public DateTime CreatedAt { get; set; }
}
