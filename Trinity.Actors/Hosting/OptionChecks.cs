namespace Trinity.Actors.Hosting;

/// <summary>Start-up checks of configuration values, failing with the key that is wrong.</summary>
public static class OptionChecks
{
    public static void Require(bool ok, string key, string problem)
    {
        if (!ok) throw new InvalidOperationException($"{key} {problem}.");
    }

    public static void HttpUrl(string value, string key) =>
        Require(Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps),
            key, $"must be an absolute http(s) URL, not '{value}'");
}
