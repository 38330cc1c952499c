namespace Trinity.Actors.Tests;

/// <summary>
/// The PostgreSQL that scripts/test.sh provides: TRINITY_TEST_POSTGRES is its connection string, and
/// TRINITY_TEST_PERSISTENCE=postgres runs the whole suite on it instead of SQLite.
/// </summary>
public static class TestPostgres
{
    public static string? ConnectionString => Environment.GetEnvironmentVariable("TRINITY_TEST_POSTGRES");

    public static bool RunSuiteOnIt => Environment.GetEnvironmentVariable("TRINITY_TEST_PERSISTENCE") == "postgres";

    public const string Absent = "no PostgreSQL: set TRINITY_TEST_POSTGRES (scripts/test.sh does)";
}
