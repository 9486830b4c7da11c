namespace FunnelInsight.Web.Services;

/// <summary>
/// The language of a circuit, taken while a component runs in it, for callbacks that arrive from elsewhere: an
/// event raised on a background thread (an import ending on the worker) carries that thread's invariant culture
/// into <c>InvokeAsync</c>, and the page would re-render in English with invariant dates and numbers.
/// </summary>
public sealed class CircuitCulture
{
    private readonly CultureInfo _culture;
    private readonly CultureInfo _uiCulture;

    private CircuitCulture(CultureInfo culture, CultureInfo uiCulture) => (_culture, _uiCulture) = (culture, uiCulture);

    /// <summary>The culture of the code running now (call it from the component, in its circuit).</summary>
    public static CircuitCulture Capture() => new(CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);

    /// <summary>Runs <paramref name="work"/> in the captured culture (the change ends with the async call that made it).</summary>
    public async Task RunAsync(Func<Task> work)
    {
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (_culture, _uiCulture);
        await work();
    }
}
