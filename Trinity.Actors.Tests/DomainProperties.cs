using CsCheck;
using Trinity.Actors.Domain;
using Trinity.Actors.Protocol;

namespace Trinity.Actors.Tests;

/// <summary>Property tests of the pure rules: consensus, progress and the per-member shuffle.</summary>
public sealed class DomainProperties
{
    private static readonly Gen<string[]> Titles = Gen.Int[0, 60].Select(n => Enumerable.Range(0, n).Select(i => $"m-{i}").ToArray());
    private static readonly Gen<string> UserId = Gen.String[Gen.Char.AlphaNumeric, 1, 12];

    [Fact]
    public void The_shuffle_is_a_permutation() =>
        Gen.Select(Titles, UserId).Sample((titles, user) =>
            StableShuffle.Shuffle(titles, StableShuffle.Seed("room", user)).Order().SequenceEqual(titles.Order()));

    [Fact]
    public void The_shuffle_is_deterministic_for_the_same_room_and_user() =>
        Gen.Select(Titles, UserId).Sample((titles, user) =>
            StableShuffle.Shuffle(titles, StableShuffle.Seed("room", user))
                .SequenceEqual(StableShuffle.Shuffle(titles, StableShuffle.Seed("room", user))));

    [Fact]
    public void Different_users_get_different_orders() =>
        // With 20 titles two orders agree by chance once in 20! draws. A drawn twin is made distinct
        // rather than filtered out, so the generator never gives up.
        Gen.Select(UserId, UserId, (a, b) => (a, b == a ? b + "-2" : b)).Sample((a, b) =>
        {
            var titles = Enumerable.Range(0, 20).Select(i => $"m-{i}").ToArray();
            return !StableShuffle.Shuffle(titles, StableShuffle.Seed("room", a))
                .SequenceEqual(StableShuffle.Shuffle(titles, StableShuffle.Seed("room", b)));
        });

    [Fact]
    public void The_shuffle_does_not_depend_on_the_process() =>
        // Pinned: a seed from string.GetHashCode would differ between runs and fail here.
        Assert.Equal(["d", "a", "b", "c", "e"], StableShuffle.Shuffle(["a", "b", "c", "d", "e"], StableShuffle.Seed("room-1", "ana")));

    private static HashSet<string> Members(bool[] mask) =>
        Enumerable.Range(0, mask.Length).Where(i => mask[i]).Select(i => $"u{i}").ToHashSet();

    /// <summary>Any group: who is eligible and who liked the title, each member drawn at random.</summary>
    private static readonly Gen<(HashSet<string> Eligible, HashSet<string> Likers)> Votes =
        Gen.Int[1, 12].SelectMany(members => Gen.Select(Gen.Bool.Array[members], Gen.Bool.Array[members],
            (active, liked) => (Members(active), Members(liked))));

    /// <summary>Groups where at most one member liked the title: built that way, not filtered for.</summary>
    private static readonly Gen<(HashSet<string> Eligible, HashSet<string> Likers)> AtMostOneLike =
        Gen.Int[1, 12].SelectMany(members => Gen.Select(Gen.Bool.Array[members], Gen.Int[-1, members - 1],
            (active, liker) => (Members(active), liker < 0 ? new HashSet<string>() : new HashSet<string> { $"u{liker}" })));

    /// <summary>
    /// Unanimous matches, built directly: every eligible member (at least one) likes the title, two
    /// chosen members like it so there are at least two likes, and anyone else may like it too. Random
    /// votes rarely form one, so filtering random votes for them made CsCheck give up on some seeds.
    /// </summary>
    private static readonly Gen<(HashSet<string> Eligible, HashSet<string> Likers)> UnanimousMatches =
        Gen.Int[2, 12].SelectMany(members => Gen.Select(
            Gen.Bool.Array[members], Gen.Bool.Array[members], Gen.Int[0, members - 1], Gen.Int[1, members - 1],
            (active, extra, first, offset) =>
            {
                var eligible = Members(active);
                eligible.Add($"u{first}");
                var likers = Members(extra);
                likers.UnionWith(eligible);
                likers.UnionWith([$"u{first}", $"u{(first + offset) % members}"]);
                return (eligible, likers);
            }));

    /// <summary>Seeds that once failed a property here; each runs again on every test run.</summary>
    public static TheoryData<string?> Seeds => new()
    {
        null, // a fresh seed each run
        "bk73KIhrDyE1", // A_unanimous_match_is_also_a_majority_match gave up filtering for unanimous votes
    };

    [Theory, MemberData(nameof(Seeds))]
    public void Fewer_than_two_likes_never_match(string? seed) =>
        AtMostOneLike.Sample(v =>
            !Consensus.IsMatch(ConsensusMode.Unanimous, v.Eligible, v.Likers) && !Consensus.IsMatch(ConsensusMode.Majority, v.Eligible, v.Likers),
            seed: seed);

    [Fact]
    public void Unanimous_means_every_eligible_voter_liked_it() =>
        Votes.Sample(v => Consensus.IsMatch(ConsensusMode.Unanimous, v.Eligible, v.Likers)
            == (v.Likers.Count >= 2 && v.Eligible.Count > 0 && v.Eligible.IsSubsetOf(v.Likers)));

    [Fact]
    public void Majority_means_more_than_half_of_the_eligible_voters_liked_it() =>
        Votes.Sample(v => Consensus.IsMatch(ConsensusMode.Majority, v.Eligible, v.Likers)
            == (v.Likers.Count >= 2 && 2 * v.Eligible.Count(v.Likers.Contains) > v.Eligible.Count));

    [Fact]
    public void The_unanimous_generator_builds_only_unanimous_matches() =>
        UnanimousMatches.Sample(v => Consensus.IsMatch(ConsensusMode.Unanimous, v.Eligible, v.Likers));

    [Theory, MemberData(nameof(Seeds))]
    public void A_unanimous_match_is_also_a_majority_match(string? seed) =>
        UnanimousMatches.Sample(v => Consensus.IsMatch(ConsensusMode.Majority, v.Eligible, v.Likers), seed: seed);

    [Fact]
    public void Progress_is_votes_over_queue_rounded_and_bounded() =>
        Gen.Int[0, 200].SelectMany(queue => Gen.Int[0, queue].Select(votes => (votes, queue))).Sample(x =>
        {
            var p = ProgressMath.Of(x.votes, x.queue);
            return p.TotalVotes == x.votes && p.RequiredVotes == x.queue
                && p.Percentage is >= 0 and <= 100
                && (x.queue == 0 ? p.Percentage == 0 : Math.Abs(p.Percentage - 100.0 * x.votes / x.queue) <= 0.5)
                && (p.Percentage == 100) == (x.queue > 0 && (x.votes == x.queue || 100.0 * x.votes / x.queue >= 99.5));
        });

    [Fact]
    public void The_check_on_the_room_state_agrees_with_the_rule_for_every_title() =>
        Gen.Select(Votes, Gen.Enum<ConsensusMode>()).Sample((v, mode) =>
        {
            var users = v.Eligible.Union(v.Likers).Order(StringComparer.Ordinal).ToArray();
            if (users.Length == 0) return !Consensus.IsMatch(mode, v.Eligible, v.Likers);
            var at = new DateTime(2026, 12, 1, 20, 0, 0, DateTimeKind.Utc);
            var settings = new RoomSettings("Friday", mode, new RoomFilters(), 50, 5, false);
            var state = new RoomState().Apply(new RoomCreated(1, at, "r", "ABC123", settings, users[0], users[0], true,
                [new MediaItem("m", "m", 2000, MediaType.Movie, ["drama"], "", 7)]));
            var seq = 1L;
            foreach (var user in users.Skip(1)) state = state.Apply(new MemberJoined(++seq, at, user, user, true));
            foreach (var user in users.Where(u => !v.Eligible.Contains(u)))
                state = state.Apply(new MemberPresenceChanged(++seq, at, user, MemberStatus.Inactive, false));
            foreach (var user in v.Likers) state = state.Apply(new VoteCast(++seq, at, user, "m", VoteType.Like, null));
            return (Consensus.Check(state, "m") is not null) == Consensus.IsMatch(mode, v.Eligible, v.Likers);
        });
}
