using System.Globalization;

namespace Trinity.LoadTest;

/// <summary>The command line of a load run: <c>--name value</c> pairs and the <c>--messagepack</c> flag.</summary>
public sealed record LoadOptions
{
    public required IReadOnlyList<Uri> Nodes { get; init; }
    public string Label { get; init; } = "run";
    public int Rooms { get; init; } = 40;
    public int Members { get; init; } = 5;
    public int Connections => Rooms * Members;
    /// <summary>Mean seconds between one member's votes (exponentially distributed); 0 = vote again as soon as acknowledged.</summary>
    public double VoteInterval { get; init; } = 5;
    public double Warmup { get; init; } = 10;
    public double Duration { get; init; } = 60;
    /// <summary>Seconds after the last measured vote to wait for its acks and events.</summary>
    public double Drain { get; init; } = 5;
    /// <summary>Seconds to let the server settle before an RSS reading.</summary>
    public double Settle { get; init; } = 3;
    public double LikeRatio { get; init; } = 0.75;
    public int QueueSize { get; init; } = 100;
    public int ConnectConcurrency { get; init; } = 32;
    public bool MessagePack { get; init; }
    /// <summary>The server's processes, sampled for RSS and CPU and summed (several: the nodes of a local cluster).</summary>
    public IReadOnlyList<int> ServerPids { get; init; } = [];
    public string Out { get; init; } = "loadtest-out";
    public int Seed { get; init; } = 1;

    public static LoadOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var messagePack = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--")) throw new ArgumentException($"unexpected argument {args[i]}");
            var name = args[i][2..];
            if (name == "messagepack") { messagePack = true; continue; }
            if (i + 1 >= args.Length) throw new ArgumentException($"--{name} needs a value");
            values[name] = args[++i];
        }
        double D(string name, double fallback) => values.TryGetValue(name, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;
        int I(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var members = I("members", 5);
        var rooms = values.ContainsKey("rooms") ? I("rooms", 40) : Math.Max(1, I("connections", 200) / members);
        var defaults = new LoadOptions { Nodes = [] };
        return new LoadOptions
        {
            Nodes = (values.GetValueOrDefault("nodes") ?? "http://127.0.0.1:3000")
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(u => new Uri(u)).ToArray(),
            Label = values.GetValueOrDefault("label") ?? defaults.Label,
            Rooms = rooms,
            Members = members,
            VoteInterval = D("vote-interval", defaults.VoteInterval),
            Warmup = D("warmup", defaults.Warmup),
            Duration = D("duration", defaults.Duration),
            Drain = D("drain", defaults.Drain),
            Settle = D("settle", defaults.Settle),
            LikeRatio = D("like-ratio", defaults.LikeRatio),
            QueueSize = I("queue-size", defaults.QueueSize),
            ConnectConcurrency = I("connect-concurrency", defaults.ConnectConcurrency),
            MessagePack = messagePack,
            ServerPids = (values.GetValueOrDefault("server-pid") ?? "")
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(pid => int.Parse(pid, CultureInfo.InvariantCulture)).ToArray(),
            Out = values.GetValueOrDefault("out") ?? defaults.Out,
            Seed = I("seed", defaults.Seed),
        };
    }

    public const string Usage = """
        Trinity.LoadTest run --nodes http://127.0.0.1:3000[,...] [--rooms 40] [--members 5] [--connections N]
            [--vote-interval 5] [--warmup 10] [--duration 60] [--drain 5] [--settle 3] [--like-ratio 0.75]
            [--queue-size 100] [--connect-concurrency 32] [--messagepack] [--server-pid PID[,...]] [--label NAME] [--out DIR]
        Trinity.LoadTest compare DIR     ratios of DIR/<phase>-trinity/report.json to DIR/<phase>-baseline/report.json
        """;
}
