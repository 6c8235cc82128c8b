using HandhavingsKoers.Tests.Infrastructure;

namespace HandhavingsKoers.Tests;

public sealed class RequestLoggingTests
{
    [Fact]
    public async Task Each_request_is_one_line_in_the_log_file_and_the_facilitator_key_never_is()
    {
        await using var app = AppFactory.Fresh();
        using var facilitator = app.NewUser();
        var workshop = await facilitator.StartWorkshopAsync();
        using var laptop = app.NewUser();
        await laptop.OpenAsync(workshop.FacilitatorLink);
        await laptop.OpenAsync("/bestaat-niet");

        var key = new Uri(workshop.FacilitatorLink).Query["?sleutel=".Length..];
        var log = ReadLog(app);
        Assert.DoesNotContain(key, log, StringComparison.Ordinal);
        var lines = log.Split('\n').Where(l => l.Contains("HTTP ", StringComparison.Ordinal)).ToList();
        Assert.Single(lines, l => l.Contains("HTTP POST /starten responded 302", StringComparison.Ordinal));
        Assert.Single(lines, l => l.Contains($"HTTP GET /w/{workshop.Id}/begeleider responded 302", StringComparison.Ordinal));
        Assert.Single(lines, l => l.Contains("HTTP GET /bestaat-niet responded 404", StringComparison.Ordinal));
    }

    private static string ReadLog(AppFactory app)
    {
        var folder = Path.Combine(app.Folder, "logs");
        return string.Concat(Directory.GetFiles(folder).Select(f =>
        {
            using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }));
    }
}
