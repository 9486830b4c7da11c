using FunnelInsight.Core.Storage;

namespace FunnelInsight.Web.Instance;

/// <summary>
/// What a running dashboard tells the command line about itself, in a file beside the database
/// (<c>shop.db</c> → <c>shop.dashboard.json</c>): where it answers, its process, and the operator token that lets the
/// same OS user act through its API. The file is readable by its owner only; the dashboard removes it on a clean stop.
/// </summary>
/// <param name="Url">The dashboard's address on this machine, for example <c>http://127.0.0.1:5080/</c>.</param>
/// <param name="ProcessId">The dashboard's process, to tell a file left by a killed dashboard from a live one.</param>
/// <param name="OperatorToken">This instance's operator token (see <see cref="OperatorCredential"/>).</param>
/// <param name="StartedUtc">When the dashboard started answering.</param>
public sealed record DashboardInstance(Uri Url, int ProcessId, string OperatorToken, DateTime StartedUtc)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The instance file of <paramref name="database"/>: beside it, named after it.</summary>
    public static string PathOf(FunnelDatabase database)
    {
        // Named as the events file is (shop.db → shop.events.duckdb), so the two are found side by side.
        const string events = ".events.duckdb";
        var path = database.EventsPath;
        return (path.EndsWith(events, StringComparison.Ordinal) ? path[..^events.Length] : path) + ".dashboard.json";
    }

    /// <summary>The instance the file at <paramref name="path"/> describes; null when there is none or it cannot be read.</summary>
    public static DashboardInstance? Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<DashboardInstance>(File.ReadAllText(path), Json) is { Url.IsAbsoluteUri: true, OperatorToken.Length: > 0 } instance
                ? instance
                : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            // Missing, half-written by a dashboard killed at that moment, or someone else's: there is no instance to use.
            return null;
        }
    }

    /// <summary>
    /// Writes the file at <paramref name="path"/>, readable and writable by its owner only (0600): the operator token in
    /// it is worth what opening the database files is worth. Written beside and moved in place, so a reader never sees half.
    /// </summary>
    public void Write(string path)
    {
        var draft = path + ".new";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        File.Delete(draft);
        using (var file = new FileStream(draft, options))
        {
            JsonSerializer.Serialize(file, this, Json);
        }

        File.Move(draft, path, overwrite: true);
    }

    /// <summary>Removes the file at <paramref name="path"/> if it is still this instance's (another dashboard may have written its own since).</summary>
    public void RemoveIfOurs(string path)
    {
        if (Read(path) is { } written && written.OperatorToken == OperatorToken)
        {
            File.Delete(path);
        }
    }
}
