using System.Globalization;
using System.Text.RegularExpressions;
using Trinity.Actors.Protocol;
using Xunit.Abstractions;
using static Trinity.Host.Tests.TestCluster;

namespace Trinity.Host.Tests;

/// <summary>/metrics after some traffic: counters move, histograms fill, gauges show the node.</summary>
[Collection(IsolatedCollection.Name)] // meters are per process: other tests' nodes would count here too
public sealed partial class MetricsTests(ITestOutputHelper output) : ServerTest
{
    [Fact]
    public async Task Votes_matches_latencies_connections_and_members_show_up_in_the_prometheus_scrape()
    {
        var before = await Scrape();
        await using var ana = await TrinityClient.ConnectAsync(Server, "Ana");
        await using var ben = await TrinityClient.ConnectAsync(Server, "Ben");
        var room = await ana.Invoke<RoomSnapshot>("CreateRoom", new { name = "Measured", queueSize = 10 });
        await ben.Invoke<RoomSnapshot>("JoinRoom", new { inviteCode = room.InviteCode });
        foreach (var client in new[] { ana, ben })
            await client.Invoke<VoteResult>("Vote", new { roomId = room.RoomId, mediaId = room.Queue[0].MediaId, voteType = "like" });
        await ana.WaitFor("matchFound");
        await ben.WaitFor("matchFound");

        // The exporter caches a scrape briefly, and pushes finish after acknowledgements: poll until all show.
        Dictionary<string, double> after = [];
        await WaitUntil(async () =>
        {
            after = await Scrape();
            return Delta("trinity_votes_total") >= 2 && Delta("trinity_matches_total") >= 1
                && Delta("trinity_fanout_latency_milliseconds_count") >= 4
                && Delta("trinity_journal_write_latency_milliseconds_count") >= 3
                // Gauges are observed at scrape time, beside other nodes' in this test process: wait for ours.
                && after.GetValueOrDefault("trinity_connections") >= 2
                && after.GetValueOrDefault("trinity_rooms_live") >= 1
                && after.GetValueOrDefault("trinity_cluster_members{status=Up}") >= 1;
        }, "the traffic is counted");
        double Delta(string name) => after.GetValueOrDefault(name) - before.GetValueOrDefault(name);

        Assert.True(after["trinity_fanout_latency_milliseconds_sum"] >= 0);
    }

    [Fact]
    public async Task Calls_refused_by_a_rate_limit_are_counted()
    {
        await using var strict = await TrinityServer.StartAsync(null, "--Trinity:RateLimits:Rest:Burst=1", "--Trinity:RateLimits:Rest:PerSecond=0.01");
        var before = await Scrape(strict.Http);
        var guest = await strict.GuestAsync("Hasty");
        var refused = 0;
        for (var i = 0; i < 3; i++)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/api/me/rooms");
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", guest.Token);
            if ((await strict.Http.SendAsync(request)).StatusCode == System.Net.HttpStatusCode.TooManyRequests) refused++;
        }
        Assert.Equal(2, refused);

        await WaitUntil(async () =>
            (await Scrape(strict.Http)).GetValueOrDefault("trinity_rate_limited_total") - before.GetValueOrDefault("trinity_rate_limited_total") >= 2,
            "the refusals are counted");
    }

    private Task<Dictionary<string, double>> Scrape() => Scrape(Server.Http);

    private Task<Dictionary<string, double>> Scrape(HttpClient node) => ScrapeAsync(node, output);

    /// <summary>Every sample of a node's scrape, summed over labels other than <c>status</c>.</summary>
    public static async Task<Dictionary<string, double>> ScrapeAsync(HttpClient node, ITestOutputHelper output)
    {
        var response = await node.GetAsync("/metrics");
        response.EnsureSuccessStatusCode();
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var samples = new Dictionary<string, double>();
        foreach (var line in text.Split('\n'))
        {
            var match = Sample().Match(line);
            if (!match.Success) continue;
            var name = match.Groups["name"].Value;
            var status = StatusLabel().Match(match.Groups["labels"].Value);
            if (status.Success) name += $"{{status={status.Groups[1].Value}}}";
            var value = match.Groups["value"].Value switch
            {
                "+Inf" => double.PositiveInfinity,
                "NaN" => double.NaN,
                var number => double.Parse(number, CultureInfo.InvariantCulture),
            };
            samples[name] = samples.GetValueOrDefault(name) + value;
        }
        output.WriteLine(string.Join("\n", samples.Where(s => s.Key.StartsWith("trinity_")).Select(s => $"{s.Key} {s.Value}")));
        return samples;
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[^}]*)\})? (?<value>[-+0-9.eE]+|NaN|\+Inf)( \d+)?$")]
    private static partial Regex Sample();

    [GeneratedRegex(@"status=""([^""]+)""")]
    private static partial Regex StatusLabel();
}
