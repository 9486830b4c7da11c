namespace FunnelInsight.Core.Domain;

/// <summary>
/// The stages a store's data tracks: landing always, any other stage when at least one of the store's events maps to
/// it under the store's stage map. An untracked stage (REES46 and RetailRocket exports send no checkout) is shown as
/// not tracked, never as 0, and the ordered funnel passes over it.
/// </summary>
/// <param name="Mask">Bit k set when stage k is tracked; the landing bit is always set.</param>
public readonly record struct TrackedStages(int Mask)
{
    /// <summary>Every stage tracked.</summary>
    public static TrackedStages All => new(0b11111);

    /// <summary>Only landing (a store without events).</summary>
    public static TrackedStages LandingOnly => new(1);

    /// <summary>True when <paramref name="stage"/> is tracked (landing always is).</summary>
    public bool Contains(FunnelStage stage) => stage == FunnelStage.Landing || (Mask >> (int)stage & 1) != 0;

    /// <summary>This set with <paramref name="stage"/> tracked too.</summary>
    public TrackedStages With(FunnelStage stage) => new(Mask | 1 | 1 << (int)stage);

    /// <summary>The tracked stage before <paramref name="stage"/>, or null for landing.</summary>
    public FunnelStage? Previous(FunnelStage stage)
    {
        for (var k = (int)stage - 1; k >= 0; k--)
        {
            if (Contains((FunnelStage)k))
            {
                return (FunnelStage)k;
            }
        }

        return null;
    }

    /// <summary>The tracked stage after <paramref name="stage"/>, or null when none is.</summary>
    public FunnelStage? Next(FunnelStage stage)
    {
        for (var k = (int)stage + 1; k <= (int)FunnelStage.Purchase; k++)
        {
            if (Contains((FunnelStage)k))
            {
                return (FunnelStage)k;
            }
        }

        return null;
    }

    /// <summary>The untracked stages, in funnel order.</summary>
    public IEnumerable<FunnelStage> Untracked()
    {
        var mask = Mask;
        return Enum.GetValues<FunnelStage>().Where(stage => stage != FunnelStage.Landing && (mask >> (int)stage & 1) == 0);
    }
}
