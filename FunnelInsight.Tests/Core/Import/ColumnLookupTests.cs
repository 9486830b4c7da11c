using FunnelInsight.Core.Import.Events;
using FunnelInsight.Core.Import.Orders;

namespace FunnelInsight.Tests.Core.Import;

/// <summary>How the event and the order column maps find each field in a header and apply the columns a user names.</summary>
public sealed class ColumnLookupTests
{
    [Fact]
    public void A_named_column_replaces_the_formats_and_the_mapping_lists_each_field_found_in_field_order()
    {
        string[] header = ["session_id", "ts", "event_type", "event_time"];

        var map = EventColumnMap.Resolve(EventFormats.Canonical, header, new Dictionary<EventField, string> { [EventField.Time] = "TS" });

        Assert.Equal((1, 2, 0, -1), (map[EventField.Time], map[EventField.EventName], map[EventField.SessionId], map[EventField.VisitorId]));
        Assert.Equal("event_time=ts,event_type=event_type,session_id=session_id", map.ToText());
    }

    [Fact]
    public void A_mapping_that_names_a_column_the_file_lacks_is_refused_naming_the_column_the_field_and_the_files_columns()
    {
        var events = Assert.Throws<ImportFileException>(() => EventColumnMap.Resolve(
            EventFormats.Canonical, ["event_time", "event_type", "session_id"], new Dictionary<EventField, string> { [EventField.Channel] = "medium" }));
        var orders = Assert.Throws<ImportFileException>(() => OrderColumnMap.Resolve(
            OrderFormats.Canonical, ["order_id", "created_at", "total"], new Dictionary<OrderField, string> { [OrderField.Total] = "amount" }));

        Assert.Equal("The mapping names column 'medium' for channel, but the file has no such column. Columns: event_time, event_type, session_id.", events.Message);
        Assert.Equal("The mapping names column 'amount' for total, but the file has no such column. Columns: order_id, created_at, total.", orders.Message);
    }
}
