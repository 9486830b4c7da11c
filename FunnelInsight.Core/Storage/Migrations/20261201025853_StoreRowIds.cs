using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FunnelInsight.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class StoreRowIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Events_Stores_StoreId",
                table: "Events");

            migrationBuilder.DropForeignKey(
                name: "FK_Sessions_Stores_StoreId",
                table: "Sessions");

            migrationBuilder.DropIndex(
                name: "IX_Sessions_StoreId_StartUs",
                table: "Sessions");

            migrationBuilder.DropIndex(
                name: "IX_Events_StoreId_IdentityHash",
                table: "Events");

            migrationBuilder.AlterColumn<long>(
                name: "Id",
                table: "Sessions",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER")
                .OldAnnotation("Sqlite:Autoincrement", true);

            migrationBuilder.AlterColumn<long>(
                name: "Id",
                table: "Events",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER")
                .OldAnnotation("Sqlite:Autoincrement", true);

            // Each store's rows move into its own id range (StoreRowIds: StoreId × 2^40 + n). The old ids were unique
            // and below 2^40, so the new ones are unique too and keep each store's order.
            migrationBuilder.Sql("UPDATE Events SET Id = StoreId * 1099511627776 + Id;");
            migrationBuilder.Sql("UPDATE Sessions SET Id = StoreId * 1099511627776 + Id;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to one sequence for all stores, in the same order.
            foreach (var table in new[] { "Events", "Sessions" })
            {
                migrationBuilder.Sql($"UPDATE {table} SET Id = -Id;");
                migrationBuilder.Sql($"UPDATE {table} SET Id = r.n FROM (SELECT Id AS old, ROW_NUMBER() OVER (ORDER BY Id DESC) AS n FROM {table}) AS r WHERE {table}.Id = r.old;");
            }

            migrationBuilder.AlterColumn<long>(
                name: "Id",
                table: "Sessions",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER")
                .Annotation("Sqlite:Autoincrement", true);

            migrationBuilder.AlterColumn<long>(
                name: "Id",
                table: "Events",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER")
                .Annotation("Sqlite:Autoincrement", true);

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_StoreId_StartUs",
                table: "Sessions",
                columns: new[] { "StoreId", "StartUs" });

            migrationBuilder.CreateIndex(
                name: "IX_Events_StoreId_IdentityHash",
                table: "Events",
                columns: new[] { "StoreId", "IdentityHash" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Events_Stores_StoreId",
                table: "Events",
                column: "StoreId",
                principalTable: "Stores",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Sessions_Stores_StoreId",
                table: "Sessions",
                column: "StoreId",
                principalTable: "Stores",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
