using BenchmarkDotNet.Attributes;
using Trinity.Actors.Domain;
using Trinity.Actors.Protocol;

namespace Trinity.Benchmarks;

/// <summary>The consensus check a room runs after every like: a vote applied to the room state and its check, and the bare rule.</summary>
[MemoryDiagnoser]
public class ConsensusBenchmarks
{
    [Params(5, 50)] public int Members;

    private static readonly DateTime At = new(2026, 12, 1, 20, 0, 0, DateTimeKind.Utc);
    private RoomState _room = null!;
    private RoomState _state = null!;
    private HashSet<string> _eligible = null!;
    private HashSet<string> _likers = null!;
    private string[] _users = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _users = Enumerable.Range(0, Members).Select(i => $"user-{i}").ToArray();
        _eligible = _users.ToHashSet();
        _likers = _users.Take(Members - 1).ToHashSet(); // one short: the common case, no match
        var settings = new RoomSettings("Bench", ConsensusMode.Unanimous, new RoomFilters(), Members, 100, false);
        var titles = Enumerable.Range(0, 100).Select(i => new MediaItem($"m-{i}", $"Title {i}", 2000, MediaType.Movie, ["drama"], "", 7)).ToArray();
        _room = new RoomState().Apply(new RoomCreated(1, At, "bench", "BENCH1", settings, _users[0], _users[0], true, titles));
        var seq = 1L;
        foreach (var u in _users.Skip(1)) _room = _room.Apply(new MemberJoined(++seq, At, u, u, true));
        _state = _room;
    }

    /// <summary>One like on a title by a member applied to the state, then the check of that title (as RoomActor does per vote).</summary>
    [Benchmark]
    public MatchDecision? ApplyLikeAndCheck()
    {
        var n = _next++;
        if (n % (Members * 100) == 0) _state = _room; // every title voted by everyone: start again
        var mediaId = $"m-{n / Members % 100}";
        _state = _state.Apply(new VoteCast(_state.Seq + 1, At, _users[n % Members], mediaId, VoteType.Like, null));
        return Consensus.Check(_state, mediaId);
    }

    [Benchmark]
    public bool ConsensusIsMatch() => Consensus.IsMatch(ConsensusMode.Unanimous, _eligible, _likers);
}
