using System.Net;
using System.Text.Json;
using HandhavingsKoers.Tests.Infrastructure;
using HandhavingsKoers.Web.Maintenance;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace HandhavingsKoers.Tests.Maintenance;

public sealed class MaintenanceTests : AppTest
{
    [Fact]
    public async Task The_facilitator_deletes_a_workshop_only_after_confirming_and_everything_goes()
    {
        using var facilitator = App.NewUser();
        using var participant = App.NewUser();
        var workshop = await facilitator.StartWorkshopAsync();
        await participant.JoinAsync(workshop.JoinCode);
        await facilitator.MoveRoomAsync(workshop, "vertrouwen");
        await participant.AddNoteAsync(workshop.ParticipantUrl("vertrouwen"), "Already", "Wordt verwijderd");

        var page = await facilitator.OpenAsync(workshop.FacilitatorUrl());
        var unconfirmed = await facilitator.SubmitAsync(page.FormWith("#confirm-delete"));
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.Status);
        Assert.Contains(unconfirmed.Errors, e => e.Contains("Vink eerst aan", StringComparison.Ordinal));
        Assert.Equal(1, App.Count("select count(*) from Workshops"));

        var form = unconfirmed.FormWith("#confirm-delete");
        ((AngleSharp.Html.Dom.IHtmlInputElement)form.Elements["confirm"]!).IsChecked = true;
        var deleted = await facilitator.SubmitAsync(form);
        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        Assert.Equal("/", deleted.Address.AbsolutePath);
        Assert.Contains("is verwijderd", deleted.Text, StringComparison.Ordinal);
        foreach (var table in new[] { "Workshops", "Participants", "Notes", "StepStates", "ParticipantActions" })
        {
            Assert.Equal(0, App.Count($"select count(*) from {table}"));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await participant.OpenAsync(workshop.ParticipantUrl())).Status);
    }

    [Fact]
    public async Task Closed_workshops_are_deleted_after_the_retention_period_and_open_ones_are_kept()
    {
        using var facilitator = App.NewUser();
        var old = await facilitator.StartWorkshopAsync("Gemeente Oud", "Oud");
        var recent = await facilitator.StartWorkshopAsync("Gemeente Recent", "Recent");
        var open = await facilitator.StartWorkshopAsync("Gemeente Open", "Open");
        await facilitator.AddNoteAsync(old.FacilitatorUrl("vertrouwen"), "Already", "Oude notitie");
        foreach (var w in new[] { old, recent })
        {
            await facilitator.SubmitAsync((await facilitator.OpenAsync(w.FacilitatorUrl())).FormWith("form[action*='handler=Close'] button"));
        }

        using (var db = App.OpenDatabase())
        using (var command = db.CreateCommand())
        {
            command.CommandText = $"update Workshops set ClosedAt = '{DateTime.UtcNow.AddMonths(-13):yyyy-MM-dd HH:mm:ss}' where Id = '{old.Id.ToString().ToUpperInvariant()}'";
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        var deleted = await App.Services.GetRequiredService<RetentionService>().DeleteExpiredAsync(CancellationToken.None);

        Assert.Equal(1, deleted);
        Assert.Equal(0, App.Count($"select count(*) from Workshops where Gemeente = 'Gemeente Oud'"));
        Assert.Equal(0, App.Count("select count(*) from Notes"));
        Assert.Equal(2, App.Count("select count(*) from Workshops"));
        _ = open;
    }

    [Fact]
    public async Task A_workshop_another_instance_deleted_first_is_no_failure_and_the_rest_still_goes()
    {
        using var facilitator = App.NewUser();
        var first = await facilitator.StartWorkshopAsync("Gemeente Eerst", "Eerst");
        var second = await facilitator.StartWorkshopAsync("Gemeente Tweede", "Tweede");
        foreach (var w in new[] { first, second })
        {
            await facilitator.SubmitAsync((await facilitator.OpenAsync(w.FacilitatorUrl())).FormWith("form[action*='handler=Close'] button"));
        }

        using (var db = App.OpenDatabase())
        using (var command = db.CreateCommand())
        {
            command.CommandText = $"update Workshops set ClosedAt = '{DateTime.UtcNow.AddMonths(-13):yyyy-MM-dd HH:mm:ss}'";
            Assert.Equal(2, command.ExecuteNonQuery());
        }

        // Another instance (several on one PostgreSQL database each run retention) deletes the first one between this
        // one's read and its save.
        Meddler.BeforeNextSave($"delete from Workshops where Id = '{first.Id.ToString().ToUpperInvariant()}'");
        var deleted = await App.Services.GetRequiredService<RetentionService>().DeleteExpiredAsync(CancellationToken.None);

        Assert.Equal(1, deleted);
        Assert.Equal(0, App.Count("select count(*) from Workshops"));
        _ = second;
    }

    [Fact]
    public async Task A_workshop_left_open_and_idle_is_closed_and_then_kept_like_any_closed_one()
    {
        using var facilitator = App.NewUser();
        var forgotten = await facilitator.StartWorkshopAsync("Gemeente Vergeten", "Nooit afgesloten");
        var quietButRecent = await facilitator.StartWorkshopAsync("Gemeente Recent", "Oud maar nog in gebruik");
        var fresh = await facilitator.StartWorkshopAsync("Gemeente Nieuw", "Net begonnen");
        await facilitator.AddNoteAsync(quietButRecent.FacilitatorUrl("vertrouwen"), "Already", "Vandaag nog geschreven");
        using (var db = App.OpenDatabase())
        using (var command = db.CreateCommand())
        {
            // Both started and held 40 days ago; only one has seen activity since.
            var longAgo = DateTime.UtcNow.AddDays(-40).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
            command.CommandText = $"update Workshops set CreatedAt = '{longAgo}', Date = '{longAgo[..10]}' where Id in ('{forgotten.Id.ToString().ToUpperInvariant()}', '{quietButRecent.Id.ToString().ToUpperInvariant()}')";
            Assert.Equal(2, command.ExecuteNonQuery());
        }

        var retention = App.Services.GetRequiredService<RetentionService>();
        Assert.Equal(1, await retention.CloseIdleAsync(CancellationToken.None));
        Assert.Equal(1, App.Count("select count(*) from Workshops where ClosedAt is not null and Gemeente = 'Gemeente Vergeten'"));
        Assert.Equal(0, App.Count("select count(*) from Workshops where ClosedAt is not null and Gemeente <> 'Gemeente Vergeten'"));

        // Closed now, so it is kept for the retention period like any other: not deleted today.
        Assert.Equal(0, await retention.DeleteExpiredAsync(CancellationToken.None));
        Assert.Equal(3, App.Count("select count(*) from Workshops"));
        var page = await facilitator.OpenAsync(forgotten.FacilitatorUrl());
        Assert.Contains("afgesloten", page.Text, StringComparison.Ordinal);
        _ = fresh;
    }

    [Fact]
    public async Task Backup_makes_a_sound_copy_and_export_writes_every_workshop()
    {
        using var facilitator = App.NewUser();
        var workshop = await facilitator.StartWorkshopAsync("Gemeente Reserve", "Back-up");
        await facilitator.AddNoteAsync(workshop.FacilitatorUrl("vertrouwen"), "Todo", "Staat in de back-up");

        var backup = Path.Combine(App.Folder, "backup", "kopie.db");
        Assert.Equal(0, await Commands.RunAsync(App.Services, ["backup", backup]));
        Assert.NotEqual(0, await Commands.RunAsync(App.Services, ["backup", backup])); // never overwrites
        using (var copy = new SqliteConnection($"Data Source={backup};Pooling=False"))
        {
            copy.Open();
            using var command = copy.CreateCommand();
            command.CommandText = "select Text from Notes";
            Assert.Equal("Staat in de back-up", command.ExecuteScalar());
        }

        var folder = Path.Combine(App.Folder, "export");
        Assert.Equal(0, await Commands.RunAsync(App.Services, ["export", folder]));
        var file = Assert.Single(Directory.GetFiles(folder));
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(file));
        Assert.Equal("Gemeente Reserve", json.RootElement.GetProperty("gemeente").GetString());
    }
}
