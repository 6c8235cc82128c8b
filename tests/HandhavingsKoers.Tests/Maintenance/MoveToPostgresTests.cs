using System.Net;
using HandhavingsKoers.Tests.Infrastructure;
using HandhavingsKoers.Web.Content;
using HandhavingsKoers.Web.Data;
using HandhavingsKoers.Web.Maintenance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HandhavingsKoers.Tests.Maintenance;

/// <summary>
/// <c>move-to-postgres</c>: a SQLite installation with workshops in every state is copied into an empty PostgreSQL
/// database; an app started on that database then holds the same rows in every table and the same content in every
/// workshop, and the people's cookies still work there (the keys moved too).
/// </summary>
[OnPostgreSql]
public sealed class MoveToPostgresTests
{
    [Fact]
    public async Task Moving_an_installation_keeps_every_row_every_workshops_content_and_the_cookies()
    {
        var target = PostgresServer.Shared.CreateDatabase(migrated: false);
        await using var sqlite = new AppFactory(AppFactory.NewFolder(), settings: new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = target });

        // A workshop with notes, scores, a team action and participants; a follow-up with a reviewed action.
        var cookies = new CookieContainer();
        using var facilitator = sqlite.NewUser();
        using var participant = sqlite.NewUser(cookies);
        var first = await facilitator.StartWorkshopAsync("Gemeente Verhuis", "Voor de verhuizing");
        await participant.JoinAsync(first.JoinCode, "Noor");
        await facilitator.MoveRoomAsync(first, "vertrouwen");
        await participant.AddNoteAsync(first.ParticipantUrl("vertrouwen"), "Already", "Wat we al doen, met ë en “aanhalingstekens”");
        await facilitator.AddNoteAsync(first.FacilitatorUrl("vertrouwen"), "Todo", "Wat we nog moeten doen");
        await participant.ScoreAsync(first.ParticipantUrl("vertrouwen"), 4);
        await facilitator.AddTeamActionAsync(first, "Handhavingsplan bijwerken", "Team toezicht", "2027-03-01");
        var followUp = await facilitator.StartFollowUpAsync(first, "Na de verhuizing", "2027-04-01");
        await facilitator.ReviewAsync(followUp, "Handhavingsplan bijwerken", "Done", "Klaar in maart");
        await facilitator.StartWorkshopAsync("Gemeente Leeg", "Nog niets");

        var tables = sqlite.Services.GetRequiredService<AppDbContext>().Model.GetEntityTypes().Select(e => e.GetTableName()!).Distinct().ToList();
        var before = tables.ToDictionary(t => t, t => sqlite.Count($"select count(*) from {t}"));
        var hashesBefore = await HashesAsync(sqlite);
        Assert.Equal(3, hashesBefore.Count);
        Assert.True(before["Notes"] >= 2 && before["Scores"] >= 1 && before["TeamActions"] >= 1 && before["PreviousActions"] >= 1 && before["Participants"] >= 1);

        var output = new StringWriter();
        var errors = new StringWriter();
        Assert.True(await MoveToPostgres.RunAsync(sqlite.Services, output, errors) == 0, errors.ToString());
        Assert.Contains("same content hash", output.ToString(), StringComparison.Ordinal);

        // A second run refuses: the database is not empty any more, and nothing is copied twice.
        Assert.Equal(1, await MoveToPostgres.RunAsync(sqlite.Services, TextWriter.Null, errors));
        Assert.Contains("holds workshops already", errors.ToString(), StringComparison.Ordinal);

        // The app on PostgreSQL: the same counts, the same content, and the participant is still known.
        await using var postgres = new AppFactory(AppFactory.NewFolder(), postgres: target) { OwnsDatabase = true };
        foreach (var table in tables)
        {
            Assert.True(before[table] == postgres.Count($"select count(*) from {table}"), $"{table}: {before[table]} rows before, {postgres.Count($"select count(*) from {table}")} after.");
        }

        Assert.Equal(hashesBefore, await HashesAsync(postgres));
        using var participantOnPostgres = postgres.NewUser(cookies);
        var page = await participantOnPostgres.OpenAsync(first.ParticipantUrl("vertrouwen"));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("met ë en “aanhalingstekens”", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task It_refuses_to_run_on_an_installation_that_is_on_postgresql_already_or_without_a_target()
    {
        await using var sqlite = AppFactory.Fresh();
        var errors = new StringWriter();
        Assert.Equal(2, await MoveToPostgres.RunAsync(sqlite.Services, TextWriter.Null, errors));
        Assert.Contains("ConnectionStrings:Postgres is missing", errors.ToString(), StringComparison.Ordinal);

        await using var postgres = AppFactory.Fresh(StorageProvider.PostgreSql);
        Assert.Equal(2, await MoveToPostgres.RunAsync(postgres.Services, TextWriter.Null, errors));
        Assert.Contains("copies a SQLite installation", errors.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Per workshop, the hash of its full export, as the app on that store reads it.</summary>
    private static async Task<Dictionary<Guid, string>> HashesAsync(AppFactory app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var editions = scope.ServiceProvider.GetRequiredService<EditionCatalog>();
        var hashes = new Dictionary<Guid, string>();
        foreach (var workshop in await db.Workshops.AsNoTracking().ToListAsync())
        {
            hashes[workshop.Id] = await MoveToPostgres.ContentHashAsync(db, editions, workshop);
        }

        return hashes;
    }
}
