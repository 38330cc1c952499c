using CsCheck;
using Trinity.Actors.Domain;
using Trinity.Actors.Protocol;

namespace Trinity.Actors.Tests;

/// <summary>The ranking, the finish rules, undo and kept chat as pure functions of a room's state: no actors.</summary>
public sealed class FinishProperties
{
    private static readonly DateTime T0 = new(2026, 12, 1, 20, 0, 0, DateTimeKind.Utc);

    /// <summary>Up to 12 distinct titles with few distinct likes and match times, so ties are common.</summary>
    private static readonly Gen<Candidate[]> Candidates =
        Gen.Int[0, 12].SelectMany(n => Gen.Select(Gen.Int[0, 4].Array[n], Gen.Int[-1, 2].Array[n], (likes, minutes) =>
            Enumerable.Range(0, n).Select(i => new Candidate($"m-{i}", $"Title {i}", likes[i],
                minutes[i] < 0 ? null : T0.AddMinutes(minutes[i]))).ToArray()));

    [Fact]
    public void The_ranking_does_not_depend_on_the_order_it_is_given() =>
        Gen.Select(Candidates, Gen.Int).Sample((candidates, shuffleSeed) =>
        {
            var shuffled = StableShuffle.Shuffle(candidates, (ulong)shuffleSeed);
            return Finishing.Rank("room-1", candidates).SequenceEqual(Finishing.Rank("room-1", shuffled));
        });

    [Fact]
    public void The_ranking_puts_most_likes_first_then_the_earliest_match() =>
        Candidates.Sample(candidates =>
        {
            var at = candidates.ToDictionary(c => c.MediaId, c => c.MatchedAt ?? DateTime.MaxValue);
            var ranked = Finishing.Rank("room-1", candidates);
            return ranked.Select(r => r.MediaId).Order().SequenceEqual(candidates.Select(c => c.MediaId).Order())
                && ranked.Zip(ranked.Skip(1)).All(p => p.Item1.Likes > p.Item2.Likes
                    || (p.Item1.Likes == p.Item2.Likes && at[p.Item1.MediaId] <= at[p.Item2.MediaId]));
        });

    [Fact]
    public void Full_ties_are_broken_by_the_room_so_rooms_may_differ_but_never_a_room_with_itself()
    {
        var tied = Enumerable.Range(0, 8).Select(i => new Candidate($"m-{i}", $"T{i}", 2, T0)).ToArray();
        var orders = Enumerable.Range(0, 5).Select(r => string.Join(",", Finishing.Rank($"room-{r}", tied).Select(x => x.MediaId))).ToArray();
        Assert.True(orders.Distinct().Count() > 1, "every room broke the tie the same way");
        Assert.Equal(orders[0], string.Join(",", Finishing.Rank("room-0", tied.Reverse()).Select(x => x.MediaId)));
    }

    [Fact]
    public void The_first_match_ends_a_room_with_endOnFirstMatch_and_is_the_pick()
    {
        var s = Room(endOnFirstMatch: true);
        s = LikeUntilMatch(s, Title(s, 3));

        var events = Events(s, new RoomCommand.FinishIfDone());

        Assert.Equal(StateChangeReason.FirstMatch, Assert.IsType<RoomStatusChanged>(events[0]).Reason);
        var finished = Assert.IsType<RoomFinished>(events[1]);
        Assert.Equal((FinishReason.Match, Title(s, 3), true), (finished.Reason, finished.Pick!.MediaId, finished.Pick.Matched));
        s = Apply(s, events);
        Assert.Equal(FinishReason.Match, s.SnapshotFor("ana").Finished!.Reason);
    }

    [Fact]
    public void Without_endOnFirstMatch_a_match_does_not_finish_the_room() =>
        Assert.Empty(Events(LikeUntilMatch(Room(), "m-title-1-1981"), new RoomCommand.FinishIfDone()));

    [Fact]
    public void A_room_everyone_voted_through_ends_with_the_closest_call_even_without_a_match()
    {
        var s = Room(queueSize: 5);
        // Only ana likes title 2; ana and ben like title 4 but cid does not: no match, title 4 is closest.
        foreach (var user in new[] { "ana", "ben", "cid" })
        foreach (var title in s.Titles)
        {
            var like = (title.MediaId == Title(s, 2) && user == "ana") || (title.MediaId == Title(s, 4) && user != "cid");
            s = Vote(s, user, title.MediaId, like ? VoteType.Like : VoteType.Dislike);
        }
        Assert.Empty(s.Matches);

        var finished = Assert.IsType<RoomFinished>(Events(s, new RoomCommand.FinishIfDone())[1]);

        Assert.Equal(FinishReason.Exhausted, finished.Reason);
        Assert.Equal([(Title(s, 4), 2, false), (Title(s, 2), 1, false)], finished.Ranking.Select(r => (r.MediaId, r.Likes, r.Matched)));
        Assert.Equal(Title(s, 4), finished.Pick!.MediaId);
    }

    [Fact]
    public void Deciding_needs_the_creator_and_a_like_and_picks_the_best_so_far()
    {
        var s = Room();
        Assert.Equal(ErrorCodes.Forbidden, Refused(s, new RoomCommand.DecideNow("ana")));
        s = Vote(s, "ben", Title(s, 1), VoteType.Like);
        Assert.Equal(ErrorCodes.Forbidden, Refused(s, new RoomCommand.DecideNow("ben")));

        var events = Events(s, new RoomCommand.DecideNow("ana"));

        Assert.Equal(StateChangeReason.Decided, Assert.IsType<RoomStatusChanged>(events[0]).Reason);
        var finished = Assert.IsType<RoomFinished>(events[1]);
        Assert.Equal((FinishReason.Decided, Title(s, 1), 1), (finished.Reason, finished.Pick!.MediaId, finished.Pick.Likes));
        s = Apply(s, events);
        Assert.Empty(Events(s, new RoomCommand.DecideNow("ana"))); // asked again: already decided, nothing changes
    }

    [Fact]
    public void Closing_picks_the_best_so_far_or_nothing()
    {
        var empty = Room();
        var nothing = Assert.IsType<RoomFinished>(Events(empty, new RoomCommand.Close("ana"))[1]);
        Assert.Equal((FinishReason.Closed, (RankedTitle?)null), (nothing.Reason, nothing.Pick));

        var s = LikeUntilMatch(Room(), "m-title-1-1981");
        s = Vote(s, "ana", Title(s, 2), VoteType.Like);
        s = Vote(s, "ben", Title(s, 2), VoteType.Like);
        var closed = Assert.IsType<RoomFinished>(Events(s, new RoomCommand.Close("ana"))[1]);
        // Once there is a match, only matches are ranked.
        Assert.Equal(["m-title-1-1981"], closed.Ranking.Select(r => r.MediaId));
    }

    [Fact]
    public void A_journal_from_before_RoomFinished_still_shows_how_its_room_ended()
    {
        var s = LikeUntilMatch(Room(), "m-title-1-1981");
        s = s.Apply(new RoomStatusChanged(s.Seq + 1, T0, RoomStatus.Finished, StateChangeReason.Closed));

        Assert.Equal(FinishReason.Closed, s.Finished!.Reason);
        Assert.Equal("m-title-1-1981", s.Finished.Pick!.MediaId);
    }

    [Fact]
    public void Undo_withdraws_a_vote_so_the_title_comes_back_to_the_voter()
    {
        var s = Room();
        var queue = s.QueueOf("ben");
        s = Vote(s, "ben", queue[0].MediaId, VoteType.Dislike);
        s = Vote(s, "ben", queue[1].MediaId, VoteType.Like);

        var events = Events(s, new RoomCommand.Undo("ben", queue[0].MediaId));
        s = Apply(s, events);

        Assert.Equal(queue[0].MediaId, Assert.IsType<VoteWithdrawn>(Assert.Single(events)).MediaId);
        Assert.Equal(0, s.CurrentIndex("ben"));
        Assert.Equal(1, s.ProgressOf("ben").TotalVotes);
        Assert.Empty(Events(s, new RoomCommand.Undo("ben", queue[0].MediaId))); // nothing left to withdraw: no event
        Assert.Single(Events(s, new RoomCommand.Vote("ben", queue[0].MediaId, VoteType.Like, null)).OfType<VoteCast>());
    }

    [Fact]
    public void Undo_is_refused_for_a_matched_title_a_finished_room_and_a_title_not_in_the_room()
    {
        var s = LikeUntilMatch(Room(), "m-title-1-1981");
        Assert.Equal(ErrorCodes.Forbidden, Refused(s, new RoomCommand.Undo("ana", "m-title-1-1981")));
        Assert.Equal(ErrorCodes.MediaNotInRoom, Refused(s, new RoomCommand.Undo("ana", "m-nope")));
        s = Apply(s, Events(s, new RoomCommand.Close("ana")));
        Assert.Equal(ErrorCodes.RoomClosed, Refused(s, new RoomCommand.Undo("ana", Title(s, 2))));
    }

    [Fact]
    public void The_consensus_check_forgets_a_withdrawn_like()
    {
        var s = Room();
        s = Apply(s, Events(s, new RoomCommand.Leave("cid")));
        var m = Title(s, 0);
        s = Vote(s, "ana", m, VoteType.Like);
        s = Apply(s, Events(s, new RoomCommand.Undo("ana", m)));
        s = Vote(s, "ben", m, VoteType.Like);
        Assert.Null(Consensus.Check(s, m));
        s = Vote(s, "ana", m, VoteType.Like);
        Assert.NotNull(Consensus.Check(s, m));
    }

    [Fact]
    public void The_room_keeps_its_last_50_chat_lines_in_order() =>
        Gen.Int[0, 130].Sample(lines =>
        {
            var s = Room();
            for (var i = 0; i < lines; i++) s = Apply(s, Events(s, new RoomCommand.Chat(i % 2 == 0 ? "ana" : "ben", $"line {i}")));
            var chat = s.SnapshotFor("cid").Chat!;
            return chat.Count == Math.Min(lines, RoomState.ChatKept)
                && chat.Select(c => c.Text).SequenceEqual(Enumerable.Range(0, lines).TakeLast(RoomState.ChatKept).Select(i => $"line {i}"));
        });

    /// <summary>Ana (creator), Ben and Cid in a fresh room of the test catalogue.</summary>
    private static RoomState Room(bool endOnFirstMatch = false, int queueSize = 10)
    {
        var s = new RoomState();
        var settings = new RoomSettings("Friday", ConsensusMode.Unanimous, new RoomFilters(), 10, queueSize, endOnFirstMatch);
        s = Apply(s, Events(s, new RoomCommand.Create("r", "ABC123", settings, "ana", "Ana", false, TestCatalog.Instance.All.Take(queueSize).ToArray())));
        foreach (var user in new[] { "ben", "cid" }) s = Apply(s, Events(s, new RoomCommand.Join(user, user, true)));
        return s;
    }

    private static string Title(RoomState s, int index) => s.Titles[index].MediaId;

    private static RoomState LikeUntilMatch(RoomState s, string mediaId)
    {
        foreach (var user in new[] { "ana", "ben", "cid" }) s = Vote(s, user, mediaId, VoteType.Like);
        return Apply(s, Events(s, new RoomCommand.RecordMatches([Consensus.Check(s, mediaId)!], "cid")));
    }

    private static RoomState Vote(RoomState s, string user, string mediaId, VoteType vote) =>
        Apply(s, Events(s, new RoomCommand.Vote(user, mediaId, vote, null)));

    private static IReadOnlyList<IRoomEvent> Events(RoomState s, RoomCommand command) =>
        Assert.IsType<Decision.Accepted>(RoomRules.Decide(s, command, T0)).Events;

    private static string Refused(RoomState s, RoomCommand command) =>
        Assert.IsType<Decision.Rejected>(RoomRules.Decide(s, command, T0)).Code;

    private static RoomState Apply(RoomState s, IEnumerable<IRoomEvent> events) => events.Aggregate(s, (state, e) => state.Apply(e));
}
