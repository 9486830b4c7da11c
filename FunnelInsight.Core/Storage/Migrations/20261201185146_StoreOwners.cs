using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FunnelInsight.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class StoreOwners : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Stores_Name",
                table: "Stores");

            migrationBuilder.AddColumn<string>(
                name: "OwnerId",
                table: "Stores",
                type: "TEXT",
                maxLength: 450,
                nullable: false,
                defaultValue: "");

            // Each existing store belongs, for its name, to its first Owner (the earliest added, ties by user id); a
            // store without one stays the operator's (""). Names were unique across the installation until now, so
            // no owner can end up with two stores of one name.
            migrationBuilder.Sql("""
                UPDATE Stores SET OwnerId = COALESCE((
                    SELECT m.UserId FROM StoreMembers m
                    WHERE m.StoreId = Stores.Id AND m.Role = 2
                    ORDER BY m.AddedUtc, m.UserId LIMIT 1), '');
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Stores_Name",
                table: "Stores",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Stores_OwnerId_Name",
                table: "Stores",
                columns: new[] { "OwnerId", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Stores_Name",
                table: "Stores");

            migrationBuilder.DropIndex(
                name: "IX_Stores_OwnerId_Name",
                table: "Stores");

            migrationBuilder.DropColumn(
                name: "OwnerId",
                table: "Stores");

            migrationBuilder.CreateIndex(
                name: "IX_Stores_Name",
                table: "Stores",
                column: "Name",
                unique: true);
        }
    }
}
