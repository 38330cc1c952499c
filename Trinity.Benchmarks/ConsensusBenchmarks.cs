using BenchmarkDotNet.Attributes;
using Trinity.Actors.Domain;
using Trinity.Actors.Protocol;

namespace Trinity.Benchmarks;

/// <summary>The consensus check a room runs after every like: the incremental Tally and the bare rule.</summary>
[MemoryDiagnoser]
public class ConsensusBenchmarks
{
    [Params(5, 50)] public int Members;

    private Tally _tally = null!;
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
        _tally = new Tally(ConsensusMode.Unanimous);
        foreach (var u in _users) _tally.SetMember(u, MemberStatus.Active);
    }

    /// <summary>One like on a fresh title by a member, then the check of that title (as RoomActor does per vote).</summary>
    [Benchmark]
    public MatchDecision? TallyRecordAndCheck()
    {
        var n = _next++;
        var mediaId = $"m-{n / Members}";
        _tally.Record(_users[n % Members], mediaId, VoteType.Like);
        return _tally.Check(mediaId);
    }

    [Benchmark]
    public bool ConsensusIsMatch() => Consensus.IsMatch(ConsensusMode.Unanimous, _eligible, _likers);
}
