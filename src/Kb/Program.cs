using System.Reflection;
using Kb.Cli.Commands;
using Spectre.Console.Cli;

var app = new CommandApp();
UsageMessages.Verbs = ["parse", "build", "check", "serve", "options", "index", "search"];
app.Configure(config =>
{
    config.SetApplicationName("kb");
    // "0.1.0+<commit>": the package version, then the commit it was built from (SourceLink adds it).
    var version = typeof(BuildCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
    var plus = version.IndexOf('+', StringComparison.Ordinal);
    config.SetApplicationVersion(plus > 0 && version.Length > plus + 8 ? version[..(plus + 8)] : version);
    config.Settings.StrictParsing = true;
    config.SetExceptionHandler((ex, _) =>
    {
        // Usage errors (unknown verb or option, bad value) exit 2; anything that failed while running exits 1.
        var usage = ex is CommandParseException or CommandRuntimeException;
        while (ex is AggregateException { InnerExceptions.Count: > 0 } agg)
        {
            ex = agg.InnerExceptions[0];
        }

        Console.Error.WriteLine("kb: " + (usage ? UsageMessages.For(ex, args) : "error: " + ex.Message.ReplaceLineEndings(" ")));
        return usage ? ExitCodes.Usage : ExitCodes.Failed;
    });
    config.AddCommand<ParseCommand>("parse")
        .WithDescription("Parse articles (a file, a folder or a .tar.gz/.zip archive) into records.")
        .WithExample("parse", "content/kb", "--stats")
        .WithExample("parse", "kbarchive.tar.gz", "--jsonl", "--out", "records.jsonl");
    config.AddCommand<BuildCommand>("build")
        .WithDescription("Build the static site: article pages with decision aids, listings, search. Defaults: content/kb -> _site.")
        .WithExample("build")
        .WithExample("build", "kbarchive.tar.gz", "--out", "_site", "--base-url", "/kb-archive/");
    config.AddCommand<CheckCommand>("check")
        .WithDescription("Check a built site: pages parse, internal links and assets resolve, article pages are complete.")
        .WithExample("check", "_site");
    config.AddCommand<ServeCommand>("serve")
        .WithDescription("Serve a built site on 127.0.0.1 for preview.")
        .WithExample("serve", "_site", "--port", "8000");
    config.AddCommand<OptionsCommand>("options")
        .WithDescription("Show each article's options, their conditions and the questions that decide between them.")
        .WithExample("options", "content/kb")
        .WithExample("options", "content/kb", "--json");
    config.AddCommand<IndexCommand>("index")
        .WithDescription("Build or update the search index from articles (a folder or archive).")
        .WithExample("index", "content/kb")
        .WithExample("index", "kbarchive.tar.gz", "--index", "/tmp/kb-index");
    config.AddCommand<UpgradeCommand>("upgrade")
        .WithDescription("Show the upgrade guides of a product family: the articles to read, grouped from planning to after the upgrade.")
        .WithExample("upgrade", "\"Windows NT\"", "--from", "3.51", "--to", "4.0", "--source", "kbarchive.tar.gz");
    config.AddCommand<SearchCommand>("search")
        .WithDescription("Search the index: free text, \"phrases\", field:value, article numbers; filters and facets.")
        .WithExample("search", "\"upgrade a secondary site from sms 1.2\"")
        .WithExample("search", "\"setup error\"", "--product", "SMS", "--since", "1999", "--json");
});
return await app.RunAsync(args).ConfigureAwait(false);
