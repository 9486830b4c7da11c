using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FunnelInsight.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class ImportReasonCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "MessageArguments",
                table: "Imports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MessageCode",
                table: "Imports",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReasonArguments",
                table: "ImportRowErrors",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReasonCode",
                table: "ImportRowErrors",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MessageArguments",
                table: "Imports");

            migrationBuilder.DropColumn(
                name: "MessageCode",
                table: "Imports");

            migrationBuilder.DropColumn(
                name: "ReasonArguments",
                table: "ImportRowErrors");

            migrationBuilder.DropColumn(
                name: "ReasonCode",
                table: "ImportRowErrors");
        }
    }
}
