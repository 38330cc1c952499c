using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Text.Json;

namespace Trinity.Host.Cli;

/// <summary>
/// The <c>trinity</c> operator commands, run by the host binary before any web app is built
/// (<c>dotnet Trinity.Host.dll cluster show</c>, or <c>scripts/trinity</c>). They call a node's admin API.
/// Exit codes: 0 done, 1 refused by the node, 2 bad command line, 3 node unreachable, 4 admin key refused.
/// </summary>
public static class TrinityCli
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>
    /// Whether the command line is a CLI command rather than the server's settings: it starts with a verb, with help,
    /// with the completion directive, or with <c>cli</c> (what scripts/trinity passes, so that a mistyped verb is an
    /// error, not a server start).
    /// </summary>
    public static bool IsCommand(string[] args) => args is [var first, ..] &&
        (first is "cli" or "help" or "--help" or "-h" || first.StartsWith("[suggest") || CliCommands.Root.Subcommands.Any(c => c.Name == first));

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error,
        Func<string, string?>? environment = null, HttpMessageHandler? handler = null)
    {
        args = args is ["cli", .. var afterCli] ? afterCli : args;
        args = args switch
        {
            [] => ["--help"],
            ["help", .. var topic] => [.. topic, "--help"],
            _ => args,
        };
        var parse = CliCommands.Root.Parse(args);
        if (parse.Action is ParseErrorAction) return BadCommandLine(parse, error);
        if (parse.Action is not null || CliCommands.VerbFor(parse) is not { } verb)
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        try
        {
            environment ??= Environment.GetEnvironmentVariable;
            using var http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
            http.BaseAddress = NodeUri(parse.GetValue(CliCommands.Node) ?? NonEmpty(environment("TRINITY_NODE")) ?? CliCommands.DefaultNode);
            http.Timeout = TimeSpan.FromSeconds(15);
            var api = new AdminApiClient(http, NonEmpty(parse.GetValue(CliCommands.Key) ?? environment("TRINITY_ADMIN_KEY")));
            var body = await verb.Call(api, parse);
            if (parse.GetValue(CliCommands.Json)) output.WriteLine(JsonSerializer.Serialize(body, Indented));
            else verb.Print(CliConsole.For(output), body);
            return 0;
        }
        catch (CliFailure e)
        {
            error.WriteLine($"trinity: {e.Message}");
            return e.ExitCode;
        }
    }

    /// <summary>Our own first line, then System.CommandLine's errors, "did you mean" and the command's help; exit 2.</summary>
    private static int BadCommandLine(ParseResult parse, TextWriter error)
    {
        var commands = parse.Tokens.Where(t => t.Type == TokenType.Command).Select(t => t.Value);
        error.WriteLine(parse.UnmatchedTokens switch
        {
            [var option, ..] when option.StartsWith('-') => $"trinity: unknown option {option}",
            [_, ..] => $"trinity: unknown command '{string.Join(' ', commands.Concat(parse.UnmatchedTokens))}'",
            _ => $"trinity: {parse.Errors[0].Message}",
        });
        parse.Invoke(new InvocationConfiguration { Output = error, Error = error });
        return CliFailure.BadCommandLine;
    }

    private static Uri NodeUri(string node) =>
        Uri.TryCreate(node, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new CliFailure(CliFailure.BadCommandLine, $"--node must be an http(s) URL, not '{node}'");

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
