using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace FunnelInsight.Core.Storage;

/// <summary>
/// One table's insert prepared twice: with many rows a statement (SQLite runs one statement instead of many) and with
/// one row for the tail of a batch. Values are bound by position (<see cref="PositionalStatement"/>).
/// </summary>
internal sealed class BatchInsert : IDisposable
{
    private readonly PositionalStatement _many;
    private readonly PositionalStatement _one;
    private readonly int _rowsPerStatement;
    private readonly int _parametersPerRow;

    /// <param name="connection">An open connection; rows go into its open transaction.</param>
    /// <param name="head">The statement up to <c>VALUES</c>, for example <c>INSERT INTO T (A, B) VALUES</c>.</param>
    /// <param name="rowsPerStatement">Rows in the many-row statement.</param>
    /// <param name="parametersPerRow">Parameters each row binds.</param>
    /// <param name="row">The values of one row, given the text of its parameters in order (<c>?7</c>, <c>?8</c>, …).</param>
    public BatchInsert(SqliteConnection connection, string head, int rowsPerStatement, int parametersPerRow, Func<string[], string> row)
    {
        _rowsPerStatement = rowsPerStatement;
        _parametersPerRow = parametersPerRow;
        _many = new PositionalStatement(connection, Sql(head, rowsPerStatement, parametersPerRow, row));
        _one = new PositionalStatement(connection, Sql(head, 1, parametersPerRow, row));
    }

    /// <summary>Inserts <paramref name="count"/> rows; <paramref name="bind"/> binds row i from parameter <c>at + 1</c> on.</summary>
    public void Write(int count, Action<PositionalStatement, int, int> bind)
    {
        var i = 0;
        for (; i + _rowsPerStatement <= count; i += _rowsPerStatement)
        {
            for (var r = 0; r < _rowsPerStatement; r++)
            {
                bind(_many, r * _parametersPerRow, i + r);
            }

            _many.Execute();
        }

        for (; i < count; i++)
        {
            bind(_one, 0, i);
            _one.Execute();
        }
    }

    /// <summary>Forgets every bound value (before text bound in place may move).</summary>
    public void ClearBindings()
    {
        _many.ClearBindings();
        _one.ClearBindings();
    }

    public void Dispose()
    {
        _many.Dispose();
        _one.Dispose();
    }

    private static string Sql(string head, int rows, int parametersPerRow, Func<string[], string> row)
    {
        var sql = new StringBuilder(head);
        for (var r = 0; r < rows; r++)
        {
            var parameters = Enumerable.Range((r * parametersPerRow) + 1, parametersPerRow)
                .Select(p => "?" + p.ToString(CultureInfo.InvariantCulture)).ToArray();
            sql.Append(r == 0 ? " " : ", ").Append(row(parameters));
        }

        return sql.ToString();
    }
}
