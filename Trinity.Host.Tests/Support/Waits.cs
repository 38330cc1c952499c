namespace Trinity.Host.Tests;

/// <summary>
/// How long process and end-to-end tests wait before failing, each bound set from a figure measured in CI runs
/// of this suite (2 shared cores; "loaded" = load average 50–80 from parallel builds beside it). A bound is a few
/// times the worst figure seen, so a slow machine passes and a hang fails loudly instead of stalling the run.
/// Bounds that an issue states (15 s failover, 1 s and 5 s after a storage fault) stay beside their tests.
/// </summary>
public static class Waits
{
    /// <summary>
    /// A node process from start to ready. Measured: 2–5 s alone; 7.6 s with a 5,000-title library read at start;
    /// a cluster node is ready only once the cluster formed (one node of three after a SIGKILL: 12–17 s loaded).
    /// </summary>
    public static readonly TimeSpan NodeReady = TimeSpan.FromSeconds(120);

    /// <summary>An in-process test server or cluster ready. Measured: under 3 s alone, about 10 s loaded.</summary>
    public static readonly TimeSpan ServerReady = TimeSpan.FromSeconds(60);

    /// <summary>
    /// SIGTERM to exit: drain (readiness 503, the notice to clients, then stop). Measured: median 1.7 s, max 2.6 s over
    /// 10 cycles; 1.3–2.8 s per node in a rolling restart; 4.7 s the worst seen loaded.
    /// </summary>
    public static readonly TimeSpan Drain = TimeSpan.FromSeconds(40);

    /// <summary>A short-lived process (the CLI, a node stopped by bad settings) to its exit. Measured: 0.5–3 s.</summary>
    public static readonly TimeSpan ShortProcess = TimeSpan.FromSeconds(60);

    /// <summary>
    /// A pushed event at a client. Measured: vote → voteUpdate p99 41–106 ms on one node, 97 ms across nodes, 10 s
    /// once under a flood of garbage; events after a failover arrive with the failover (12–17 s), which such tests
    /// wait for explicitly.
    /// </summary>
    public const int EventSeconds = 15;

    /// <summary>
    /// A state reached in the background (a room moved to another node, rooms spread over the cluster, an actor
    /// passivated). Measured: rooms writable again 12.1–17.4 s after a SIGKILL; shards spread within 5 s.
    /// </summary>
    public static readonly TimeSpan Background = TimeSpan.FromSeconds(60);

    /// <summary>One HTTP call to a node. Measured: under 100 ms; 5 s when a room is unreachable (the ask timeout).</summary>
    public static readonly TimeSpan HttpCall = TimeSpan.FromSeconds(30);
}
