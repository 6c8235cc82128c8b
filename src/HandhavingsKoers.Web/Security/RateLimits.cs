using System.Threading.RateLimiting;
using HandhavingsKoers.Web.Data;
using HandhavingsKoers.Web.Pages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace HandhavingsKoers.Web.Security;

/// <summary>
/// The limits per client address, in one place. Only what an anonymous visitor can repeat cheaply and that costs us
/// something is limited: posting a join code (guessing codes) and starting a workshop (filling the database). Behind
/// a proxy the address is the real client's (forwarded headers). Notes have their own limits on the workshop.
/// </summary>
public static class RateLimits
{
    public static void Configure(RateLimiterOptions options)
    {
        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            var address = ClientAddress(context);

            // On PostgreSQL these are counted in the database, for every instance together (InstallationLimits).
            if (context.RequestServices.GetRequiredService<StorageChoice>().Provider == StorageProvider.PostgreSql)
            {
                return RateLimitPartition.GetNoLimiter("installation");
            }

            var security = context.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value;
            return Kind(context) switch
            {
                Limited.Join => RateLimitPartition.GetFixedWindowLimiter("join:" + address, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = security.JoinAttemptsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }),
                Limited.Start => RateLimitPartition.GetFixedWindowLimiter("start:" + address, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = security.StartsPerHour,
                    Window = TimeSpan.FromHours(1),
                    QueueLimit = 0,
                }),
                _ => RateLimitPartition.GetNoLimiter("other"),
            };
        });
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = (context, _) =>
        {
            Refuse(context.HttpContext);
            return ValueTask.CompletedTask;
        };
    }

    /// <summary>The refusal of a request over its limit: the message the status code page shows, and when to try again.</summary>
    internal static void Refuse(HttpContext context)
    {
        // The status code page shows this message (re-executed, like every refusal).
        var start = Kind(context) == Limited.Start;
        context.Items[RefusalExtensions.MessageKey] = start ? Messages.TooManyStarts : Messages.TooManyJoinAttempts;
        context.Response.Headers.RetryAfter = start ? "3600" : "60";
    }

    /// <summary>
    /// The client's address every per-client limit counts by: behind a believed proxy the real client's
    /// (<c>UseForwardedHeaders</c> runs first), else whoever opened the connection.
    /// </summary>
    public static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    internal enum Limited
    {
        None,
        Join,
        Start,
    }

    internal static Limited Kind(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            return Limited.None;
        }

        var path = context.Request.Path;
        if (path.StartsWithSegments(Routes.Join))
        {
            return Limited.Join;
        }

        // A new workshop, or a follow-up (/w/{id}/vervolg).
        return path.StartsWithSegments(Routes.Start) || (path.StartsWithSegments("/w") && path.Value!.EndsWith("/vervolg", StringComparison.Ordinal))
            ? Limited.Start
            : Limited.None;
    }
}
