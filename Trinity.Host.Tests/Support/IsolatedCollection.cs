namespace Trinity.Host.Tests;

/// <summary>
/// Tests that measure the process (memory, latency ratios, process-wide meters) run alone, after the parallel ones, so other
/// tests' servers and clients do not show up in their figures.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class IsolatedCollection
{
    public const string Name = "measured alone";
}
