using Npgsql;

namespace FunnelInsight.Tests.Support;

/// <summary>
/// Databases of their own on the test PostgreSQL server: each is created empty under a unique name and dropped with
/// every connection to it, so tests never see each other's rows.
/// </summary>
public static class PostgresServer
{
    /// <summary>Creates an empty database; its name and a connection string to it.</summary>
    public static async Task<(string Name, string ConnectionString)> CreateDatabaseAsync()
    {
        var server = new NpgsqlConnectionStringBuilder(TestServers.RequirePostgres());
        var name = "funnelinsight_test_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(server, $"CREATE DATABASE {name}");
        var database = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name };
        return (name, database.ConnectionString);
    }

    /// <summary>Drops database <paramref name="name"/>, ending the sessions still connected to it.</summary>
    public static async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(new NpgsqlConnectionStringBuilder(TestServers.RequirePostgres()), $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    /// <summary>Whether database <paramref name="name"/> exists on the server.</summary>
    public static async Task<bool> ExistsAsync(string name)
    {
        await using var connection = new NpgsqlConnection(TestServers.RequirePostgres());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM pg_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", name);
        return (long)(await command.ExecuteScalarAsync())! == 1;
    }

    private static async Task ExecuteAsync(NpgsqlConnectionStringBuilder server, string sql)
    {
        // Names are made here from a GUID, never from input: they are safe to write into the statement.
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
