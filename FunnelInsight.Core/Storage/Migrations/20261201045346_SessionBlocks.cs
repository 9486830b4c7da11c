using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FunnelInsight.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class SessionBlocks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Session rollups move from a row each into blocks. They are derived from the events, so the old rows are
            // dropped and FunnelDatabase.MigrateAsync rebuilds the rollups of every store that has events (StorageUpgrade).
            migrationBuilder.DropTable(
                name: "Sessions");

            migrationBuilder.CreateTable(
                name: "SessionBlocks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSessionId = table.Column<long>(type: "INTEGER", nullable: false),
                    SessionCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Data = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionBlocks", x => x.Id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SessionBlocks");

            migrationBuilder.CreateTable(
                name: "Sessions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    AvgPageLoadMs = table.Column<double>(type: "REAL", nullable: true),
                    CartItems = table.Column<int>(type: "INTEGER", nullable: false),
                    CartUs = table.Column<long>(type: "INTEGER", nullable: true),
                    CartValue = table.Column<double>(type: "REAL", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", nullable: true),
                    CheckoutUs = table.Column<long>(type: "INTEGER", nullable: true),
                    Country = table.Column<string>(type: "TEXT", nullable: true),
                    Device = table.Column<string>(type: "TEXT", nullable: true),
                    EndUs = table.Column<long>(type: "INTEGER", nullable: false),
                    EventCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ExitSignal = table.Column<int>(type: "INTEGER", nullable: false),
                    LastEventName = table.Column<string>(type: "TEXT", nullable: false),
                    LastStep = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenMask = table.Column<int>(type: "INTEGER", nullable: false),
                    OrderedDepth = table.Column<int>(type: "INTEGER", nullable: false),
                    ProductUs = table.Column<long>(type: "INTEGER", nullable: true),
                    PurchaseUs = table.Column<long>(type: "INTEGER", nullable: true),
                    PurchaseValue = table.Column<double>(type: "REAL", nullable: false),
                    SessionKey = table.Column<string>(type: "TEXT", nullable: false),
                    SignalMask = table.Column<int>(type: "INTEGER", nullable: false),
                    StagePath = table.Column<byte[]>(type: "BLOB", nullable: false),
                    StartUs = table.Column<long>(type: "INTEGER", nullable: false),
                    StepMask = table.Column<int>(type: "INTEGER", nullable: false),
                    StoreId = table.Column<int>(type: "INTEGER", nullable: false),
                    VisitorKey = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sessions", x => x.Id);
                });
        }
    }
}
