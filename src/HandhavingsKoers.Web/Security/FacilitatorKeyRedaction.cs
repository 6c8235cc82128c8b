using System.Text.RegularExpressions;
using HandhavingsKoers.Web.Pages;

namespace HandhavingsKoers.Web.Security;

/// <summary>
/// The facilitator key travels once in an address (<c>?sleutel=…</c>) and must never reach a log. Our own request
/// line logs paths only, but ASP.NET Core's hosting logs every request's full address at Information, before any
/// middleware could take the key out; an operator who turns <c>Microsoft</c> up to Information to look into a problem
/// would write keys to disk. So every logger the app creates is wrapped: a value or message holding
/// <c>sleutel=…</c> is logged with <c>sleutel=[redacted]</c> instead (and a public report's token as
/// <c>/openbaar/[redacted]</c>). Wrapping the logger factory (not one provider)
/// covers every sink, whatever logging setup sits underneath.
/// </summary>
public static partial class FacilitatorKeyRedaction
{
    public const string Redacted = "[redacted]";

    /// <summary>
    /// Wraps the registered <see cref="ILoggerFactory"/>. Call it after the logging setup, as the last registration:
    /// it wraps whichever factory was registered last.
    /// </summary>
    public static void KeepFacilitatorKeysOutOfLogs(this IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(ILoggerFactory) && !d.IsKeyedService);
        services.Remove(registered);
        services.AddSingleton<ILoggerFactory>(provider => new RedactingLoggerFactory(
            registered.ImplementationInstance as ILoggerFactory
            ?? registered.ImplementationFactory?.Invoke(provider) as ILoggerFactory
            ?? (ILoggerFactory)ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!)));
    }

    public static bool HoldsKey(string? text) => text is not null && KeyInQuery().IsMatch(text);

    public static string Redact(string text) => KeyInQuery().Replace(text, "$1" + Redacted);

    // Query keys are case-insensitive in ASP.NET Core: ?SLEUTEL= reaches the page as well. A public report's token
    // (in its path, /openbaar/{token}) is redacted the same way: it is revocable, but a log is no place to hand it out.
    [GeneratedRegex($"([?&]{Routes.FacilitatorKeyParameter}=|{Routes.PublicReportPrefix})[^&#?/\\s\"]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KeyInQuery();

    private sealed class RedactingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName));

        public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

        public void Dispose() => inner.Dispose();
    }

    private sealed class RedactingLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!inner.IsEnabled(logLevel))
            {
                return;
            }

            // Structured state (message template and values, as LoggerMessage and ASP.NET Core log): redact the values,
            // so structured sinks get them redacted too, and the rendered message.
            if (state is IReadOnlyList<KeyValuePair<string, object?>> values)
            {
                if (values.Any(v => v.Value is string or Uri or QueryString && HoldsKey(v.Value.ToString())))
                {
                    var redacted = values
                        .Select(v => v.Value is string or Uri or QueryString && HoldsKey(v.Value.ToString())
                            ? new KeyValuePair<string, object?>(v.Key, Redact(v.Value.ToString()!))
                            : v)
                        .ToList();
                    inner.Log(logLevel, eventId, new RedactedState(redacted, Redact(formatter(state, exception))), exception, static (s, _) => s.Message);
                    return;
                }

                inner.Log(logLevel, eventId, state, exception, formatter);
                return;
            }

            // Anything else is only a message.
            var message = formatter(state, exception);
            if (HoldsKey(message))
            {
                var safe = Redact(message);
                inner.Log(logLevel, eventId, new RedactedState([new("{OriginalFormat}", safe.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal))], safe),
                    exception, static (s, _) => s.Message);
                return;
            }

            inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }

    /// <summary>The values and rendered message of a log entry with the key taken out.</summary>
    private sealed class RedactedState(IReadOnlyList<KeyValuePair<string, object?>> values, string message)
        : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public string Message { get; } = message;

        public int Count => values.Count;

        public KeyValuePair<string, object?> this[int index] => values[index];

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => values.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => Message;
    }
}
