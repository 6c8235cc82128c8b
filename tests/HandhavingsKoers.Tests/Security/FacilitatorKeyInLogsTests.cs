using System.Net;
using HandhavingsKoers.Tests.Infrastructure;
using HandhavingsKoers.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HandhavingsKoers.Tests.Security;

/// <summary>
/// The facilitator key never reaches a log, even when an operator turns up ASP.NET Core's own logging to
/// Information (Microsoft.AspNetCore.Hosting then logs every request's address, query string included).
/// </summary>
public sealed class FacilitatorKeyInLogsTests
{
    [Fact]
    public async Task With_microsoft_logging_at_information_no_log_line_holds_the_facilitator_key()
    {
        var folder = AppFactory.NewFolder();
        await using var app = new AppFactory(folder, settings: new Dictionary<string, string?>
        {
            ["Serilog:MinimumLevel:Default"] = "Verbose",
            ["Serilog:MinimumLevel:Override:Microsoft"] = "Information",
            ["Serilog:MinimumLevel:Override:System"] = "Information",
        });
        using var facilitator = app.NewUser();
        var workshop = await facilitator.StartWorkshopAsync();
        var key = new Uri(workshop.FacilitatorLink).Query["?sleutel=".Length..];

        using var laptop = app.NewUser();
        Assert.Equal(HttpStatusCode.OK, (await laptop.OpenAsync(workshop.FacilitatorLink)).Status);
        var wrong = "Fout" + key[4..];
        Assert.Equal(HttpStatusCode.Forbidden, (await laptop.OpenAsync($"{workshop.FacilitatorUrl()}?SLEUTEL={wrong}&x=1")).Status);

        var log = app.ReadLog();
        Assert.Contains("Request starting", log, StringComparison.Ordinal); // ASP.NET Core's request lines are on
        Assert.DoesNotContain(key, log, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, log, StringComparison.Ordinal);
        Assert.Contains($"/w/{workshop.Id}/begeleider?sleutel=[redacted]", log, StringComparison.Ordinal);
    }

    [Fact]
    public void Whatever_a_logger_is_given_the_key_comes_out_redacted_in_the_message_and_in_the_values()
    {
        var captured = new CapturingProvider();
        var services = new ServiceCollection().AddLogging(logging => logging.AddProvider(captured));
        services.KeepFacilitatorKeysOutOfLogs();
        using var provider = services.BuildServiceProvider();
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("Test");

        logger.LogInformation("Opened {Url} from {Who}", "/w/1/begeleider?x=1&sleutel=GEHEIM1", "laptop");
        logger.Log(LogLevel.Warning, default, "plain text with ?Sleutel=GEHEIM2 in it", null, (state, _) => state);
        logger.LogInformation("Nothing secret: {Url}", "/w/1/stap?sleutelbos=open");

        Assert.Equal(
            ["Opened /w/1/begeleider?x=1&sleutel=[redacted] from laptop", "plain text with ?Sleutel=[redacted] in it", "Nothing secret: /w/1/stap?sleutelbos=open"],
            captured.Messages);
        Assert.DoesNotContain(captured.Values, v => v.Contains("GEHEIM", StringComparison.Ordinal));
        Assert.Contains("laptop", captured.Values);
    }

    private sealed class CapturingProvider : ILoggerProvider, ILogger
    {
        public List<string> Messages { get; } = [];

        public List<string> Values { get; } = [];

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            Messages.Add(formatter(state, exception));
            if (state is IReadOnlyList<KeyValuePair<string, object?>> values)
            {
                Values.AddRange(values.Select(v => v.Value?.ToString() ?? ""));
            }
        }

        public void Dispose()
        {
        }
    }
}
