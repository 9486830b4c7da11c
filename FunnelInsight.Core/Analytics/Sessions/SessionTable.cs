using FunnelInsight.Core.Stores;

namespace FunnelInsight.Core.Analytics.Sessions;

/// <summary>
/// A store's session rollups held in memory as columns, sorted by session start, so a funnel with filters and a
/// breakdown is one pass over a few arrays instead of a query per filter change. Built once per store data version.
/// </summary>
/// <remarks>Fields rather than properties: the hot loops index them millions of times.</remarks>
internal sealed class SessionTable
{
    /// <summary>"No time" in <see cref="CheckoutUs"/> and <see cref="PurchaseUs"/>.</summary>
    public const long NoTime = long.MinValue;

    public SessionTable(int count)
    {
        Count = count;
        RowId = new long[count];
        StartUs = new long[count];
        Depth = new byte[count];
        OpenMask = new byte[count];
        StepMask = new byte[count];
        LastStep = new byte[count];
        SignalMask = new byte[count];
        ExitSignal = new byte[count];
        CartValue = new double[count];
        CartItems = new int[count];
        PurchaseValue = new double[count];
        CheckoutUs = new long[count];
        PurchaseUs = new long[count];
        PageLoadMs = new float[count];
        Dimensions = [new DimensionColumn(count), new DimensionColumn(count), new DimensionColumn(count)];
        LastEvent = new DimensionColumn(count);
    }

    public int Count { get; }

    // The columns below: 8 + 8 + 6 × 1 + 8 + 4 + 8 + 8 + 8 + 4 = 62, and 4 text columns of a code and a spelling (2 + 2).
    private const int BytesPerRow = 62 + (4 * 4);

    public readonly long[] RowId;
    public readonly long[] StartUs;
    public readonly byte[] Depth;
    public readonly byte[] OpenMask;
    public readonly byte[] StepMask;
    public readonly byte[] LastStep;
    public readonly byte[] SignalMask;
    public readonly byte[] ExitSignal;
    public readonly double[] CartValue;
    public readonly int[] CartItems;
    public readonly double[] PurchaseValue;
    public readonly long[] CheckoutUs;
    public readonly long[] PurchaseUs;

    /// <summary>Average page load of the session; NaN when it has none.</summary>
    public readonly float[] PageLoadMs;

    /// <summary>Device, channel and country codes, indexed by <see cref="FunnelDimension"/>.</summary>
    public readonly DimensionColumn[] Dimensions;

    /// <summary>The name of each session's last event, coded like a dimension (for drop-off: where lost sessions left).</summary>
    public readonly DimensionColumn LastEvent;

    /// <summary>
    /// The stages the store's events track: those any session has an event of (its open mask), landing always. The
    /// rollups were built passing over the others.
    /// </summary>
    public TrackedStages Tracked { get; set; } = TrackedStages.LandingOnly;

    /// <summary>Per-visitor stage paths, loaded on the first visitor-scope query.</summary>
    public VisitorPaths? Visitors { get; set; }

    /// <summary>The store's time zone, whose days the date range and trend buckets are.</summary>
    public StoreClock Clock { get; set; } = StoreClock.Utc;

    /// <summary>How many session rows were read from the store to build this table (all of them for a load; those written since for a merge).</summary>
    public long RowsRead { get; init; }

    /// <summary>
    /// True when the engine was finishing a write of the store as the table was read: right for the query that asked,
    /// not kept for later ones.
    /// </summary>
    public bool Unsettled { get; init; }

    /// <summary>The largest session id in the table; <see cref="long.MinValue"/> when it is empty.</summary>
    public long MaxRowId => Count == 0 ? long.MinValue : RowId.Max();

    /// <summary>About how many bytes the table holds in memory (its columns; not the visitor paths).</summary>
    public long EstimatedBytes => (long)Count * BytesPerRow;

    /// <summary>The stages session <paramref name="i"/> counts at in <paramref name="mode"/>, as a bit mask.</summary>
    public byte StageMask(int i, FunnelMode mode) => mode == FunnelMode.Ordered ? (byte)(DepthMask(Depth[i]) & Tracked.Mask) : OpenMask[i];

    /// <summary>The mask of an ordered depth: every stage up to and including it.</summary>
    public static byte DepthMask(int depth) => (byte)((1 << (depth + 1)) - 1);

    /// <summary>The first position whose start is at or after <paramref name="us"/>.</summary>
    public int LowerBound(long us)
    {
        int lo = 0, hi = Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (StartUs[mid] < us)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>Reorders every column by <paramref name="order"/> (new position → old position).</summary>
    public void Permute(int[] order)
    {
        Apply(RowId, order);
        Apply(StartUs, order);
        Apply(Depth, order);
        Apply(OpenMask, order);
        Apply(StepMask, order);
        Apply(LastStep, order);
        Apply(SignalMask, order);
        Apply(ExitSignal, order);
        Apply(CartValue, order);
        Apply(CartItems, order);
        Apply(PurchaseValue, order);
        Apply(CheckoutUs, order);
        Apply(PurchaseUs, order);
        Apply(PageLoadMs, order);
        foreach (var dimension in Dimensions)
        {
            dimension.Permute(order);
        }

        LastEvent.Permute(order);
    }

    /// <summary>Reorders <paramref name="column"/> by <paramref name="order"/> (new position → old position).</summary>
    public static void Apply<T>(T[] column, int[] order)
    {
        var copy = (T[])column.Clone();
        for (var i = 0; i < order.Length; i++)
        {
            column[i] = copy[order[i]];
        }
    }
}
