using CsCheck;
using Trinity.Actors.Domain;
using Trinity.Actors.Messages.Commands;
using Trinity.Actors.Messages.Events;
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
        LikeUntilMatch(s, Title(s, 3));

        var events = RoomRules.Closing(s, T0);

        Assert.Equal(StateChangeReason.FirstMatch, Assert.IsType<RoomStatusChanged>(events[0]).Reason);
        var finished = Assert.IsType<RoomFinished>(events[1]);
        Assert.Equal((FinishReason.Match, Title(s, 3), true), (finished.Reason, finished.Pick!.MediaId, finished.Pick.Matched));
        Apply(s, events);
        Assert.Equal(FinishReason.Match, s.SnapshotFor("ana").Finished!.Reason);
    }

    [Fact]
    public void Without_endOnFirstMatch_a_match_does_not_finish_the_room() =>
        Assert.Empty(RoomRules.Closing(LikeUntilMatch(Room(), "m-title-1-1981"), T0));

    [Fact]
    public void A_room_everyone_voted_through_ends_with_the_closest_call_even_without_a_match()
    {
        var s = Room(queueSize: 5);
        // Only ana likes title 2; ana and ben like title 4 but cid does not: no match, title 4 is closest.
        foreach (var user in new[] { "ana", "ben", "cid" })
        foreach (var title in s.Titles)
        {
            var like = (title.MediaId == Title(s, 2) && user == "ana") || (title.MediaId == Title(s, 4) && user != "cid");
            Apply(s, RoomRules.Vote(s, new CastVote("r", user, title.MediaId, like ? VoteType.Like : VoteType.Dislike, null), T0).Events);
        }
        Assert.Empty(s.Matches);

        var finished = Assert.IsType<RoomFinished>(RoomRules.Closing(s, T0)[1]);

        Assert.Equal(FinishReason.Exhausted, finished.Reason);
        Assert.Equal([(Title(s, 4), 2, false), (Title(s, 2), 1, false)], finished.Ranking.Select(r => (r.MediaId, r.Likes, r.Matched)));
        Assert.Equal(Title(s, 4), finished.Pick!.MediaId);
    }

    [Fact]
    public void Deciding_needs_the_creator_and_a_like_and_picks_the_best_so_far()
    {
        var s = Room();
        Assert.Equal(ErrorCodes.Forbidden, Assert.Throws<TrinityException>(() => RoomRules.Decide(s, "ana", T0)).Code);
        Vote(s, "ben", Title(s, 1), VoteType.Like);
        Assert.Equal(ErrorCodes.Forbidden, Assert.Throws<TrinityException>(() => RoomRules.Decide(s, "ben", T0)).Code);

        var events = RoomRules.Decide(s, "ana", T0);

        Assert.Equal(StateChangeReason.Decided, Assert.IsType<RoomStatusChanged>(events[0]).Reason);
        var finished = Assert.IsType<RoomFinished>(events[1]);
        Assert.Equal((FinishReason.Decided, Title(s, 1), 1), (finished.Reason, finished.Pick!.MediaId, finished.Pick.Likes));
        Apply(s, events);
        Assert.Empty(RoomRules.Decide(s, "ana", T0)); // asked again: already decided, nothing changes
    }

    [Fact]
    public void Closing_picks_the_best_so_far_or_nothing()
    {
        var empty = Room();
        var nothing = Assert.IsType<RoomFinished>(RoomRules.Close(empty, "ana", T0)[1]);
        Assert.Equal((FinishReason.Closed, (RankedTitle?)null), (nothing.Reason, nothing.Pick));

        var s = LikeUntilMatch(Room(), "m-title-1-1981");
        Vote(s, "ana", Title(s, 2), VoteType.Like);
        Vote(s, "ben", Title(s, 2), VoteType.Like);
        var closed = Assert.IsType<RoomFinished>(RoomRules.Close(s, "ana", T0)[1]);
        // Once there is a match, only matches are ranked.
        Assert.Equal(["m-title-1-1981"], closed.Ranking.Select(r => r.MediaId));
    }

    [Fact]
    public void A_journal_from_before_RoomFinished_still_shows_how_its_room_ended()
    {
        var s = LikeUntilMatch(Room(), "m-title-1-1981");
        s.Apply(new RoomStatusChanged(s.Seq + 1, T0, RoomStatus.Finished, StateChangeReason.Closed));

        Assert.Equal(FinishReason.Closed, s.Finished!.Reason);
        Assert.Equal("m-title-1-1981", s.Finished.Pick!.MediaId);
    }

    [Fact]
    public void Undo_withdraws_a_vote_so_the_title_comes_back_to_the_voter()
    {
        var s = Room();
        var queue = s.QueueOf("ben");
        Vote(s, "ben", queue[0].MediaId, VoteType.Dislike);
        Vote(s, "ben", queue[1].MediaId, VoteType.Like);

        var events = RoomRules.Undo(s, "ben", queue[0].MediaId, T0);
        Apply(s, events);

        Assert.Equal(queue[0].MediaId, Assert.IsType<VoteWithdrawn>(Assert.Single(events)).MediaId);
        Assert.Equal(0, s.CurrentIndex("ben"));
        Assert.Equal(1, s.ProgressOf("ben").TotalVotes);
        Assert.Empty(RoomRules.Undo(s, "ben", queue[0].MediaId, T0)); // nothing left to withdraw: no event
        Assert.Single(RoomRules.Vote(s, new CastVote("r", "ben", queue[0].MediaId, VoteType.Like, null), T0).Events.OfType<VoteCast>());
    }

    [Fact]
    public void Undo_is_refused_for_a_matched_title_a_finished_room_and_a_title_not_in_the_room()
    {
        var s = LikeUntilMatch(Room(), "m-title-1-1981");
        Assert.Equal(ErrorCodes.Forbidden, Assert.Throws<TrinityException>(() => RoomRules.Undo(s, "ana", "m-title-1-1981", T0)).Code);
        Assert.Equal(ErrorCodes.MediaNotInRoom, Assert.Throws<TrinityException>(() => RoomRules.Undo(s, "ana", "m-nope", T0)).Code);
        Apply(s, RoomRules.Close(s, "ana", T0));
        Assert.Equal(ErrorCodes.RoomClosed, Assert.Throws<TrinityException>(() => RoomRules.Undo(s, "ana", Title(s, 2), T0)).Code);
    }

    [Fact]
    public void The_tally_forgets_a_withdrawn_like()
    {
        var tally = new Tally(ConsensusMode.Unanimous);
        foreach (var user in new[] { "ana", "ben" }) tally.SetMember(user, MemberStatus.Active);
        tally.Record("ana", "m", VoteType.Like);
        tally.Forget("ana", "m");
        tally.Record("ben", "m", VoteType.Like);
        Assert.Null(tally.Check("m"));
        tally.Record("ana", "m", VoteType.Like);
        Assert.NotNull(tally.Check("m"));
    }

    [Fact]
    public void The_room_keeps_its_last_50_chat_lines_in_order() =>
        Gen.Int[0, 130].Sample(lines =>
        {
            var s = Room();
            for (var i = 0; i < lines; i++) Apply(s, RoomRules.Chat(s, i % 2 == 0 ? "ana" : "ben", $"line {i}", T0));
            var chat = s.SnapshotFor("cid").Chat!;
            return chat.Count == Math.Min(lines, RoomState.ChatKept)
                && chat.Select(c => c.Text).SequenceEqual(Enumerable.Range(0, lines).TakeLast(RoomState.ChatKept).Select(i => $"line {i}"));
        });

    /// <summary>Ana (creator), Ben and Cid in a fresh room of the test catalogue.</summary>
    private static RoomState Room(bool endOnFirstMatch = false, int queueSize = 10)
    {
        var s = new RoomState();
        var settings = new RoomSettings("Friday", ConsensusMode.Unanimous, new RoomFilters(), 10, queueSize, endOnFirstMatch);
        Apply(s, RoomRules.Create(s, new CreateRoom("r", "ABC123", settings, "ana", "Ana", null), TestCatalog.Instance.All.Take(queueSize).ToArray(), T0));
        foreach (var user in new[] { "ben", "cid" }) Apply(s, RoomRules.Join(s, user, user, true, T0));
        return s;
    }

    private static string Title(RoomState s, int index) => s.Titles[index].MediaId;

    private static RoomState LikeUntilMatch(RoomState s, string mediaId)
    {
        foreach (var user in new[] { "ana", "ben", "cid" }) Vote(s, user, mediaId, VoteType.Like);
        Apply(s, RoomRules.Matches(s, [Tally.Of(s).Check(mediaId)!], "cid", T0));
        return s;
    }

    private static void Vote(RoomState s, string user, string mediaId, VoteType vote) =>
        Apply(s, RoomRules.Vote(s, new CastVote("r", user, mediaId, vote, null), T0).Events);

    private static void Apply(RoomState s, IEnumerable<IRoomEvent> events)
    {
        foreach (var e in events) s.Apply(e);
    }
}
