namespace Trinity.Host.Tests;

/// <summary>
/// Marks test classes that choose their own storage (a PostgreSQL they name or start, a tmpfs) or need none,
/// so scripts/test.sh runs them once and not again in its pass with the suite on PostgreSQL.
/// </summary>
public static class OwnStorage
{
    public const string Trait = "Storage";
    public const string Value = "own";
}
