using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using FunnelInsight.Web.Endpoints;
using FunnelInsight.Web.Instance;
using FunnelInsight.Web.Services.Importing;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;

namespace FunnelInsight.Web.Cli.Dashboard;

/// <summary>
/// The running dashboard's HTTP API, as the command line uses it: every request carries the instance's operator token
/// (<see cref="OperatorCredential.Header"/>) and, when one is given, the personal API token as any API client sends it.
/// An answer that is not a success becomes a <see cref="DashboardProblemException"/>.
/// </summary>
internal sealed class DashboardClient : IDisposable
{
    private readonly HttpClient _http;

    /// <summary>A client of <paramref name="dashboard"/> acting for <paramref name="personalToken"/> (null: the operator alone).</summary>
    public DashboardClient(DashboardInstance dashboard, string? personalToken)
    {
        // No timeout: an import of a large file runs as long as it runs; Ctrl-C is what stops it.
        _http = new HttpClient { BaseAddress = dashboard.Url, Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.Add(OperatorCredential.Header, dashboard.OperatorToken);
        if (personalToken is not null)
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", personalToken);
        }
    }

    /// <summary>The stores the caller may use (<c>GET /api/stores</c>).</summary>
    public async Task<IReadOnlyList<StoreListing>> StoresAsync(CancellationToken cancellationToken) =>
        await ReadAsync<List<StoreListing>>(await _http.GetAsync(new Uri("api/stores", UriKind.Relative), cancellationToken), cancellationToken);

    /// <summary>Creates the store <paramref name="name"/> (<c>POST /api/stores</c>).</summary>
    public async Task<StoreListing> CreateStoreAsync(string name, CancellationToken cancellationToken) =>
        await ReadAsync<StoreListing>(await _http.PostAsJsonAsync(new Uri("api/stores", UriKind.Relative), new NewStore(name), cancellationToken), cancellationToken);

    /// <summary>The store's imports, newest first (<c>GET /api/stores/{id}/imports</c>).</summary>
    public async Task<IReadOnlyList<ImportHistoryDocument>> ImportsAsync(int storeId, CancellationToken cancellationToken) =>
        await ReadAsync<List<ImportHistoryDocument>>(await _http.GetAsync(StorePath(storeId, "/imports"), cancellationToken), cancellationToken);

    /// <summary>The store's settings (<c>GET /api/stores/{id}/settings</c>).</summary>
    public async Task<StoreSettingsDocument> SettingsAsync(int storeId, CancellationToken cancellationToken) =>
        await ReadAsync<StoreSettingsDocument>(await _http.GetAsync(StorePath(storeId, "/settings"), cancellationToken), cancellationToken);

    /// <summary>Replaces the store's settings (<c>PUT /api/stores/{id}/settings</c>); a rejected value is a 400 problem naming its field.</summary>
    public async Task<StoreSettingsDocument> SaveSettingsAsync(int storeId, StoreSettingsDocument settings, CancellationToken cancellationToken) =>
        await ReadAsync<StoreSettingsDocument>(await _http.PutAsJsonAsync(StorePath(storeId, "/settings"), settings, ImportResultDocument.Json, cancellationToken), cancellationToken);

    /// <summary>The bytes at <paramref name="path"/> under the store's API (a report, an error file).</summary>
    public async Task<byte[]> BytesAsync(int storeId, string path, IEnumerable<KeyValuePair<string, string?>> query, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(StorePath(storeId, path + new QueryBuilder(query.Select(p => KeyValuePair.Create(p.Key, p.Value ?? ""))).ToQueryString()), cancellationToken);
        await ThrowIfProblemAsync(response, cancellationToken);
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    /// <summary><c>DELETE</c> of <paramref name="path"/> under the store's API; the answer's JSON, if any.</summary>
    public async Task<JsonElement?> DeleteAsync(int storeId, string path, CancellationToken cancellationToken)
    {
        using var response = await _http.DeleteAsync(StorePath(storeId, path), cancellationToken);
        await ThrowIfProblemAsync(response, cancellationToken);
        return response.Content.Headers.ContentLength is 0 or null && response.StatusCode == System.Net.HttpStatusCode.NoContent
            ? null
            : await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
    }

    /// <summary>
    /// Uploads <paramref name="path"/> to the import API and follows its import as server-sent events, reporting each
    /// progress event; the import's result, or null when the stream ended without one. Cancelling closes the stream,
    /// which cancels the import in the dashboard.
    /// </summary>
    public async Task<ImportResultDocument?> ImportAsync(int storeId, ImportKind kind, string path, IEnumerable<KeyValuePair<string, string?>> query,
        IProgress<ImportProgress> progress, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        var keys = new QueryBuilder(query.Where(p => p.Value is not null).Select(p => KeyValuePair.Create(p.Key, p.Value!)));
        using var request = new HttpRequestMessage(HttpMethod.Post, StorePath(storeId, "/imports/" + kind.ToString().ToLowerInvariant() + keys.ToQueryString()))
        {
            Content = new StreamContent(file, 1 << 16),
        };
        request.Content.Headers.ContentLength = file.Length;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(ImportEventStream.ContentType));
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await ThrowIfProblemAsync(response, cancellationToken);
        await using var events = await response.Content.ReadAsStreamAsync(cancellationToken);
        await foreach (var item in SseParser.Create(events).EnumerateAsync(cancellationToken))
        {
            if (item.EventType == ImportEventStream.Progress)
            {
                progress.Report(JsonSerializer.Deserialize<ImportProgress>(item.Data, ImportEventStream.Json));
            }
            else if (item.EventType == ImportEventStream.Result)
            {
                return JsonSerializer.Deserialize<ImportResultDocument>(item.Data, ImportResultDocument.Json);
            }
        }

        return null;
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private static Uri StorePath(int storeId, string rest) =>
        new("api/stores/" + storeId.ToString(CultureInfo.InvariantCulture) + rest, UriKind.Relative);

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using (response)
        {
            await ThrowIfProblemAsync(response, cancellationToken);
            return await response.Content.ReadFromJsonAsync<T>(ImportResultDocument.Json, cancellationToken)
                ?? throw new DashboardProblemException((int)response.StatusCode, "The dashboard answered nothing.", new Dictionary<string, string[]>());
        }
    }

    private static async Task ThrowIfProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        HttpValidationProblemDetails? problem = null;
        try
        {
            problem = await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>(cancellationToken);
        }
        catch (JsonException)
        {
            // Not a problem document (a proxy's page): the status says enough.
        }

        var status = (int)response.StatusCode;
        throw new DashboardProblemException(status, problem?.Detail ?? problem?.Title ?? $"The dashboard answered {status} {response.ReasonPhrase}.",
            problem?.Errors.AsReadOnly() ?? new Dictionary<string, string[]>().AsReadOnly());
    }
}
