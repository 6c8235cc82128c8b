using Microsoft.EntityFrameworkCore;

namespace HandhavingsKoers.Web.Data;

/// <summary>
/// <see cref="AppDbContext"/> on SQLite. Its own type so that its migrations (<c>Data/Migrations/Sqlite</c>, generated
/// with <c>dotnet ef migrations add &lt;Name&gt; --context SqliteAppDbContext</c>) and its model snapshot are told
/// apart from another provider's (decision 0007).
/// </summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);
