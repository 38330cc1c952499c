using Trinity.LoadTest;

namespace Trinity.Host.Tests;

/// <summary>The load generator's arithmetic (percentiles, options, ratios); the load run itself is scripts/loadtest.sh.</summary>
public class LoadTestReportTests
{
    [Fact]
    public void Percentiles_come_out_of_the_histogram_in_milliseconds()
    {
        var histogram = new LatencyHistogram();
        for (var ms = 1; ms <= 1000; ms++) histogram.RecordMicros(ms * 1000L);
        var summary = histogram.Summary();
        Assert.Equal(1000, summary.Count);
        Assert.InRange(summary.P50, 499.5, 501);
        Assert.InRange(summary.P99, 989.5, 991);
        Assert.InRange(summary.Max, 999.5, 1001);
        Assert.Null(summary.Percentiles);

        var curve = histogram.Summary(withCurve: true).Percentiles!;
        Assert.Equal([0, 50, 75, 90, 95, 99, 99.5, 99.9, 99.95, 99.99, 100], curve.Select(p => p.Percentile));
        Assert.InRange(curve[0].Ms, 0.999, 1.001);
        Assert.InRange(curve[1].Ms, 499.5, 501);
        Assert.InRange(curve[^1].Ms, 999.5, 1001);
    }

    [Fact]
    public void Connections_and_members_give_the_rooms()
    {
        var options = LoadOptions.Parse(["--connections", "5000", "--members", "5", "--messagepack", "--nodes", "http://127.0.0.1:1,http://127.0.0.1:2"]);
        Assert.Equal(1000, options.Rooms);
        Assert.Equal(5000, options.Connections);
        Assert.True(options.MessagePack);
        Assert.Equal(2, options.Nodes.Count);
        Assert.Empty(options.ServerPids);
    }

    [Fact]
    public void Server_pid_takes_one_process_or_several()
    {
        Assert.Equal([42], LoadOptions.Parse(["--server-pid", "42"]).ServerPids);
        Assert.Equal([42, 43, 44], LoadOptions.Parse(["--server-pid", "42,43,44"]).ServerPids);
    }

    [Fact]
    public async Task Compare_divides_trinity_by_the_baseline_of_the_same_phase()
    {
        var folder = Directory.CreateTempSubdirectory("trinity-loadreport-").FullName;
        await Report("fixed-trinity", fanOutP99: 30, votesPerSecond: 700).WriteAsync(Path.Combine(folder, "fixed-trinity"));
        await Report("fixed-baseline", fanOutP99: 10, votesPerSecond: 1000).WriteAsync(Path.Combine(folder, "fixed-baseline"));

        try
        {
            var phase = Assert.Single(CompareReport.Load(folder));
            Assert.Equal("fixed", phase.Phase);
            Assert.Equal(3.0, phase.FanOutP99Ratio, 3);
            Assert.Equal(0.7, phase.ThroughputRatio, 3);
            Assert.Equal(2.0, phase.RssPerConnectionRatio, 3);
            Assert.Contains("| fan-out p99 (ms) | 30.00 | 10.00 | 3.00 |", CompareReport.Markdown([phase]));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_phase_whose_baseline_measured_nothing_still_gets_a_summary()
    {
        var folder = Directory.CreateTempSubdirectory("trinity-loadreport-").FullName;
        await Report("saturation-trinity", fanOutP99: 30, votesPerSecond: 700).WriteAsync(Path.Combine(folder, "saturation-trinity"));
        var nothing = new LatencySummary(0, 0, 0, 0, 0, 0, 0);
        await (Report("saturation-baseline", fanOutP99: 0, votesPerSecond: 0) with { VoteAck = nothing, FanOut = nothing })
            .WriteAsync(Path.Combine(folder, "saturation-baseline"));

        try
        {
            await CompareReport.WriteAsync(folder);

            Assert.Contains("\"throughputRatio\": \"NaN\"", await File.ReadAllTextAsync(Path.Combine(folder, "summary.json")));
            Assert.Contains("| acked votes / s | 700.0 | 0.0 |", await File.ReadAllTextAsync(Path.Combine(folder, "summary.md")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task The_plot_has_a_line_per_phase_and_server_from_the_series_or_from_an_older_reports_percentiles()
    {
        var folder = Directory.CreateTempSubdirectory("trinity-loadplot-").FullName;
        var histogram = new LatencyHistogram();
        for (var ms = 1; ms <= 1000; ms++) histogram.RecordMicros(ms * 1000L);
        await (Report("fixed-trinity", fanOutP99: 30, votesPerSecond: 700) with { FanOut = histogram.Summary(withCurve: true) })
            .WriteAsync(Path.Combine(folder, "fixed-trinity"));
        await Report("fixed-baseline", fanOutP99: 10, votesPerSecond: 1000).WriteAsync(Path.Combine(folder, "fixed-baseline"));

        try
        {
            Assert.DoesNotContain("percentiles", await File.ReadAllTextAsync(Path.Combine(folder, "fixed-baseline", "report.json")));
            var phases = CompareReport.Load(folder);
            var plot = PercentilePlot.Build(phases);
            var lines = plot.GetPlottables().OfType<ScottPlot.Plottables.Scatter>().ToArray();
            Assert.Equal([11, 5], lines.Select(l => l.Data.GetScatterPoints().Count));
            Assert.Equal(["fixed trinity", "fixed baseline"], lines.Select(l => l.LegendText));
            plot.GetImageBytes(PercentilePlot.Width, PercentilePlot.Height, ScottPlot.ImageFormat.Png);
            var xTicks = (ScottPlot.TickGenerators.NumericManual)plot.Axes.Bottom.TickGenerator;
            Assert.Contains("99.9%", xTicks.Ticks.Select(t => t.Label));

            // A real PNG at the plot's size, with more in it than a blank canvas (text needs a font found headless).
            await CompareReport.WriteAsync(folder);
            var png = await File.ReadAllBytesAsync(Path.Combine(folder, "latency.png"));
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
            Assert.Equal((PercentilePlot.Width, PercentilePlot.Height),
                (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20))));
            Assert.InRange(png.Length, 20_000, 2_000_000);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static LoadReport Report(string label, double fanOutP99, double votesPerSecond)
    {
        var latency = new LatencySummary(100, 1, 2, fanOutP99, fanOutP99, fanOutP99, 1);
        var perConnection = label.EndsWith("trinity") ? 20 * 1024 : 10 * 1024;
        return new LoadReport
        {
            Label = label, Protocol = "json", Nodes = ["http://127.0.0.1:1/"], Connections = 100, Rooms = 20, Members = 5,
            MembersInRooms = 100, VoteIntervalSeconds = 1, WarmupSeconds = 1, DurationSeconds = 10, ConnectSeconds = 1,
            VotesSent = 10, VotesAcked = 10, VotesFailed = 0, VotesPerSecond = votesPerSecond, FanOutExpected = 40, FanOutReceived = 40,
            FanOutPerSecond = 4, MatchesReceived = 0, ConnectFailures = 0, Reconnects = 0, ConnectionsClosed = 0, MembersOutOfTitles = 0,
            Errors = new Dictionary<string, int>(), VoteAck = latency, FanOut = latency, MatchFound = latency, Connect = latency,
            Server = new ServerSample(true, 0, 100L * perConnection, 100L * perConnection, 0, 0, 0.5),
        };
    }
}
