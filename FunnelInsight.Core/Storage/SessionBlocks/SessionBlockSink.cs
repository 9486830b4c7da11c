using FunnelInsight.Core.Analytics.Rollups;

namespace FunnelInsight.Core.Storage.SessionBlocks;

/// <summary>
/// Packs one partition's sessions into session blocks on the thread that builds them, so that what waits for its
/// turn to be stored is a few compact blocks rather than objects. The blocks' keys, and so the sessions' ids, are
/// given when they are stored: a block holds consecutive ids counted from its key, whatever that turns out to be.
/// </summary>
internal sealed class SessionBlockSink : IPartitionSink
{
    private readonly SessionBlockEncoder _encoder = new();
    private readonly List<(byte[] Data, int Count)> _blocks = [];

    public long Sessions { get; private set; }

    /// <summary>The ids of repeated events, each with the id of the event kept, in the order they were found.</summary>
    public List<(long Id, long KeptId)> Repeats { get; } = [];

    public void Session(SessionSummary session)
    {
        // Numbered from 1 within the sink: only the differences between ids are stored.
        _encoder.Add(++Sessions, session);
        if (_encoder.Count == SessionBlockFormat.MaxSessions)
        {
            Seal();
        }
    }

    public void Repeat(long eventId, long keptId) => Repeats.Add((eventId, keptId));

    /// <summary>The blocks, the last one sealed however full it is; call it once every session is in.</summary>
    public IReadOnlyList<(byte[] Data, int Count)> Blocks()
    {
        Seal();
        return _blocks;
    }

    private void Seal()
    {
        if (_encoder.Count > 0)
        {
            _blocks.Add((_encoder.Data.ToArray(), _encoder.Count));
            _encoder.Clear();
        }
    }
}
