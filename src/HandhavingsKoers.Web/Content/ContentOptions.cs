namespace HandhavingsKoers.Web.Content;

/// <summary>Where the edition files are read from. Configure with <c>Content:SeedFolder</c> to use an edited copy.</summary>
public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>Empty means the <c>seeds</c> folder copied next to the app from the repository's <c>seeds/</c>.</summary>
    public string? SeedFolder { get; set; }

    public string ResolveSeedFolder() => string.IsNullOrWhiteSpace(SeedFolder)
        ? Path.Combine(AppContext.BaseDirectory, "seeds")
        : Path.GetFullPath(SeedFolder);
}
