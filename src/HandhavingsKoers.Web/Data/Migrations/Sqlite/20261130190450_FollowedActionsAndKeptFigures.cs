using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HandhavingsKoers.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FollowedActionsAndKeptFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PreviousActions_WorkshopId",
                table: "PreviousActions");

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "TeamActions",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "NotStarted");

            migrationBuilder.AddColumn<string>(
                name: "StatusNote",
                table: "TeamActions",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ActionKey",
                table: "PreviousActions",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<bool>(
                name: "CarriedOver",
                table: "PreviousActions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "FirstMadeAt",
                table: "PreviousActions",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.CreateTable(
                name: "ActionStatusChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkshopId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActionKey = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionStatusChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActionStatusChanges_Workshops_WorkshopId",
                        column: x => x.WorkshopId,
                        principalTable: "Workshops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "KeptSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkshopId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PreviousSessionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EditionKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    KeptAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeptSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KeptSessions_Workshops_WorkshopId",
                        column: x => x.WorkshopId,
                        principalTable: "Workshops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "KeptTopics",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    KeptSessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TopicKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Counts = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Median = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeptTopics", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KeptTopics_KeptSessions_KeptSessionId",
                        column: x => x.KeptSessionId,
                        principalTable: "KeptSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PreviousActions_WorkshopId_ActionKey",
                table: "PreviousActions",
                columns: new[] { "WorkshopId", "ActionKey" });

            migrationBuilder.CreateIndex(
                name: "IX_ActionStatusChanges_WorkshopId_ActionKey",
                table: "ActionStatusChanges",
                columns: new[] { "WorkshopId", "ActionKey" });

            migrationBuilder.CreateIndex(
                name: "IX_KeptSessions_WorkshopId",
                table: "KeptSessions",
                column: "WorkshopId");

            migrationBuilder.CreateIndex(
                name: "IX_KeptTopics_KeptSessionId",
                table: "KeptTopics",
                column: "KeptSessionId");

            // Hand-written: an older copy of last time's action gets the identity and first date of the team action it
            // was copied from, when the previous session still exists; otherwise its own id and the previous session's
            // (or its own session's) start. Its status, note and review date stay as they were: nothing is lost.
            migrationBuilder.Sql("""
                UPDATE PreviousActions SET
                    ActionKey = COALESCE(
                        (SELECT t.Id FROM TeamActions t JOIN Workshops w ON w.PreviousWorkshopId = t.WorkshopId
                         WHERE w.Id = PreviousActions.WorkshopId AND t.Text = PreviousActions.Text AND t.Owner = PreviousActions.Owner
                           AND t.DueDate = PreviousActions.DueDate ORDER BY t.CreatedAt LIMIT 1),
                        PreviousActions.Id),
                    FirstMadeAt = COALESCE(
                        (SELECT t.CreatedAt FROM TeamActions t JOIN Workshops w ON w.PreviousWorkshopId = t.WorkshopId
                         WHERE w.Id = PreviousActions.WorkshopId AND t.Text = PreviousActions.Text AND t.Owner = PreviousActions.Owner
                           AND t.DueDate = PreviousActions.DueDate ORDER BY t.CreatedAt LIMIT 1),
                        (SELECT p.CreatedAt FROM Workshops w JOIN Workshops p ON p.Id = w.PreviousWorkshopId WHERE w.Id = PreviousActions.WorkshopId),
                        (SELECT w.CreatedAt FROM Workshops w WHERE w.Id = PreviousActions.WorkshopId));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActionStatusChanges");

            migrationBuilder.DropTable(
                name: "KeptTopics");

            migrationBuilder.DropTable(
                name: "KeptSessions");

            migrationBuilder.DropIndex(
                name: "IX_PreviousActions_WorkshopId_ActionKey",
                table: "PreviousActions");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "TeamActions");

            migrationBuilder.DropColumn(
                name: "StatusNote",
                table: "TeamActions");

            migrationBuilder.DropColumn(
                name: "ActionKey",
                table: "PreviousActions");

            migrationBuilder.DropColumn(
                name: "CarriedOver",
                table: "PreviousActions");

            migrationBuilder.DropColumn(
                name: "FirstMadeAt",
                table: "PreviousActions");

            migrationBuilder.CreateIndex(
                name: "IX_PreviousActions_WorkshopId",
                table: "PreviousActions",
                column: "WorkshopId");
        }
    }
}
