using Akka.Actor;
using Trinity.Actors.Rooms;
using Trinity.Actors.Messages.Commands;
using Trinity.Actors.Protocol;
using Trinity.Actors.Recommendations;
using Xunit.Abstractions;

namespace Trinity.Actors.Tests;

/// <summary>A finished room's invite code works for the grace period, then names no room; its id still does.</summary>
public sealed class InviteCodeExpirySpec(ITestOutputHelper output) : RoomActorSpecBase(output)
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 12, 1, 20, 0, 0, TimeSpan.Zero));
    private readonly RoomActorSettings _settings = Settings with { InviteCodeGrace = TimeSpan.FromHours(1) };

    private IActorRef Incarnation(string roomId) =>
        Sys.ActorOf(RoomActor.Props(roomId, _settings, TestCatalog.Instance, new KeywordRecommender(TestCatalog.Instance), _clock));

    [Fact]
    public void The_code_of_a_closed_room_expires_after_the_grace_period_even_across_a_restart()
    {
        var room = Incarnation("rx1");
        Create(room, "rx1", "ana", Unanimous());
        Join(room, "rx1", "ben");
        _clock.Advance(TimeSpan.FromHours(5)); // an active room's code never expires
        Ask<RoomSnapshot>(room, new JoinRoom("rx1", "ben", "Ben", null, "ABC123"));
        Ask<RoomSnapshot>(room, new CloseRoom("rx1", "ana"));

        _clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(RoomStatus.Finished, Ask<RoomSnapshot>(room, new JoinRoom("rx1", "ben", "Ben", null, "ABC123")).Status);
        Assert.Equal(ErrorCodes.RoomClosed, Rejected(room, new JoinRoom("rx1", "cay", "Cay", null, "ABC123")).Code);

        _clock.Advance(TimeSpan.FromMinutes(1));
        Watch(room);
        room.Tell(PoisonPill.Instance);
        ExpectTerminated(room);
        room = Incarnation("rx1");
        var expired = Rejected(room, new JoinRoom("rx1", "ben", "Ben", null, "ABC123"));
        Assert.Equal((ErrorCodes.RoomNotFound, "no room has invite code 'ABC123'"), (expired.Code, expired.Message));
        Assert.Equal(ErrorCodes.RoomNotFound, Rejected(room, new JoinRoom("rx1", "cay", "Cay", null, "ABC123")).Code);
        Assert.Equal(RoomStatus.Finished, Join(room, "rx1", "ben").Status);
    }
}
