using System.Net;
using System.Text.RegularExpressions;
using HandhavingsKoers.Tests.Infrastructure;
using HandhavingsKoers.Web.Pages;

namespace HandhavingsKoers.Tests.Data;

/// <summary>
/// Two instances of one installation on one PostgreSQL database, as behind a load balancer (decision 0016): what one
/// instance wrote and the forms it handed out work on the other, because the rows and the data-protection keys are
/// in the database.
/// </summary>
[OnPostgreSql]
public sealed class PostgreSqlInstancesTests
{
    [Fact]
    public async Task A_form_opened_on_one_instance_is_accepted_by_another_on_the_same_database_but_not_by_another_installation()
    {
        var database = PostgresServer.Shared.CreateDatabase();
        var elsewhere = PostgresServer.Shared.CreateDatabase();
        await using var first = new AppFactory(AppFactory.NewFolder(), postgres: database);
        await using var second = new AppFactory(AppFactory.NewFolder(), postgres: database) { OwnsDatabase = true };
        await using var otherInstallation = new AppFactory(AppFactory.NewFolder(), postgres: elsewhere) { OwnsDatabase = true };
        using var facilitator = first.NewUser();
        var workshop = await facilitator.StartWorkshopAsync("Gemeente Tweeling", "Twee servers");

        // One browser: the join form comes from the first instance, the answer goes to the second.
        var cookies = new CookieContainer();
        using var onFirst = first.NewUser(cookies);
        using var onSecond = second.NewUser(cookies);
        using var onOther = otherInstallation.NewUser(cookies);
        var form = (await onFirst.OpenAsync("/doemee")).Form("form[method=post]");
        var fields = new Dictionary<string, string> { ["Code"] = workshop.JoinCode, ["DisplayName"] = "Noor" };

        // Control: an installation with keys of its own cannot read the token (so this test can fail).
        var refused = await onOther.SubmitAsync(form, fields);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);

        var joined = await onSecond.SubmitAsync(form, fields);
        Assert.Equal(HttpStatusCode.OK, joined.Status);
        Assert.Equal("Welkom", joined.Heading);
        Assert.Contains("Noor", joined.Text, StringComparison.Ordinal);

        // The facilitator, still on the first instance, sees the participant who joined through the second.
        var facilitatorPage = await facilitator.OpenAsync(workshop.FacilitatorUrl());
        Assert.Contains("1 deelnemer doet mee", Regex.Replace(facilitatorPage.Text, "\\s+", " "), StringComparison.Ordinal);
        Assert.Equal(1, first.Count("select count(*) from DataProtectionKeys"));
    }

    /// <summary>
    /// Instances that start together on a new database share one data-protection key (made under the migration
    /// lock), so each accepts the forms of the other from the first request on.
    /// </summary>
    [Fact]
    public async Task Instances_starting_together_on_a_new_database_make_one_key_and_accept_each_others_forms()
    {
        var database = PostgresServer.Shared.CreateDatabase();
        await using var first = new AppFactory(AppFactory.NewFolder(), postgres: database);
        await using var second = new AppFactory(AppFactory.NewFolder(), postgres: database) { OwnsDatabase = true };
        await Task.WhenAll(Task.Run(() => first.Server), Task.Run(() => second.Server));
        Assert.Equal(1, first.Count("select count(*) from DataProtectionKeys"));

        var cookies = new CookieContainer();
        using var onFirst = first.NewUser(cookies);
        using var onSecond = second.NewUser(cookies);
        var fromSecond = await onFirst.SubmitAsync((await onSecond.OpenAsync(Routes.Start)).Form("form[method=post]"), new Dictionary<string, string>
        {
            ["Input.Gemeente"] = "Gemeente Tweeling",
            ["Input.Title"] = "Heen",
            ["Input.Date"] = "2026-11-22",
        });
        Assert.Equal(HttpStatusCode.OK, fromSecond.Status);
        var fromFirst = await onSecond.SubmitAsync((await onFirst.OpenAsync(Routes.Start)).Form("form[method=post]"), new Dictionary<string, string>
        {
            ["Input.Gemeente"] = "Gemeente Tweeling",
            ["Input.Title"] = "Terug",
            ["Input.Date"] = "2026-11-22",
        });
        Assert.Equal(HttpStatusCode.OK, fromFirst.Status);
        Assert.Equal(2, first.Count("select count(*) from Workshops where Gemeente = 'Gemeente Tweeling'"));
    }

    /// <summary>
    /// /health on PostgreSQL (<c>PostgreSqlHealthCheck</c>): Healthy while the database answers with its schema and
    /// accepts writes; Unhealthy when the schema is gone or the database turns read-only.
    /// </summary>
    [Fact]
    public async Task Health_reports_the_postgresql_database()
    {
        await using var app = AppFactory.Fresh(HandhavingsKoers.Web.Data.StorageProvider.PostgreSql);
        using var client = app.CreateClient();
        Assert.Equal("Healthy", await client.GetStringAsync("/health"));

        var name = new Npgsql.NpgsqlConnectionStringBuilder(app.Postgres).Database;
        PostgresServer.Execute(PostgresServer.Shared.AdminConnectionString, $"ALTER DATABASE {name} SET default_transaction_read_only = on");
        Npgsql.NpgsqlConnection.ClearAllPools();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health")).StatusCode);

        PostgresServer.Execute(PostgresServer.Shared.AdminConnectionString, $"ALTER DATABASE {name} RESET default_transaction_read_only");
        Npgsql.NpgsqlConnection.ClearAllPools();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        app.Execute("drop table Notes, Scores, ParticipantActions, Participants, StepStates, TeamActions, PreviousActions, Workshops cascade"); // cascade: later tables (Dots, KeyPoints, …) refer to these
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health")).StatusCode);
    }
}
