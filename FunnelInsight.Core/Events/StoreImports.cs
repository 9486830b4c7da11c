using System.Data.Common;
using FunnelInsight.Core.Storage.Providers;

namespace FunnelInsight.Core.Events;

/// <summary>What the application database says of a store's imports, for the engines' deletions.</summary>
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
}
