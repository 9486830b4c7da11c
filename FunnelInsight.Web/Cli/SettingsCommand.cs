using FunnelInsight.Web.Cli.Dashboard;
using FunnelInsight.Web.Services.Importing;

namespace FunnelInsight.Web.Cli;

/// <summary>
/// <c>settings --store NAME [--time-zone Z] [--currency C] [--session-timeout MIN] [--window HOURS] [--stage-map FILE] [--token T]</c>:
/// prints the store's settings as JSON (for an Analyst or Owner) and, with options, first changes them as the Settings page
/// does, for an Owner: the same checks, and the same rebuild of session rollups when the stage map or the timeout changes.
/// With a dashboard running, through its API, with the same JSON and exit codes.
/// </summary>
internal static class SettingsCommand
{
    private static readonly string[] Changes = ["time-zone", "currency", "session-timeout", "window", "stage-map"];

    public static async Task<int> RunAsync(CommandArguments args, CommandAccess access, StoreSettingsService service, TextWriter output, CancellationToken cancellationToken)
    {
        var storeName = args.Required("store");
        var changing = Changes.Any(args.Has);
        var store = await access.StoreAsync(storeName, changing ? StoreRole.Owner : StoreRole.Analyst, Doing(changing), createIfMissing: false, cancellationToken);
        var settings = await service.GetAsync(store.Id, cancellationToken) ?? throw new CommandLineException($"settings: store '{storeName}' is gone.", 1);
        StoreSettingsSaveResult? saved = null;
        if (changing)
        {
            saved = await service.SaveAsync(store.Id, Changed(args, settings), cancellationToken);
            if (!saved.Saved)
            {
                throw Rejected(saved.Errors.Select(e => (e.Field, e.Detail)));
            }

            settings = await service.GetAsync(store.Id, cancellationToken) ?? settings;
        }

        return await PrintAsync(StoreSettingsDocument.Of(store.Name, settings, await service.OfferedTimeZonesAsync(store.Id, cancellationToken), saved), output);
    }

    /// <summary>The same through the running dashboard's API (<c>GET</c> and <c>PUT /api/stores/{id}/settings</c>), which rebuilds the sessions itself.</summary>
    public static async Task<int> RunThroughAsync(CommandArguments args, DashboardAccess access, DashboardClient dashboard, TextWriter output, CancellationToken cancellationToken)
    {
        var changing = Changes.Any(args.Has);
        var store = await access.StoreAsync(args.Required("store"), changing ? StoreRole.Owner : StoreRole.Analyst, Doing(changing), createIfMissing: false, cancellationToken);
        var current = await dashboard.SettingsAsync(store.Id, cancellationToken);
        if (!changing)
        {
            return await PrintAsync(current, output);
        }

        var wanted = Changed(args, current.Settings);
        try
        {
            return await PrintAsync(await dashboard.SaveSettingsAsync(store.Id, current with
            {
                TimeZone = wanted.TimeZone, Currency = wanted.Currency, SessionTimeoutMinutes = wanted.SessionTimeoutMinutes,
                ConversionWindowHours = wanted.ConversionWindowHours, StageMap = wanted.StageMapText,
            }, cancellationToken), output);
        }
        catch (DashboardProblemException ex) when (ex.Status == StatusCodes.Status400BadRequest)
        {
            throw Rejected(ex.Errors.SelectMany(e => e.Value.Select(detail => (Enum.Parse<StoreSettingsField>(e.Key), detail))));
        }
    }

    private static string Doing(bool changing) => changing ? "change the settings of" : "read the settings of";

    // Each rejected value with its option, as the Settings page's checks word them; exit 2 and nothing changed.
    private static CommandLineException Rejected(IEnumerable<(StoreSettingsField Field, string Detail)> errors) =>
        new("settings: " + string.Join(" ", errors.Select(e => $"{Option(e.Field)}: {e.Detail}")));

    private static async Task<int> PrintAsync(StoreSettingsDocument settings, TextWriter output)
    {
        await output.WriteLineAsync(JsonSerializer.Serialize(settings, ImportResultDocument.Json));
        return 0;
    }

    private static StoreSettings Changed(CommandArguments args, StoreSettings settings) => settings with
    {
        TimeZone = Value(args, "time-zone") ?? settings.TimeZone,
        Currency = Value(args, "currency")?.ToUpperInvariant() ?? settings.Currency,
        SessionTimeoutMinutes = Number(args, "session-timeout") ?? settings.SessionTimeoutMinutes,
        ConversionWindowHours = Number(args, "window") ?? settings.ConversionWindowHours,
        StageMapText = Value(args, "stage-map") is { } path
            ? (File.Exists(path) ? File.ReadAllText(path) : throw new CommandLineException($"settings: stage map file '{path}' not found."))
            : settings.StageMapText,
    };

    private static string? Value(CommandArguments args, string name) =>
        !args.Has(name) ? null
        : args.Get(name) is { Length: > 0 } value ? value.Trim()
        : throw new CommandLineException($"settings: --{name} needs a value.");

    private static int? Number(CommandArguments args, string name) =>
        Value(args, name) is not { } text ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value
        : throw new CommandLineException($"settings: --{name} must be a whole number, not '{text}'.");

    private static string Option(StoreSettingsField field) => field switch
    {
        StoreSettingsField.StageMap => "--stage-map",
        StoreSettingsField.SessionTimeout => "--session-timeout",
        StoreSettingsField.ConversionWindow => "--window",
        StoreSettingsField.Currency => "--currency",
        _ => "--time-zone",
    };
}
