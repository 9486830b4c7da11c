using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FunnelInsight.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class OrderRefundsAndStoreTimeZone : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Currency",
                table: "Stores",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT");

            migrationBuilder.AddColumn<string>(
                name: "OrderTimeOffsets",
                table: "Stores",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TimeZone",
                table: "Stores",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "UTC");

            migrationBuilder.AddColumn<double>(
                name: "Outstanding",
                table: "Orders",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<double>(
                name: "Refunded",
                table: "Orders",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<long>(
                name: "RowsUpdated",
                table: "Imports",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "OrderTimeOffsets",
                table: "Stores");

            migrationBuilder.DropColumn(
                name: "TimeZone",
                table: "Stores");

            migrationBuilder.DropColumn(
                name: "Outstanding",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "Refunded",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "RowsUpdated",
                table: "Imports");

            migrationBuilder.AlterColumn<string>(
                name: "Currency",
                table: "Stores",
                type: "TEXT",
                nullable: false,
                defaultValue: "USD",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}
