using System.Globalization;
using System.Text.Json;
using FunnelInsight.Core.Accounts;
using FunnelInsight.Core.Stores;

namespace FunnelInsight.Web.Cli;

/// <summary>
/// <c>settings --store NAME [--time-zone Z] [--currency C] [--session-timeout MIN] [--window HOURS] [--stage-map FILE] [--token T]</c>:
/// prints the store's settings as JSON (for an Analyst or Owner) and, with options, first changes them as the Settings page
/// does, for an Owner: the same checks, and the same rebuild of session rollups when the stage map or the timeout changes.
/// </summary>
internal static class SettingsCommand
{
    private static readonly string[] Changes = ["time-zone", "currency", "session-timeout", "window", "stage-map"];

    public static async Task<int> RunAsync(CommandArguments args, CommandAccess access, StoreSettingsService service, TextWriter output, CancellationToken cancellationToken)
    {
        var storeName = args.Required("store");
        var changing = Changes.Any(args.Has);
        var store = await access.StoreAsync(storeName, changing ? StoreRole.Owner : StoreRole.Analyst, changing ? "change the settings of" : "read the settings of",
            createIfMissing: false, cancellationToken);
        var settings = await service.GetAsync(store.Id, cancellationToken) ?? throw new CommandLineException($"settings: store '{storeName}' is gone.", 1);
        StoreSettingsSaveResult? saved = null;
        if (changing)
        {
            settings = Changed(args, settings);
            saved = await service.SaveAsync(store.Id, settings, cancellationToken);
            if (!saved.Saved)
            {
                throw new CommandLineException("settings: " + string.Join(" ", saved.Errors.Select(e => $"{Option(e.Field)}: {e.Detail}")));
            }

            settings = await service.GetAsync(store.Id, cancellationToken) ?? settings;
        }

        await output.WriteLineAsync(JsonSerializer.Serialize(new
        {
            store = store.Name,
            timeZone = settings.TimeZone,
            offeredTimeZones = await service.OfferedTimeZonesAsync(store.Id, cancellationToken),
            currency = settings.Currency,
            sessionTimeoutMinutes = settings.SessionTimeoutMinutes,
            conversionWindowHours = settings.ConversionWindowHours,
            stageMap = settings.StageMapText,
            saved = saved is not null,
            sessionsRebuilt = saved?.RollupsRebuilt == true ? saved.SessionsRebuilt : (long?)null,
        }));
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
