using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HandhavingsKoers.Web.Data.Migrations.Sqlite;

/// <summary>
/// Pages show the newest notes per column of one step and count them per column. With only (workshop, step) indexed,
/// SQLite read and sorted every note of the step for each page; in a busy room that was the bulk of each request.
/// The wider index answers both straight from the index, in order.
/// </summary>
[DbContext(typeof(SqliteAppDbContext))]
[Migration("20261122110000_NoteListIndex")]
public sealed class NoteListIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_Notes_WorkshopId_StepKey", "Notes");
        migrationBuilder.CreateIndex("IX_Notes_WorkshopId_StepKey_Column_CreatedAt", "Notes", ["WorkshopId", "StepKey", "Column", "CreatedAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_Notes_WorkshopId_StepKey_Column_CreatedAt", "Notes");
        migrationBuilder.CreateIndex("IX_Notes_WorkshopId_StepKey", "Notes", ["WorkshopId", "StepKey"]);
    }
}
