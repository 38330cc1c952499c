using System.Text.Json;
using Trinity.Host.Cli;

namespace Trinity.Host.Tests;

/// <summary>The trinity CLI run in-process against a node: tables, --json, and exit codes when things go wrong.</summary>
public sealed class CliTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private TrinityServer Server => shared.Server;

    private async Task<(int Exit, string Output, string Error)> Run(params string[] args) =>
        await RunWith(_ => null, [.. args, "--node", Server.BaseUri.ToString(), "--key", TrinityServer.AdminKey]);

    private static async Task<(int Exit, string Output, string Error)> RunWith(Func<string, string?> environment, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await TrinityCli.RunAsync(args, output, error, environment);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Cluster_show_and_shards_show_print_members_and_shard_tables()
    {
        await Server.CreateRoomAsync("For the table");
        var (exit, output, _) = await Run("cluster", "show");
        Assert.Equal(0, exit);
        Assert.Matches(@"ADDRESS\s+STATUS\s+REACHABLE", output);
        Assert.Matches(@"akka\.tcp://trinity@127\.0\.0\.1:\d+\s+Up\s+yes\s+leader, self", output);
        Assert.Matches(@"\s+\d+\s+room\s+\d+\s+[1-9]\d*", output);

        (exit, output, _) = await Run("shards", "show");
        Assert.Equal(0, exit);
        Assert.Contains("invite-code", output);
        Assert.Contains("user-rooms", output);
    }

    [Fact]
    public async Task Rooms_show_names_the_node_and_the_members()
    {
        var roomId = await Server.CreateRoomAsync("Shown");
        var (exit, output, _) = await Run("rooms", "show", roomId);
        Assert.Equal(0, exit);
        Assert.Matches(@"node:\s+akka\.tcp://trinity@", output);
        Assert.Matches(@"(?i)Owner\s+creator", output);
    }

    [Fact]
    public async Task Stats_prints_a_summary_or_json_and_broadcast_sends()
    {
        var (exit, output, _) = await Run("stats");
        Assert.Equal(0, exit);
        Assert.Matches(@"nodes:\s+1", output);

        (exit, output, _) = await Run("stats", "--json");
        Assert.Equal(0, exit);
        Assert.Equal(1, JsonDocument.Parse(output).RootElement.GetProperty("nodes").GetInt32());

        (exit, output, _) = await Run("broadcast", "maintenance", "Restart", "at", "03:00");
        Assert.Equal(0, exit);
        Assert.Contains("sent maintenance message: Restart at 03:00", output);
    }

    [Fact]
    public async Task Node_and_key_come_from_the_environment()
    {
        var environment = new Dictionary<string, string?>
        {
            ["TRINITY_NODE"] = Server.BaseUri.ToString(), ["TRINITY_ADMIN_KEY"] = TrinityServer.AdminKey,
        };
        var (exit, _, _) = await RunWith(environment.GetValueOrDefault, "stats");
        Assert.Equal(0, exit);
    }

    [Fact]
    public async Task Failures_have_clear_messages_and_their_own_exit_codes()
    {
        var (exit, _, error) = await RunWith(_ => null, "stats", "--node", Server.BaseUri.ToString(), "--key", "wrong");
        Assert.Equal(4, exit);
        Assert.Contains("refused the admin key", error);

        (exit, _, error) = await RunWith(_ => null, "stats", "--node", "http://127.0.0.1:1", "--key", "k");
        Assert.Equal(3, exit);
        Assert.Contains("cannot reach the node", error);

        (exit, _, error) = await RunWith(_ => null, "stats", "--node", Server.BaseUri.ToString());
        Assert.Equal(2, exit);
        Assert.Contains("no admin key", error);

        (exit, _, error) = await Run("cluster", "explode");
        Assert.Equal(2, exit);
        Assert.Contains("unknown command 'cluster explode'", error);
        (exit, _, error) = await Run("cli", "bogus");
        Assert.Equal(2, exit);
        Assert.Contains("unknown command 'bogus'", error);

        var self = (await Server.Http.AdminAsync(HttpMethod.Get, "/api/admin/cluster")).Body.GetProperty("self").GetString()!;
        (exit, _, error) = await Run("cluster", "down", self);
        Assert.Equal(1, exit);
        Assert.Contains("only an unreachable member", error);
    }

    [Fact]
    public void Only_operator_verbs_are_commands_so_server_settings_still_start_a_node()
    {
        Assert.True(TrinityCli.IsCommand(["cluster", "show"]));
        Assert.True(TrinityCli.IsCommand(["cli", "bogus"]));
        Assert.False(TrinityCli.IsCommand([]));
        Assert.False(TrinityCli.IsCommand(["--urls=http://127.0.0.1:0"]));
    }

    [Fact]
    public async Task Help_is_on_every_verb_and_the_top_level_names_the_environment_and_exit_codes()
    {
        var (exit, output, _) = await RunWith(_ => null, "--help");
        Assert.Equal(0, exit);
        Assert.Contains("trinity [command] [options]", output);
        foreach (var text in new[] { "cluster", "shards", "rooms", "stats", "broadcast", "completion", "--node <URL>", "--key <KEY>", "--json",
                     "TRINITY_NODE", "TRINITY_ADMIN_KEY", "4  admin key refused" })
            Assert.Contains(text, output);
        Assert.Equal(output, (await RunWith(_ => null, "cli")).Output);
        Assert.Equal(output, (await RunWith(_ => null, "help")).Output);

        string[][] verbs = [["cluster", "show"], ["cluster", "leave"], ["cluster", "down"], ["shards", "show"], ["rooms", "show"],
            ["stats"], ["broadcast"], ["completion", "bash"]];
        foreach (var verb in verbs)
        {
            (exit, output, _) = await RunWith(_ => null, ["cli", .. verb, "--help"]);
            Assert.Equal(0, exit);
            Assert.Contains($"trinity {string.Join(' ', verb)}", output);
            Assert.Contains("--node <URL>", output);
        }
        (exit, output, _) = await RunWith(_ => null, "help", "rooms", "show");
        Assert.Equal(0, exit);
        Assert.Contains("trinity rooms show <ROOMID>", output);
    }

    [Fact]
    public async Task A_mistyped_verb_is_a_bad_command_line_that_suggests_the_right_one()
    {
        var (exit, output, error) = await Run("clustr", "show");
        Assert.Equal((2, ""), (exit, output));
        Assert.Contains("unknown command 'clustr show'", error);
        Assert.Matches(@"'clustr' was not matched. Did you mean one of the following\?\s+cluster\b", error);

        (exit, _, error) = await Run("cluster", "shw");
        Assert.Equal(2, exit);
        Assert.Matches(@"'shw' was not matched. Did you mean one of the following\?\s+show\b", error);

        (exit, _, error) = await Run("stats", "--jsn");
        Assert.Equal(2, exit);
        Assert.Contains("unknown option --jsn", error);
        Assert.Matches(@"Did you mean one of the following\?\s+--json\b", error);
    }

    /// <summary>The built binary from another directory, node and key from the environment, output piped as in a script.</summary>
    [Fact]
    public async Task Piped_the_binary_prints_tables_without_escape_codes_even_on_a_colour_terminal_type()
    {
        var environment = new Dictionary<string, string?>
        {
            ["TRINITY_NODE"] = Server.BaseUri.ToString(), ["TRINITY_ADMIN_KEY"] = TrinityServer.AdminKey,
            ["TERM"] = "xterm-256color", ["COLORTERM"] = "truecolor", ["NO_COLOR"] = null,
        };
        var (exit, output, error) = await HostProcess.RunToEndAsync("dotnet", [HostProcess.Dll, "cluster", "show"], environment);
        Assert.True(exit == 0, error);
        Assert.Matches(@"ADDRESS\s+STATUS\s+REACHABLE", output);
        Assert.Matches(@"akka\.tcp://trinity@127\.0\.0\.1:\d+\s+Up\s+yes\s+leader, self", output);
        Assert.DoesNotContain('\u001b', output);

        (exit, output, error) = await HostProcess.RunToEndAsync("dotnet", [HostProcess.Dll, "cli", "clustr"], environment);
        Assert.Equal((2, ""), (exit, output));
        Assert.Contains("Did you mean", error);
        Assert.DoesNotContain('\u001b', error);
    }

    /// <summary>The script <c>trinity completion bash</c> prints, loaded into a real bash, completing through the binary.</summary>
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // a real bash runs it
    public async Task The_bash_completion_script_completes_verbs_subcommands_and_broadcast_types()
    {
        var (exit, script, _) = await RunWith(_ => null, "completion", "bash");
        Assert.Equal(0, exit);
        Assert.Contains("complete -F _trinity_complete trinity", script);

        var bin = Directory.CreateTempSubdirectory("trinity-bin-").FullName;
        try
        {
            var trinity = Path.Combine(bin, "trinity");
            await File.WriteAllTextAsync(trinity, $"#!/bin/sh\nexec dotnet '{HostProcess.Dll}' cli \"$@\"\n");
            File.SetUnixFileMode(trinity, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var environment = new Dictionary<string, string?> { ["PATH"] = $"{bin}:{Environment.GetEnvironmentVariable("PATH")}" };

            async Task<string[]> Complete(string line)
            {
                var (code, output, error) = await HostProcess.RunToEndAsync("bash", ["-c", """
                    source <(trinity completion bash) || exit 9
                    COMP_LINE="$1"; COMP_POINT=${#1}
                    read -ra COMP_WORDS <<< "$1"; [[ "$1" == *" " ]] && COMP_WORDS+=("")
                    COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
                    _trinity_complete
                    printf '%s\n' "${COMPREPLY[@]}"
                    """, "bash", line], environment);
                Assert.True(code == 0, error);
                return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            }

            Assert.Equal(["cluster", "completion"], (await Complete("trinity c")).Order());
            Assert.Equal(["show"], await Complete("trinity cluster s"));
            Assert.Equal(["info", "maintenance", "warning"], (await Complete("trinity broadcast ")).Where(w => !w.StartsWith('-')).Order());
        }
        finally
        {
            Directory.Delete(bin, recursive: true);
        }
    }
}
