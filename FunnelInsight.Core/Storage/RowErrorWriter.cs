using FunnelInsight.Core.Import;
using FunnelInsight.Core.Storage.Providers;

namespace FunnelInsight.Core.Storage;

/// <summary>Keeps every row error and warning of an import in the database, counted apart, and the first few of each for the result.</summary>
internal sealed class RowErrorWriter : IDisposable
{
    private readonly DbCommand _insert;
    private readonly List<RowError> _first = [];
    private readonly List<RowError> _firstWarnings = [];

    public RowErrorWriter(DbConnection connection, DbTransaction transaction, int importId)
    {
        _insert = connection.CreateCommand();
        _insert.Transaction = transaction;
        _insert.CommandText = "INSERT INTO ImportRowErrors (ImportId, Line, \"column\", Reason, RawLine, Severity, ReasonCode, ReasonArguments) VALUES (@import, @line, @column, @reason, @raw, @severity, @code, @arguments)";
        _insert.AddParameter("import", importId);
        foreach (var name in new[] { "line", "column", "reason", "raw", "severity", "code", "arguments" })
        {
            _insert.AddParameter(name, null);
        }
    }

    /// <summary>Row errors (rejected rows) kept so far.</summary>
    public long Count { get; private set; }

    /// <summary>Warnings (rows kept without a value) kept so far.</summary>
    public long Warnings { get; private set; }

    /// <summary>The first <see cref="ImportResult.MaxErrorsInResult"/> row errors.</summary>
    public IReadOnlyList<RowError> First => _first;

    /// <summary>The first <see cref="ImportResult.MaxErrorsInResult"/> warnings.</summary>
    public IReadOnlyList<RowError> FirstWarnings => _firstWarnings;

    public void Add(RowError error)
    {
        _insert.Parameters[1].Value = error.Line;
        _insert.Parameters[2].Value = (object?)error.Column ?? DBNull.Value;
        _insert.Parameters[3].Value = error.Reason;
        _insert.Parameters[4].Value = error.RawLine;
        _insert.Parameters[5].Value = (int)error.Severity;
        _insert.Parameters[6].Value = (int)error.Cause.Code;
        _insert.Parameters[7].Value = error.Cause.StoredArguments();
        _insert.ExecuteNonQuery();
        var warning = error.Severity == RowSeverity.Warning;
        var first = warning ? _firstWarnings : _first;
        if (first.Count < ImportResult.MaxErrorsInResult)
        {
            first.Add(error);
        }

        if (warning)
        {
            Warnings++;
        }
        else
        {
            Count++;
        }
    }

    /// <summary>Takes back the warnings kept for the rows starting on <paramref name="lines"/>, since rejected (a row is reported once, as its error).</summary>
    public void WithdrawWarnings(IReadOnlySet<long> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }

        using var delete = _insert.Connection!.CreateCommand();
        delete.Transaction = _insert.Transaction;
        delete.CommandText = $"DELETE FROM ImportRowErrors WHERE ImportId = @import AND Severity = {(int)RowSeverity.Warning} AND Line = @line";
        delete.AddParameter("import", _insert.Parameters[0].Value);
        delete.AddParameter("line", null);
        foreach (var line in lines)
        {
            delete.Parameters[1].Value = line;
            Warnings -= delete.ExecuteNonQuery();
        }

        _firstWarnings.RemoveAll(w => lines.Contains(w.Line));
    }

    public void Dispose() => _insert.Dispose();
}
