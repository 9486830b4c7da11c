using System.Runtime.InteropServices;
using DuckDB.NET.Data;
using FunnelInsight.Core.Import.Events;

namespace FunnelInsight.Core.Events.DuckDb;

/// <summary>Text fields of an import's batch into DuckDB's appender.</summary>
internal static class DuckDbAppenderText
{
    /// <summary>
    /// Appends the field's UTF-8 bytes as they lie in <paramref name="batch"/>, with no .NET string between the file
    /// and DuckDB (the reader has checked that they are UTF-8); a missing field is NULL.
    /// </summary>
    public static IDuckDBAppenderRow AppendText(this IDuckDBAppenderRow row, EventBatch batch, TextRange range)
    {
        if (range.IsNull)
        {
            return row.AppendNullValue();
        }

        if (range.Length == 0)
        {
            return row.AppendValue(string.Empty);
        }

        // The appender asks for a writable span but only reads it.
        var bytes = batch.Text(range);
        return row.AppendValue(MemoryMarshal.CreateSpan(ref MemoryMarshal.GetReference(bytes), bytes.Length));
    }
}
