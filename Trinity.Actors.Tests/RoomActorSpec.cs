using Akka.Actor;
using Trinity.Actors.Messages.Commands;
using Trinity.Actors.Messages.Queries;
using Trinity.Actors.Protocol;
using Xunit.Abstractions;

namespace Trinity.Actors.Tests;

public sealed class RoomActorSpec(ITestOutputHelper output) : RoomActorSpecBase(output)
{
    [Fact]
    public void Creating_a_room_makes_the_creator_a_joined_member_with_their_own_queue()
    {
        var room = Room("r1");
        var snapshot = Create(room, "r1", "ana", Unanimous(queueSize: 12));

        Assert.Equal("r1", snapshot.RoomId);
        Assert.Equal("ABC123", snapshot.InviteCode);
        Assert.Equal(RoomStatus.Active, snapshot.Status);
        Assert.Equal(12, snapshot.Queue.Count);
        Assert.Equal(new Progress(0, 12, 0), snapshot.Progress);
        var member = Assert.Single(snapshot.Members);
        Assert.Equal(("ana", MemberRole.Creator, MemberStatus.Active), (member.UserId, member.Role, member.Status));
        Assert.Equal(1, snapshot.Seq);
    }

    [Fact]
    public void Members_see_the_same_titles_in_orders_of_their_own()
    {
        var room = Room("r2");
        var ana = Create(room, "r2", "ana", Unanimous(queueSize: 20));
        var ben = Join(room, "r2", "ben");

        Assert.Equal(ana.Queue.Select(m => m.MediaId).Order(), ben.Queue.Select(m => m.MediaId).Order());
        Assert.NotEqual(ana.Queue.Select(m => m.MediaId), ben.Queue.Select(m => m.MediaId));
    }

    [Fact]
    public void Joining_notifies_subscribers_with_gapless_seq()
    {
        var room = Room("r3");
        var anaEvents = Subscriber();
        var created = Create(room, "r3", "ana", Unanimous(), anaEvents);
        var lastSeq = created.Seq;

        Join(room, "r3", "ben", Subscriber());

        var joined = ExpectEvent<MemberStatusChanged>(anaEvents, ref lastSeq);
        Assert.Equal(("ben", MemberStatus.Active, true), (joined.UserId, joined.Status, joined.Online));
        var state = ExpectEvent<RoomStateChanged>(anaEvents, ref lastSeq);
        Assert.Equal(StateChangeReason.MemberJoined, state.Reason);
        Assert.Equal(2, state.ActiveMembers);
    }

    [Fact]
    public void A_vote_is_acknowledged_with_progress_and_pushed_as_voteUpdate()
    {
        var room = Room("r4");
        var anaEvents = Subscriber();
        var lastSeq = Create(room, "r4", "ana", Unanimous(queueSize: 10), anaEvents).Seq;
        var ben = Join(room, "r4", "ben");

        var result = Vote(room, "r4", "ben", ben.Queue[0].MediaId, VoteType.Dislike);

        Assert.Equal(new Progress(1, 10, 10), result.Progress);
        Assert.Equal(ben.Queue[1].MediaId, result.NextMediaId);
        Assert.False(result.QueueCompleted);
        Assert.Null(result.Matched);
        var update = ExpectEvent<VoteUpdate>(anaEvents, ref lastSeq);
        Assert.Equal(("ben", ben.Queue[0].MediaId, VoteType.Dislike), (update.UserId, update.MediaId, update.VoteType));
    }

    [Fact]
    public void Repeating_a_vote_returns_the_first_result_and_changes_nothing()
    {
        var room = Room("r5");
        var ana = Create(room, "r5", "ana", Unanimous());
        var first = Vote(room, "r5", "ana", ana.Queue[0].MediaId, VoteType.Like, "v-1");
        Vote(room, "r5", "ana", ana.Queue[1].MediaId);

        var sameId = Vote(room, "r5", "ana", ana.Queue[0].MediaId, VoteType.Like, "v-1");
        var sameVote = Vote(room, "r5", "ana", ana.Queue[0].MediaId);

        Assert.Equal(first, sameId);
        Assert.Equal(first, sameVote);
        Assert.Equal(2, Ask<RoomSnapshot>(room, new GetRoomState("r5", "ana")).Progress.TotalVotes);
    }

    [Fact]
    public void A_different_vote_for_a_voted_title_is_ALREADY_VOTED()
    {
        var room = Room("r6");
        var ana = Create(room, "r6", "ana", Unanimous());
        Vote(room, "r6", "ana", ana.Queue[0].MediaId);

        var rejected = Rejected(room, new CastVote("r6", "ana", ana.Queue[0].MediaId, VoteType.Dislike, null));

        Assert.Equal(ErrorCodes.AlreadyVoted, rejected.Code);
    }

    [Fact]
    public void Bad_commands_are_refused_with_their_codes_and_change_nothing()
    {
        var room = Room("r7");
        var ana = Create(room, "r7", "ana", Unanimous(maxMembers: 2));
        Join(room, "r7", "ben");

        Assert.Equal(ErrorCodes.MediaNotInRoom, Rejected(room, new CastVote("r7", "ana", "m-nope-1999", VoteType.Like, null)).Code);
        Assert.Equal(ErrorCodes.Forbidden, Rejected(room, new CastVote("r7", "eve", ana.Queue[0].MediaId, VoteType.Like, null)).Code);
        Assert.Equal(ErrorCodes.Forbidden, Rejected(room, new GetRoomState("r7", "eve")).Code);
        Assert.Equal(ErrorCodes.RoomFull, Rejected(room, new JoinRoom("r7", "eve", "Eve", null)).Code);
        Assert.Equal(ErrorCodes.Forbidden, Rejected(room, new CloseRoom("r7", "ben")).Code);
        Assert.Equal(ErrorCodes.RoomNotFound, Rejected(Room("never-created"), new GetRoomState("never-created", "ana")).Code);

        Assert.Equal(3, Ask<RoomSnapshot>(room, new GetRoomState("r7", "ana")).Seq);
    }

    [Fact]
    public void A_closed_room_refuses_votes_with_ROOM_CLOSED()
    {
        var room = Room("r8");
        var ana = Create(room, "r8", "ana", Unanimous());
        var closed = Ask<RoomSnapshot>(room, new CloseRoom("r8", "ana"));

        Assert.Equal(RoomStatus.Finished, closed.Status);
        Assert.Equal(ErrorCodes.RoomClosed, Rejected(room, new CastVote("r8", "ana", ana.Queue[0].MediaId, VoteType.Like, null)).Code);
        Assert.Equal(ErrorCodes.RoomClosed, Rejected(room, new JoinRoom("r8", "ben", "Ben", null)).Code);
    }

    [Fact]
    public void Unanimous_likes_make_a_match_that_every_subscriber_sees()
    {
        var room = Room("r9");
        var anaEvents = Subscriber();
        var ana = Create(room, "r9", "ana", Unanimous(), anaEvents);
        Join(room, "r9", "ben");
        var title = ana.Queue[3].MediaId;

        Assert.Null(Vote(room, "r9", "ana", title).Matched);
        var result = Vote(room, "r9", "ben", title);

        Assert.NotNull(result.Matched);
        Assert.Equal(["ana", "ben"], result.Matched.Participants);
        var lastSeq = ana.Seq;
        var found = ExpectEvent<MatchFoundNotice>(anaEvents, ref lastSeq);
        Assert.Equal((title, ConsensusMode.Unanimous), (found.MediaId, found.MatchType));
        Assert.Single(Ask<RoomSnapshot>(room, new GetRoomState("r9", "ben")).Matches);
    }

    [Fact]
    public void Majority_needs_more_than_half_of_the_active_members()
    {
        var room = Room("r10");
        var ana = Create(room, "r10", "ana", Majority());
        Join(room, "r10", "ben");
        Join(room, "r10", "cid");
        Join(room, "r10", "dan");
        var title = ana.Queue[0].MediaId;

        Vote(room, "r10", "ana", title);
        Assert.Null(Vote(room, "r10", "ben", title).Matched); // 2 of 4 is not more than half
        var third = Vote(room, "r10", "cid", title);

        Assert.Equal(ConsensusMode.Majority, third.Matched!.MatchType);
        Assert.Equal(["ana", "ben", "cid"], third.Matched.Participants);
    }

    [Fact]
    public void When_a_member_leaves_the_remaining_members_consensus_is_rechecked()
    {
        var room = Room("r11");
        var anaEvents = Subscriber();
        var ana = Create(room, "r11", "ana", Unanimous(), anaEvents);
        Join(room, "r11", "ben");
        Join(room, "r11", "cid");
        var title = ana.Queue[0].MediaId;
        Vote(room, "r11", "ana", title);
        Assert.Null(Vote(room, "r11", "ben", title).Matched);

        Ask<LeftRoom>(room, new LeaveRoom("r11", "cid"));

        anaEvents.FishForMessage(m => m is MatchFoundNotice f && f.MediaId == title, TimeSpan.FromSeconds(10));
        var matches = Ask<RoomSnapshot>(room, new GetRoomState("r11", "ana")).Matches;
        Assert.Equal(title, Assert.Single(matches).MediaId);
    }

    [Fact]
    public void End_on_first_match_finishes_the_room()
    {
        var room = Room("r12");
        var ana = Create(room, "r12", "ana", Unanimous(endOnFirstMatch: true));
        Join(room, "r12", "ben");
        Vote(room, "r12", "ana", ana.Queue[0].MediaId);
        Vote(room, "r12", "ben", ana.Queue[0].MediaId);

        Assert.Equal(RoomStatus.Finished, Ask<RoomSnapshot>(room, new GetRoomState("r12", "ana")).Status);
    }

    [Fact]
    public void A_room_whose_active_members_voted_everything_is_finished_as_exhausted()
    {
        var room = Room("r13");
        var events = Subscriber();
        var ana = Create(room, "r13", "ana", Unanimous(queueSize: 5), events);
        foreach (var title in ana.Queue) Vote(room, "r13", "ana", title.MediaId, VoteType.Dislike);

        var finished = (RoomStateChanged)events.FishForMessage(m => m is RoomStateChanged { Status: RoomStatus.Finished }, TimeSpan.FromSeconds(10));
        Assert.Equal(StateChangeReason.Exhausted, finished.Reason);
    }

    [Fact]
    public void A_member_with_no_connection_and_no_vote_turns_inactive_and_stops_blocking_consensus()
    {
        var settings = Settings with { InactiveAfter = TimeSpan.FromMilliseconds(300) };
        var room = Room("r14", settings);
        var anaEvents = Subscriber();
        var ana = Create(room, "r14", "ana", Unanimous(), anaEvents);
        Join(room, "r14", "ben", Subscriber());
        Join(room, "r14", "cid"); // never connected, never votes
        var title = ana.Queue[0].MediaId;
        Vote(room, "r14", "ana", title);
        Vote(room, "r14", "ben", title);

        var inactive = (MemberStatusChanged)anaEvents.FishForMessage(
            m => m is MemberStatusChanged { UserId: "cid", Status: MemberStatus.Inactive }, TimeSpan.FromSeconds(10));
        Assert.False(inactive.Online);
        anaEvents.FishForMessage(m => m is MatchFoundNotice f && f.MediaId == title, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Private_messages_reach_only_the_addressee()
    {
        var room = Room("r15");
        var anaEvents = Subscriber();
        var benEvents = Subscriber();
        Create(room, "r15", "ana", Unanimous(), anaEvents);
        Join(room, "r15", "ben", benEvents);
        anaEvents.ReceiveWhile(TimeSpan.FromMilliseconds(300), m => m);

        var delivered = Ask<MessageDelivered>(room, new SendChat("r15", "ben", "psst", "ana"));

        Assert.True(delivered.Delivered);
        var message = anaEvents.ExpectMsg<ToMember>(m => m.UserId == "ana", TimeSpan.FromSeconds(10)).Message;
        Assert.Equal(("ben", "BEN", "psst"), (message.FromUserId, message.FromDisplayName, message.Text));
        benEvents.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        Assert.Equal(ErrorCodes.Forbidden, Rejected(room, new SendChat("r15", "ben", "hi", "eve")).Code);
    }

    [Fact]
    public void Recommendations_add_titles_to_every_queue_before_the_event()
    {
        var room = Room("r16");
        var anaEvents = Subscriber();
        Create(room, "r16", "ana", Unanimous(queueSize: 5), anaEvents);

        Ask<RecommendationsAccepted>(room, new RequestRecommendations("r16", "ana", "estoy muy triste hoy"));

        var recommendation = (AiRecommendation)anaEvents.FishForMessage(m => m is AiRecommendation, TimeSpan.FromSeconds(10));
        Assert.Equal(("sad", "fallback"), (recommendation.EmotionalState, recommendation.Source));
        Assert.NotEmpty(recommendation.MediaIds);
        var state = Ask<RoomSnapshot>(room, new GetRoomState("r16", "ana"));
        Assert.Equal(5 + recommendation.MediaIds.Count, state.Queue.Count);
        Assert.All(recommendation.MediaIds, id => Assert.Contains(state.Queue, m => m.MediaId == id));
    }

    [Fact]
    public void A_subscriber_that_dies_goes_offline()
    {
        var room = Room("r17");
        var anaEvents = Subscriber();
        var benConnection = Subscriber();
        Create(room, "r17", "ana", Unanimous(), anaEvents);
        Join(room, "r17", "ben", benConnection);

        Sys.Stop(benConnection.Ref);

        anaEvents.FishForMessage(m => m is MemberStatusChanged { UserId: "ben", Online: false }, TimeSpan.FromSeconds(10));
        var ben = Ask<RoomSnapshot>(room, new GetRoomState("r17", "ana")).Members.Single(m => m.UserId == "ben");
        Assert.Equal(MemberStatus.Active, ben.Status);
        Assert.False(ben.Online);
    }

    [Fact]
    public void Stats_count_members_and_connections()
    {
        var room = Room("r18");
        Create(room, "r18", "ana", Unanimous(), Subscriber());
        Join(room, "r18", "ben", Subscriber());
        Join(room, "r18", "ben", Subscriber());

        var stats = Ask<RoomStats>(room, new GetRoomStats("r18"));

        Assert.Equal((2, 2, 3), (stats.MemberCount, stats.OnlineMembers, stats.Connections));
    }

    [Fact]
    public void A_connection_that_follows_again_is_subscribed_and_gets_what_it_missed()
    {
        var room = Room("r19");
        var ana = Create(room, "r19", "ana", Unanimous());
        Vote(room, "r19", "ana", ana.Queue[0].MediaId); // seq 2, missed by the connection below
        var connection = CreateTestProbe();

        room.Tell(new Resubscribe("r19", "ana", connection.Ref, AfterSeq: 1));

        connection.ExpectMsg<SubscribedToRoom>(s => s.RoomId == "r19");
        Assert.Equal(2, connection.ExpectMsg<VoteUpdate>().Seq);
        Assert.Equal((3L, true), connection.ExpectMsg<MemberStatusChanged>() is var online ? (online.Seq, online.Online) : default);
        Vote(room, "r19", "ana", ana.Queue[1].MediaId);
        Assert.Equal(4, connection.ExpectMsg<VoteUpdate>().Seq);
        room.Tell(new Resubscribe("r19", "eve", CreateTestProbe().Ref, 0)); // not a member: ignored
        Assert.Equal(1, Ask<RoomStats>(room, new GetRoomStats("r19")).Connections);
    }
}
