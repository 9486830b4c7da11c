using FunnelInsight.Core.Analytics.Drilldown;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FunnelInsight.Web.Endpoints;

/// <summary>
/// One session's events for automation: <c>GET /api/stores/{id}/sessions/events?key=KEY</c>, what the Session page
/// shows, as JSON. Analysts and owners, as for the reports; a non-member (or an unknown store) gets 404.
/// </summary>
public static class SessionEndpoints
{
    /// <summary>The session's events in order with the stages they reached, times in the store's time zone.</summary>
    internal static async Task<Results<Ok<SessionEventsDocument>, ProblemHttpResult, ValidationProblem>> EventsAsync(int storeId, HttpContext http,
        IStoreAccess access, IFunnelAnalytics analytics, CancellationToken cancellationToken)
    {
        if (await StoreGate.CheckAsync(http.User, storeId, StoreRole.Analyst, access, cancellationToken) is { } refused)
        {
            return refused;
        }

        // The one key is the session's; any other key is a 400 naming it, never ignored.
        var problems = http.Request.Query.Where(p => p.Key != "key").ToDictionary(p => p.Key, p => new[] { $"'{p.Key}' is not a key of this route; it takes key (the session's key)." });
        if (http.Request.Query["key"] is not { Count: 1 } keys || string.IsNullOrEmpty(keys[0]))
        {
            problems["key"] = ["Name the session: key=SESSION_KEY, once."];
        }

        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems, detail: string.Join(" ", problems.Values.SelectMany(v => v)), title: "The request is not valid.");
        }

        var key = http.Request.Query["key"][0]!;
        return await analytics.SessionTimelineAsync(storeId, key, cancellationToken) is { } timeline
            ? TypedResults.Ok(SessionEventsDocument.Of(timeline))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"The store has no session with the key '{key}'.");
    }
}

/// <summary>A session's events as the API writes them (stages by name, gaps in seconds).</summary>
/// <param name="SessionKey">The session's key.</param>
/// <param name="VisitorKey">Its visitor.</param>
/// <param name="TimeZone">The store's time zone, in which the times are written.</param>
/// <param name="Started">Its first event.</param>
/// <param name="Ended">Its last event.</param>
/// <param name="Device">Its device.</param>
/// <param name="Channel">Its channel.</param>
/// <param name="Country">Its country.</param>
/// <param name="Reached">The deepest stage of the ordered funnel it reached.</param>
/// <param name="Events">Its events in order.</param>
public sealed record SessionEventsDocument(
    string SessionKey, string VisitorKey, string TimeZone, DateTimeOffset Started, DateTimeOffset Ended, string? Device, string? Channel, string? Country,
    string Reached, IReadOnlyList<SessionEventDocument> Events)
{
    /// <summary>The document of <paramref name="timeline"/>.</summary>
    public static SessionEventsDocument Of(SessionTimeline timeline) => new(timeline.SessionKey, timeline.VisitorKey, timeline.TimeZone, timeline.Started,
        timeline.Ended, timeline.Device, timeline.Channel, timeline.Country, Name(timeline.Reached),
        [.. timeline.Events.Select(e => new SessionEventDocument(e.Time, e.Gap?.TotalSeconds, e.Name, e.Stage is { } stage ? Name(stage) : null,
            [.. e.Reaches.Select(Name)], e.Product, e.Price, e.Quantity, e.Order, e.PageLoadMs, e.Line))]);

    private static string Name(Core.Domain.FunnelStage stage) => stage.ToString().ToLowerInvariant();
}

/// <summary>One event of a <see cref="SessionEventsDocument"/>.</summary>
/// <param name="Time">When, in the store's time zone.</param>
/// <param name="GapSeconds">Seconds since the previous event; null for the first.</param>
/// <param name="Name">Event name.</param>
/// <param name="Stage">The stage its name maps to; null for other events.</param>
/// <param name="Reaches">The stages the ordered funnel reached at it.</param>
/// <param name="Product">Product id.</param>
/// <param name="Price">Price.</param>
/// <param name="Quantity">Quantity.</param>
/// <param name="Order">Order id.</param>
/// <param name="PageLoadMs">Page-load milliseconds.</param>
/// <param name="Line">Its line in its import's file.</param>
public sealed record SessionEventDocument(
    DateTimeOffset Time, double? GapSeconds, string Name, string? Stage, IReadOnlyList<string> Reaches, string? Product, double? Price, int? Quantity,
    string? Order, int? PageLoadMs, long Line);
