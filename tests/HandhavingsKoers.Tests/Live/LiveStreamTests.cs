using System.Net;
using HandhavingsKoers.Tests.Infrastructure;
using HandhavingsKoers.Web.Data;
using HandhavingsKoers.Web.Live;

namespace HandhavingsKoers.Tests.Live;

public sealed class WorkshopEventsTests
{
    [Fact]
    public async Task A_subscriber_resumes_after_its_last_event_and_gets_a_reset_when_that_is_forgotten()
    {
        var events = new InMemoryWorkshopEvents();
        var room = Guid.NewGuid();
        var first = events.Publish(room, WorkshopEvent.Notes, "vertrouwen");
        var second = events.Publish(room, WorkshopEvent.StepMoved, "preventie");
        events.Publish(Guid.NewGuid(), WorkshopEvent.Notes, "elders"); // another workshop

        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var resumed = await events.Subscribe(room, first.Id, cancel.Token).Take(1).ToListAsync(cancel.Token);
        Assert.Equal(second, Assert.Single(resumed));

        var tooOld = await events.Subscribe(room, first.Id - 1_000_000, cancel.Token).Take(1).ToListAsync(cancel.Token);
        Assert.Equal(WorkshopEvent.Reset, Assert.Single(tooOld).Type);

        // Live: an event published after subscribing arrives.
        var live = events.Subscribe(room, second.Id, cancel.Token).GetAsyncEnumerator(cancel.Token);
        var next = live.MoveNextAsync();
        var third = events.Publish(room, WorkshopEvent.Notes, "preventie");
        Assert.True(await next);
        Assert.Equal(third, live.Current);
        await live.DisposeAsync();
    }
}

/// <summary>The rooms in memory: bounded by who is listening and what happened lately, not by every workshop ever.</summary>
public sealed class IdleRoomTests
{
    [Fact]
    public async Task Rooms_nobody_listens_to_are_forgotten_after_a_quiet_while_and_rooms_with_a_page_open_are_kept()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var events = new InMemoryWorkshopEvents(clock);
        var listened = Guid.NewGuid();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var page = events.Subscribe(listened, null, cancel.Token).GetAsyncEnumerator(cancel.Token);
        var next = page.MoveNextAsync();
        for (var i = 0; i < 1000; i++)
        {
            events.Publish(Guid.NewGuid(), WorkshopEvent.Notes, "vertrouwen");
        }

        Assert.Equal(1001, events.RoomCount);

        // Half the quiet time: nothing is forgotten yet.
        clock.Advance(InMemoryWorkshopEvents.IdleRoomLifetime / 2);
        events.Publish(Guid.NewGuid(), WorkshopEvent.Notes, "vertrouwen");
        Assert.Equal(1002, events.RoomCount);

        clock.Advance(InMemoryWorkshopEvents.IdleRoomLifetime);
        var later = events.Publish(listened, WorkshopEvent.StepMoved, "preventie");

        // The room with a page open, and nothing else.
        Assert.Equal(1, events.RoomCount);
        Assert.True(await next);
        Assert.Equal(later, page.Current);
        await page.DisposeAsync();
    }

    [Fact]
    public async Task A_page_coming_back_to_a_forgotten_room_is_told_to_fetch_everything_again()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var events = new InMemoryWorkshopEvents(clock);
        var room = Guid.NewGuid();
        var seen = events.Publish(room, WorkshopEvent.Notes, "vertrouwen");
        var missed = events.Publish(room, WorkshopEvent.Notes, "vertrouwen");
        clock.Advance(InMemoryWorkshopEvents.IdleRoomLifetime + TimeSpan.FromMinutes(1));
        events.Publish(Guid.NewGuid(), WorkshopEvent.Notes, "elders"); // the sweep runs
        Assert.Equal(1, events.RoomCount);

        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var behind = await events.Subscribe(room, seen.Id, cancel.Token).Take(1).ToListAsync(cancel.Token);
        Assert.Equal(WorkshopEvent.Reset, Assert.Single(behind).Type);

        // A page that saw the last event before the room was forgotten missed nothing: it gets the next one, no reset.
        var upToDate = events.Subscribe(room, missed.Id, cancel.Token).GetAsyncEnumerator(cancel.Token);
        var next = upToDate.MoveNextAsync();
        var live = events.Publish(room, WorkshopEvent.Notes, "vertrouwen");
        Assert.True(await next);
        Assert.Equal(live, upToDate.Current);
        await upToDate.DisposeAsync();
    }
}

/// <summary>The stream over HTTP: who may open it, and that Last-Event-ID resumes it.</summary>
public class LiveStreamTests : AppTest
{
    public LiveStreamTests()
    {
    }

    protected LiveStreamTests(StorageProvider provider)
        : base(provider)
    {
    }

    [Fact]
    public async Task Only_the_workshops_people_may_open_its_stream_and_a_reconnect_gets_what_it_missed()
    {
        using var facilitator = App.NewUser();
        using var participant = App.NewUser();
        using var stranger = App.NewUser();
        var workshop = await facilitator.StartWorkshopAsync();
        await participant.JoinAsync(workshop.JoinCode, "Fatima");
        var live = $"/w/{workshop.Id}/live";

        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.Client.GetAsync(live, HttpCompletionOption.ResponseHeadersRead)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync($"/w/{Guid.NewGuid()}/live", HttpCompletionOption.ResponseHeadersRead)).StatusCode);

        // The participant listens; the facilitator moves the room: a "step" event with an id arrives.
        var (firstId, firstType, firstData) = await NextEventAsync(participant, live, null, () => facilitator.MoveRoomAsync(workshop, "vertrouwen"));
        Assert.Equal("step", firstType);
        Assert.Contains("vertrouwen", firstData, StringComparison.Ordinal);

        // While the participant is away a note is written; coming back with Last-Event-ID replays it.
        await facilitator.AddNoteAsync(workshop.FacilitatorUrl("vertrouwen"), "Already", "Terwijl u weg was");
        var (_, missedType, missedData) = await NextEventAsync(participant, live, firstId, null);
        Assert.Equal("notes", missedType);
        Assert.Contains("vertrouwen", missedData, StringComparison.Ordinal);
    }

    /// <summary>Opens the stream, optionally does something, and returns the first event other than hello/ping.</summary>
    internal static async Task<(string Id, string Type, string Data)> NextEventAsync(User user, string url, string? lastEventId, Func<Task>? action)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var response = await user.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel.Token));
        var acted = false;
        string? id = null, type = null, data = null;
        while (await reader.ReadLineAsync(cancel.Token) is { } line)
        {
            if (line.StartsWith("id: ", StringComparison.Ordinal)) id = line[4..];
            else if (line.StartsWith("event: ", StringComparison.Ordinal)) type = line[7..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal)) data = line[6..];
            else if (line.Length == 0 && type is not null)
            {
                if (type is "hello" or "ping")
                {
                    if (!acted && action is not null)
                    {
                        acted = true;
                        await action();
                    }
                }
                else
                {
                    return (id!, type, data ?? "");
                }

                (id, type, data) = (null, null, null);
            }
        }

        throw new InvalidOperationException("The stream ended without an event.");
    }
}

[OnPostgreSql]
public sealed class LiveStreamOnPostgreSqlTests() : LiveStreamTests(StorageProvider.PostgreSql);
