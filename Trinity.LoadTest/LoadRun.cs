using System.Diagnostics;

namespace Trinity.LoadTest;

/// <summary>
/// One run: connect every member (RSS read before and after, idle), put them in rooms (RSS again), then
/// vote for warm-up + duration, wait for the stragglers, and summarise.
/// </summary>
public static class LoadRun
{
    public static async Task<LoadReport> ExecuteAsync(LoadOptions options)
    {
        var metrics = new LoadMetrics();
        var server = new ProcessSampler(options.ServerPids);
        var runId = Guid.NewGuid().ToString("N")[..6];
        var members = Enumerable.Range(0, options.Connections)
            .Select(i => new LoadMember($"lt{runId}-{i}", options.Nodes[i % options.Nodes.Count], metrics, options.MessagePack))
            .ToArray();
        Log($"{options.Label}: {options.Connections} connections in {options.Rooms} rooms of {options.Members} on {string.Join(",", options.Nodes)}" +
            (options.MessagePack ? " (MessagePack)" : " (JSON)"));

        await Task.Delay(TimeSpan.FromSeconds(options.Settle));
        var rssBefore = server.RssBytes();
        var connectWatch = Stopwatch.StartNew();
        await ForEachAsync(members, options.ConnectConcurrency, async m =>
        {
            try { await m.ConnectAsync(); }
            catch (Exception e)
            {
                Interlocked.Increment(ref metrics.ConnectFailures);
                metrics.Error("CONNECT " + e.GetType().Name);
            }
        });
        var connectSeconds = connectWatch.Elapsed.TotalSeconds;
        Log($"connected in {connectSeconds:F1} s ({metrics.ConnectFailures} failed)");
        await Task.Delay(TimeSpan.FromSeconds(options.Settle));
        var rssConnected = server.RssBytes();

        var rooms = members.Chunk(options.Members).ToArray();
        await ForEachAsync(rooms, options.ConnectConcurrency, async room =>
        {
            try
            {
                await room[0].CreateRoomAsync(options.QueueSize);
                foreach (var member in room.Skip(1)) await member.JoinRoomAsync(room[0].RoomId!);
            }
            catch (Exception e) { metrics.Error("JOIN " + e.Message.Split(':', 2)[0]); }
        });
        var joined = members.Where(m => m.RoomId is not null).ToArray();
        Log($"{joined.Length} members in rooms");
        await Task.Delay(TimeSpan.FromSeconds(options.Settle));
        var rssJoined = server.RssBytes();

        var start = Stopwatch.GetTimestamp();
        metrics.WindowStart = start + Seconds(options.Warmup);
        metrics.WindowEnd = metrics.WindowStart + Seconds(options.Duration);
        var random = new Random(options.Seed);
        var loops = joined.Select(m => m.VoteLoopAsync(options.VoteInterval, options.LikeRatio, metrics.WindowEnd, new Random(random.Next()))).ToArray();
        var rssMax = 0L;
        double cpuAtStart = 0, cpuAtEnd = 0;
        TimeSpan ownCpuAtStart = TimeSpan.Zero, ownCpuAtEnd = TimeSpan.Zero;
        var sampling = Task.Run(async () =>
        {
            var startSampled = false;
            while (Stopwatch.GetTimestamp() < metrics.WindowEnd)
            {
                if (!startSampled && Stopwatch.GetTimestamp() >= metrics.WindowStart) 
                {
                    cpuAtStart = server.CpuSeconds();
                    ownCpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
                    startSampled = true;
                }
                rssMax = Math.Max(rssMax, server.RssBytes());
                await Task.Delay(250);
            }
            cpuAtEnd = server.CpuSeconds();
            ownCpuAtEnd = Process.GetCurrentProcess().TotalProcessorTime;
        });
        Log($"voting: warm-up {options.Warmup} s, measuring {options.Duration} s, mean interval {options.VoteInterval} s");
        await sampling;
        var stopWaiting = Task.Delay(TimeSpan.FromSeconds(options.Drain));
        await Task.WhenAny(Task.WhenAll(loops), stopWaiting);
        await stopWaiting; // events of the last votes may still be on their way
        var rssEnd = server.RssBytes();

        var report = LoadReport.From(options, metrics, new ServerSample(
            options.ServerPids.Count > 0, rssBefore, rssConnected, rssJoined, Math.Max(rssMax, rssEnd), rssEnd,
            (cpuAtEnd - cpuAtStart) / options.Duration), connectSeconds, joined.Length,
            (ownCpuAtEnd - ownCpuAtStart).TotalSeconds / options.Duration);
        Log("closing connections");
        await ForEachAsync(members, 64, async m => await m.DisposeAsync());
        return report;
    }

    private static long Seconds(double seconds) => (long)(seconds * Stopwatch.Frequency);

    private static Task ForEachAsync<T>(IEnumerable<T> items, int concurrency, Func<T, Task> body) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (item, _) => await body(item));

    public static void Log(string line) => Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {line}");
}
