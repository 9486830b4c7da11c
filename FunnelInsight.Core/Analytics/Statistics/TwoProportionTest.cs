namespace FunnelInsight.Core.Analytics.Statistics;

/// <summary>The pooled two-proportion z-test, two-sided.</summary>
public static class TwoProportionTest
{
    /// <summary>The significance level below which a difference is called a difference.</summary>
    public const double Alpha = 0.05;

    /// <summary>The z statistic of <paramref name="first"/> − <paramref name="second"/>; 0 when it is undefined.</summary>
    public static double Z(Proportion first, Proportion second)
    {
        if (!first.HasData || !second.HasData)
        {
            return 0;
        }

        var pooled = (double)(first.Count + second.Count) / (first.Total + second.Total);
        var error = Math.Sqrt(pooled * (1 - pooled) * (1.0 / first.Total + 1.0 / second.Total));
        return error == 0 ? 0 : (first.Value - second.Value) / error;
    }

    /// <summary>The two-sided p-value; 1 when either side has no data or both are all-or-nothing alike.</summary>
    public static double PValue(Proportion first, Proportion second) => TwoSidedP(Z(first, second));

    /// <summary>The smallest p-value written as a number; below it a p-value is written "p &lt; 0.001".</summary>
    public const double SmallestShown = 0.001;

    /// <summary>A p-value as the English texts write it: <c>p = 0.0123</c>, or <c>p &lt; 0.001</c> (never <c>p = 0.0000</c>).</summary>
    public static string Describe(double p) => p < SmallestShown
        ? "p < 0.001"
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"p = {p:0.000}");

    /// <summary>The two-sided p-value of a standard normal statistic: erfc(|z| / √2).</summary>
    public static double TwoSidedP(double z) => Math.Clamp(Erfc(Math.Abs(z) / Math.Sqrt(2)), 0, 1);

    // Numerical Recipes' erfcc (Chebyshev fit, fractional error below 1.2e-7): ample for a 0.05 threshold.
    private static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + 0.5 * z);
        var r = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
            + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
