using FunnelInsight.Core.Import.Events;
using Microsoft.Data.Sqlite;

namespace FunnelInsight.Core.Storage.EventBlocks;

/// <summary>
/// Stores one import's events as blocks (<see cref="EventBlockFormat"/>), with the ids the import gave them
/// (<see cref="StoreRowIds"/>). It checks nothing: repeated events are found, and taken out of their blocks, when the
/// session rollups are built (<see cref="EventBlockStore.Delete"/>).
/// </summary>
internal sealed class EventBlockWriter(SqliteConnection connection, int importId) : IDisposable
{
    private readonly EventBlockEncoder _encoder = new();
    private readonly PositionalStatement _insert = new(connection,
        "INSERT INTO EventBlocks (Id, ImportId, LastEventId, EventCount, Data) VALUES (?1, ?2, ?3, ?4, ?5)");

    /// <summary>Adds the batch's rows, with ids <see cref="EventBatch.FirstId"/> onwards; full blocks are stored at once.</summary>
    public void Write(EventBatch batch)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            Write(batch.FirstId + i, batch[i], batch.TextBuffer);
        }
    }

    /// <summary>Adds one event (ids only grow); its text fields are ranges of <paramref name="text"/>.</summary>
    public void Write(long id, in EventRow row, ReadOnlySpan<byte> text)
    {
        _encoder.Add(id, row, text);
        if (_encoder.Count == EventBlockFormat.MaxEvents)
        {
            Flush();
        }
    }

    /// <summary>Stores the block in progress, if it holds any event.</summary>
    public void Flush()
    {
        if (_encoder.Count == 0)
        {
            return;
        }

        _insert.Bind(1, _encoder.FirstId);
        _insert.Bind(2, importId);
        _insert.Bind(3, _encoder.LastId);
        _insert.Bind(4, _encoder.Count);
        _insert.Bind(5, _encoder.Data);
        _insert.Execute();
        _encoder.Clear();
    }

    public void Dispose() => _insert.Dispose();
}
