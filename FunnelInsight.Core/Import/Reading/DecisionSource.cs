namespace FunnelInsight.Core.Import.Reading;

/// <summary>How a convention of a file (its encoding, date order or decimal mark) was decided.</summary>
public enum DecisionSource
{
    /// <summary>Read from the file's own values.</summary>
    Detected,

    /// <summary>The file could not tell; the default was taken (the user may choose another).</summary>
    Assumed,

    /// <summary>The user chose it (preview, <c>--date-order</c>, <c>--decimal</c>, <c>--encoding</c>).</summary>
    Chosen,
}
