using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Trinity.Actors.Serialization;
using Trinity.Host.Realtime;

namespace Trinity.LoadTest;

/// <summary>One simulated member: a SignalR connection as <c>?userId=</c>, one room, and a vote loop.</summary>
public sealed class LoadMember(string userId, Uri node, LoadMetrics metrics, bool messagePack) : IAsyncDisposable
{
    private HubConnection? _hub;
    public string UserId { get; } = userId;
    public string? RoomId { get; private set; }
    public IReadOnlyList<string> Queue { get; private set; } = [];

    public async Task ConnectAsync()
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(node, $"/realtime?userId={Uri.EscapeDataString(UserId)}"))
            .WithAutomaticReconnect();
        if (messagePack) builder.AddMessagePackProtocol(o => o.SerializerOptions = MessagePackWire.Options);
        else builder.AddJsonProtocol(o => TrinityJson.Configure(o.PayloadSerializerOptions));
        var hub = builder.Build();
        hub.ServerTimeout = TimeSpan.FromSeconds(60);
        hub.HandshakeTimeout = TimeSpan.FromSeconds(60);
        hub.On<JsonElement>("voteUpdate", e =>
            metrics.VoteUpdateReceived(UserId, e.GetProperty("userId").GetString()!, e.GetProperty("mediaId").GetString()!));
        hub.On<JsonElement>("matchFound", e =>
            metrics.MatchReceived(e.GetProperty("roomId").GetString()!, e.GetProperty("mediaId").GetString()!));
        hub.Reconnected += async _ =>
        {
            Interlocked.Increment(ref metrics.Reconnects);
            if (RoomId is not null) await hub.InvokeAsync<JsonElement>("JoinRoom", new { roomId = RoomId });
        };
        hub.Closed += _ =>
        {
            Interlocked.Increment(ref metrics.Closed);
            return Task.CompletedTask;
        };
        var started = Stopwatch.GetTimestamp();
        await hub.StartAsync();
        metrics.Connect.RecordTicks(Stopwatch.GetTimestamp() - started);
        _hub = hub;
    }

    public async Task CreateRoomAsync(int queueSize) =>
        Joined(await Hub.InvokeAsync<JsonElement>("CreateRoom", new { name = $"load {UserId}", consensus = "unanimous", queueSize, maxMembers = 50 }));

    public async Task JoinRoomAsync(string roomId) =>
        Joined(await Hub.InvokeAsync<JsonElement>("JoinRoom", new { roomId }));

    private void Joined(JsonElement snapshot)
    {
        RoomId = snapshot.GetProperty("roomId").GetString();
        Queue = snapshot.GetProperty("queue").EnumerateArray().Select(m => m.GetProperty("mediaId").GetString()!).ToArray();
    }

    /// <summary>Votes down its own queue until <paramref name="stopAt"/> (a Stopwatch timestamp).</summary>
    public async Task VoteLoopAsync(double meanIntervalSeconds, double likeRatio, long stopAt, Random random)
    {
        for (var next = 0; Stopwatch.GetTimestamp() < stopAt; next++)
        {
            if (meanIntervalSeconds > 0)
            {
                // Exponential gaps (a Poisson process per member), capped so one member never sleeps through the run.
                var gap = Math.Min(-Math.Log(1 - random.NextDouble()) * meanIntervalSeconds, 5 * meanIntervalSeconds);
                await Task.Delay(TimeSpan.FromSeconds(gap));
                if (Stopwatch.GetTimestamp() >= stopAt) return;
            }
            if (next >= Queue.Count)
            {
                Interlocked.Increment(ref metrics.MembersOutOfTitles);
                return;
            }
            var mediaId = Queue[next];
            var like = random.NextDouble() < likeRatio;
            var sentAt = metrics.VoteSending(RoomId!, UserId, mediaId, like);
            try
            {
                await Hub.InvokeAsync<JsonElement>("Vote",
                    new { roomId = RoomId, mediaId, voteType = like ? "like" : "dislike", voteId = $"{UserId}-{next}" });
                metrics.VoteAcknowledged(sentAt);
            }
            catch (Exception e)
            {
                metrics.VoteFailed(sentAt, e);
            }
        }
    }

    private HubConnection Hub => _hub ?? throw new InvalidOperationException("not connected");

    public async ValueTask DisposeAsync()
    {
        if (_hub is not null) await _hub.DisposeAsync();
    }
}
