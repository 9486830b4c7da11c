namespace FunnelInsight.Core.Import.Reading;

/// <summary>The order of day, month and year in a file's numeric dates (<c>05/03/2025</c>), decided once per file.</summary>
public enum DateOrder
{
    /// <summary>Month first: <c>03/05/2025</c> is 5 March (the United States).</summary>
    Mdy,

    /// <summary>Day first: <c>05/03/2025</c> is 5 March (most of the world, the Arab world included).</summary>
    Dmy,

    /// <summary>Year first: <c>2025/03/05</c>.</summary>
    Ymd,
}
