using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HandhavingsKoers.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class GemeenteSpace : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "GemeenteId",
                table: "Workshops",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Gemeenten",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ThemeKey = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Gemeenten", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BeheerderLinks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GemeenteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ForWhom = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    KeyHash = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BeheerderLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BeheerderLinks_Gemeenten_GemeenteId",
                        column: x => x.GemeenteId,
                        principalTable: "Gemeenten",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Workshops_GemeenteId",
                table: "Workshops",
                column: "GemeenteId");

            migrationBuilder.CreateIndex(
                name: "IX_BeheerderLinks_GemeenteId",
                table: "BeheerderLinks",
                column: "GemeenteId");

            migrationBuilder.CreateIndex(
                name: "IX_Gemeenten_Name",
                table: "Gemeenten",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BeheerderLinks");

            migrationBuilder.DropTable(
                name: "Gemeenten");

            migrationBuilder.DropIndex(
                name: "IX_Workshops_GemeenteId",
                table: "Workshops");

            migrationBuilder.DropColumn(
                name: "GemeenteId",
                table: "Workshops");
        }
    }
}
