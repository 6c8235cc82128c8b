using HandhavingsKoers.Web.Data;
using HandhavingsKoers.Web.Gemeenten;
using HandhavingsKoers.Web.Hosting;
using HandhavingsKoers.Web.Workshops;
using Microsoft.EntityFrameworkCore;

namespace HandhavingsKoers.Web.Maintenance;

/// <summary>
/// The operator's commands for gemeente spaces (decision 0018), run with the app's own configuration:
/// <c>dotnet run --project src/HandhavingsKoers.Web -- gemeente add "Zuidwaarde" [voor wie]</c> and
/// <c>gemeente list</c>, <c>gemeente beheerder "Zuidwaarde" [voor wie]</c>, <c>gemeente theme "Zuidwaarde" &lt;theme&gt;</c>,
/// <c>gemeente delete "Zuidwaarde" [--confirm]</c>.
/// A beheerder link is printed once, to the console only: it is never written to a log.
/// </summary>
public static partial class GemeenteCommands
{
    public const string Name = "gemeente";

    public static bool IsCommand(string[] args) => args is [Name, ..];

    private const string Usage = """
        Usage:
          gemeente add "<name>" ["<for whom>"]        create a gemeente; prints its first beheerder link (once)
          gemeente list                              the gemeenten, their sessions and working beheerder links
          gemeente beheerder "<name>" ["<for whom>"]  a new beheerder link for the gemeente (printed once)
          gemeente delete "<name>" [--confirm]       delete the gemeente and ALL its sessions (asks to confirm)
          gemeente theme "<name>" <theme|default>    the theme of its pages (one of Theme:Available, or the installation's)
        """;

    /// <param name="output">Where the command writes (the console); a test passes a writer of its own.</param>
    /// <param name="input">Where a confirmation is read from; null: the console, when it is interactive.</param>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter? output = null, TextReader? input = null)
    {
        output ??= Console.Out;
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(GemeenteCommands).FullName!);
        var baseAddress = scope.ServiceProvider.GetRequiredService<PublicAddress>().Configured;
        try
        {
            switch (args)
            {
                case [_, "add", var name, .. var rest] when rest.Length <= 1:
                    return await AddAsync(db, clock, logger, output, baseAddress, name, rest.FirstOrDefault());
                case [_, "list"]:
                    return await ListAsync(db, output);
                case [_, "beheerder", var name, .. var rest] when rest.Length <= 1:
                    return await NewBeheerderAsync(db, clock, logger, output, baseAddress, name, rest.FirstOrDefault());
                case [_, "theme", var name, var theme]:
                    return await ThemeAsync(db, scope.ServiceProvider.GetRequiredService<Theme.ThemeCatalog>(), logger, output, name, theme);
                case [_, "delete", var name, .. var rest] when rest is [] or ["--confirm"]:
                    return await DeleteAsync(db, logger, output, input, name, confirmed: rest is ["--confirm"]);
                default:
                    await output.WriteLineAsync(Usage);
                    return 2;
            }
        }
        catch (WorkshopRuleException e)
        {
            // The entity's own rule (a name too long, a label with a control character): its message says what is wrong.
            await output.WriteLineAsync(e.Message);
            return 1;
        }
    }

    private static async Task<int> AddAsync(AppDbContext db, TimeProvider clock, ILogger logger, TextWriter output, string? baseAddress, string name, string? forWhom)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var gemeente = Gemeente.Create(name, now);
        if (await FindAsync(db, gemeente.Name) is not null)
        {
            await output.WriteLineAsync($"A gemeente named '{gemeente.Name}' exists already. Use: gemeente beheerder \"{gemeente.Name}\" for a new beheerder link.");
            return 1;
        }

        var key = SecretToken.New();
        gemeente.IssueBeheerderLink(forWhom, SecretToken.Hash(key), now);
        db.Gemeenten.Add(gemeente);
        await db.SaveChangesAsync();
        LogAdded(logger, gemeente.Name, gemeente.Id);
        await output.WriteLineAsync($"Gemeente '{gemeente.Name}' created.");
        await PrintLinkAsync(output, baseAddress, gemeente, key);
        return 0;
    }

    private static async Task<int> NewBeheerderAsync(AppDbContext db, TimeProvider clock, ILogger logger, TextWriter output, string? baseAddress, string name, string? forWhom)
    {
        var gemeente = await FindAsync(db, name);
        if (gemeente is null)
        {
            return await NotFoundAsync(output, name);
        }

        var key = SecretToken.New();
        gemeente.IssueBeheerderLink(forWhom, SecretToken.Hash(key), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
        LogLinkIssued(logger, gemeente.Name, gemeente.Id);
        await PrintLinkAsync(output, baseAddress, gemeente, key);
        return 0;
    }

    private static async Task<int> ListAsync(AppDbContext db, TextWriter output)
    {
        var gemeenten = await db.Gemeenten.AsNoTracking().OrderBy(g => g.Name)
            .Select(g => new
            {
                g.Name,
                g.Id,
                g.ThemeKey,
                Sessions = db.Workshops.Count(w => w.GemeenteId == g.Id),
                Links = g.BeheerderLinks.Where(l => l.RevokedAt == null).OrderBy(l => l.CreatedAt).Select(l => new { l.ForWhom, l.CreatedAt }).ToList(),
            })
            .ToListAsync();
        if (gemeenten.Count == 0)
        {
            await output.WriteLineAsync("No gemeenten yet. Create one with: gemeente add \"<name>\"");
            return 0;
        }

        foreach (var g in gemeenten)
        {
            await output.WriteLineAsync($"{g.Name}  (id {g.Id}, theme {g.ThemeKey ?? "of the installation"}, {g.Sessions} sessions)");
            foreach (var link in g.Links)
            {
                await output.WriteLineAsync($"  beheerder link for {(link.ForWhom.Length > 0 ? link.ForWhom : "(no name)")}, made {link.CreatedAt:yyyy-MM-dd}");
            }
        }

        return 0;
    }

    private static async Task<int> ThemeAsync(AppDbContext db, Theme.ThemeCatalog themes, ILogger logger, TextWriter output, string name, string theme)
    {
        var gemeente = await FindAsync(db, name);
        if (gemeente is null)
        {
            return await NotFoundAsync(output, name);
        }

        var key = theme == "default" ? null : theme;
        if (key is not null && themes.Find(key) is null)
        {
            await output.WriteLineAsync($"No theme '{theme}'. Available: {string.Join(", ", themes.All.Select(t => t.Key).Append("default"))} (Theme:Available in the configuration).");
            return 1;
        }

        gemeente.ChooseTheme(key);
        await db.SaveChangesAsync();
        LogThemeChosen(logger, gemeente.Name, gemeente.Id, key ?? "default");
        await output.WriteLineAsync($"'{gemeente.Name}' now uses the theme {key ?? "of the installation"}.");
        return 0;
    }

    private static async Task<int> DeleteAsync(AppDbContext db, ILogger logger, TextWriter output, TextReader? input, string name, bool confirmed)
    {
        var gemeente = await FindAsync(db, name);
        if (gemeente is null)
        {
            return await NotFoundAsync(output, name);
        }

        var sessions = await db.Workshops.CountAsync(w => w.GemeenteId == gemeente.Id);
        if (!confirmed)
        {
            input ??= Console.IsInputRedirected ? null : Console.In;
            if (input is null)
            {
                await output.WriteLineAsync($"This deletes '{gemeente.Name}' and all its {sessions} sessions for good. Add --confirm to do so.");
                return 1;
            }

            await output.WriteLineAsync($"This deletes '{gemeente.Name}' and all its {sessions} sessions (notes, scores, reports) for good.");
            await output.WriteAsync("Type the gemeente's name to confirm: ");
            if (!string.Equals((await input.ReadLineAsync())?.Trim(), gemeente.Name, StringComparison.Ordinal))
            {
                await output.WriteLineAsync("Not confirmed; nothing was deleted.");
                return 1;
            }
        }

        // The sessions first (the database deletes everything in them with them: cascading foreign keys), then the
        // gemeente and its links, in one transaction: a failure leaves all of it in place.
        await using (var transaction = await db.BeginWriteAsync())
        {
            await db.Workshops.Where(w => w.GemeenteId == gemeente.Id).ExecuteDeleteAsync();
            db.Gemeenten.Remove(gemeente);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        var forgotten = await db.ForgetDeletedAsync();
        LogDeleted(logger, gemeente.Name, gemeente.Id, sessions);
        await output.WriteLineAsync($"Deleted '{gemeente.Name}' and its {sessions} sessions." + (forgotten ? "" : " (The database's write-ahead log still holds them until later writes overwrite it.)"));
        return 0;
    }

    /// <summary>By name, ignoring case (people type "zuidwaarde"); the gemeente's links loaded.</summary>
    private static async Task<Gemeente?> FindAsync(AppDbContext db, string name)
    {
        var wanted = name.Trim();
        var all = await db.Gemeenten.Include(g => g.BeheerderLinks).ToListAsync();
        return all.FirstOrDefault(g => string.Equals(g.Name, wanted, StringComparison.OrdinalIgnoreCase));
    }

    private static async Task<int> NotFoundAsync(TextWriter output, string name)
    {
        await output.WriteLineAsync($"No gemeente named '{name}'. See: gemeente list");
        return 1;
    }

    private static async Task PrintLinkAsync(TextWriter output, string? baseAddress, Gemeente gemeente, string key)
    {
        await output.WriteLineAsync("Beheerder link (shown once; only its hash is stored, so keep it safe or make a new one):");
        if (baseAddress is null)
        {
            await output.WriteLineAsync($"  {PublicAddress.BeheerderLink("", gemeente.Id, key)}");
            await output.WriteLineAsync("  Site:PublicBaseUrl is not set: put the installation's address (https://…) in front of this path.");
        }
        else
        {
            await output.WriteLineAsync($"  {PublicAddress.BeheerderLink(baseAddress, gemeente.Id, key)}");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Operator: created gemeente {Gemeente} ({GemeenteId}) with a beheerder link")]
    private static partial void LogAdded(ILogger logger, string gemeente, Guid gemeenteId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Operator: issued a beheerder link for gemeente {Gemeente} ({GemeenteId})")]
    private static partial void LogLinkIssued(ILogger logger, string gemeente, Guid gemeenteId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Operator: gemeente {Gemeente} ({GemeenteId}) now uses theme {Theme}")]
    private static partial void LogThemeChosen(ILogger logger, string gemeente, Guid gemeenteId, string theme);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Operator: deleted gemeente {Gemeente} ({GemeenteId}) and its {Sessions} sessions")]
    private static partial void LogDeleted(ILogger logger, string gemeente, Guid gemeenteId, int sessions);
}
