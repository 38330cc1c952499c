using Trinity.Host.Tests;

namespace Trinity.Web.Tests;

/// <summary>A <see cref="TrinityServer"/> whose content root is this test's output, where the build copies wwwroot.</summary>
public static class WebServer
{
    public static Task<TrinityServer> StartAsync(string? dataDir = null, params string[] extraArguments) =>
        TrinityServer.StartAsync(dataDir, [$"--contentRoot={AppContext.BaseDirectory}", .. extraArguments]);
}
