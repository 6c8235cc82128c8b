using System.Text;
using HandhavingsKoers.Tests.Infrastructure;
using HandhavingsKoers.Web.Maintenance;
using Microsoft.Extensions.DependencyInjection;

namespace HandhavingsKoers.Tests.Maintenance;

/// <summary>
/// Deleted means gone from the disk too: after a workshop is deleted (by its facilitator, or by retention), its
/// notes and names are nowhere in the bytes of the SQLite data file or its write-ahead log, as anyone with a copy
/// of the server's disk would look for them.
/// </summary>
public sealed class DeletedDataTests : AppTest
{
    [Fact]
    public async Task A_workshop_deleted_by_its_facilitator_leaves_no_note_or_name_in_the_data_file_or_its_log()
    {
        var (workshop, facilitator, secrets) = await WorkshopWithSecretsAsync();
        using var _ = facilitator;

        var page = await facilitator.OpenAsync(workshop.FacilitatorUrl());
        var form = page.FormWith("#confirm-delete");
        ((AngleSharp.Html.Dom.IHtmlInputElement)form.Elements["confirm"]!).IsChecked = true;
        Assert.Contains("is verwijderd", (await facilitator.SubmitAsync(form)).Text, StringComparison.Ordinal);

        AssertNowhereOnDisk(secrets);
    }

    [Fact]
    public async Task A_workshop_deleted_by_retention_leaves_no_note_or_name_in_the_data_file_or_its_log()
    {
        var (workshop, facilitator, secrets) = await WorkshopWithSecretsAsync();
        using var _ = facilitator;
        await facilitator.SubmitAsync((await facilitator.OpenAsync(workshop.FacilitatorUrl())).FormWith("form[action*='handler=Close'] button"));
        using (var db = App.OpenDatabase())
        using (var command = db.CreateCommand())
        {
            command.CommandText = $"update Workshops set ClosedAt = '{DateTime.UtcNow.AddMonths(-13):yyyy-MM-dd HH:mm:ss}'";
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        Assert.Equal(1, await App.Services.GetRequiredService<RetentionService>().DeleteExpiredAsync(CancellationToken.None));

        AssertNowhereOnDisk(secrets);
    }

    /// <summary>
    /// A workshop whose notes (one edited), participant name and title are unique texts, written both before and after
    /// a checkpoint, so that they are in the data file and in the log when the workshop is deleted.
    /// </summary>
    private async Task<(Journey.StartedWorkshop, User, string[])> WorkshopWithSecretsAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..12];
        string[] secrets = [$"Titel{tag}", $"Naam{tag}", $"Notitie{tag}", $"Later{tag}", $"Bewerkt{tag}"];
        var facilitator = App.NewUser();
        var workshop = await facilitator.StartWorkshopAsync("Gemeente Wisselaar", secrets[0]);
        using var participant = App.NewUser();
        await participant.JoinAsync(workshop.JoinCode, secrets[1]);
        await facilitator.MoveRoomAsync(workshop, "vertrouwen");
        await participant.AddNoteAsync(workshop.ParticipantUrl("vertrouwen"), "Already", secrets[2]);
        Checkpoint();
        var page = await participant.AddNoteAsync(workshop.ParticipantUrl("vertrouwen"), "Todo", secrets[3]);
        var editPage = await participant.OpenAsync(page.NoteItem(secrets[3]).QuerySelector("a")!.GetAttribute("href")!);
        var edited = await participant.SubmitAsync(editPage.FormWith("li.note textarea"), new Dictionary<string, string> { ["Form.Text"] = secrets[4] });
        Assert.Contains(secrets[4], edited.Notes("Todo"));

        // The texts are on disk now: otherwise the test proves nothing. (The text replaced by the edit may be gone
        // already: secure_delete zeroes it in the page, and the log may have been restarted over its first version.)
        foreach (var secret in secrets.Where(s => s != secrets[3]))
        {
            Assert.True(OnDisk(secret), $"'{secret}' was never written to disk.");
        }

        return (workshop, facilitator, secrets);
    }

    private void Checkpoint()
    {
        using var db = App.OpenDatabase();
        using var command = db.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        command.ExecuteNonQuery();
    }

    private void AssertNowhereOnDisk(string[] secrets)
    {
        foreach (var secret in secrets)
        {
            Assert.False(OnDisk(secret), $"'{secret}' is still in {string.Join(" or ", FilesHolding(secret))} after the delete.");
        }
    }

    private bool OnDisk(string text) => FilesHolding(text).Any();

    /// <summary>The data file and its -wal (and -journal, if any) whose raw bytes contain the text.</summary>
    private IEnumerable<string> FilesHolding(string text)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        foreach (var suffix in new[] { "", "-wal", "-journal" })
        {
            var path = App.DatabasePath + suffix;
            if (!File.Exists(path))
            {
                continue;
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            if (copy.GetBuffer().AsSpan(0, (int)copy.Length).IndexOf(needle) >= 0)
            {
                yield return Path.GetFileName(path);
            }
        }
    }
}
