namespace Trinity.Actors;

/// <summary>
/// Start-up checks of configuration values, failing with the key that is wrong. In the root namespace so each
/// feature's options (catalogue, recommendations, hosting) can check themselves without importing each other.
/// </summary>
public static class OptionChecks
{
    public static void Require(bool ok, string key, string problem)
    {
        if (!ok) throw new InvalidOperationException($"{key} {problem}.");
    }

    public static void Positive(TimeSpan value, string key) => Require(value > TimeSpan.Zero, key, $"must be positive, not {value}");

    public static void AtLeast(long value, long minimum, string key) => Require(value >= minimum, key, $"must be at least {minimum}, not {value}");

    public static void OneOf(string value, string key, params string[] allowed) =>
        Require(allowed.Contains(value, StringComparer.OrdinalIgnoreCase), key,
            $"'{value}' is not supported; use {string.Join(" or ", allowed.Select(a => $"'{a}'"))}");

    public static void HttpUrl(string value, string key) =>
        Require(Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps),
            key, $"must be an absolute http(s) URL, not '{value}'");
}
