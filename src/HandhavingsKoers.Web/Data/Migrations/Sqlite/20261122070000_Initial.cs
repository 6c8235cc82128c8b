using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HandhavingsKoers.Web.Data.Migrations.Sqlite;

/// <summary>
/// Hand-written, like the four after it: EF's design-time package could not be restored here then (decision 0001).
/// Their ids are recorded in every existing data file, so they stay as they are; later migrations are generated
/// (decision 0007). MigrationSchemaTests guards that together they build the model's schema.
/// </summary>
[DbContext(typeof(SqliteAppDbContext))]
[Migration("20261122070000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Workshops",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Gemeente = table.Column<string>(maxLength: 100, nullable: false),
                Title = table.Column<string>(maxLength: 150, nullable: false),
                Date = table.Column<DateOnly>(nullable: false),
                EditionKey = table.Column<string>(maxLength: 64, nullable: false),
                JoinCode = table.Column<string>(maxLength: 8, nullable: false),
                FacilitatorKeyHash = table.Column<byte[]>(nullable: false),
                CurrentStepKey = table.Column<string>(maxLength: 64, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                ClosedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_Workshops", x => x.Id));

        migrationBuilder.CreateTable(
            name: "Participants",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                WorkshopId = table.Column<Guid>(nullable: false),
                DisplayName = table.Column<string>(maxLength: 60, nullable: true),
                TokenHash = table.Column<byte[]>(nullable: false),
                JoinedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Participants", x => x.Id);
                table.ForeignKey("FK_Participants_Workshops_WorkshopId", x => x.WorkshopId, "Workshops", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Notes",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                WorkshopId = table.Column<Guid>(nullable: false),
                StepKey = table.Column<string>(maxLength: 64, nullable: false),
                Column = table.Column<string>(maxLength: 16, nullable: false),
                Text = table.Column<string>(maxLength: 1000, nullable: false),
                ParticipantId = table.Column<Guid>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Notes", x => x.Id);
                table.ForeignKey("FK_Notes_Participants_ParticipantId", x => x.ParticipantId, "Participants", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_Notes_Workshops_WorkshopId", x => x.WorkshopId, "Workshops", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ParticipantActions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ParticipantId = table.Column<Guid>(nullable: false),
                Position = table.Column<int>(nullable: false),
                Text = table.Column<string>(maxLength: 500, nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ParticipantActions", x => x.Id);
                table.ForeignKey("FK_ParticipantActions_Participants_ParticipantId", x => x.ParticipantId, "Participants", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_Workshops_JoinCode", "Workshops", "JoinCode", unique: true);
        migrationBuilder.CreateIndex("IX_Participants_TokenHash", "Participants", "TokenHash", unique: true);
        migrationBuilder.CreateIndex("IX_Participants_WorkshopId", "Participants", "WorkshopId");
        migrationBuilder.CreateIndex("IX_Notes_ParticipantId", "Notes", "ParticipantId");
        migrationBuilder.CreateIndex("IX_Notes_WorkshopId_StepKey", "Notes", ["WorkshopId", "StepKey"]);
        migrationBuilder.CreateIndex("IX_ParticipantActions_ParticipantId_Position", "ParticipantActions", ["ParticipantId", "Position"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("ParticipantActions");
        migrationBuilder.DropTable("Notes");
        migrationBuilder.DropTable("Participants");
        migrationBuilder.DropTable("Workshops");
    }
}
