using System.Net;
using System.Net.Sockets;
using Akka.Discovery.Config.Hosting;
using Akka.Discovery.KubernetesApi;
using Akka.Hosting;
using System.Collections.Immutable;
using Akka.Actor;
using Akka.Cluster;
using Akka.Management;
using Akka.Management.Cluster.Bootstrap;
using Akka.Management.Cluster.Bootstrap.ContactPoint;
using Newtonsoft.Json;

namespace Trinity.Actors.Hosting;

/// <summary>How a node finds its peers: <c>seeds</c> (a fixed list), or Akka.Management's Cluster Bootstrap over <c>config</c> or <c>kubernetes</c> discovery.</summary>
public sealed class DiscoveryOptions
{
    public const string Seeds = "seeds", Config = "config", Kubernetes = "kubernetes";

    public string Method { get; set; } = Seeds;
    /// <summary>The service looked up in discovery; every node of one cluster uses the same name.</summary>
    public string ServiceName { get; set; } = TrinityAkkaExtensions.SystemName;
    /// <summary>For <c>config</c>: comma-separated <c>host:port</c> of every node's management endpoint.</summary>
    public string Endpoints { get; set; } = "";
    /// <summary>Contact points that must be found before a new cluster is formed (Akka's default, 2).</summary>
    public int RequiredContactPoints { get; set; } = 2;
    /// <summary>For <c>kubernetes</c>: the pods' label selector, e.g. <c>app=trinity</c>.</summary>
    public string LabelSelector { get; set; } = "";

    public bool UsesSeeds => Method.Equals(Seeds, StringComparison.OrdinalIgnoreCase);
    public IReadOnlyList<string> EndpointList => ClusterNodeOptions.Split(Endpoints);
}

public sealed class ManagementOptions
{
    /// <summary>The HTTP port of this node's contact point for Cluster Bootstrap; 0 picks a free one.</summary>
    public int Port { get; set; } = 8558;
}

public static class ClusterDiscovery
{
    /// <summary>Refuses a discovery configuration that could only fail later, naming its key.</summary>
    public static void Validate(ClusterNodeOptions cluster)
    {
        var discovery = cluster.Discovery;
        var method = discovery.Method.ToLowerInvariant();
        OptionChecks.Require(method is DiscoveryOptions.Seeds or DiscoveryOptions.Config or DiscoveryOptions.Kubernetes,
            "Trinity:Cluster:Discovery:Method", $"'{discovery.Method}' is not supported; use 'seeds', 'config' or 'kubernetes'");
        if (discovery.UsesSeeds) return;
        OptionChecks.Require(cluster.SeedList.Count == 0, "Trinity:Cluster:Seeds",
            $"must be empty when Trinity:Cluster:Discovery:Method is '{method}': discovery finds the nodes");
        OptionChecks.Require(!string.IsNullOrWhiteSpace(discovery.ServiceName), "Trinity:Cluster:Discovery:ServiceName", "must not be empty");
        OptionChecks.Require(discovery.RequiredContactPoints >= 1, "Trinity:Cluster:Discovery:RequiredContactPoints", "must be at least 1");
        if (method == DiscoveryOptions.Config)
        {
            OptionChecks.Require(discovery.EndpointList.Count > 0, "Trinity:Cluster:Discovery:Endpoints",
                "must list the nodes' management endpoints (host:port, comma-separated) when Trinity:Cluster:Discovery:Method is 'config'");
            foreach (var endpoint in discovery.EndpointList)
                OptionChecks.Require(endpoint.LastIndexOf(':') is > 0 and var colon && int.TryParse(endpoint[(colon + 1)..], out var port) && port is > 0 and < 65536,
                    "Trinity:Cluster:Discovery:Endpoints", $"has '{endpoint}', which is not host:port");
        }
        if (method == DiscoveryOptions.Kubernetes)
            OptionChecks.Require(!string.IsNullOrWhiteSpace(discovery.LabelSelector), "Trinity:Cluster:Discovery:LabelSelector",
                "must select the cluster's pods (e.g. app=trinity) when Trinity:Cluster:Discovery:Method is 'kubernetes'");
        OptionChecks.Require(cluster.Management.Port is >= 0 and < 65536, "Trinity:Cluster:Management:Port", "must be between 0 and 65535");
        if (cluster.Management.Port > 0)
            OptionChecks.Require(IsFree(cluster.Hostname, cluster.Management.Port), "Trinity:Cluster:Management:Port",
                $"{cluster.Management.Port} is already in use on {cluster.Hostname}");
    }

    /// <summary>
    /// Cluster Bootstrap, which joins the nodes the discovery method finds by asking their contact points (see
    /// <see cref="SeedNodesJson"/>). It starts once the contact point listens: <see cref="StartBootstrapAsync"/>.
    /// </summary>
    public static AkkaConfigurationBuilder WithTrinityDiscovery(this AkkaConfigurationBuilder builder, ClusterNodeOptions cluster)
    {
        var discovery = cluster.Discovery;
        var config = discovery.Method.Equals(DiscoveryOptions.Config, StringComparison.OrdinalIgnoreCase);
        if (config)
            builder.WithConfigDiscovery(o => o.Services.Add(new Service { Name = discovery.ServiceName, Endpoints = discovery.EndpointList.ToArray() }));
        else
            builder.WithKubernetesDiscovery(o => o.PodLabelSelector = discovery.LabelSelector);
        return builder.WithClusterBootstrap(o =>
        {
            o.ContactPointDiscovery.ServiceName = discovery.ServiceName;
            o.ContactPointDiscovery.RequiredContactPointsNr = discovery.RequiredContactPoints;
            if (config)
            {
                // A fixed list never changes, so there is nothing to wait to settle; and each listed port is a
                // management port (nodes on one host have different ones), so none is filtered out.
                o.ContactPointDiscovery.StableMargin = TimeSpan.FromSeconds(1);
                o.ContactPoint.FilterOnFallbackPort = false;
            }
            else
                o.ContactPointDiscovery.PortName = "management"; // the pod's named container port
        }, autoStart: false);
    }

    /// <summary>Starts Cluster Bootstrap, telling it the address other nodes reach this node's contact point at.</summary>
    public static Task StartBootstrapAsync(ActorSystem system, Uri selfContactPoint)
    {
        var bootstrap = ClusterBootstrap.Get(system);
        bootstrap.Routes(Akka.Management.Dsl.ManagementRouteProviderSettings.Create(selfContactPoint, readOnly: true)); // sets its self contact point
        return bootstrap.Start();
    }

    /// <summary>
    /// The contact point's answer to <c>GET /bootstrap/seed-nodes</c>, built with Akka.Management's own types and
    /// serializer exactly as its HTTP routes do (its HTTP server cannot run here: the Ceen.Httpd it was built
    /// against is not the one the registry serves). Null when this node is leaving and must not be joined.
    /// </summary>
    public static string? SeedNodesJson(ActorSystem system)
    {
        var cluster = Akka.Cluster.Cluster.Get(system);
        var state = cluster.State;
        // Before it joins, a node's own status reads Removed too: that one answers (with no members).
        if (cluster.IsTerminated || cluster.SelfMember.Status is MemberStatus.Down or MemberStatus.Exiting or MemberStatus.Leaving
            || (cluster.SelfMember.Status == MemberStatus.Removed && !state.Members.IsEmpty)) return null;
        var members = state.Members
            .Where(m => !state.Unreachable.Contains(m) && m.Status is MemberStatus.Up or MemberStatus.WeaklyUp or MemberStatus.Joining)
            .Select(m => new HttpBootstrapJsonProtocol.ClusterMember(m.UniqueAddress.Address, m.UniqueAddress.Uid, m.Status, m.Roles))
            .ToImmutableList();
        return JsonConvert.SerializeObject(new HttpBootstrapJsonProtocol.SeedNodes(cluster.SelfMember.Address, members));
    }

    /// <summary>Where the contact point listens: the node's address when it is an IP, else every interface.</summary>
    public static IPAddress BindAddress(string hostname) => IPAddress.TryParse(hostname, out var address) ? address : IPAddress.Any;

    private static bool IsFree(string hostname, int port)
    {
        try
        {
            using var listener = new TcpListener(BindAddress(hostname), port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
