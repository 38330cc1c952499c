using Akka.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Trinity.Actors.Connections;
using Trinity.Actors.Gateway;
using Trinity.Actors.Hosting;
using Trinity.Actors.Serialization;
using Trinity.Host.Api;
using Trinity.Host.Auth;
using Trinity.Host.Health;
using Trinity.Host.Limits;
using Trinity.Host.Metrics;
using Trinity.Host.Realtime;
using Trinity.Host.Web;

namespace Trinity.Host;

/// <summary>Composes a Trinity node: configuration, the actor system, auth, the hub, the API and health.</summary>
public static class TrinityApp
{
    /// <summary>Largest hub message a client may send; argument objects are small.</summary>
    public const long MaxHubMessageBytes = 32 * 1024;

    /// <summary>Where a node listens when no <c>Urls</c>, <c>--urls</c> or <c>ASPNETCORE_URLS</c> says otherwise.</summary>
    public const string DefaultUrls = "http://localhost:3000";

    /// <param name="configure">a last word on the builder (tests use it to watch the logs)</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(WebPipeline.HostOptions(args));
        // The default address is set here rather than in appsettings.json, where it would hide ASPNETCORE_URLS
        // (and the ASPNETCORE_HTTP_PORTS that container images set).
        if (new[] { WebHostDefaults.ServerUrlsKey, WebHostDefaults.HttpPortsKey, WebHostDefaults.HttpsPortsKey }
            .All(key => string.IsNullOrEmpty(builder.Configuration[key])))
            builder.WebHost.UseUrls(DefaultUrls);
        var settings = NodeSettings.Bind(builder.Configuration);
        var (options, web, rateLimits) = (settings.Trinity, settings.Web, settings.RateLimits);

        // A refused call is an answer, not a server error: TrinityErrorFilter logs the unexpected ones.
        builder.Logging.AddFilter("Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher", LogLevel.Critical);
        builder.Logging.AddFilter("Microsoft.AspNetCore.SignalR.HubConnectionHandler", LogLevel.Critical);
        builder.Services.AddSingleton(options).AddSingleton(options.Rooms);
        builder.Services.AddTrinityServices(options);
        builder.Services.AddSingleton<OpenHubConnections>().AddSingleton<IClientPush, HubClientPush>();
        builder.Services.AddSingleton<RoomGateway>();
        builder.Services.AddTrinityAuth(settings.Auth, options.DataDir, builder.Environment);
        builder.Services.AddSingleton(rateLimits).AddSingleton<HubRateLimits>().AddTrinityRestRateLimits(rateLimits);
        builder.Services.AddSingleton<InviteCodeGuard>().AddSingleton<ConnectionCaps>();
        builder.Services.ConfigureHttpJsonOptions(o => TrinityJson.Configure(o.SerializerOptions));
        builder.Services
            .AddSignalR(o =>
            {
                o.AddFilter<TrinityErrorFilter>(); // outermost: turns refusals from below into coded errors
                o.AddFilter<HubRateLimits>();
                o.AddFilter<ConnectionCaps>();
                o.MaximumReceiveMessageSize = MaxHubMessageBytes;
            })
            .AddJsonProtocol(o => TrinityJson.Configure(o.PayloadSerializerOptions))
            .AddMessagePackProtocol(o => o.SerializerOptions = MessagePackWire.Options);
        ErrorCodeHubProtocol.DecorateAll(builder.Services);
        builder.Services.AddSingleton<ShutdownNotice>().AddHostedService(sp => sp.GetRequiredService<ShutdownNotice>());
        builder.Services.AddSingleton<IHostLifetime, DrainOnSignal>();
        builder.Services.AddTrinityMetrics();
        builder.Services.AddHealthChecks().AddCheck<DrainingCheck>("not-draining", tags: [HealthChecks.Ready]);
        builder.Services.AddSingleton<StorageReadinessCheck>();
        builder.Services.AddAkka(TrinityAkkaExtensions.SystemName, (akka, _) => akka.AddTrinity(options).AddTrinityHealthChecks());
        if (!options.Cluster.Discovery.UsesSeeds)
            builder.Services.AddSingleton(options.Cluster).AddHostedService<Discovery.ContactPoint>();

        configure?.Invoke(builder);
        var app = builder.Build();
        app.UseTrinityWeb(web);
        app.UseStaticFiles();
        app.RefuseConnectionsWhileDraining(app.Services.GetRequiredService<ShutdownNotice>());
        app.UseApiErrors();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.Use(app.Services.GetRequiredService<ConnectionCaps>().Negotiate);

        app.MapHub<RealtimeHub>(AuthSetup.RealtimePath);
        var api = app.MapGroup("/api");
        api.MapAuthEndpoints();
        api.MapRoomEndpoints();
        api.MapCatalogEndpoints();
        api.MapInviteQrEndpoints();
        api.MapAdminEndpoints(settings.Admin);
        app.MapWebPages();
        app.MapTrinityMetrics();
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = c => c.Tags.Contains(HealthChecks.Live) });
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(HealthChecks.Ready) });
        return app;
    }
}
