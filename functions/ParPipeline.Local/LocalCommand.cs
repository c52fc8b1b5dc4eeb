using System.Globalization;

namespace ParPipeline.Local;

/// <summary>The command line: <c>demo [--once] [--port N]</c>, <c>serve [--port N]</c>, <c>redrive [--port N]</c>, <c>help</c>.</summary>
public sealed record LocalCommand(string Verb, bool Once, int? Port)
{
    public const string Usage = """
        ParPipeline local host: the pipeline's triggers on the Azure WebJobs SDK, the API on Kestrel, Azurite for storage.

        Usage: dotnet run --project functions/ParPipeline.Local -- <command> [options]

          demo      start, upload the bundled samples/ into ministry-drops, show each file being ingested,
                    ranked and reported, print the rankings and the URLs, then serve until Ctrl+C
          serve     start and serve until Ctrl+C, without uploading anything
          redrive   ask the running host to re-queue recompute requests that failed every try
                    (they are listed by GET /api/ingestions under "poisoned")
          help      this text

          --once       (demo) exit after the demo instead of serving
          --port N     HTTP port on 127.0.0.1 (default 7071; 0 picks a free one)

        Settings come from environment variables (docs/operating.md, "Settings"); with no PipelineStorage the host starts
        Azurite itself, data under .local/azurite.
        """;

    public static LocalCommand Parse(IReadOnlyList<string> args)
    {
        var verb = args.Count > 0 && !args[0].StartsWith('-') ? args[0].ToLowerInvariant() : "help";
        bool once = false;
        int? port = null;
        for (var i = verb == "help" && (args.Count == 0 || args[0].StartsWith('-')) ? 0 : 1; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--once":
                    once = true;
                    break;
                case "--port" when i + 1 < args.Count && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is >= 0 and < 65536:
                    port = p;
                    i++;
                    break;
                case "-h" or "--help":
                    verb = "help";
                    break;
                default:
                    throw new LocalStartupException($"Unknown option '{args[i]}'. Run with 'help' for usage.");
            }
        }
        if (verb is not ("demo" or "serve" or "redrive" or "help"))
        {
            throw new LocalStartupException($"Unknown command '{verb}'. Run with 'help' for usage.");
        }
        return new LocalCommand(verb, once, port);
    }
}
