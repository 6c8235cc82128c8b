using System.Collections.Concurrent;
using System.Data.Common;
using AngleSharp.Html.Dom;
using HandhavingsKoers.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace HandhavingsKoers.Tests.Data;

/// <summary>
/// Every page of a room reads the notes of one step, and a hall reloads those pages all the time. When a filter was
/// added that the note index did not hold (merged duplicates left out), each page load read every note of the step
/// from the table, and the busy-room benchmark's p99 went from 40 ms to 1.1 s without any test noticing. This test
/// asks SQLite how it answers each note query a participant's page, the facilitator's page and the projector make,
/// with a merge in place: from an index, never by reading the whole table.
/// </summary>
public sealed class NoteQueryPlanTests : IAsyncLifetime
{
    private readonly QueryRecorder _recorder = new();
    private readonly AppFactory _app;

    public NoteQueryPlanTests() =>
        _app = AppFactory.Fresh(Web.Data.StorageProvider.Sqlite, services: s => s.AddSingleton<ISaveChangesInterceptor>(_recorder));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_step_pages_read_notes_from_the_index_not_the_whole_table()
    {
        using var facilitator = _app.NewUser();
        using var participant = _app.NewUser();
        var workshop = await facilitator.StartWorkshopAsync();
        await participant.JoinAsync(workshop.JoinCode, "Sanne");
        await facilitator.MoveRoomAsync(workshop, "vertrouwen");
        var step = workshop.ParticipantUrl("vertrouwen");
        await participant.AddNoteAsync(step, "Todo", "Meer samen op pad");
        await participant.AddNoteAsync(step, "Todo", "Vaker samen op pad");
        await participant.AddNoteAsync(step, "Already", "Wij bellen eerst");

        // A merge, so the page also reads the originals under the merged note.
        var priorities = await facilitator.OpenAsync($"/w/{workshop.Id}/prioriteren");
        foreach (var text in new[] { "Meer samen op pad", "Vaker samen op pad" })
        {
            var label = priorities.Document.QuerySelectorAll("#samenvoegen label").First(l => l.TextContent == text);
            ((IHtmlInputElement)priorities.Document.GetElementById(label.GetAttribute("for")!)!).IsChecked = true;
        }

        var merge = priorities.Document.QuerySelectorAll("form").OfType<IHtmlFormElement>().First(f => f.Action.Contains("handler=Merge", StringComparison.Ordinal));
        var merged = await facilitator.SubmitAsync(merge, new Dictionary<string, string> { ["Wording"] = "Samen op pad" });
        Assert.Contains("Samen op pad", merged.Text, StringComparison.Ordinal);

        _recorder.Clear();
        var page = await participant.OpenAsync(step);
        Assert.Contains("Vaker samen op pad", page.Text, StringComparison.Ordinal); // the original, under the merge
        await facilitator.OpenAsync(workshop.FacilitatorUrl("vertrouwen"));
        await facilitator.OpenAsync($"/w/{workshop.Id}/presenteren?handler=Stage");

        var queries = _recorder.NoteQueries();
        Assert.Contains(queries, q => q.Sql.Contains("COUNT(*)", StringComparison.Ordinal));
        Assert.Contains(queries, q => q.Sql.Contains("\"MergedIntoId\" IS NOT NULL", StringComparison.Ordinal)); // the originals

        using var connection = _app.OpenDatabase();
        foreach (var query in queries)
        {
            var plan = Plan(connection, query);
            // "SCAN n" is SQLite reading the whole Notes table (or a whole index of it); a subquery's own rows may be scanned.
            var notes = System.Text.RegularExpressions.Regex.Matches(query.Sql, "(?:FROM|JOIN) \"Notes\" AS \"(\\w+)\"").Select(m => m.Groups[1].Value).ToList();
            Assert.NotEmpty(notes);
            Assert.DoesNotContain(plan, line => notes.Any(alias => line == $"SCAN {alias}" || line.StartsWith($"SCAN {alias} ", StringComparison.Ordinal)));

            // Each of these queries leaves merged duplicates out or looks for them: the index narrows on that too,
            // instead of reading every note of the step to check it.
            Assert.All(plan.Where(line => notes.Any(alias => line.StartsWith($"SEARCH {alias} ", StringComparison.Ordinal))),
                line => Assert.Contains("MergedIntoId", line, StringComparison.Ordinal));
            if (query.Sql.Contains("COUNT(*)", StringComparison.Ordinal) && query.Sql.Contains("GROUP BY", StringComparison.Ordinal))
            {
                // The counts per column come from the index alone.
                Assert.Contains(plan, line => line.Contains("USING COVERING INDEX", StringComparison.Ordinal));
            }
        }
    }

    private static List<string> Plan(SqliteConnection connection, RecordedQuery query)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + query.Sql;
        foreach (var (name, value) in query.Parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        var lines = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            lines.Add(reader.GetString(3));
        }

        return lines;
    }

    private sealed record RecordedQuery(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters);

    /// <summary>Registered the way the app takes interceptors (as a save-changes one), it sees every command too.</summary>
    private sealed class QueryRecorder : DbCommandInterceptor, ISaveChangesInterceptor
    {
        private readonly ConcurrentQueue<RecordedQuery> _queries = new();

        public void Clear() => _queries.Clear();

        public List<RecordedQuery> NoteQueries() =>
            [.. _queries.Where(q => q.Sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) && q.Sql.Contains("FROM \"Notes\"", StringComparison.Ordinal))];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }

        private void Record(DbCommand command) => _queries.Enqueue(new RecordedQuery(command.CommandText,
            [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value))]));
    }
}
