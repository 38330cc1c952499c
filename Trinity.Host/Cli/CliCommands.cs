using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Text.Json;
using Spectre.Console;

namespace Trinity.Host.Cli;

/// <summary>One operator command: the admin API call it makes and how its answer is printed for people.</summary>
public sealed record Verb(Func<AdminApiClient, ParseResult, Task<JsonElement>> Call, Action<IAnsiConsole, JsonElement> Print);

/// <summary>
/// The <c>trinity</c> command tree (System.CommandLine): the verbs and their arguments, the options every verb takes,
/// help on every level, and completions for the <c>[suggest]</c> directive that <c>trinity completion bash</c> calls.
/// </summary>
public static class CliCommands
{
    public const string DefaultNode = TrinityApp.DefaultUrls;

    public static readonly Option<string> Node = new("--node")
    {
        Description = $"the node to ask [default: $TRINITY_NODE, else {DefaultNode}]", HelpName = "URL", Recursive = true,
    };
    public static readonly Option<string> Key = new("--key")
    {
        Description = "the node's admin key [default: $TRINITY_ADMIN_KEY]", HelpName = "KEY", Recursive = true,
    };
    public static readonly Option<bool> Json = new("--json") { Description = "print the node's JSON answer, not tables", Recursive = true };

    private const string Notes = """
        Environment:
          TRINITY_NODE       the node when --node is not given
          TRINITY_ADMIN_KEY  the admin key when --key is not given

        Exit codes:
          0  done
          1  refused by the node
          2  bad command line
          3  node unreachable or unavailable
          4  admin key refused

        Shell completion: source <(trinity completion bash)

        """;

    private static readonly Dictionary<Command, Verb> VerbOf = [];

    public static RootCommand Root { get; } = Build();

    /// <summary>The verb a parsed command line names, if it names one (not a group such as <c>cluster</c>, nor <c>completion</c>).</summary>
    public static Verb? VerbFor(ParseResult parse) => VerbOf.GetValueOrDefault(parse.CommandResult.Command);

    private static RootCommand Build()
    {
        var address = new Argument<string>("ADDRESS") { Description = "the member, as cluster show prints it (akka.tcp://trinity@HOST:PORT)" };
        var roomId = new Argument<string>("ROOMID");
        var type = new Argument<string>("TYPE") { Description = "info, warning or maintenance" };
        type.CompletionSources.Add("info", "warning", "maintenance");
        var message = new Argument<string[]>("MESSAGE") { Description = "the text (its words are joined with spaces)", Arity = ArgumentArity.OneOrMore };
        var bash = new Command("bash", "print the bash completion script: source <(trinity completion bash)");
        bash.SetAction(parse => parse.InvocationConfiguration.Output.Write(BashCompletion.Script));

        var root = new RootCommand("Operator commands for a Trinity node, through its admin API.")
        {
            new Command("cluster", "cluster membership")
            {
                Leaf("show", "members, leader, shards per node", (api, _) => api.GetAsync("/cluster"), CliViews.Cluster),
                Leaf("leave", "that member leaves gracefully; its shards move",
                    (api, parse) => api.PostAsync("/cluster/leave", new { address = parse.GetRequiredValue(address) }), CliViews.Accepted, address),
                Leaf("down", "mark an unreachable member down",
                    (api, parse) => api.PostAsync("/cluster/down", new { address = parse.GetRequiredValue(address) }), CliViews.Accepted, address),
            },
            new Command("shards", "sharding")
            {
                Leaf("show", "shard and entity counts per node and region", (api, _) => api.GetAsync("/cluster"), CliViews.Shards),
            },
            new Command("rooms", "rooms")
            {
                Leaf("show", "the node hosting a room, its members and connections",
                    (api, parse) => api.GetAsync($"/rooms/{Uri.EscapeDataString(parse.GetRequiredValue(roomId))}"), CliViews.Room, roomId),
            },
            Leaf("stats", "connections and live rooms", (api, _) => api.GetAsync("/stats"), CliViews.Stats),
            Leaf("broadcast", "systemMessage to every client",
                (api, parse) => api.PostAsync("/system-message", new { type = parse.GetRequiredValue(type), message = string.Join(' ', parse.GetRequiredValue(message)) }),
                CliViews.Broadcast, type, message),
            new Command("completion", "shell completion") { bash },
        };
        root.HelpName = "trinity";
        // Only --help and -h (not /h, -?, /?, --version): fewer words for completion to offer.
        foreach (var option in root.Options.Where(o => o is HelpOption or VersionOption).ToArray()) root.Options.Remove(option);
        var help = new HelpOption("--help", "-h");
        help.Action = new HelpWithNotes((HelpAction)help.Action!);
        root.Options.Add(help);
        root.Options.Add(Node);
        root.Options.Add(Key);
        root.Options.Add(Json);
        return root;
    }

    private static Command Leaf(string name, string description, Func<AdminApiClient, ParseResult, Task<JsonElement>> call,
        Action<IAnsiConsole, JsonElement> print, params Argument[] arguments)
    {
        var command = new Command(name, description);
        foreach (var argument in arguments) command.Add(argument);
        VerbOf[command] = new Verb(call, print);
        return command;
    }

    /// <summary>The standard help; after the top-level one, the environment variables and exit codes.</summary>
    private sealed class HelpWithNotes(HelpAction help) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parse)
        {
            var exit = help.Invoke(parse);
            if (parse.CommandResult.Command is RootCommand) parse.InvocationConfiguration.Output.Write(Notes);
            return exit;
        }
    }
}
