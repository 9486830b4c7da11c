namespace FunnelInsight.Core.Import.Reading;

/// <summary>The decimal mark of a file's numbers, decided once per file.</summary>
public enum DecimalMark
{
    /// <summary><c>1,234.50</c>: a point before the decimals, commas between thousands.</summary>
    Point,

    /// <summary><c>1.234,50</c>: a comma before the decimals (European exports, usually <c>;</c> separated).</summary>
    Comma,
}
