using System.Net;
using HandhavingsKoers.Tests.Infrastructure;
using HandhavingsKoers.Web.Data;

namespace HandhavingsKoers.Tests.Maintenance;

/// <summary>The operator's <c>gemeente</c> commands: creating a gemeente space, beheerder links, listing, deleting.</summary>
public class GemeenteCommandTests : AppTest
{
    public GemeenteCommandTests()
    {
    }

    protected GemeenteCommandTests(StorageProvider provider)
        : base(provider)
    {
    }

    [Fact]
    public async Task Add_prints_a_one_time_beheerder_link_that_opens_the_gemeente_page_and_only_its_hash_is_stored()
    {
        var gemeente = await App.AddGemeenteAsync("Zuidwaarde", "Fatima (teamleider)");

        using var beheerder = App.NewUser();
        var page = await beheerder.OpenAsync(gemeente.Link);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Gemeente Zuidwaarde", page.Heading);
        Assert.Equal(gemeente.Url, page.Address.PathAndQuery); // the key left the address bar
        Assert.Contains("Fatima (teamleider)", page.Text, StringComparison.Ordinal);

        // The key is in the cookie now: the bare address works on this device, and on no other.
        Assert.Equal(HttpStatusCode.OK, (await beheerder.OpenAsync(gemeente.Url)).Status);
        using var stranger = App.NewUser();
        var refused = await stranger.OpenAsync(gemeente.Url);
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains("alleen voor de beheerders van de gemeente", refused.Text, StringComparison.Ordinal);
        var wrong = await stranger.OpenAsync($"{gemeente.Url}?sleutel=Fout{gemeente.Key[4..]}");
        Assert.Equal(HttpStatusCode.Forbidden, wrong.Status);
        Assert.Contains("Deze beheerderslink klopt niet", wrong.Text, StringComparison.Ordinal);

        Assert.Equal(1, App.Count("select count(*) from BeheerderLinks where length(KeyHash) = 32"));
        if (App.Provider == StorageProvider.Sqlite)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Assert.DoesNotContain(gemeente.Key, System.Text.Encoding.ASCII.GetString(await File.ReadAllBytesAsync(App.DatabasePath)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_second_gemeente_by_the_same_name_is_refused_and_beheerder_and_list_work_by_name()
    {
        await App.AddGemeenteAsync("Zuidwaarde");
        var (again, output) = await App.RunGemeenteCommandAsync("add", "zuidwaarde");
        Assert.Equal(1, again);
        Assert.Contains("exists already", output, StringComparison.Ordinal);
        Assert.Equal(1, App.Count("select count(*) from Gemeenten"));

        var (code, second) = await App.RunGemeenteCommandAsync("beheerder", "ZUIDWAARDE", "Joost");
        Assert.Equal(0, code);
        var link = GemeenteJourney.FromOutput(second);
        using var joost = App.NewUser();
        Assert.Equal(HttpStatusCode.OK, (await joost.OpenAsync(link.Link)).Status);

        var (listed, list) = await App.RunGemeenteCommandAsync("list");
        Assert.Equal(0, listed);
        Assert.Contains("Zuidwaarde", list, StringComparison.Ordinal);
        Assert.Contains("beheerder link for Joost", list, StringComparison.Ordinal);
        Assert.DoesNotContain(link.Key, list, StringComparison.Ordinal);

        Assert.Equal(1, (await App.RunGemeenteCommandAsync("beheerder", "Noordwaarde")).Code);
        Assert.Equal(2, (await App.RunGemeenteCommandAsync("verzin", "iets")).Code);
        var (tooLong, message) = await App.RunGemeenteCommandAsync("add", new string('x', 101));
        Assert.Equal(1, tooLong);
        Assert.Contains("maximaal 100 tekens", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_asks_to_confirm_then_removes_the_gemeente_with_all_its_sessions_and_nothing_else()
    {
        var zuid = await App.AddGemeenteAsync("Zuidwaarde");
        var noord = await App.AddGemeenteAsync("Noordwaarde");
        using var beheerder = App.NewUser();
        await beheerder.OpenAsync(zuid.Link);
        var (sessionId, facilitatorLink, _) = await beheerder.StartSessionAsync(zuid, "Teamsessie zuid");
        using var facilitator = App.NewUser();
        await facilitator.OpenAsync(facilitatorLink);
        await facilitator.AddNoteAsync($"/w/{sessionId}/begeleider/vertrouwen", "Already", "Notitie van zuid");
        using var other = App.NewUser();
        await other.OpenAsync(noord.Link);
        await other.StartSessionAsync(noord, "Teamsessie noord");
        using var loose = App.NewUser();
        var withoutGemeente = await loose.StartWorkshopAsync("Gemeente Los", "Zonder gemeente");

        // Without --confirm and without a person at the keyboard: nothing happens.
        var (unconfirmed, output) = await App.RunGemeenteCommandAsync("delete", "Zuidwaarde");
        Assert.Equal(1, unconfirmed);
        Assert.Contains("Type the gemeente's name", output, StringComparison.Ordinal);
        Assert.Equal(3, App.Count("select count(*) from Workshops"));

        var (deleted, said) = await App.RunGemeenteCommandAsync("delete", "Zuidwaarde", "--confirm");
        Assert.Equal(0, deleted);
        Assert.Contains("Deleted 'Zuidwaarde' and its 1 sessions", said, StringComparison.Ordinal);
        Assert.Equal(0, App.Count("select count(*) from Gemeenten where Name = 'Zuidwaarde'"));
        Assert.Equal(1, App.Count("select count(*) from BeheerderLinks"));
        Assert.Equal(0, App.Count("select count(*) from Workshops where Title = 'Teamsessie zuid'"));
        Assert.Equal(0, App.Count("select count(*) from Notes"));
        Assert.Equal(2, App.Count("select count(*) from Workshops"));

        Assert.Equal(HttpStatusCode.NotFound, (await beheerder.OpenAsync(zuid.Url)).Status);
        Assert.Equal(HttpStatusCode.OK, (await other.OpenAsync(noord.Url)).Status);
        Assert.Equal(HttpStatusCode.OK, (await loose.OpenAsync(withoutGemeente.FacilitatorUrl())).Status);
    }

    [Fact]
    public async Task Delete_typed_at_the_keyboard_needs_the_exact_name()
    {
        await App.AddGemeenteAsync("Zuidwaarde");
        using var wrong = new StringWriter();
        var code = await HandhavingsKoers.Web.Maintenance.GemeenteCommands.RunAsync(App.Services, ["gemeente", "delete", "Zuidwaarde"], wrong, new StringReader("Noordwaarde\n"));
        Assert.Equal(1, code);
        Assert.Equal(1, App.Count("select count(*) from Gemeenten"));

        using var right = new StringWriter();
        Assert.Equal(0, await HandhavingsKoers.Web.Maintenance.GemeenteCommands.RunAsync(App.Services, ["gemeente", "delete", "Zuidwaarde"], right, new StringReader("Zuidwaarde\n")));
        Assert.Equal(0, App.Count("select count(*) from Gemeenten"));
    }
}

/// <summary>The gemeente commands on PostgreSQL (the cascade from a gemeente to its sessions included).</summary>
[OnPostgreSql]
public sealed class GemeenteCommandOnPostgreSqlTests() : GemeenteCommandTests(StorageProvider.PostgreSql);
