namespace Trinity.Host.Cli;

/// <summary>A wrong command line: exit code 2 and the usage.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>The words of a <c>trinity</c> command and its options: <c>--node URL</c>, <c>--key KEY</c>, <c>--json</c>.</summary>
public sealed record CliArguments(IReadOnlyList<string> Words, Uri Node, string? Key, bool Json)
{
    public const string DefaultNode = "http://localhost:3000";

    public static CliArguments Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        var words = new List<string>();
        string? node = null, key = null;
        var json = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--json": json = true; break;
                case "--node": node = Value(args, ++i, "--node"); break;
                case "--key": key = Value(args, ++i, "--key"); break;
                case var option when option.StartsWith("--"): throw new UsageException($"unknown option {option}");
                default: words.Add(args[i]); break;
            }
        }
        node ??= environment("TRINITY_NODE") is { Length: > 0 } fromEnvironment ? fromEnvironment : DefaultNode;
        if (!Uri.TryCreate(node, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new UsageException($"--node must be an http(s) URL, not '{node}'");
        key ??= environment("TRINITY_ADMIN_KEY");
        return new CliArguments(words, uri, string.IsNullOrEmpty(key) ? null : key, json);
    }

    private static string Value(IReadOnlyList<string> args, int index, string option) =>
        index < args.Count ? args[index] : throw new UsageException($"{option} needs a value");
}
