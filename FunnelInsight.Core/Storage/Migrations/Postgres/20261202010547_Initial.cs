using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace FunnelInsight.Core.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:CollationDefinition:case_insensitive", "und-u-ks-level2,und-u-ks-level2,icu,False");

            migrationBuilder.CreateTable(
                name: "stores",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ownerid = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false, defaultValue: ""),
                    currency = table.Column<string>(type: "text", nullable: true),
                    timezone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ordertimeoffsets = table.Column<string>(type: "text", nullable: true),
                    stagemaptext = table.Column<string>(type: "text", nullable: true),
                    sessiontimeoutminutes = table.Column<int>(type: "integer", nullable: false),
                    conversionwindowhours = table.Column<int>(type: "integer", nullable: false),
                    createdutc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    dataversion = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stores", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "apitokens",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    userid = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    storeid = table.Column<int>(type: "integer", nullable: true),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    prefix = table.Column<string>(type: "text", nullable: false),
                    hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    createdutc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    lastusedutc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    revokedutc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_apitokens", x => x.id);
                    table.ForeignKey(
                        name: "fk_apitokens_stores_storeid",
                        column: x => x.storeid,
                        principalTable: "stores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "imports",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    storeid = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    filename = table.Column<string>(type: "text", nullable: false),
                    filesize = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "text", nullable: false),
                    format = table.Column<string>(type: "text", nullable: false),
                    mapping = table.Column<string>(type: "text", nullable: false),
                    rowsread = table.Column<long>(type: "bigint", nullable: false),
                    rowsstored = table.Column<long>(type: "bigint", nullable: false),
                    rowsrejected = table.Column<long>(type: "bigint", nullable: false),
                    warnings = table.Column<long>(type: "bigint", nullable: false),
                    rowsduplicate = table.Column<long>(type: "bigint", nullable: false),
                    rowsupdated = table.Column<long>(type: "bigint", nullable: false),
                    startedutc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    finishedutc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    status = table.Column<int>(type: "integer", nullable: false),
                    message = table.Column<string>(type: "text", nullable: true),
                    messagecode = table.Column<int>(type: "integer", nullable: true),
                    messagearguments = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_imports", x => x.id);
                    table.ForeignKey(
                        name: "fk_imports_stores_storeid",
                        column: x => x.storeid,
                        principalTable: "stores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "orders",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    storeid = table.Column<int>(type: "integer", nullable: false),
                    importid = table.Column<int>(type: "integer", nullable: false),
                    orderid = table.Column<string>(type: "text", nullable: false),
                    customerkey = table.Column<string>(type: "text", nullable: true),
                    createdus = table.Column<long>(type: "bigint", nullable: false),
                    subtotal = table.Column<double>(type: "double precision", nullable: false),
                    shipping = table.Column<double>(type: "double precision", nullable: false),
                    tax = table.Column<double>(type: "double precision", nullable: false),
                    discount = table.Column<double>(type: "double precision", nullable: false),
                    total = table.Column<double>(type: "double precision", nullable: false),
                    refunded = table.Column<double>(type: "double precision", nullable: false),
                    outstanding = table.Column<double>(type: "double precision", nullable: false),
                    currency = table.Column<string>(type: "text", nullable: true),
                    status = table.Column<string>(type: "text", nullable: true),
                    iscancelled = table.Column<bool>(type: "boolean", nullable: false),
                    channel = table.Column<string>(type: "text", nullable: true),
                    linecount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_orders", x => x.id);
                    table.ForeignKey(
                        name: "fk_orders_stores_storeid",
                        column: x => x.storeid,
                        principalTable: "stores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "savedfunnels",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    storeid = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "case_insensitive"),
                    steps = table.Column<string>(type: "text", nullable: false),
                    windowhours = table.Column<int>(type: "integer", nullable: true),
                    savedutc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_savedfunnels", x => x.id);
                    table.ForeignKey(
                        name: "fk_savedfunnels_stores_storeid",
                        column: x => x.storeid,
                        principalTable: "stores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "storemembers",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    storeid = table.Column<int>(type: "integer", nullable: false),
                    userid = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    role = table.Column<int>(type: "integer", nullable: false),
                    addedutc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_storemembers", x => x.id);
                    table.ForeignKey(
                        name: "fk_storemembers_stores_storeid",
                        column: x => x.storeid,
                        principalTable: "stores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "importrowerrors",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    importid = table.Column<int>(type: "integer", nullable: false),
                    line = table.Column<long>(type: "bigint", nullable: false),
                    column = table.Column<string>(type: "text", nullable: true),
                    reason = table.Column<string>(type: "text", nullable: false),
                    rawline = table.Column<string>(type: "text", nullable: false),
                    reasoncode = table.Column<int>(type: "integer", nullable: false),
                    reasonarguments = table.Column<string>(type: "text", nullable: true),
                    severity = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_importrowerrors", x => x.id);
                    table.ForeignKey(
                        name: "fk_importrowerrors_imports_importid",
                        column: x => x.importid,
                        principalTable: "imports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_apitokens_hash",
                table: "apitokens",
                column: "hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_apitokens_storeid",
                table: "apitokens",
                column: "storeid");

            migrationBuilder.CreateIndex(
                name: "ix_apitokens_userid",
                table: "apitokens",
                column: "userid");

            migrationBuilder.CreateIndex(
                name: "ix_importrowerrors_importid_line",
                table: "importrowerrors",
                columns: new[] { "importid", "line" });

            migrationBuilder.CreateIndex(
                name: "ix_imports_storeid_startedutc",
                table: "imports",
                columns: new[] { "storeid", "startedutc" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_storeid_createdus",
                table: "orders",
                columns: new[] { "storeid", "createdus" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_storeid_orderid",
                table: "orders",
                columns: new[] { "storeid", "orderid" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_savedfunnels_storeid_name",
                table: "savedfunnels",
                columns: new[] { "storeid", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_storemembers_storeid_userid",
                table: "storemembers",
                columns: new[] { "storeid", "userid" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_storemembers_userid",
                table: "storemembers",
                column: "userid");

            migrationBuilder.CreateIndex(
                name: "ix_stores_name",
                table: "stores",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "ix_stores_ownerid_name",
                table: "stores",
                columns: new[] { "ownerid", "name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "apitokens");

            migrationBuilder.DropTable(
                name: "importrowerrors");

            migrationBuilder.DropTable(
                name: "orders");

            migrationBuilder.DropTable(
                name: "savedfunnels");

            migrationBuilder.DropTable(
                name: "storemembers");

            migrationBuilder.DropTable(
                name: "imports");

            migrationBuilder.DropTable(
                name: "stores");
        }
    }
}
