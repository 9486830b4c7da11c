using System.CommandLine;
using System.CommandLine.Parsing;
using FunnelInsight.Core.Domain;
using FunnelInsight.Web.Services.Reports;

namespace FunnelInsight.Web.Cli;

/// <summary>
/// The verbs and options of the command line, declared once for System.CommandLine, which reads the arguments:
/// an unknown option, an option without its value, and <c>--help</c> on any verb are its answers, not ours.
/// </summary>
internal static class CommandGrammar
{
    /// <summary>The verbs (the first argument).</summary>
    public static IReadOnlyList<string> Verbs { get; } = ["import", "imports", "stores", "generate", "report", "users", "tokens", "settings", "delete-import", "delete-store"];

    /// <summary>The command tree.</summary>
    public static RootCommand Build()
    {
        var root = new RootCommand("FunnelInsight's command line: imports, reports, stores and accounts on the dashboard's database.");
        root.Subcommands.Add(Verb("import", "Imports an event or order export into a store, as its Owner.",
            ("store", "The store (created if missing)."), ("events", "An event export (CSV)."), ("orders", "An order export (CSV)."),
            ("format", "The file's format; detected from its header when left out."), ("map", "Column mapping: field=column,…"),
            ("encoding", "The file's text encoding (detected when left out)."), ("date-order", "How day-first or month-first dates are read."),
            ("decimal", "The decimal separator of amounts."), ("errors", "Writes the rejected rows to this CSV file."), Token));
        root.Subcommands.Add(Verb("imports", "Lists a store's imports as JSON, newest first, for an Analyst or Owner.", ("store", "The store."), Token));
        root.Subcommands.Add(Verb("settings", "Shows a store's settings as JSON and, for its Owner, changes those given.",
            ("store", "The store."), ("time-zone", "IANA time zone of the store's days."), ("currency", "ISO 4217 currency."),
            ("session-timeout", "Session timeout in minutes."), ("window", "Visitor conversion window in hours."),
            ("stage-map", "A file with the stage map."), Token));
        var deleteImport = Verb("delete-import", "Deletes an import (its events, orders and row errors; sessions rebuilt), as the store's Owner.",
            ("store", "The store."), ("import", "The import's id (see imports)."), Token);
        var deleteStore = Verb("delete-store", "Deletes a store and everything in it (events, orders, imports, members, files), as its Owner.", ("store", "The store."), Token);
        foreach (var delete in new[] { deleteImport, deleteStore })
        {
            delete.Options.Add(new Option<bool>("--yes") { Description = "Confirms without asking (for scripts); otherwise the import's id or the store's name is read from stdin." });
            root.Subcommands.Add(delete);
        }

        root.Subcommands.Add(Verb("stores", "Lists the stores without members and, with a token, its user's stores.", Token));
        root.Subcommands.Add(Verb("generate", "Writes a generated store's events.csv and orders.csv.",
            ("events", "Number of events."), ("orders", "Number of orders."), ("out", "The folder to write to."), ("seed", "Random seed (default 1)."),
            ("prefix", "Prefix of the file names."), ("months", "Months of data from 2025-01-01 (default 12).")));

        var report = new Command("report", "Writes a report as JSON, CSV or XLSX, for an Analyst or Owner of the store.");
        foreach (var kind in ReportFile.Kinds)
        {
            report.Subcommands.Add(Verb(kind, $"The {kind} report.",
            [
                ("store", "The store."),
                .. ReportFilters.QueryKeys.Concat(ReportFilters.FileKeys).Select(key => (key, $"The '{key}' filter, as in the page's query.")),
                .. kind == "funnel"
                    ? new[]
                    {
                        (ReportFilters.StepsKey, "A user-defined funnel: 2-10 steps separated by commas (stage:NAME, event names joined by |, [product=ID] narrowings; see the README)."),
                        (ReportFilters.FunnelKey, "A funnel saved in the store, by name."),
                    }
                    : [],
                ("format", "json (default), csv or xlsx."), ("out", "Writes to this file instead of stdout."), Token,
            ]));
        }

        root.Subcommands.Add(report);
        var users = new Command("users", "Operator verbs for accounts.");
        users.Subcommands.Add(Verb("add", "Creates the account if new (password from stdin) and makes it a member of the store.",
            ("email", "The account's e-mail."), ("store", "The store (created if missing)."), ("role", "owner, analyst or marketer.")));
        users.Subcommands.Add(Verb("set-password", "Gives an existing account a new password (from stdin), signs it out everywhere and lifts a lockout.",
            ("email", "The account's e-mail.")));
        root.Subcommands.Add(users);
        var tokens = new Command("tokens", "Operator verbs for personal API tokens.");
        tokens.Subcommands.Add(Verb("create", "Creates a personal API token for the account and prints it once.",
            ("email", "The account's e-mail."), ("store", "Limits the token to this store (the account must be a member)."), ("name", "The token's label.")));
        root.Subcommands.Add(tokens);
        return root;
    }

    /// <summary>Reads <paramref name="args"/>. Response files (<c>@file</c>) are not read: an argument starting with @ is a value like any other.</summary>
    public static ParseResult Parse(IReadOnlyList<string> args) => Build().Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });

    /// <summary>The first mistake System.CommandLine found, as the one line the command prints (exit code 2); null when there is none.</summary>
    public static string? Mistake(ParseResult parsed, IReadOnlyList<string> args)
    {
        if (parsed.Errors is not [var first, ..])
        {
            return null;
        }

        var verb = string.Join(' ', args.TakeWhile(a => !a.StartsWith('-')).Take(2));
        return $"{verb}: {first.Message} (see {verb} --help)";
    }

    /// <summary>Reads <paramref name="args"/> into a verb and its options.</summary>
    /// <exception cref="CommandLineException">A mistake in the arguments.</exception>
    public static CommandArguments Read(IReadOnlyList<string> args)
    {
        var parsed = Parse(args);
        return Mistake(parsed, args) is { } mistake ? throw new CommandLineException(mistake) : Arguments(parsed);
    }

    /// <summary>The verb, its action (the sub-verb, if any) and the options given, by name without dashes.</summary>
    public static CommandArguments Arguments(ParseResult parsed)
    {
        var path = new List<string>();
        for (var result = parsed.CommandResult; result is { Command: not RootCommand }; result = result.Parent as CommandResult)
        {
            path.Insert(0, result.Command.Name);
        }

        var options = parsed.CommandResult.Children.OfType<OptionResult>()
            .Where(o => !o.Implicit)
            .ToDictionary(o => o.Option.Name.TrimStart('-'), o => o.Option is Option<bool> ? (o.GetValueOrDefault<bool>() ? "true" : null) : o.GetValueOrDefault<string?>(),
                StringComparer.OrdinalIgnoreCase);
        return new CommandArguments(path[0], path.Count > 1 ? path[1] : null, options);
    }

    private static readonly (string Name, string Description) Token = ("token", "A personal API token (or set FUNNELINSIGHT_TOKEN).");

    // Store names are unique per owner only: every verb that takes --store can say which store of that name it means.
    private static readonly (string Name, string Description)[] StoreNarrowing =
    [
        ("store-id", "The store's id (see stores), when several stores have the name."),
        ("owner", "The e-mail of the account that created the store, when several stores have the name."),
    ];

    private static Command Verb(string name, string description, params (string Name, string Description)[] options)
    {
        var command = new Command(name, description);
        foreach (var (option, about) in options.Any(o => o.Name == "store") ? [.. options, .. StoreNarrowing] : options)
        {
            command.Options.Add(new Option<string>("--" + option) { Description = about });
        }

        return command;
    }
}
