using Akka.Actor;
using Trinity.Actors.Hosting;

namespace Trinity.Host.Discovery;

/// <summary>
/// This node's Cluster Bootstrap contact point on <c>Trinity:Cluster:Management:Port</c>: a small Kestrel of its own
/// answering <c>GET /bootstrap/seed-nodes</c>, which other nodes found by discovery ask before they join. Runs after
/// the actor system has started; bootstrap starts once it listens.
/// </summary>
public sealed class ContactPoint(ActorSystem system, ClusterNodeOptions cluster, ILogger<ContactPoint> logger) : IHostedService, IAsyncDisposable
{
    public const string SeedNodesPath = "/bootstrap/seed-nodes";
    private WebApplication? _app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders(); // the node's own log says where it listens
        builder.WebHost.ConfigureKestrel(k => k.Listen(ClusterDiscovery.BindAddress(cluster.Hostname), cluster.Management.Port));
        _app = builder.Build();
        _app.MapGet(SeedNodesPath, () => ClusterDiscovery.SeedNodesJson(system) is { } json
            ? Results.Text(json, "application/json")
            : Results.StatusCode(StatusCodes.Status503ServiceUnavailable));
        await _app.StartAsync(cancellationToken);
        var port = new Uri(_app.Urls.First()).Port;
        var self = new UriBuilder("http", cluster.Hostname, port).Uri;
        logger.LogInformation("Cluster Bootstrap contact point on {ContactPoint}, discovery method {Method}", self, cluster.Discovery.Method);
        await ClusterDiscovery.StartBootstrapAsync(system, self);
    }

    public Task StopAsync(CancellationToken cancellationToken) => _app?.StopAsync(cancellationToken) ?? Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
