using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FunnelInsight.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class StoreCurrencyFromOrders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // USD was the default of every store, chosen or not: such stores now report in the currency their orders
            // carry. A migration of its own, because SQLite rebuilds the altered Stores table at the end of the one before.
            migrationBuilder.Sql("UPDATE Stores SET Currency = NULL WHERE Currency = 'USD'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE Stores SET Currency = 'USD' WHERE Currency IS NULL");
        }
    }
}
