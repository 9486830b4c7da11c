using System.Net.Http.Headers;

namespace FunnelInsight.Tests.Web.Endpoints;

/// <summary>The upload API's <c>encoding</c>, <c>dateOrder</c> and <c>decimal</c> keys, as <c>import</c> takes them on the command line.</summary>
public sealed class UploadChoicesTests(UploadApp app) : IClassFixture<UploadApp>
{
    // Neither date has a part above 12: the file cannot tell 1 February from 2 January.
    private const string Ambiguous = "event_time,event_type,session_id\n01/02/2025 10:00,session_start,d1\n05/03/2025 11:30,session_start,d2\n";

    private async Task<HttpResponseMessage> SendAsync(byte[] content, string query)
    {
        using var client = app.OwnerClient();
        using var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return await client.PostAsync(new Uri($"api/stores/{app.StoreId}/imports/events?fileName=choices.csv{query}", UriKind.Relative), body);
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> UploadAsync(byte[] content, string query)
    {
        using var response = await SendAsync(content, query);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private async Task<IReadOnlyList<EventRecord>> StoredAsync(JsonElement body)
    {
        var importId = body.GetProperty("importId").GetInt32();
        return [.. (await EventRecord.StoredAsync(app.Database)).Where(e => e.ImportId == importId).OrderBy(e => e.Line).Select(e => e.Event)];
    }

    private static DateTime Utc(long timeUs) => DateTime.UnixEpoch.AddTicks(timeUs * 10);

    [Fact]
    public async Task An_ambiguous_file_uploaded_with_dateOrder_dmy_stores_day_first_dates_and_says_the_order_was_chosen()
    {
        var (status, body) = await UploadAsync(Encoding.UTF8.GetBytes(Ambiguous), "&dateOrder=dmy");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("dmy", "chosen"), (body.GetProperty("dateOrder").GetString(), body.GetProperty("dateOrderSource").GetString()));
        var times = (await StoredAsync(body)).Select(e => Utc(e.TimeUs)).ToArray();
        Assert.Equal([new DateTime(2025, 2, 1, 10, 0, 0), new DateTime(2025, 3, 5, 11, 30, 0)], times);
    }

    [Fact]
    public async Task The_same_file_without_a_date_order_is_read_month_first_and_the_result_says_that_was_assumed()
    {
        var (status, body) = await UploadAsync(Encoding.UTF8.GetBytes(Ambiguous.Replace(",d", ",m", StringComparison.Ordinal)), "");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("mdy", "assumed"), (body.GetProperty("dateOrder").GetString(), body.GetProperty("dateOrderSource").GetString()));
        Assert.Equal(new DateTime(2025, 1, 2, 10, 0, 0), Utc((await StoredAsync(body))[0].TimeUs));
    }

    [Fact]
    public async Task Decimal_comma_reads_12_50_as_twelve_and_a_half_and_1_250_as_one_and_a_quarter()
    {
        // "1,250" alone would be read as 1250 in a comma separated file: only the choice makes it 1.25.
        var text = "event_time,event_type,session_id,price\n2025-04-01T09:00:00Z,add_to_cart,c1,\"1,250\"\n2025-04-01T09:01:00Z,add_to_cart,c1,\"12,50\"\n";

        var (status, body) = await UploadAsync(Encoding.UTF8.GetBytes(text), "&decimal=comma");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("comma", "chosen"), (body.GetProperty("decimalMark").GetString(), body.GetProperty("decimalMarkSource").GetString()));
        Assert.Equal([1.25, 12.5], (await StoredAsync(body)).Select(e => e.Price));
    }

    [Fact]
    public async Task Encoding_windows_1256_stores_the_arabic_text_and_says_the_encoding_was_chosen()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = "event_time,event_type,session_id,country,channel\n2025-04-02T09:00:00Z,session_start,w1,مصر,بحث\n";

        var (status, body) = await UploadAsync(Encoding.GetEncoding(1256).GetBytes(text), "&encoding=windows-1256");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("windows-1256", "chosen"), (body.GetProperty("encoding").GetString(), body.GetProperty("encodingSource").GetString()));
        var stored = Assert.Single(await StoredAsync(body));
        Assert.Equal(("مصر", "بحث"), (stored.Country, stored.Channel));
    }

    [Theory]
    [InlineData("&dateOrder=xyz", "dateOrder")]
    [InlineData("&decimal=dot", "decimal")]
    [InlineData("&encoding=klingon-8", "encoding")]
    public async Task A_value_that_is_not_understood_is_a_400_problem_naming_its_key_and_nothing_is_imported(string query, string key)
    {
        var before = await ImportCountAsync();

        using var response = await SendAsync(Encoding.UTF8.GetBytes(Ambiguous), query);

        var problem = await Problems.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(key, out _), problem.GetRawText());
        Assert.StartsWith(key + ":", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await ImportCountAsync());
    }

    private async Task<long> ImportCountAsync() =>
        (await TempDatabase.QueryAsync(app.Database, "SELECT COUNT(*) FROM Imports", r => r.GetInt64(0)))[0];
}
