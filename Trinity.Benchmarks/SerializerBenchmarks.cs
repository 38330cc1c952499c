using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Trinity.Actors.Domain;
using Trinity.Actors.Protocol;
using Trinity.Actors.Serialization;

namespace Trinity.Benchmarks;

/// <summary>TrinityJson round trips of what every vote produces: the journal event and the client event.</summary>
[MemoryDiagnoser]
public class SerializerBenchmarks
{
    private readonly VoteCast _voteCast = new(1234, DateTime.UtcNow, "user-42", "m-casablanca-1942", VoteType.Like, "vote-1");
    private readonly VoteUpdate _voteUpdate = new("room-0123456789", 1234, DateTime.UtcNow, "user-42", "m-casablanca-1942",
        VoteType.Like, new Progress(7, 20, 35));
    private byte[] _voteCastJson = null!;

    [GlobalSetup]
    public void Setup()
    {
        _voteCastJson = JsonSerializer.SerializeToUtf8Bytes(_voteCast, TrinityJson.Options);
    }

    [Benchmark]
    public byte[] VoteCastSerialize() => JsonSerializer.SerializeToUtf8Bytes(_voteCast, TrinityJson.Options);

    [Benchmark]
    public VoteCast? VoteCastDeserialize() => JsonSerializer.Deserialize<VoteCast>(_voteCastJson, TrinityJson.Options);

    [Benchmark]
    public VoteUpdate? VoteUpdateRoundTrip() =>
        JsonSerializer.Deserialize<VoteUpdate>(JsonSerializer.SerializeToUtf8Bytes(_voteUpdate, TrinityJson.Options), TrinityJson.Options);
}
