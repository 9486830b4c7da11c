namespace FunnelInsight.Core.Reports;

/// <summary>What a report cell holds, which decides how a spreadsheet shows it; CSV writes every kind as invariant text.</summary>
public enum CellKind
{
    /// <summary>Text (neutralised against formula injection).</summary>
    Text,

    /// <summary>A whole number of units: sessions, customers, items, a rank.</summary>
    Count,

    /// <summary>A rate held as a fraction (0.6957), shown as a percentage.</summary>
    Percent,

    /// <summary>An amount in the store's currency, shown with as many decimals as its minor unit (two for USD, none for JPY, three for KWD).</summary>
    Money,

    /// <summary>Any other number (seconds, a ratio): shown as it is.</summary>
    Number,

    /// <summary>True or false.</summary>
    Boolean,

    /// <summary>A day (<see cref="DateOnly"/>), <c>yyyy-MM-dd</c>.</summary>
    Date,

    /// <summary>A calendar month (<see cref="DateOnly"/> of its first day), <c>yyyy-MM</c>.</summary>
    Month,

    /// <summary>An instant (<see cref="DateTime"/> in UTC), <c>yyyy-MM-dd HH:mm:ss</c>.</summary>
    Time,
}
