using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using System.Threading.Channels;

namespace FunnelInsight.Web.Services.Importing;

/// <summary>
/// An upload's import as server-sent events, for a client that asks for <see cref="ContentType"/> (the command line):
/// <c>progress</c> events (an <see cref="ImportProgress"/>, at each phase and each percent read) while it runs, then one
/// <c>result</c> event, the <see cref="ImportResultDocument"/>. The client closing the stream cancels the import, which
/// then ends as an import cancelled on the page does: nothing stored, its record Cancelled.
/// </summary>
internal static class ImportEventStream
{
    /// <summary>The media type a client asks for in <c>Accept</c>.</summary>
    public const string ContentType = "text/event-stream";

    /// <summary>The event type of a progress event.</summary>
    public const string Progress = "progress";

    /// <summary>The event type of the result event.</summary>
    public const string Result = "result";

    /// <summary>How progress events are written and read: the API's camelCase, phases by name.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    /// <summary>True when the request asks for the import as events.</summary>
    public static bool Wanted(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(accept => accept.MediaType.Equals(ContentType, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Runs the import (<paramref name="import"/>: given the progress to report and the token that cancels it), yielding
    /// its events; <paramref name="ended"/> runs once the import has ended, however the stream ends.
    /// </summary>
    public static async IAsyncEnumerable<SseItem<string>> RunAsync(Func<IProgress<ImportProgress>, CancellationToken, Task<ImportResult>> import, Action ended,
        IHostApplicationLifetime lifetime, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var events = Channel.CreateUnbounded<SseItem<string>>(new UnboundedChannelOptions { SingleReader = true });
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        var progress = new ProgressEvents(events.Writer);
        var running = Task.Run(
            async () =>
            {
                try
                {
                    var result = await import(progress, cancel.Token);
                    events.Writer.TryWrite(new SseItem<string>(JsonSerializer.Serialize(ImportResultDocument.Of(result), ImportResultDocument.Json), Result));
                }
                finally
                {
                    events.Writer.TryComplete();
                }
            },
            CancellationToken.None);
        try
        {
            await foreach (var item in events.Reader.ReadAllAsync(cancellationToken))
            {
                yield return item;
            }
        }
        finally
        {
            // The client went away (or the dashboard is stopping): the import is cancelled and has ended before its file goes.
            await cancel.CancelAsync();
            await running.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            ended();
        }
    }

    // Reported on the import's thread: one event per phase and per percent read, so a large file sends about a hundred.
    private sealed class ProgressEvents(ChannelWriter<SseItem<string>> writer) : IProgress<ImportProgress>
    {
        private (ImportPhase Phase, int Percent) _last = (ImportPhase.Done, -1);

        public void Report(ImportProgress value)
        {
            var now = (value.Phase, (int)(value.Fraction * 100));
            if (now != _last)
            {
                _last = now;
                writer.TryWrite(new SseItem<string>(JsonSerializer.Serialize(value, Json), Progress));
            }
        }
    }
}
