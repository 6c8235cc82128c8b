using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HandhavingsKoers.Web.Data.Migrations.Sqlite;

/// <summary>Per-step settings for the live room: hidden notes, lock, timer.</summary>
[DbContext(typeof(SqliteAppDbContext))]
[Migration("20261122080000_StepStates")]
public sealed class StepStates : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "StepStates",
            columns: table => new
            {
                WorkshopId = table.Column<Guid>(nullable: false),
                StepKey = table.Column<string>(maxLength: 64, nullable: false),
                NotesHidden = table.Column<bool>(nullable: false),
                Locked = table.Column<bool>(nullable: false),
                TimerEndsAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_StepStates", x => new { x.WorkshopId, x.StepKey });
                table.ForeignKey("FK_StepStates_Workshops_WorkshopId", x => x.WorkshopId, "Workshops", "Id", onDelete: ReferentialAction.Cascade);
            });
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("StepStates");
}
