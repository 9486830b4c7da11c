namespace FunnelInsight.Core.Import.Reasons;

/// <summary>
/// The English sentence of an <see cref="ImportReasonCode"/>, a composite format whose <c>{0}</c>, <c>{1}</c>… are the
/// reason's arguments. It is the one definition of that reason's words: the error file, the command line and the API
/// write it, and the dashboard's English shows it; other languages translate it in the dashboard's resources.
/// </summary>
/// <param name="text">The sentence, with one placeholder per argument.</param>
[AttributeUsage(AttributeTargets.Field)]
public sealed class EnglishAttribute(string text) : Attribute
{
    /// <summary>The sentence, with one placeholder per argument.</summary>
    public string Text { get; } = text;
}
