using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HandhavingsKoers.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DotsWithRoundAndMergesPublicationAddress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Address",
                table: "Publications",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "MergedFromNoteId",
                table: "Dots",
                type: "TEXT",
                nullable: true);

            // A dot left behind by a round that was started over (before this key existed) would break the key.
            migrationBuilder.Sql("DELETE FROM Dots WHERE WorkshopId NOT IN (SELECT WorkshopId FROM PriorityRounds);");

            migrationBuilder.AddForeignKey(
                name: "FK_Dots_PriorityRounds_WorkshopId",
                table: "Dots",
                column: "WorkshopId",
                principalTable: "PriorityRounds",
                principalColumn: "WorkshopId",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Dots_PriorityRounds_WorkshopId",
                table: "Dots");

            migrationBuilder.DropColumn(
                name: "Address",
                table: "Publications");

            migrationBuilder.DropColumn(
                name: "MergedFromNoteId",
                table: "Dots");
        }
    }
}
