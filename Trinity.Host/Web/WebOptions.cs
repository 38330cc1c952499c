using System.Net;
using System.Text.RegularExpressions;

namespace Trinity.Host.Web;

/// <summary>Where the node's HTTP surface lives and whom it trusts: <c>Trinity:BasePath</c> and <c>Trinity:ForwardedHeaders</c>.</summary>
public sealed partial class WebOptions
{
    public const string Section = "Trinity";

    /// <summary>Everything (web client, hub, API, dashboard, health, metrics) lives under it, e.g. <c>/trinity</c>; empty = at the root.</summary>
    public string BasePath { get; set; } = "";

    public ForwardedHeadersSettings ForwardedHeaders { get; set; } = new();

    /// <summary>
    /// Its two keys sit at the top of the <c>Trinity</c> section, which <c>TrinityOptions</c> binds: so each is
    /// read on its own here rather than binding that section a second time.
    /// </summary>
    public static WebOptions Bind(IConfiguration configuration) => new()
    {
        BasePath = configuration[$"{Section}:{nameof(BasePath)}"] ?? "",
        ForwardedHeaders = configuration.GetSection($"{Section}:{nameof(ForwardedHeaders)}").Get<ForwardedHeadersSettings>() ?? new(),
    };

    /// <summary>Bad settings stop the node with a message naming the key.</summary>
    public void Validate()
    {
        if (BasePath.Length > 0 && !BasePathShape().IsMatch(BasePath))
            throw new InvalidOperationException(
                $"Trinity:BasePath must be empty or a path that starts with '/' and does not end with '/', e.g. /trinity (got '{BasePath}').");
        _ = ForwardedHeaders.Proxies();
        _ = ForwardedHeaders.Networks();
    }

    // Plain URL segments only: the path is written into the pages' <base href>.
    [GeneratedRegex("^(/[A-Za-z0-9._~-]+)+$")]
    private static partial Regex BasePathShape();
}

/// <summary>The reverse proxies whose <c>X-Forwarded-For</c>/<c>-Proto</c> are believed; none by default, so the headers are ignored.</summary>
public sealed class ForwardedHeadersSettings
{
    /// <summary>Comma-separated addresses of trusted proxies, e.g. <c>127.0.0.1,10.0.0.5</c>.</summary>
    public string KnownProxies { get; set; } = "";

    /// <summary>Comma-separated networks of trusted proxies in CIDR form, e.g. <c>10.0.0.0/8</c>.</summary>
    public string KnownNetworks { get; set; } = "";

    public bool Any => Proxies().Count > 0 || Networks().Count > 0;

    public IReadOnlyList<IPAddress> Proxies() =>
        Split(KnownProxies).Select(text => IPAddress.TryParse(text, out var address) ? address
            : throw new InvalidOperationException($"Trinity:ForwardedHeaders:KnownProxies has '{text}', which is not an IP address.")).ToList();

    public IReadOnlyList<IPNetwork> Networks() =>
        Split(KnownNetworks).Select(text => IPNetwork.TryParse(text, out var network) ? network
            : throw new InvalidOperationException($"Trinity:ForwardedHeaders:KnownNetworks has '{text}', which is not a network in CIDR form (e.g. 10.0.0.0/8).")).ToList();

    private static string[] Split(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
