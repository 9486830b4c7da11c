using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FunnelInsight.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class RollupsCheckoutSubSteps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The shipping, coupon and payment sub-steps now reach checkout, which changes every stored rollup. Rollups
            // are derived from the events: they are dropped here and start-up rebuilds them (StorageUpgrade).
            migrationBuilder.Sql("DELETE FROM SessionBlocks");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Rollups built by the newer definition stay; there is nothing to restore.
        }
    }
}
