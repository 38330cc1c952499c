using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Trinity.LoadTest;

/// <summary>One phase measured on both servers, and the ratios Trinity ÷ baseline.</summary>
public sealed record PhaseComparison(string Phase, LoadReport Trinity, LoadReport Baseline)
{
    public double FanOutP50Ratio => Ratio(Trinity.FanOut.P50, Baseline.FanOut.P50);
    public double FanOutP99Ratio => Ratio(Trinity.FanOut.P99, Baseline.FanOut.P99);
    public double VoteAckP50Ratio => Ratio(Trinity.VoteAck.P50, Baseline.VoteAck.P50);
    public double VoteAckP99Ratio => Ratio(Trinity.VoteAck.P99, Baseline.VoteAck.P99);
    public double ThroughputRatio => Ratio(Trinity.VotesPerSecond, Baseline.VotesPerSecond);
    public double RssPerConnectionRatio => Ratio(Trinity.RssPerConnection, Baseline.RssPerConnection);
    public double CpuRatio => Ratio(Trinity.Server.CpuCores, Baseline.Server.CpuCores);

    public static double Ratio(double a, double b) => b == 0 ? double.NaN : a / b;
}

/// <summary>
/// Reads DIR/&lt;phase&gt;-trinity/report.json and DIR/&lt;phase&gt;-baseline/report.json for every phase and writes
/// DIR/summary.md and DIR/summary.json: both runs side by side, the ratios and the targets; and DIR/latency.png,
/// fan-out latency by percentile.
/// </summary>
public static class CompareReport
{
    public static IReadOnlyList<PhaseComparison> Load(string folder) =>
        Directory.GetDirectories(folder)
            .Select(Path.GetFileName)
            .Where(d => d!.EndsWith("-trinity") && File.Exists(Path.Combine(folder, d, "report.json")))
            .Select(d => d![..^"-trinity".Length])
            .Where(phase => File.Exists(Path.Combine(folder, phase + "-baseline", "report.json")))
            .OrderBy(phase => phase, StringComparer.Ordinal)
            .Select(phase => new PhaseComparison(phase,
                LoadReport.Read(Path.Combine(folder, phase + "-trinity", "report.json")),
                LoadReport.Read(Path.Combine(folder, phase + "-baseline", "report.json"))))
            .ToArray();

    public static async Task WriteAsync(string folder)
    {
        var phases = Load(folder);
        var markdown = Markdown(phases);
        await File.WriteAllTextAsync(Path.Combine(folder, "summary.md"), markdown);
        await File.WriteAllTextAsync(Path.Combine(folder, "summary.json"), JsonSerializer.Serialize(phases.Select(p => new
        {
            p.Phase, p.FanOutP50Ratio, p.FanOutP99Ratio, p.VoteAckP50Ratio, p.VoteAckP99Ratio, p.ThroughputRatio,
            p.RssPerConnectionRatio, p.CpuRatio, p.Trinity, p.Baseline,
        }), LoadReport.Json));
        await File.WriteAllBytesAsync(Path.Combine(folder, "latency.png"), PercentilePlot.Png(phases));
        Console.WriteLine(markdown);
    }

    public static string Markdown(IReadOnlyList<PhaseComparison> phases)
    {
        var s = new StringBuilder();
        foreach (var p in phases)
        {
            var t = p.Trinity;
            var b = p.Baseline;
            s.AppendLine(CultureInfo.InvariantCulture, $"### {p.Phase}: {t.Connections} connections in {t.Rooms} rooms of {t.Members}, " +
                $"{(t.VoteIntervalSeconds > 0 ? $"a vote every {t.VoteIntervalSeconds} s per member" : "closed loop (next vote on ack)")}, " +
                $"{t.DurationSeconds} s measured ({t.Protocol})");
            s.AppendLine();
            s.AppendLine(LoadReport.LatencyTable([
                ("Trinity: vote → ack", t.VoteAck), ("baseline: vote → ack", b.VoteAck),
                ("Trinity: vote → voteUpdate (fan-out)", t.FanOut), ("baseline: vote → voteUpdate (fan-out)", b.FanOut),
                ("Trinity: last like → matchFound", t.MatchFound), ("baseline: last like → matchFound", b.MatchFound)]));
            s.AppendLine("| measure | Trinity | baseline | Trinity ÷ baseline |");
            s.AppendLine("| --- | ---: | ---: | ---: |");
            void Row(string name, double tv, double bv, string format) => s.AppendLine(CultureInfo.InvariantCulture,
                $"| {name} | {tv.ToString(format, CultureInfo.InvariantCulture)} | {bv.ToString(format, CultureInfo.InvariantCulture)} | {PhaseComparison.Ratio(tv, bv):F2} |");
            Row("fan-out p50 (ms)", t.FanOut.P50, b.FanOut.P50, "F2");
            Row("fan-out p99 (ms)", t.FanOut.P99, b.FanOut.P99, "F2");
            Row("vote ack p50 (ms)", t.VoteAck.P50, b.VoteAck.P50, "F2");
            Row("vote ack p99 (ms)", t.VoteAck.P99, b.VoteAck.P99, "F2");
            Row("votes sent / s (each member waits for its ack before its next gap)", t.VotesSent / t.DurationSeconds, b.VotesSent / b.DurationSeconds, "F1");
            Row("acked votes / s", t.VotesPerSecond, b.VotesPerSecond, "F1");
            Row("voteUpdates delivered / s", t.FanOutPerSecond, b.FanOutPerSecond, "F1");
            Row("server RSS per idle connection (KB)", t.RssPerConnection / 1024, b.RssPerConnection / 1024, "F1");
            Row("server RSS per connection in a room (KB)", t.RssPerJoinedConnection / 1024, b.RssPerJoinedConnection / 1024, "F1");
            Row("server RSS max (MB)", t.Server.RssMax / 1048576.0, b.Server.RssMax / 1048576.0, "F1");
            Row("server CPU while measuring (cores)", t.Server.CpuCores, b.Server.CpuCores, "F2");
            // Comparable across machine sizes and node counts: all nodes' CPU over all nodes' votes.
            Row("server CPU per 1,000 acked votes / s (cores)", PerThousandVotes(t), PerThousandVotes(b), "F3");
            Row("load generator CPU while measuring (cores)", t.GeneratorCpuCores, b.GeneratorCpuCores, "F2");
            s.AppendLine(CultureInfo.InvariantCulture,
                $"| failed votes / voteUpdates missing / reconnects | {t.VotesFailed} / {t.FanOutExpected - t.FanOutReceived} / {t.Reconnects} | " +
                $"{b.VotesFailed} / {b.FanOutExpected - b.FanOutReceived} / {b.Reconnects} | |");
            static double PerThousandVotes(LoadReport r) => r.VotesPerSecond > 0 ? r.Server.CpuCores / (r.VotesPerSecond / 1000) : 0;
            static string Errors(LoadReport r) => r.Errors.Count == 0 ? "none" : string.Join(", ", r.Errors.Select(e => $"{e.Key}: {e.Value}"));
            s.AppendLine($"| errors (whole run) | {Errors(t)} | {Errors(b)} | |");
            s.AppendLine();
        }
        return s.ToString();
    }
}
