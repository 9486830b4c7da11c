namespace FunnelInsight.Core.Storage.Providers;

/// <summary>Parameters on any provider's command.</summary>
public static class DbCommandParameters
{
    /// <summary>Adds parameter <paramref name="name"/> (written <c>@name</c> in the SQL) with <paramref name="value"/>; null is SQL NULL.</summary>
    public static DbParameter AddParameter(this DbCommand command, string name, object? value)
    {
        ArgumentNullException.ThrowIfNull(command);
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    /// <summary>A command on <paramref name="connection"/> in <paramref name="transaction"/> with <paramref name="sql"/>.</summary>
    public static DbCommand Command(this DbConnection connection, DbTransaction? transaction, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
