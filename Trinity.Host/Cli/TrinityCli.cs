using System.Text.Json;

namespace Trinity.Host.Cli;

/// <summary>
/// The <c>trinity</c> operator commands, run by the host binary before any web app is built
/// (<c>dotnet Trinity.Host.dll cluster show</c>, or <c>scripts/trinity</c>). They call a node's admin API.
/// Exit codes: 0 done, 1 refused by the node, 2 bad command line, 3 node unreachable, 4 admin key refused.
/// </summary>
public static class TrinityCli
{
    public const string Usage = """
        usage: trinity COMMAND [--node URL] [--key KEY] [--json]
          cluster show             members, leader, shards per node
          cluster leave ADDRESS    that member leaves gracefully; its shards move
          cluster down ADDRESS     mark an unreachable member down
          shards show              shard and entity counts per node and region
          rooms show ROOMID        the node hosting a room, its members and connections
          stats                    connections and live rooms
          broadcast TYPE MESSAGE   systemMessage to every client (info, warning, maintenance)
        --node defaults to $TRINITY_NODE or http://localhost:3000; --key to $TRINITY_ADMIN_KEY.
        """;

    private static readonly string[] Verbs = ["cluster", "shards", "rooms", "stats", "broadcast"];
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>
    /// Whether the command line is a CLI command rather than the server's settings: it starts with a verb,
    /// or with <c>cli</c> (what scripts/trinity passes, so that a mistyped verb is an error, not a server start).
    /// </summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && (Verbs.Contains(args[0]) || args[0] is "cli" or "help" or "--help");

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error,
        Func<string, string?>? environment = null, HttpMessageHandler? handler = null) =>
        args is ["cli", .. var rest] ? RunCommandAsync(rest, output, error, environment, handler) : RunCommandAsync(args, output, error, environment, handler);

    private static async Task<int> RunCommandAsync(string[] args, TextWriter output, TextWriter error,
        Func<string, string?>? environment = null, HttpMessageHandler? handler = null)
    {
        try
        {
            if (args is [] or ["help" or "--help", ..])
            {
                output.WriteLine(Usage);
                return 0;
            }
            var cli = CliArguments.Parse(args, environment ?? Environment.GetEnvironmentVariable);
            using var http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
            http.BaseAddress = cli.Node;
            http.Timeout = TimeSpan.FromSeconds(15);
            var api = new AdminApiClient(http, cli.Key);
            var (body, print) = await RunVerbAsync(api, cli.Words.ToArray());
            if (cli.Json) output.WriteLine(JsonSerializer.Serialize(body, Indented));
            else print(output, body);
            return 0;
        }
        catch (UsageException e)
        {
            error.WriteLine($"trinity: {e.Message}");
            error.WriteLine(Usage);
            return 2;
        }
        catch (CliFailure e)
        {
            error.WriteLine($"trinity: {e.Message}");
            return e.ExitCode;
        }
    }

    private static async Task<(JsonElement Body, Action<TextWriter, JsonElement> Print)> RunVerbAsync(AdminApiClient api, string[] words) =>
        words switch
        {
            ["cluster", "show"] => (await api.GetAsync("/cluster"), CliViews.Cluster),
            ["cluster", "leave", var address] => (await api.PostAsync("/cluster/leave", new { address }), CliViews.Accepted),
            ["cluster", "down", var address] => (await api.PostAsync("/cluster/down", new { address }), CliViews.Accepted),
            ["shards", "show"] => (await api.GetAsync("/cluster"), CliViews.Shards),
            ["rooms", "show", var roomId] => (await api.GetAsync($"/rooms/{Uri.EscapeDataString(roomId)}"), CliViews.Room),
            ["stats"] => (await api.GetAsync("/stats"), CliViews.Stats),
            ["broadcast", var type, .. { Length: > 0 } message] =>
                (await api.PostAsync("/system-message", new { type, message = string.Join(' ', message) }), CliViews.Broadcast),
            _ => throw new UsageException(words.Length == 0 ? "no command" : $"unknown command '{string.Join(' ', words)}'"),
        };
}
