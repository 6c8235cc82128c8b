using System.Net;
using HandhavingsKoers.Tests.Infrastructure;
using HandhavingsKoers.Tests.Pdf;
using Microsoft.Extensions.DependencyInjection;

namespace HandhavingsKoers.Tests.Data;

/// <summary>
/// Limits and caches hold for the installation, not per instance (issue 18): two instances on one PostgreSQL
/// database, one client (one address) talking to both, as through a round-robin load balancer.
/// </summary>
[OnPostgreSql]
public sealed class PostgreSqlInstallationWideTests
{
    [Fact]
    public async Task Guessing_join_codes_through_two_instances_gets_the_limit_once_not_twice()
    {
        var database = PostgresServer.Shared.CreateDatabase();
        var settings = new Dictionary<string, string?> { ["Security:JoinAttemptsPerMinute"] = "5", ["Security:StartsPerHour"] = "3" };
        await using var first = new AppFactory(AppFactory.NewFolder(), settings: settings, postgres: database);
        await using var second = new AppFactory(AppFactory.NewFolder(), settings: settings, postgres: database) { OwnsDatabase = true };
        using var onFirst = first.NewUser();
        using var onSecond = second.NewUser();

        // Five wrong codes, alternating between the instances: each instance alone saw fewer than five.
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await (i % 2 == 0 ? onFirst : onSecond).JoinAsync($"ZZZZZ{i + 2}")).Status);
        }

        foreach (var guesser in new[] { onFirst, onSecond })
        {
            var limited = await guesser.JoinAsync("ZZZZZ9");
            Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
            Assert.Contains("te vaak een code geprobeerd", limited.Text, StringComparison.Ordinal);
        }

        // Starting workshops: three in all, wherever they were started.
        await onFirst.StartWorkshopAsync(title: "Een");
        await onSecond.StartWorkshopAsync(title: "Twee");
        await onFirst.StartWorkshopAsync(title: "Drie");
        var form = (await onSecond.OpenAsync("/starten")).FormWith("#Input_Gemeente");
        var refused = await onSecond.SubmitAsync(form, new Dictionary<string, string> { ["Input.Gemeente"] = "Gemeente Zuidwolde", ["Input.Title"] = "Vier" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Contains("al veel workshops gestart", refused.Text, StringComparison.Ordinal);
        Assert.Equal(3, first.Count("select count(*) from Workshops"));
    }

    /// <summary>The write queue in front of SQLite (decision 0010) is not there on PostgreSQL: writers work side by side.</summary>
    [Fact]
    public async Task There_is_no_write_queue_on_postgresql_and_there_is_one_on_sqlite()
    {
        await using var postgres = AppFactory.Fresh(HandhavingsKoers.Web.Data.StorageProvider.PostgreSql);
        await using var sqlite = AppFactory.Fresh();
        Assert.Null(postgres.Services.GetService<HandhavingsKoers.Web.Data.WriteGate>());
        Assert.NotNull(sqlite.Services.GetService<HandhavingsKoers.Web.Data.WriteGate>());
    }

    [Fact]
    public async Task A_report_cached_on_one_instance_is_made_again_after_a_change_on_the_other()
    {
        var database = PostgresServer.Shared.CreateDatabase();
        await using var first = new AppFactory(AppFactory.NewFolder(), postgres: database);
        await using var second = new AppFactory(AppFactory.NewFolder(), postgres: database) { OwnsDatabase = true };
        using var facilitator = first.NewUser();
        var workshop = await facilitator.StartWorkshopAsync();
        await facilitator.AddNoteAsync(workshop.FacilitatorUrl("vertrouwen"), "Todo", "Eerste versie");
        var pdf = workshop.SummaryUrl + "?handler=Pdf";

        // Equal bytes: the first instance rendered it once and serves it from its cache (PDFsharp stamps each render).
        var cached = await facilitator.Client.GetByteArrayAsync(pdf);
        await Task.Delay(1100);
        Assert.Equal(cached, await facilitator.Client.GetByteArrayAsync(pdf));

        // The same facilitator, through the second instance, adds a note; the first instance's report shows it.
        using var facilitatorOnSecond = second.NewUser();
        await facilitatorOnSecond.OpenAsync(workshop.FacilitatorLink);
        await facilitatorOnSecond.AddNoteAsync(workshop.FacilitatorUrl("vertrouwen"), "Todo", "Erbij via de tweede");
        var fresh = await facilitator.Client.GetByteArrayAsync(pdf);
        Assert.NotEqual(cached, fresh);
        Assert.Contains("Erbij via de tweede", new PdfInspector(fresh).ExtractText() ?? "Erbij via de tweede", StringComparison.Ordinal);
    }
}
