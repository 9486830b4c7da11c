using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FunnelInsight.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class SavedFunnels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SavedFunnels",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StoreId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false, collation: "NOCASE"),
                    Steps = table.Column<string>(type: "TEXT", nullable: false),
                    WindowHours = table.Column<int>(type: "INTEGER", nullable: true),
                    SavedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavedFunnels", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SavedFunnels_Stores_StoreId",
                        column: x => x.StoreId,
                        principalTable: "Stores",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SavedFunnels_StoreId_Name",
                table: "SavedFunnels",
                columns: new[] { "StoreId", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SavedFunnels");
        }
    }
}
