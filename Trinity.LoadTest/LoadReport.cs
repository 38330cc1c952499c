using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Trinity.LoadTest;

/// <summary>Server resources: RSS in bytes at each stage, and CPU cores used on average while measuring.</summary>
public sealed record ServerSample(bool Sampled, long RssBefore, long RssConnected, long RssJoined, long RssMax, long RssEnd, double CpuCores);

/// <summary>The outcome of one run, written as report.json and report.md.</summary>
public sealed record LoadReport
{
    public required string Label { get; init; }
    public required string Protocol { get; init; }
    public required IReadOnlyList<string> Nodes { get; init; }
    public required int Connections { get; init; }
    public required int Rooms { get; init; }
    public required int Members { get; init; }
    public required int MembersInRooms { get; init; }
    public required double VoteIntervalSeconds { get; init; }
    public required double WarmupSeconds { get; init; }
    public required double DurationSeconds { get; init; }
    public required double ConnectSeconds { get; init; }
    public required long VotesSent { get; init; }
    public required long VotesAcked { get; init; }
    public required long VotesFailed { get; init; }
    public required double VotesPerSecond { get; init; }
    public required long FanOutExpected { get; init; }
    public required long FanOutReceived { get; init; }
    public required double FanOutPerSecond { get; init; }
    public required long MatchesReceived { get; init; }
    public required long ConnectFailures { get; init; }
    public required long Reconnects { get; init; }
    public required long ConnectionsClosed { get; init; }
    public required long MembersOutOfTitles { get; init; }
    public required IReadOnlyDictionary<string, int> Errors { get; init; }
    public required LatencySummary VoteAck { get; init; }
    public required LatencySummary FanOut { get; init; }
    public required LatencySummary MatchFound { get; init; }
    public required LatencySummary Connect { get; init; }
    public required ServerSample Server { get; init; }
    /// <summary>CPU cores the generator itself used while measuring: near the machine's cores, it was the bottleneck.</summary>
    public double GeneratorCpuCores { get; init; }
    /// <summary>Server RSS growth per idle connection, bytes: (after connecting − before) ÷ connections.</summary>
    public double RssPerConnection => Connections == 0 ? 0 : (double)(Server.RssConnected - Server.RssBefore) / Connections;
    /// <summary>The same once every connection is a member of its room (rooms' own state included).</summary>
    public double RssPerJoinedConnection => Connections == 0 ? 0 : (double)(Server.RssJoined - Server.RssBefore) / Connections;

    /// <summary>Ratios against a phase the baseline could not measure are NaN, and are written as such.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static LoadReport From(LoadOptions o, LoadMetrics m, ServerSample server, double connectSeconds, int membersInRooms,
        double generatorCpuCores) => new()
    {
        Label = o.Label,
        Protocol = o.MessagePack ? "messagepack" : "json",
        Nodes = o.Nodes.Select(n => n.ToString()).ToArray(),
        Connections = o.Connections,
        Rooms = o.Rooms,
        Members = o.Members,
        MembersInRooms = membersInRooms,
        VoteIntervalSeconds = o.VoteInterval,
        WarmupSeconds = o.Warmup,
        DurationSeconds = o.Duration,
        ConnectSeconds = connectSeconds,
        VotesSent = m.VotesSent,
        VotesAcked = m.VotesAcked,
        VotesFailed = m.VotesFailed,
        VotesPerSecond = m.VotesAcked / o.Duration,
        // A vote that timed out (UNAVAILABLE) may still be applied and announced, so count every vote sent.
        FanOutExpected = m.VotesSent * (o.Members - 1),
        FanOutReceived = m.FanOutReceived,
        FanOutPerSecond = m.FanOutReceived / o.Duration,
        MatchesReceived = m.MatchesReceived,
        ConnectFailures = m.ConnectFailures,
        Reconnects = m.Reconnects,
        ConnectionsClosed = m.Closed,
        MembersOutOfTitles = m.MembersOutOfTitles,
        Errors = new SortedDictionary<string, int>(m.Errors),
        VoteAck = m.VoteAck.Summary(withCurve: true),
        FanOut = m.FanOut.Summary(withCurve: true),
        MatchFound = m.MatchFound.Summary(),
        Connect = m.Connect.Summary(),
        Server = server,
        GeneratorCpuCores = generatorCpuCores,
    };

    public async Task WriteAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "report.json"), JsonSerializer.Serialize(this, Json));
        await File.WriteAllTextAsync(Path.Combine(folder, "report.md"), Markdown());
    }

    public static LoadReport Read(string path) => JsonSerializer.Deserialize<LoadReport>(File.ReadAllText(path), Json)!;

    public string Markdown()
    {
        var s = new StringBuilder();
        s.AppendLine(CultureInfo.InvariantCulture, $"## {Label}");
        s.AppendLine();
        s.AppendLine(CultureInfo.InvariantCulture,
            $"{Connections} connections ({Protocol}) in {Rooms} rooms of {Members}, a vote every {VoteIntervalSeconds} s per member on average; " +
            $"{WarmupSeconds} s warm-up, {DurationSeconds} s measured.");
        s.AppendLine();
        s.AppendLine(LatencyTable([("vote invoke → ack", VoteAck), ("vote → voteUpdate at another member", FanOut),
            ("last like → matchFound", MatchFound), ("connect", Connect)]));
        s.AppendLine("| count | value |");
        s.AppendLine("| --- | ---: |");
        void Row(string name, string value) => s.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {value} |");
        Row("votes sent / acked / failed", $"{VotesSent} / {VotesAcked} / {VotesFailed}");
        Row("acked votes per second", $"{VotesPerSecond:F1}");
        Row("voteUpdates to other members: received / votes sent × (members − 1)", $"{FanOutReceived} / {FanOutExpected}");
        Row("voteUpdates delivered per second", $"{FanOutPerSecond:F1}");
        Row("matchFound received", $"{MatchesReceived}");
        Row("members in rooms", $"{MembersInRooms} / {Connections}");
        Row("connect failures / reconnects / closed", $"{ConnectFailures} / {Reconnects} / {ConnectionsClosed}");
        Row("members that ran out of titles", $"{MembersOutOfTitles}");
        Row("load generator CPU while measuring (cores)", $"{GeneratorCpuCores:F2}");
        Row("errors", Errors.Count == 0 ? "none" : string.Join(", ", Errors.Select(e => $"{e.Key}: {e.Value}")));
        if (Server.Sampled)
        {
            Row("server RSS before / connected / joined / max (MB)",
                $"{Mb(Server.RssBefore)} / {Mb(Server.RssConnected)} / {Mb(Server.RssJoined)} / {Mb(Server.RssMax)}");
            Row("server RSS per idle connection (KB)", $"{RssPerConnection / 1024:F1}");
            Row("server RSS per connection in a room (KB)", $"{RssPerJoinedConnection / 1024:F1}");
            Row("server CPU while measuring (cores)", $"{Server.CpuCores:F2}");
        }
        return s.ToString();
    }

    public static string LatencyTable(IEnumerable<(string Name, LatencySummary L)> rows)
    {
        var s = new StringBuilder();
        s.AppendLine("| latency (ms) | count | p50 | p90 | p99 | p99.9 | max |");
        s.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (name, l) in rows)
            s.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {l.Count} | {l.P50:F2} | {l.P90:F2} | {l.P99:F2} | {l.P999:F2} | {l.Max:F2} |");
        return s.ToString();
    }

    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("F1", CultureInfo.InvariantCulture);
}
