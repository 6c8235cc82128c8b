using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HandhavingsKoers.Web.Data.Migrations.Sqlite;

/// <summary>
/// Concluding and publishing (decision 0014): the bestuurlijke samenvatting on the workshop, a conclusion per
/// principle with its kernpunten (notes; a kernpunt goes with its note), and public links stored as token hashes.
/// </summary>
[DbContext(typeof(SqliteAppDbContext))]
[Migration("20261130114902_ConclusionsAndPublications")]
public sealed class ConclusionsAndPublications : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(
            name: "ExecutiveSummary",
            table: "Workshops",
            type: "TEXT",
            maxLength: 5000,
            nullable: true);

        migrationBuilder.AddColumn<int>(
            name: "ExecutiveSummaryVersion",
            table: "Workshops",
            type: "INTEGER",
            nullable: false,
            defaultValue: 0);

        migrationBuilder.CreateTable(
            name: "PanelConclusions",
            columns: table => new
            {
                WorkshopId = table.Column<Guid>(type: "TEXT", nullable: false),
                StepKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                Text = table.Column<string>(type: "TEXT", maxLength: 1500, nullable: true),
                Version = table.Column<int>(type: "INTEGER", nullable: false),
                UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PanelConclusions", x => new { x.WorkshopId, x.StepKey });
                table.ForeignKey(
                    name: "FK_PanelConclusions_Workshops_WorkshopId",
                    column: x => x.WorkshopId,
                    principalTable: "Workshops",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Publications",
            columns: table => new
            {
                Id = table.Column<Guid>(type: "TEXT", nullable: false),
                WorkshopId = table.Column<Guid>(type: "TEXT", nullable: false),
                TokenHash = table.Column<byte[]>(type: "BLOB", nullable: false),
                CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Publications", x => x.Id);
                table.ForeignKey(
                    name: "FK_Publications_Workshops_WorkshopId",
                    column: x => x.WorkshopId,
                    principalTable: "Workshops",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "KeyPoints",
            columns: table => new
            {
                WorkshopId = table.Column<Guid>(type: "TEXT", nullable: false),
                StepKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                NoteId = table.Column<Guid>(type: "TEXT", nullable: false),
                Position = table.Column<int>(type: "INTEGER", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_KeyPoints", x => new { x.WorkshopId, x.StepKey, x.NoteId });
                table.ForeignKey(
                    name: "FK_KeyPoints_Notes_NoteId",
                    column: x => x.NoteId,
                    principalTable: "Notes",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_KeyPoints_PanelConclusions_WorkshopId_StepKey",
                    columns: x => new { x.WorkshopId, x.StepKey },
                    principalTable: "PanelConclusions",
                    principalColumns: new[] { "WorkshopId", "StepKey" },
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "IX_KeyPoints_NoteId",
            table: "KeyPoints",
            column: "NoteId");

        migrationBuilder.CreateIndex(
            name: "IX_Publications_TokenHash",
            table: "Publications",
            column: "TokenHash",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Publications_WorkshopId",
            table: "Publications",
            column: "WorkshopId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(
            name: "KeyPoints");

        migrationBuilder.DropTable(
            name: "Publications");

        migrationBuilder.DropTable(
            name: "PanelConclusions");

        migrationBuilder.DropColumn(
            name: "ExecutiveSummary",
            table: "Workshops");

        migrationBuilder.DropColumn(
            name: "ExecutiveSummaryVersion",
            table: "Workshops");
    }
}
