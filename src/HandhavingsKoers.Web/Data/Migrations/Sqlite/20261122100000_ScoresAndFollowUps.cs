using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HandhavingsKoers.Web.Data.Migrations.Sqlite;

/// <summary>"Waar staan we?" scores, their reveal per step, follow-up sessions, team actions and last time's actions.</summary>
[DbContext(typeof(SqliteAppDbContext))]
[Migration("20261122100000_ScoresAndFollowUps")]
public sealed class ScoresAndFollowUps : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        // No foreign key on purpose: SQLite cannot add one to an existing table without a rebuild, and a follow-up
        // must outlive the session it follows (retention deletes that one first). A dangling id simply ends the chain.
        migrationBuilder.AddColumn<Guid>(name: "PreviousWorkshopId", table: "Workshops", nullable: true);
        migrationBuilder.AddColumn<bool>(name: "ScoresRevealed", table: "StepStates", nullable: false, defaultValue: false);

        migrationBuilder.CreateTable(
            name: "Scores",
            columns: table => new
            {
                ParticipantId = table.Column<Guid>(nullable: false),
                StepKey = table.Column<string>(maxLength: 64, nullable: false),
                WorkshopId = table.Column<Guid>(nullable: false),
                Value = table.Column<int>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Scores", x => new { x.ParticipantId, x.StepKey });
                table.ForeignKey("FK_Scores_Participants_ParticipantId", x => x.ParticipantId, "Participants", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "TeamActions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                WorkshopId = table.Column<Guid>(nullable: false),
                Text = table.Column<string>(maxLength: 500, nullable: false),
                Owner = table.Column<string>(maxLength: 100, nullable: false),
                DueDate = table.Column<DateOnly>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TeamActions", x => x.Id);
                table.ForeignKey("FK_TeamActions_Workshops_WorkshopId", x => x.WorkshopId, "Workshops", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "PreviousActions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                WorkshopId = table.Column<Guid>(nullable: false),
                Text = table.Column<string>(maxLength: 500, nullable: false),
                Owner = table.Column<string>(maxLength: 100, nullable: false),
                DueDate = table.Column<DateOnly>(nullable: false),
                Position = table.Column<int>(nullable: false),
                Status = table.Column<string>(maxLength: 16, nullable: true),
                StatusNote = table.Column<string>(maxLength: 500, nullable: true),
                ReviewedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PreviousActions", x => x.Id);
                table.ForeignKey("FK_PreviousActions_Workshops_WorkshopId", x => x.WorkshopId, "Workshops", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_Workshops_PreviousWorkshopId", "Workshops", "PreviousWorkshopId");
        migrationBuilder.CreateIndex("IX_Scores_WorkshopId_StepKey", "Scores", ["WorkshopId", "StepKey"]);
        migrationBuilder.CreateIndex("IX_TeamActions_WorkshopId", "TeamActions", "WorkshopId");
        migrationBuilder.CreateIndex("IX_PreviousActions_WorkshopId", "PreviousActions", "WorkshopId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("PreviousActions");
        migrationBuilder.DropTable("TeamActions");
        migrationBuilder.DropTable("Scores");
        migrationBuilder.DropIndex("IX_Workshops_PreviousWorkshopId", "Workshops");
        migrationBuilder.DropColumn("PreviousWorkshopId", "Workshops");
        migrationBuilder.DropColumn("ScoresRevealed", "StepStates");
    }
}
