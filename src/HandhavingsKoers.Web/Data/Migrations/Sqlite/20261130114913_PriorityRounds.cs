using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HandhavingsKoers.Web.Data.Migrations.Sqlite;

/// <summary>
/// The prioritising round: one round per workshop, a row per dot, and on notes the merge of duplicates and the
/// dots counted on paper. See docs/decisions/0013-prioritising-with-dots.md.
/// </summary>
[DbContext(typeof(SqliteAppDbContext))]
[Migration("20261130114913_PriorityRounds")]
public sealed class PriorityRounds : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<bool>(
            name: "IsMerge",
            table: "Notes",
            type: "INTEGER",
            nullable: false,
            defaultValue: false);

        migrationBuilder.AddColumn<System.Guid>(
            name: "MergedIntoId",
            table: "Notes",
            type: "TEXT",
            nullable: true);

        migrationBuilder.AddColumn<int>(
            name: "PaperDots",
            table: "Notes",
            type: "INTEGER",
            nullable: false,
            defaultValue: 0);

        migrationBuilder.CreateTable(
            name: "Dots",
            columns: table => new
            {
                Id = table.Column<System.Guid>(type: "TEXT", nullable: false),
                WorkshopId = table.Column<System.Guid>(type: "TEXT", nullable: false),
                NoteId = table.Column<System.Guid>(type: "TEXT", nullable: false),
                ParticipantId = table.Column<System.Guid>(type: "TEXT", nullable: false),
                PlacedAt = table.Column<System.DateTime>(type: "TEXT", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Dots", x => x.Id);
                table.ForeignKey(
                    name: "FK_Dots_Notes_NoteId",
                    column: x => x.NoteId,
                    principalTable: "Notes",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_Dots_Participants_ParticipantId",
                    column: x => x.ParticipantId,
                    principalTable: "Participants",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_Dots_Workshops_WorkshopId",
                    column: x => x.WorkshopId,
                    principalTable: "Workshops",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "PriorityRounds",
            columns: table => new
            {
                WorkshopId = table.Column<System.Guid>(type: "TEXT", nullable: false),
                StepKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                DotsPerParticipant = table.Column<int>(type: "INTEGER", nullable: false),
                AllowSeveralPerNote = table.Column<bool>(type: "INTEGER", nullable: false),
                OpenedAt = table.Column<System.DateTime>(type: "TEXT", nullable: false),
                RevealedAt = table.Column<System.DateTime>(type: "TEXT", nullable: true),
                ClosedAt = table.Column<System.DateTime>(type: "TEXT", nullable: true)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PriorityRounds", x => x.WorkshopId);
                table.ForeignKey(
                    name: "FK_PriorityRounds_Workshops_WorkshopId",
                    column: x => x.WorkshopId,
                    principalTable: "Workshops",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "IX_Notes_MergedIntoId",
            table: "Notes",
            column: "MergedIntoId");

        migrationBuilder.CreateIndex(
            name: "IX_Dots_NoteId",
            table: "Dots",
            column: "NoteId");

        migrationBuilder.CreateIndex(
            name: "IX_Dots_ParticipantId",
            table: "Dots",
            column: "ParticipantId");

        migrationBuilder.CreateIndex(
            name: "IX_Dots_WorkshopId_ParticipantId",
            table: "Dots",
            columns: new[] { "WorkshopId", "ParticipantId" });
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(
            name: "Dots");

        migrationBuilder.DropTable(
            name: "PriorityRounds");

        migrationBuilder.DropIndex(
            name: "IX_Notes_MergedIntoId",
            table: "Notes");

        migrationBuilder.DropColumn(
            name: "IsMerge",
            table: "Notes");

        migrationBuilder.DropColumn(
            name: "MergedIntoId",
            table: "Notes");

        migrationBuilder.DropColumn(
            name: "PaperDots",
            table: "Notes");
    }
}
