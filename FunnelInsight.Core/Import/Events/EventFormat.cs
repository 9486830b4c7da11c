namespace FunnelInsight.Core.Import.Events;

/// <summary>
/// A known event export layout: the header columns that may hold each field (matched without case,
/// with <c>.</c> read as <c>_</c>), which fields every row needs, and how its times are written.
/// </summary>
/// <param name="Name">Short name used by <c>--format</c> and shown after detection.</param>
/// <param name="Title">What the format is, for people.</param>
/// <param name="Columns">For each field, the header names that may hold it, best first.</param>
/// <param name="Signature">Header names that must all be present for the format to be recognised.</param>
/// <param name="Required">Fields every row must have.</param>
/// <param name="TimeStyle">How the time column is written.</param>
/// <param name="SessionPerVisitor">True when session ids are only unique per visitor (GA4's ga_session_id).</param>
public sealed record EventFormat(
    string Name,
    string Title,
    IReadOnlyDictionary<EventField, string[]> Columns,
    IReadOnlyList<string> Signature,
    IReadOnlyList<EventField> Required,
    TimeStyle TimeStyle,
    bool SessionPerVisitor = false);
