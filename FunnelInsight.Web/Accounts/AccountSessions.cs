namespace FunnelInsight.Web.Accounts;

/// <summary>
/// How often a signed-in session (its cookie, and an open dashboard circuit) checks that its account still exists and
/// has the security stamp it signed in with. Signing out, a password change and a removed account change or remove
/// the stamp, so every session of that account ends at its next check, copies of the cookie included.
/// </summary>
public static class AccountSessions
{
    /// <summary>The setting that changes the interval (a time span, such as <c>00:01:00</c>; <c>00:00:00</c> checks every request).</summary>
    public const string IntervalSetting = "Accounts:SessionCheckInterval";

    /// <summary>The default interval.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(1);

    // An open circuit re-checks on a timer, which must not spin.
    private static readonly TimeSpan ShortestCircuitInterval = TimeSpan.FromSeconds(5);

    /// <summary>The configured interval of the cookie's check.</summary>
    public static TimeSpan Interval(IConfiguration configuration) => configuration.GetValue(IntervalSetting, DefaultInterval);

    /// <summary>The configured interval of an open circuit's check (at least five seconds).</summary>
    public static TimeSpan CircuitInterval(IConfiguration configuration) =>
        Interval(configuration) is var interval && interval > ShortestCircuitInterval ? interval : ShortestCircuitInterval;
}
