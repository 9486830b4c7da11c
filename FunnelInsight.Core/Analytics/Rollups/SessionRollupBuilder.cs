namespace FunnelInsight.Core.Analytics.Rollups;

/// <summary>
/// Turns a stream of stored events into <see cref="SessionSummary"/> rows, one session in memory at a time. The events
/// come group after group (a group is one session id, or one visitor's events without a session id), each group's in
/// order of (time, id: the order they were stored in, which is file order within an import). A session id's events are
/// one session; a visitor's events without one are cut into sessions at the store's inactivity timeout.
/// </summary>
/// <param name="map">The store's stage map: what each event name means to the funnel.</param>
/// <param name="sessionTimeout">The store's inactivity timeout.</param>
/// <param name="tracked">The stages the store's events track: the ordered funnel passes over the others.</param>
/// <param name="emit">Takes each session as it is built, in the order of the events.</param>
internal sealed class SessionRollupBuilder(StageMap map, TimeSpan sessionTimeout, TrackedStages tracked, Action<SessionSummary> emit)
{
    // A store has a few hundred distinct event names; the cache starts over past this many.
    private const int MaxNames = 10_000;

    private readonly long _timeoutUs = (long)sessionTimeout.TotalMicroseconds;
    private readonly Dictionary<string, EventMeaning> _meanings = new(StringComparer.Ordinal);
    private readonly List<SessionEvent> _session = [];
    private bool _hasSession;
    private string? _groupKey;
    private string _visitor = "";

    /// <summary>Sessions built so far.</summary>
    public long Sessions { get; private set; }

    /// <summary>Takes the next event of the stream.</summary>
    /// <exception cref="InvalidOperationException">The event is earlier than the one before it in its group: the stream is not in order.</exception>
    public void Add(in StoredGroupEvent e)
    {
        if (_groupKey is null || e.HasSession != _hasSession || !string.Equals(e.GroupKey, _groupKey, StringComparison.Ordinal))
        {
            Emit();
            (_hasSession, _groupKey, _visitor) = (e.HasSession, e.GroupKey, e.VisitorKey ?? "");
        }
        else if (_session.Count > 0 && e.TimeUs < _session[^1].TimeUs)
        {
            throw new InvalidOperationException("The events of a session reached the rollup builder out of time order.");
        }
        else if (!_hasSession && _session.Count > 0 && e.TimeUs - _session[^1].TimeUs > _timeoutUs)
        {
            Emit();
        }

        var name = e.EventName ?? "";
        _session.Add(new SessionEvent(e.TimeUs, name, Meaning(name), e.Price, e.Quantity, e.Device, e.Channel, e.Country, e.PageLoadMs));
    }

    /// <summary>Builds the last session; call it once after the last event.</summary>
    public void Complete() => Emit();

    private void Emit()
    {
        if (_session.Count == 0)
        {
            return;
        }

        var key = _hasSession ? _groupKey! : $"{_groupKey}#{_session[0].TimeUs}";
        var summary = SessionRollup.Build(key, _visitor, _session, tracked);
        summary.FromSessionId = _hasSession;
        _session.Clear();
        Sessions++;
        emit(summary);
    }

    private EventMeaning Meaning(string name)
    {
        if (!_meanings.TryGetValue(name, out var meaning))
        {
            if (_meanings.Count == MaxNames)
            {
                _meanings.Clear();
            }

            _meanings[name] = meaning = map.Meaning(name);
        }

        return meaning;
    }
}
