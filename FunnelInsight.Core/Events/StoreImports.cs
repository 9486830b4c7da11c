using FunnelInsight.Core.Import;
using FunnelInsight.Core.Storage.Providers;

namespace FunnelInsight.Core.Events;

/// <summary>What the application database says of stores and their imports, for the engines' deletions and start-up reconciliation.</summary>
internal static class StoreImports
{
    /// <summary>The ids of the store's imports other than <paramref name="except"/>.</summary>
    public static IReadOnlySet<int> Others(DbConnection sqlite, int storeId, int except)
    {
        using var command = sqlite.CreateCommand();
        command.CommandText = "SELECT Id FROM Imports WHERE StoreId = @store AND Id <> @except";
        command.AddParameter("store", storeId);
        command.AddParameter("except", except);
        var ids = new HashSet<int>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            ids.Add(reader.GetInt32(0));
        }

        return ids;
    }

    /// <summary>The status the application database holds for an import; null when it holds no such import.</summary>
    public static ImportStatus? StatusOf(DbConnection sqlite, int importId)
    {
        using var command = sqlite.CreateCommand();
        command.CommandText = "SELECT Status FROM Imports WHERE Id = @id";
        command.AddParameter("id", importId);
        return command.ExecuteScalar() is { } status and not DBNull ? (ImportStatus)Convert.ToInt32(status, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>
    /// Whether import <paramref name="importId"/> belongs to a shared import job whose instance still holds its lease
    /// (PostgreSQL; SQLite has no such table: one process runs its imports).
    /// </summary>
    public static bool IsLeased(DbConnection connection, int importId)
    {
        if (!DatabaseProvider.Of(connection).SharesImportJobs)
        {
            return false;
        }

        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM ImportJobs WHERE ImportId = @id AND State = {(int)Import.Jobs.ImportJobState.Running} AND LeaseUntilUtc > @now";
        command.AddParameter("id", importId);
        command.AddParameter("now", DateTime.UtcNow);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }

    /// <summary>The ids of every store the application database holds.</summary>
    public static IReadOnlyList<int> StoreIds(DbConnection sqlite)
    {
        using var command = sqlite.CreateCommand();
        command.CommandText = "SELECT Id FROM Stores";
        var ids = new List<int>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            ids.Add(Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture));
        }

        return ids;
    }
}
