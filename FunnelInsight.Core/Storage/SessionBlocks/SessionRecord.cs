using FunnelInsight.Core.Import.Events;

namespace FunnelInsight.Core.Storage.SessionBlocks;

/// <summary>
/// One stored session rollup as read from its block: the values of a <see cref="Analytics.Rollups.SessionSummary"/>, with its
/// text fields and stage path as ranges of the block's bytes (see <see cref="SessionBlockDecoder.Data"/>).
/// </summary>
internal struct SessionRecord
{
    public long StartUs;
    public long EndUs;
    public int OrderedDepth;
    public long? ProductUs;
    public long? CartUs;
    public long? CheckoutUs;
    public long? PurchaseUs;
    public int OpenMask;
    public int StepMask;
    public int LastStep;
    public int SignalMask;
    public int ExitSignal;
    public double CartValue;
    public int CartItems;
    public double PurchaseValue;
    public int EventCount;
    public double? AvgPageLoadMs;
    public TextRange SessionKey;
    public TextRange VisitorKey;
    public TextRange Device;
    public TextRange Channel;
    public TextRange Country;
    public TextRange LastEventName;
    public TextRange StagePath;
}
