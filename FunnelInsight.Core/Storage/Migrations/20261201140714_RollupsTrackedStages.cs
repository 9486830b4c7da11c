using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FunnelInsight.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class RollupsTrackedStages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The ordered funnel now passes over the stages a store's events never send (no checkout in REES46 or
            // RetailRocket exports), which changes the stored rollups of such stores. Rollups are derived from the
            // events: they are dropped here and start-up rebuilds them (StorageUpgrade).
            migrationBuilder.Sql("DELETE FROM SessionBlocks");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Rollups built by the newer definition stay; there is nothing to restore.
        }
    }
}
