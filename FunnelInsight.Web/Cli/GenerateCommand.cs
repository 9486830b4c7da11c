using FunnelInsight.Core.Samples;

namespace FunnelInsight.Web.Cli;

/// <summary>
/// <c>generate --events N --orders N --out DIR [--seed S] [--prefix P] [--months M]</c>: writes a generated store's
/// canonical event and order exports, and prints the files written as one JSON line.
/// </summary>
internal static class GenerateCommand
{
    public static async Task<int> RunAsync(CommandArguments args, TextWriter output, CancellationToken cancellationToken)
    {
        var options = new StoreGeneratorOptions(Count(args, "events"), Count(args, "orders"), Count(args, "seed", 1))
        {
            Months = (int)Math.Clamp(Count(args, "months", 12), 1, 600),
        };
        if (options.Events == 0 && options.Orders == 0)
        {
            throw new CommandLineException("generate: give --events N and/or --orders N.");
        }

        var folder = args.Required("out");
        var files = await Task.Run(() => StoreGenerator.WriteFiles(folder, options, args.Get("prefix") ?? "", cancellationToken), cancellationToken);
        await output.WriteLineAsync(JsonSerializer.Serialize(new
        {
            events = options.Events,
            orders = options.Orders,
            seed = options.Seed,
            files = files.Select(Path.GetFullPath),
        }));
        return 0;
    }

    private static long Count(CommandArguments args, string name, long fallback = 0)
    {
        var text = args.Get(name);
        if (text is null)
        {
            return fallback;
        }

        return long.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new CommandLineException($"generate: --{name} must be a whole number ≥ 0, not '{text}'.");
    }
}
