using System.Net.Http.Headers;

namespace FunnelInsight.Tests.Web.Endpoints;

/// <summary>Files the command line imports or refuses get the same verdict through the HTTP upload API.</summary>
public sealed class UploadVerdictTests(UploadApp app) : IClassFixture<UploadApp>
{
    private async Task<(HttpStatusCode Status, JsonElement Body)> UploadAsync(byte[] content, string fileName, string query = "")
    {
        using var client = app.OwnerClient();
        using var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var response = await client.PostAsync(new Uri($"api/stores/{app.StoreId}/imports/events?fileName={Uri.EscapeDataString(fileName)}{query}", UriKind.Relative), body);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Fact]
    public async Task A_utf16_export_with_a_byte_order_mark_is_imported_not_refused_as_binary()
    {
        var text = "event_time,event_type,session_id,country\n2024-05-01T09:00:00Z,session_start,u16,مصر\n2024-05-01T09:01:00Z,view_item,u16,مصر\n";

        var (status, body) = await UploadAsync([.. Encoding.Unicode.Preamble, .. Encoding.Unicode.GetBytes(text)], "utf16.csv");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("utf-16", 2), (body.GetProperty("encoding").GetString(), body.GetProperty("rowsStored").GetInt32()));
    }

    [Fact]
    public async Task Binary_garbage_is_refused_with_the_words_the_command_line_uses()
    {
        var (status, body) = await UploadAsync([.. "event_time,"u8, 0x00, 0x01, 0x07, .. new byte[64]], "garbage.csv");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        Assert.Equal("\"garbage.csv\" contains binary data, not text: it is not a CSV export.", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_unterminated_quote_rejects_one_row_of_an_upload_and_the_rest_is_stored()
    {
        var text = "event_time,event_type,session_id\n2024-05-02T09:00:00Z,session_start,q1\n\"2024-05-02T09:00:01Z,view_item,q1\n2024-05-02T09:00:02Z,add_to_cart,q1\n2024-05-02T09:00:03Z,view_item,q2\n";

        var (status, body) = await UploadAsync(Encoding.UTF8.GetBytes(text), "quote.csv");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((4, 3, 1), (body.GetProperty("rowsRead").GetInt32(), body.GetProperty("rowsStored").GetInt32(), body.GetProperty("rowsRejected").GetInt32()));
    }

    [Fact]
    public async Task An_unreadable_price_in_an_upload_keeps_the_event_and_is_counted_as_a_warning()
    {
        var text = "event_time,event_type,session_id,price\n2024-05-04T09:00:00Z,view_item,fw1,SAR ??\n2024-05-04T09:01:00Z,view_item,fw1,12.50\n";

        var (status, body) = await UploadAsync(Encoding.UTF8.GetBytes(text), "warned.csv");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((2, 0, 1), (body.GetProperty("rowsStored").GetInt32(), body.GetProperty("rowsRejected").GetInt32(), body.GetProperty("warnings").GetInt32()));
        var warning = body.GetProperty("fieldWarnings")[0];
        Assert.Equal((2, "price"), (warning.GetProperty("line").GetInt32(), warning.GetProperty("column").GetString()));
    }

    [Fact]
    public async Task Bytes_that_are_not_utf8_in_an_upload_read_as_utf8_reject_their_row_naming_the_bytes()
    {
        byte[] content = [.. Encoding.UTF8.GetBytes("event_time,event_type,session_id,country\n2024-05-05T09:00:00Z,session_start,nu1,مصر\n"), .. "2024-05-05T09:01:00Z,view_item,nu1,caf"u8, 0xE9, .. "\n"u8];

        var (status, body) = await UploadAsync(content, "stray.csv");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("utf-8", 1, 1), (body.GetProperty("encoding").GetString(), body.GetProperty("rowsStored").GetInt32(), body.GetProperty("rowsRejected").GetInt32()));
        Assert.StartsWith("Bytes 0xE9 in country are not UTF-8", body.GetProperty("errors")[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_encoding_parameter_reads_an_upload_in_the_code_page_it_names()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = "event_time,event_type,session_id,country\n2024-05-03T09:00:00Z,session_start,w1,مصر\n";

        var (status, body) = await UploadAsync(Encoding.GetEncoding(1256).GetBytes(text), "arabic.csv", "&encoding=windows-1256");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("windows-1256", 1), (body.GetProperty("encoding").GetString(), body.GetProperty("rowsStored").GetInt32()));
    }
}
