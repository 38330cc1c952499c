using Akka.Actor;
using System.Collections.Concurrent;
using Trinity.Actors.Connections;
using Trinity.Actors.Messages.Commands;
using Trinity.Actors.Protocol;
using Xunit.Abstractions;

namespace Trinity.Actors.Tests;

public sealed class ConnectionActorSpec(ITestOutputHelper output) : ActorSpecBase(output)
{
    /// <summary>Stands in for SignalR: records what was pushed and completes each push when told to.</summary>
    private sealed class RecordingPush(bool completeAtOnce) : IClientPush
    {
        public readonly ConcurrentQueue<IClientEvent> Pushed = new();
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task PushAsync(string connectionId, IClientEvent clientEvent)
        {
            Pushed.Enqueue(clientEvent);
            return completeAtOnce ? Task.CompletedTask : _release.Task;
        }

        public void Release() => _release.TrySetResult();

        public readonly ConcurrentQueue<string> Disconnected = new();

        public void Disconnect(string connectionId, string reason) => Disconnected.Enqueue(connectionId);
    }

    private static ChatMessage Chat(long seq) => new("r1", seq, DateTime.UtcNow, "ana", "Ana", $"line {seq}");

    [Fact]
    public void Pushes_events_out_in_order()
    {
        using var fanOut = new RecordedMeasurements("trinity.fanout.latency");
        var push = new RecordingPush(completeAtOnce: true);
        var connection = Sys.ActorOf(ConnectionActor.Props("c1", push, bufferLimit: 64, rooms: Nobody.Instance));

        for (var seq = 1; seq <= 50; seq++) connection.Tell(Chat(seq));

        AwaitAssert(() => Assert.Equal(Enumerable.Range(1, 50).Select(i => (long)i),
            push.Pushed.Cast<ChatMessage>().Select(c => c.Seq)), TimeSpan.FromSeconds(10));
        AwaitAssert(() => Assert.True(fanOut.Count >= 50, $"{fanOut.Count} fan-out latencies"), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void A_client_that_does_not_read_is_cut_off_at_the_bound_and_its_buffer_freed()
    {
        using var dropped = new RecordedMeasurements("trinity.slow_client.dropped");
        var push = new RecordingPush(completeAtOnce: false);
        var connection = Sys.ActorOf(ConnectionActor.Props("c1", push, bufferLimit: 10, rooms: Nobody.Instance));

        for (var seq = 1; seq <= 300; seq++) connection.Tell(Chat(seq));
        connection.Tell(ConnectionActor.GetDropped.Instance);

        Assert.Equal(299L, ExpectMsg<long>()); // only the first, in flight, ever reached the transport
        Assert.True(dropped.Sum >= 299, $"the metric counted {dropped.Sum} dropped events");
        Assert.Equal(["c1"], push.Disconnected);
        push.Release();
        connection.Tell(ConnectionActor.GetDropped.Instance);
        ExpectMsg<long>();
        Assert.Equal([1L], push.Pushed.Cast<ChatMessage>().Select(c => c.Seq));
    }

    [Fact]
    public void Follows_a_stopped_room_again_through_the_region_until_the_room_answers()
    {
        var region = CreateTestProbe();
        var room = CreateTestProbe();
        var connection = Sys.ActorOf(ConnectionActor.Props("c1", new RecordingPush(completeAtOnce: true), 16, region.Ref));
        connection.Tell(new SubscribedToRoom("r1", "ana"), room.Ref);
        connection.Tell(new SubscribedToRoom("r2", "ana"), CreateTestProbe().Ref);
        connection.Tell(Chat(5), room.Ref);

        Sys.Stop(room.Ref);

        // The first asks are lost (the room cannot recover yet): the connection keeps asking.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var again = region.ExpectMsg<Resubscribe>(TimeSpan.FromSeconds(5));
            Assert.Equal(("r1", "ana", connection, 5L), (again.RoomId, again.UserId, again.Subscriber, again.AfterSeq));
        }
        var recovered = CreateTestProbe();
        connection.Tell(new SubscribedToRoom("r1", "ana"), recovered.Ref);
        region.ReceiveWhile(TimeSpan.FromSeconds(1), m => m as Resubscribe); // one may have crossed the answer
        region.ExpectNoMsg(ConnectionActor.FollowAgainAfter(10) + TimeSpan.FromMilliseconds(500));

        // And the recovered room, once it stops in turn, is followed again too.
        Sys.Stop(recovered.Ref);
        Assert.Equal("r1", region.ExpectMsg<Resubscribe>(TimeSpan.FromSeconds(5)).RoomId);
    }

    [Fact]
    public void Stops_asking_a_room_that_no_longer_counts_it_as_a_member()
    {
        var region = CreateTestProbe();
        var room = CreateTestProbe();
        var connection = Sys.ActorOf(ConnectionActor.Props("c1", new RecordingPush(completeAtOnce: true), 16, region.Ref));
        connection.Tell(new SubscribedToRoom("r1", "ana"), room.Ref);
        Sys.Stop(room.Ref);
        region.ExpectMsg<Resubscribe>(TimeSpan.FromSeconds(5));

        connection.Tell(new UnsubscribedFromRoom("r1"), region.Ref);

        region.ExpectNoMsg(ConnectionActor.FollowAgainAfter(0) + TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public void Does_not_follow_a_room_it_left()
    {
        var region = CreateTestProbe();
        var room = CreateTestProbe();
        var connection = Sys.ActorOf(ConnectionActor.Props("c1", new RecordingPush(completeAtOnce: true), 16, region.Ref));
        connection.Tell(new SubscribedToRoom("r1", "ana"), room.Ref);
        connection.Tell(new UnsubscribedFromRoom("r1"), room.Ref);

        Sys.Stop(room.Ref);

        region.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public void Events_it_already_pushed_are_not_pushed_twice()
    {
        var push = new RecordingPush(completeAtOnce: true);
        var connection = Sys.ActorOf(ConnectionActor.Props("c1", push, 16, Nobody.Instance));

        foreach (var seq in new long[] { 1, 2, 2, 1, 3 }) connection.Tell(Chat(seq));

        AwaitAssert(() => Assert.Equal([1L, 2L, 3L], push.Pushed.Cast<ChatMessage>().Select(c => c.Seq)), TimeSpan.FromSeconds(10));
    }
}
