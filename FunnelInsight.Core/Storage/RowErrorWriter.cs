using FunnelInsight.Core.Import;
using Microsoft.Data.Sqlite;

namespace FunnelInsight.Core.Storage;

/// <summary>Keeps every row error of an import in the database, and the first few for the result.</summary>
internal sealed class RowErrorWriter : IDisposable
{
    private readonly SqliteCommand _insert;
    private readonly List<RowError> _first = [];

    public RowErrorWriter(SqliteConnection connection, SqliteTransaction transaction, int importId)
    {
        _insert = connection.CreateCommand();
        _insert.Transaction = transaction;
        _insert.CommandText = "INSERT INTO ImportRowErrors (ImportId, Line, Column, Reason, RawLine) VALUES ($import, $line, $column, $reason, $raw)";
        _insert.Parameters.AddWithValue("$import", importId);
        foreach (var name in new[] { "$line", "$column", "$reason", "$raw" })
        {
            _insert.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        _insert.Prepare();
    }

    /// <summary>Errors kept so far.</summary>
    public long Count { get; private set; }

    /// <summary>The first <see cref="ImportResult.MaxErrorsInResult"/> errors.</summary>
    public IReadOnlyList<RowError> First => _first;

    public void Add(RowError error)
    {
        _insert.Parameters[1].Value = error.Line;
        _insert.Parameters[2].Value = (object?)error.Column ?? DBNull.Value;
        _insert.Parameters[3].Value = error.Reason;
        _insert.Parameters[4].Value = error.RawLine;
        _insert.ExecuteNonQuery();
        if (_first.Count < ImportResult.MaxErrorsInResult)
        {
            _first.Add(error);
        }

        Count++;
    }

    public void Dispose() => _insert.Dispose();
}
