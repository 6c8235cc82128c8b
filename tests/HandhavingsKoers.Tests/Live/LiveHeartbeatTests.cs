using HandhavingsKoers.Web.Live;
using Microsoft.Extensions.Time.Testing;

namespace HandhavingsKoers.Tests.Live;

/// <summary>
/// An open page's stream in a busy room: it passes on every event and still pings when the room goes quiet, with one
/// heartbeat timer for the whole stream. A timer per event (the old code) kept thousands of them alive at once and
/// was most of the server's memory growth in the busy-room benchmark.
/// </summary>
public sealed class LiveHeartbeatTests
{
    [Fact]
    public async Task A_busy_stream_keeps_one_heartbeat_and_pings_when_the_room_is_quiet()
    {
        var events = new InMemoryWorkshopEvents();
        var clock = new CountingTimeProvider();
        var room = Guid.NewGuid();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var stream = LiveEndpoint.Stream(events, room, null, null, clock, cancel.Token).GetAsyncEnumerator(cancel.Token);
        Assert.True(await stream.MoveNextAsync());
        Assert.Equal("hello", stream.Current.EventType);

        // A busy room: 500 notes in a row, each passed on in order.
        for (var i = 0; i < 500; i++)
        {
            var arrives = stream.MoveNextAsync();
            var published = events.Publish(room, WorkshopEvent.Notes, "vertrouwen");
            Assert.True(await arrives);
            Assert.Equal("notes", stream.Current.EventType);
            Assert.Equal(published.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), stream.Current.EventId);
        }

        Assert.Equal(1, clock.TimersCreated);

        // Then nothing happens for the heartbeat's interval: the page gets a ping, and again after the next one.
        for (var i = 0; i < 2; i++)
        {
            var ping = stream.MoveNextAsync();
            Assert.False(ping.IsCompleted);
            clock.Advance(LiveEndpoint.Heartbeat);
            Assert.True(await ping);
            Assert.Equal("ping", stream.Current.EventType);
        }

        Assert.Equal(1, clock.TimersCreated);
        await cancel.CancelAsync();
        Assert.False(await stream.MoveNextAsync());
        await stream.DisposeAsync();
    }

    private sealed class CountingTimeProvider : FakeTimeProvider
    {
        public int TimersCreated { get; private set; }

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            TimersCreated++;
            return base.CreateTimer(callback, state, dueTime, period);
        }
    }
}
