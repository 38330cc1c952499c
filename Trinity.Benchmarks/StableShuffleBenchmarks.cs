using BenchmarkDotNet.Attributes;
using Trinity.Actors.Domain;

namespace Trinity.Benchmarks;

/// <summary>Each member's own title order: computed on join and for every snapshot.</summary>
[MemoryDiagnoser]
public class StableShuffleBenchmarks
{
    [Params(20, 100)] public int QueueSize;

    private string[] _titles = null!;

    [GlobalSetup]
    public void Setup() => _titles = Enumerable.Range(0, QueueSize).Select(i => $"m-title-{i}-2000").ToArray();

    [Benchmark]
    public ulong Seed() => StableShuffle.Seed("room-0123456789", "user-42");

    [Benchmark]
    public IReadOnlyList<string> SeedAndShuffle() => StableShuffle.Shuffle(_titles, StableShuffle.Seed("room-0123456789", "user-42"));
}
