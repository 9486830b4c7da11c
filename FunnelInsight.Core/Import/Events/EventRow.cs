namespace FunnelInsight.Core.Import.Events;

/// <summary>One event read from a file, before it is stored. Its text fields are ranges of its <see cref="EventBatch"/>'s UTF-8 text.</summary>
internal struct EventRow
{
    public long TimeUs;
    public long Line;
    public double? Price;
    public int? Quantity;
    public int? PageLoadMs;
    public TextRange SessionKey;
    public TextRange VisitorKey;
    public TextRange EventName;
    public TextRange ProductId;
    public TextRange OrderId;
    public TextRange Device;
    public TextRange Channel;
    public TextRange Country;

    /// <summary>The identity the store knows the event by (see <see cref="EventBatch.Add"/>).</summary>
    public long IdentityHash;
}

/// <summary>Where a text field is in its batch's buffer; <see cref="Null"/> for a missing value.</summary>
internal readonly record struct TextRange(int Offset, int Length)
{
    public static TextRange Null => new(0, -1);

    /// <summary>An empty text that is not missing.</summary>
    public static TextRange Empty => new(0, 0);

    public bool IsNull => Length < 0;
}
