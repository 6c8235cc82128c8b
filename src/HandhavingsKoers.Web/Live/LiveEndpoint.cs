using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using HandhavingsKoers.Web.Data;
using HandhavingsKoers.Web.Pages;
using HandhavingsKoers.Web.Security;
using HandhavingsKoers.Web.Workshops;
using Microsoft.EntityFrameworkCore;

namespace HandhavingsKoers.Web.Live;

/// <summary>
/// <c>GET /w/{id}/live</c>: a Server-Sent Events stream for one open page of the workshop's facilitator or a participant.
/// Each event has an id; a reconnecting browser sends Last-Event-ID and gets what it missed.
/// </summary>
public static class LiveEndpoint
{
    internal static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(20);

    public static void MapLive(this WebApplication app) =>
        app.MapGet("/w/{id:guid}/live", async (Guid id, HttpContext context, AppDbContext db, IWorkshopEvents events, TimeProvider clock, IHostApplicationLifetime lifetime, StreamSlots slots) =>
        {
            var workshop = await db.Workshops.AsNoTracking().SingleOrDefaultAsync(w => w.Id == id);
            if (workshop is null)
            {
                return Results.NotFound();
            }

            Guid? participantId = null;
            // A co-facilitator or notulist gets the facilitator's stream; a revoked link gets nothing (decision 0021).
            var facilitation = await WorkshopAccess.FindFacilitatorAsync(db, context, workshop);
            if (!facilitation.Permits(FacilitatorAction.Read))
            {
                participantId = (await WorkshopAccess.FindParticipantAsync(db, context, id))?.Id;
                if (participantId is null)
                {
                    context.Items[RefusalExtensions.MessageKey] = facilitation.Revoked ? Messages.SharedLinkRevoked : Messages.NotParticipant;
                    return Results.StatusCode(StatusCodes.Status403Forbidden);
                }
            }

            // Each shared link holds its own streams, so a co-facilitator's and a notulist's pages do not use up the facilitator's.
            var holder = participantId is { } me ? $"participant:{me:N}"
                : facilitation.LinkId is { } link ? $"link:{link:N}" : $"facilitator:{id:N}";

            // One slot per open stream, given back when the response ends (the page closed, the connection dropped).
            // Beyond a limit the page keeps working without live updates; live.js tries again later, backing off.
            var slot = slots.TryTake(RateLimits.ClientAddress(context), holder, out var outcome);
            if (slot is null)
            {
                var full = outcome == StreamSlots.Outcome.ServerFull;
                context.Items[RefusalExtensions.MessageKey] = full ? Messages.ServerFullOfStreams : Messages.TooManyStreams;
                context.Response.Headers.RetryAfter = "60";
                return Results.StatusCode(full ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status429TooManyRequests);
            }

            context.Response.RegisterForDispose(slot);

            long? last = long.TryParse(context.Request.Headers["Last-Event-ID"].ToString(), out var header) ? header
                : long.TryParse(context.Request.Query["lastEventId"].ToString(), out var query) ? query : null;

            // Proxies must not buffer the stream.
            context.Response.Headers.CacheControl = "no-cache, no-transform";
            context.Response.Headers["X-Accel-Buffering"] = "no";
            // Streams end when the app stops (SIGTERM), so shutdown does not wait for open pages; browsers reconnect.
            var ends = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
            context.Response.RegisterForDispose(ends);
            // A shared link's stream ends when the link is revoked (asked on each "links" event and each ping), so the
            // page reconnects and is refused; the request's own context is free for that once the stream runs.
            Func<Task<bool>>? stillAllowed = facilitation.LinkId is { } linkId
                ? () => db.FacilitatorLinks.AsNoTracking().AnyAsync(l => l.Id == linkId && l.RevokedAt == null)
                : null;
            return TypedResults.ServerSentEvents(Stream(events, id, participantId, last, clock, ends.Token, stillAllowed));
        });

    /// <summary>
    /// The events of one open page (<paramref name="participantId"/>: whose page, null for the facilitator's): hello,
    /// then the workshop's events, and a ping every <see cref="Heartbeat"/>. <paramref name="stillAllowed"/>, for a
    /// co-facilitator's or notulist's page, is asked before each ping and "links" event; the stream ends when it says no.
    /// </summary>
    internal static async IAsyncEnumerable<SseItem<string>> Stream(IWorkshopEvents events, Guid id, Guid? participantId, long? last, TimeProvider clock,
        [EnumeratorCancellation] CancellationToken aborted, Func<Task<bool>>? stillAllowed = null)
    {
        // Tell the browser to retry quickly after a drop; the first line also flushes the headers at once.
        yield return new SseItem<string>("{}", "hello") { ReconnectionInterval = TimeSpan.FromSeconds(1) };

        var subscription = events.Subscribe(id, last, aborted).GetAsyncEnumerator(aborted);
        var next = subscription.MoveNextAsync().AsTask();

        // One heartbeat per stream, waited on across events. A fresh Task.Delay per event was never cancelled: in a
        // busy room every open page kept thousands of pending timers alive for their 20 seconds, which the GC moved
        // to its oldest generation and then had to clear out (most of the server's memory growth under load).
        using var heartbeat = new PeriodicTimer(Heartbeat, clock);
        var tick = heartbeat.WaitForNextTickAsync(aborted).AsTask();
        try
        {
            while (!aborted.IsCancellationRequested)
            {
                var winner = await Task.WhenAny(next, tick).ConfigureAwait(false);
                if (winner != next)
                {
                    if (aborted.IsCancellationRequested || (stillAllowed is not null && !await stillAllowed().ConfigureAwait(false)))
                    {
                        yield break;
                    }

                    // A comment-like ping keeps idle connections open through proxies and detects dead ones.
                    yield return new SseItem<string>("{}", "ping");
                    tick = heartbeat.WaitForNextTickAsync(aborted).AsTask();
                    continue;
                }

                bool more;
                try
                {
                    more = await next.ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    yield break;
                }

                if (!more)
                {
                    yield break;
                }

                var e = subscription.Current;
                if (e.Type == WorkshopEvent.Links && stillAllowed is not null && !await stillAllowed().ConfigureAwait(false))
                {
                    yield break;
                }

                if (!e.Reaches(participantId))
                {
                    next = subscription.MoveNextAsync().AsTask();
                    continue;
                }

                yield return new SseItem<string>(e.DataFor(participantId), e.Type) { EventId = e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) };
                next = subscription.MoveNextAsync().AsTask();
            }
        }
        finally
        {
            // The pending read ends with the request's cancellation; let it, then release the subscription.
            try
            {
                await next.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }

            await subscription.DisposeAsync().ConfigureAwait(false);
        }
    }
}
