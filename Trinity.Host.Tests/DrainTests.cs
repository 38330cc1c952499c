using System.Diagnostics;
using System.Net;
using Trinity.Actors.Protocol;
using Xunit.Abstractions;

namespace Trinity.Host.Tests;

/// <summary>A real SIGTERM to a real node process, again and again: clients are told before their sockets close.</summary>
[Trait(OwnStorage.Trait, OwnStorage.Value)]
[Collection(IsolatedCollection.Name)]
public sealed class DrainTests(ITestOutputHelper output)
{
    [Fact]
    public async Task On_SIGTERM_every_client_gets_the_maintenance_notice_before_its_socket_closes_ten_times_in_a_row()
    {
        const int cycles = 10;
        var environment = HostProcess.Variables(TrinityServer.NewDataDir(), "http://127.0.0.1:0");
        var drainTimes = new List<TimeSpan>();
        var refusedWith503 = 0;
        for (var cycle = 1; cycle <= cycles; cycle++)
        {
            await using var node = await HostProcess.StartAsync(environment, output);
            var ana = await TrinityClient.ConnectAsync(node.BaseUri, await node.GuestAsync("Ana"));
            var ben = await TrinityClient.ConnectAsync(node.BaseUri, await node.GuestAsync("Ben"), messagePack: true);
            var room = await ana.Invoke<RoomSnapshot>("CreateRoom", new { name = $"Cycle {cycle}", queueSize = 5 });
            await ben.Invoke<RoomSnapshot>("JoinRoom", new { roomId = room.RoomId });
            var closed = new[] { ana, ben }.Select(ClosedAt).ToArray();
            var stopping = Stopwatch.StartNew();

            node.Terminate();

            // Readiness turns false before the node stops listening, and new connections get a retryable 503.
            var readiness = await Poll(node.Http, "/healthz/ready");
            Assert.True(readiness == HttpStatusCode.ServiceUnavailable, $"cycle {cycle}: readiness answered {readiness} after SIGTERM");
            var negotiate = await Poll(node.Http, "/realtime/negotiate?negotiateVersion=1", HttpMethod.Post);
            Assert.True(negotiate is HttpStatusCode.ServiceUnavailable or null, $"cycle {cycle}: a new connection got {negotiate}");
            if (negotiate == HttpStatusCode.ServiceUnavailable) refusedWith503++;

            var exitCode = await node.WaitForExitAsync(Waits.Drain);
            drainTimes.Add(stopping.Elapsed);
            Assert.True(exitCode == 0, $"cycle {cycle}: exit code {exitCode}\n{string.Join('\n', node.Log)}");
            foreach (var (client, closing) in new[] { ana, ben }.Zip(closed))
            {
                var closedAt = await closing.WaitAsync(TimeSpan.FromSeconds(10));
                var notice = await client.WaitFor("systemMessage", e => e.Get("type") == "maintenance", timeoutSeconds: 1);
                Assert.True(notice.At < closedAt, $"cycle {cycle}: {client.UserId} saw the notice after its socket closed");
                await client.DisposeAsync();
            }
            Assert.DoesNotContain(node.Log, line => line.Contains("Exception"));
        }
        drainTimes.Sort();
        output.WriteLine($"SIGTERM to exit 0, {cycles} cycles: median {drainTimes[cycles / 2].TotalSeconds:F1} s, max {drainTimes[^1].TotalSeconds:F1} s; " +
            $"a connection attempt while draining got 503 in {refusedWith503} cycles (otherwise the node had already stopped listening)");
    }

    private static Task<long> ClosedAt(TrinityClient client)
    {
        var closed = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Hub.Closed += _ =>
        {
            closed.TrySetResult(Stopwatch.GetTimestamp());
            return Task.CompletedTask;
        };
        return closed.Task;
    }

    /// <summary>The first answer other than 200 (null: the node no longer listens), polling for at most 10 s.</summary>
    private static async Task<HttpStatusCode?> Poll(HttpClient http, string path, HttpMethod? method = null)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await http.SendAsync(new HttpRequestMessage(method ?? HttpMethod.Get, path));
                if (response.StatusCode != HttpStatusCode.OK) return response.StatusCode;
            }
            catch (HttpRequestException)
            {
                return null;
            }
            await Task.Delay(20);
        }
        throw new TimeoutException($"{path} still answered 200 10 s after SIGTERM");
    }
}
