namespace FunnelInsight.Tests.Support;

/// <summary>Checks an HTTP answer is an RFC 9457 problem.</summary>
public static class Problems
{
    /// <summary>The answer is <paramref name="status"/> with an <c>application/problem+json</c> body carrying the same status; its body.</summary>
    public static async Task<JsonElement> AssertAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode} {response.Headers.Location}: {text}");
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{response.Content.Headers.ContentType}: {text}");
        using var body = JsonDocument.Parse(text);
        Assert.Equal((int)status, body.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("title").GetString()));
        return body.RootElement.Clone();
    }
}
