using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace FunnelInsight.Core.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ImportJobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "importjobs",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    storeid = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    uploadpath = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    filename = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    filesize = table.Column<long>(type: "bigint", nullable: false),
                    format = table.Column<string>(type: "text", nullable: true),
                    mapping = table.Column<string>(type: "text", nullable: true),
                    encoding = table.Column<string>(type: "text", nullable: true),
                    dateorder = table.Column<int>(type: "integer", nullable: true),
                    decimalmark = table.Column<int>(type: "integer", nullable: true),
                    state = table.Column<int>(type: "integer", nullable: false),
                    owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    leaseuntilutc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    importid = table.Column<int>(type: "integer", nullable: true),
                    phase = table.Column<int>(type: "integer", nullable: false),
                    bytesread = table.Column<long>(type: "bigint", nullable: false),
                    rowsread = table.Column<long>(type: "bigint", nullable: false),
                    cancelrequested = table.Column<bool>(type: "boolean", nullable: false),
                    createdutc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    endedutc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_importjobs", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_importjobs_state_id",
                table: "importjobs",
                columns: new[] { "state", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_importjobs_storeid_state",
                table: "importjobs",
                columns: new[] { "storeid", "state" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "importjobs");
        }
    }
}
