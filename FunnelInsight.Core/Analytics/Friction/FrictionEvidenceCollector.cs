using FunnelInsight.Core.Analytics.Abandonment;
using FunnelInsight.Core.Analytics.Leaks;
using FunnelInsight.Core.Analytics.Sessions;
using FunnelInsight.Core.Analytics.Statistics;

namespace FunnelInsight.Core.Analytics.Friction;

/// <summary>One pass over the selected sessions (ordered funnel) for the figures friction rules need.</summary>
internal static class FrictionEvidenceCollector
{
    private const int PaymentFailed = (int)EventSignal.PaymentFailed;
    private const int CouponFailed = (int)EventSignal.CouponFailed;

    public static FrictionEvidence Collect(SessionTable table, int[] selected, LeakReport leaks, (double? Median, long Count) extraCostShare)
    {
        var abandonment = new AbandonmentTally();
        long withValue = 0, failed = 0, payment = 0, coupon = 0, checkouts = 0;
        double paymentValue = 0, couponValue = 0, mobileLostValue = 0;
        long mobileCheckouts = 0, mobileBought = 0, desktopCheckouts = 0, desktopBought = 0;
        var mobile = table.Dimensions[(int)FunnelDimension.Device].Matching("mobile")!;
        var desktop = table.Dimensions[(int)FunnelDimension.Device].Matching("desktop")!;
        var loads = new List<(float Load, bool Bought)>();
        foreach (var i in selected)
        {
            // The stages reached, passing over untracked ones: a purchase in a store without checkout events is no checkout.
            var mask = table.StageMask(i, FunnelMode.Ordered);
            var bought = (mask & 1 << (int)FunnelStage.Purchase) != 0;
            if (!float.IsNaN(table.PageLoadMs[i]))
            {
                loads.Add((table.PageLoadMs[i], bought));
            }

            if (abandonment.Add(mask, cartValue: table.CartValue[i]))
            {
                withValue += table.CartValue[i] > 0 ? 1 : 0;
            }

            if ((mask & 1 << (int)FunnelStage.Cart) == 0)
            {
                continue;
            }

            if ((mask & 1 << (int)FunnelStage.Checkout) == 0)
            {
                continue;
            }

            checkouts++;
            var device = table.Dimensions[(int)FunnelDimension.Device].Codes[i];
            failed += (table.SignalMask[i] & PaymentFailed) != 0 ? 1 : 0;
            if (mobile[device])
            {
                mobileCheckouts++;
                mobileBought += bought ? 1 : 0;
                mobileLostValue += bought ? 0 : table.CartValue[i];
            }
            else if (desktop[device])
            {
                desktopCheckouts++;
                desktopBought += bought ? 1 : 0;
            }

            if (bought)
            {
                continue;
            }

            if (table.LastStep[i] == (int)CheckoutStep.PaymentInfo || (table.SignalMask[i] & PaymentFailed) != 0)
            {
                payment++;
                paymentValue += table.CartValue[i];
            }

            if (table.LastStep[i] == (int)CheckoutStep.Coupon || table.ExitSignal[i] == CouponFailed)
            {
                coupon++;
                couponValue += table.CartValue[i];
            }
        }

        var (median, fast, slow) = SplitByLoad(loads);
        return new FrictionEvidence
        {
            CartAbandonment = abandonment.Cart(table.Tracked),
            AbandonedCartValue = abandonment.CartValueLost,
            AbandonedCartsWithValue = withValue,
            Leaks = leaks,
            PaymentFailedSessions = failed,
            PaymentTouched = payment,
            PaymentTouchedValue = paymentValue,
            CouponTouched = coupon,
            CouponTouchedValue = couponValue,
            CheckoutSessions = checkouts,
            MobileCheckout = new Proportion(mobileBought, mobileCheckouts),
            DesktopCheckout = new Proportion(desktopBought, desktopCheckouts),
            MobileCheckoutLostValue = mobileLostValue,
            MedianPageLoadMs = median,
            FastPageConversion = fast,
            SlowPageConversion = slow,
            MedianExtraCostShare = extraCostShare.Median,
            OrdersWithTotal = extraCostShare.Count,
        };
    }

    // Sessions at or below the median page load against those above it.
    private static (double? Median, Proportion Fast, Proportion Slow) SplitByLoad(List<(float Load, bool Bought)> loads)
    {
        var sorted = new double[loads.Count];
        for (var i = 0; i < sorted.Length; i++)
        {
            sorted[i] = loads[i].Load;
        }

        Array.Sort(sorted);
        var median = Quantile.Median(sorted);
        long fast = 0, fastBought = 0, slow = 0, slowBought = 0;
        foreach (var (load, bought) in loads)
        {
            if (load <= median)
            {
                fast++;
                fastBought += bought ? 1 : 0;
            }
            else
            {
                slow++;
                slowBought += bought ? 1 : 0;
            }
        }

        return (median, new Proportion(fastBought, fast), new Proportion(slowBought, slow));
    }
}
