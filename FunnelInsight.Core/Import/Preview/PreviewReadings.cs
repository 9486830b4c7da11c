using System.Text;
using FunnelInsight.Core.Import.Events;
using FunnelInsight.Core.Import.Reading;

namespace FunnelInsight.Core.Import.Preview;

/// <summary>Reads a previewed row through the importer's <see cref="EventRowParser"/>, so the preview shows what the import will store.</summary>
internal static class PreviewReadings
{
    private const int MaxText = 200;

    public static PreviewReading Read(ExportReader reader, EventRowParser parser)
    {
        if (reader.Broken is { } broken)
        {
            return PreviewReading.Rejected(broken.Line, broken.Reason);
        }

        var batch = new EventBatch(1, 0);
        if (!parser.TryParse(reader, batch, out var error))
        {
            return PreviewReading.Rejected(reader.LineNumber, error!.Reason);
        }

        var row = batch[0];
        return new PreviewReading(
            row.Line,
            DateTime.UnixEpoch.AddTicks(row.TimeUs * TimeSpan.TicksPerMicrosecond),
            Text(batch, row.EventName),
            Text(batch, row.SessionKey),
            Text(batch, row.ProductId),
            row.Price,
            row.Quantity,
            Text(batch, row.Country),
            null);
    }

    private static string? Text(EventBatch batch, TextRange range) =>
        range.IsNull ? null : ExportText.Cut(Encoding.UTF8.GetString(batch.Text(range)), MaxText);
}
