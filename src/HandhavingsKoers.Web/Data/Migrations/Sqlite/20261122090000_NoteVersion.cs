using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HandhavingsKoers.Web.Data.Migrations.Sqlite;

/// <summary>A version number on notes, for optimistic concurrency between the author and the facilitator.</summary>
[DbContext(typeof(SqliteAppDbContext))]
[Migration("20261122090000_NoteVersion")]
public sealed class NoteVersion : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<int>(name: "Version", table: "Notes", nullable: false, defaultValue: 0);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: "Version", table: "Notes");
}
