using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HandhavingsKoers.Web.Data.Migrations.Sqlite
{
    /// <summary>
    /// Every page leaves merged duplicates out (<c>MergedIntoId IS NULL</c>), which the NoteListIndex did not hold: the
    /// counts per column read each note of the step from the table, and the originals of a merge were found by
    /// reading them all. With MergedIntoId in the index both come from the index again.
    /// </summary>
    public partial class NoteListIndexWithMerges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Notes_WorkshopId_StepKey_Column_CreatedAt",
                table: "Notes");

            migrationBuilder.CreateIndex(
                name: "IX_Notes_WorkshopId_StepKey_MergedIntoId_Column_CreatedAt",
                table: "Notes",
                columns: new[] { "WorkshopId", "StepKey", "MergedIntoId", "Column", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Notes_WorkshopId_StepKey_MergedIntoId_Column_CreatedAt",
                table: "Notes");

            migrationBuilder.CreateIndex(
                name: "IX_Notes_WorkshopId_StepKey_Column_CreatedAt",
                table: "Notes",
                columns: new[] { "WorkshopId", "StepKey", "Column", "CreatedAt" });
        }
    }
}
