using Trinity.Actors.Hosting;
using Trinity.Host.Auth;
using Trinity.Host.Limits;
using Trinity.Host.Web;

namespace Trinity.Host;

/// <summary>
/// The node's configuration: each section bound once, here, and every value checked before anything starts, so a
/// bad one stops the node with a message naming its key. Composition reads these objects; nothing else binds
/// configuration. (Bound eagerly rather than as <c>IOptions</c> with <c>ValidateOnStart</c>: which catalogue
/// sources, recommender and journal a node has is decided from these values while its services are registered.)
/// </summary>
public sealed record NodeSettings(TrinityOptions Trinity, WebOptions Web, AuthOptions Auth, AdminOptions Admin, RateLimitOptions RateLimits)
{
    public static NodeSettings Bind(IConfiguration configuration)
    {
        var settings = new NodeSettings(
            Section<TrinityOptions>(configuration, TrinityOptions.Section),
            WebOptions.Bind(configuration),
            Section<AuthOptions>(configuration, AuthOptions.Section),
            Section<AdminOptions>(configuration, AdminOptions.Section),
            Section<RateLimitOptions>(configuration, RateLimitOptions.Section));
        settings.Validate();
        return settings;
    }

    /// <summary>Throws naming the first wrong key.</summary>
    public void Validate()
    {
        Trinity.Validate();
        Web.Validate();
        Auth.Validate();
        RateLimits.Validate();
    }

    /// <summary>A value of the wrong type fails here, and the binder's message names its full key.</summary>
    private static T Section<T>(IConfiguration configuration, string key) where T : new() =>
        configuration.GetSection(key).Get<T>() ?? new T();
}
