using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Trinity.Actors.Hosting;
using Trinity.Host.Auth;
using Trinity.Host.Limits;
using Trinity.Host.Web;
using YamlDotNet.RepresentationModel;

namespace Trinity.Host.Tests;

/// <summary>
/// deploy/Dockerfile and deploy/kubernetes cannot run here, so they are held to the code: every setting they pass is
/// one Trinity reads, every port and probe path is one it serves, every secret they use is defined.
/// </summary>
[Trait(OwnStorage.Trait, OwnStorage.Value)]
public sealed partial class DeploymentFilesTests
{
    private static readonly string Deploy = Path.Combine(AppContext.BaseDirectory, "deploy");

    /// <summary>Where Trinity binds its configuration: section and options class.</summary>
    private static readonly (string Section, Type Options)[] OptionRoots =
    [
        (TrinityOptions.Section, typeof(TrinityOptions)), (WebOptions.Section, typeof(WebOptions)),
        (AuthOptions.Section, typeof(AuthOptions)), (AdminOptions.Section, typeof(AdminOptions)),
        (RateLimitOptions.Section, typeof(RateLimitOptions)),
    ];

    /// <summary>Read by ASP.NET Core itself.</summary>
    private static readonly string[] FrameworkKeys = ["ASPNETCORE_ENVIRONMENT", "Urls"];

    private static List<YamlMappingNode> Manifests() =>
        Directory.GetFiles(Path.Combine(Deploy, "kubernetes"), "*.yaml").SelectMany(file =>
        {
            var yaml = new YamlStream();
            yaml.Load(new StringReader(File.ReadAllText(file)));
            return yaml.Documents.Select(d => (YamlMappingNode)d.RootNode);
        }).ToList();

    private static YamlMappingNode Kind(string kind) => Manifests().Single(m => Text(m, "kind") == kind);

    private static YamlMappingNode Container() =>
        (YamlMappingNode)Seq(Map(Map(Map(Kind("StatefulSet"), "spec"), "template"), "spec"), "containers").Single();

    private static Dictionary<string, int> ContainerPorts() =>
        Seq(Container(), "ports").Cast<YamlMappingNode>().ToDictionary(p => Text(p, "name")!, p => int.Parse(Text(p, "containerPort")!));

    private static List<YamlMappingNode> Env() => Seq(Container(), "env").Cast<YamlMappingNode>().ToList();

    private static Dictionary<string, string> DockerfileEnv() =>
        DockerfileEnvPair().Matches(Regex.Match(File.ReadAllText(Path.Combine(Deploy, "Dockerfile")), @"^ENV (.+?)(?<!\\)$",
                RegexOptions.Multiline | RegexOptions.Singleline).Groups[1].Value)
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);

    [Fact]
    public void Every_environment_variable_names_a_setting_Trinity_reads()
    {
        var names = Env().Select(e => Text(e, "name")!).Concat(DockerfileEnv().Keys).Distinct().ToList();
        Assert.NotEmpty(names);
        var unknown = names.Where(name => !FrameworkKeys.Contains(name) && !IsRead(Key(name))).ToList();
        Assert.True(unknown.Count == 0, "not read by Trinity: " + string.Join(", ", unknown));
    }

    [Fact]
    public void Ports_agree_between_the_settings_the_container_the_services_and_the_Dockerfile()
    {
        var ports = ContainerPorts();
        string Value(string name) => Text(Env().Single(e => Text(e, "name") == name), "value")!;
        Assert.Equal(ports["http"], new Uri(Value("Urls").Replace("0.0.0.0", "host")).Port);
        Assert.Equal(ports["remoting"], int.Parse(Value("Trinity__Cluster__Port")));
        Assert.Equal(ports["management"], int.Parse(Value("Trinity__Cluster__Management__Port")));

        var docker = DockerfileEnv();
        Assert.Equal(ports["http"], new Uri(docker["Urls"].Replace("0.0.0.0", "host")).Port);
        Assert.Equal(ports["remoting"], int.Parse(docker["Trinity__Cluster__Port"]));
        Assert.Equal(ports["management"], int.Parse(docker["Trinity__Cluster__Management__Port"]));
        var exposed = Regex.Match(File.ReadAllText(Path.Combine(Deploy, "Dockerfile")), @"^EXPOSE (.+)$", RegexOptions.Multiline)
            .Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).Order();
        Assert.Equal(ports.Values.Order(), exposed);

        foreach (var service in Manifests().Where(m => Text(m, "kind") == "Service"))
        foreach (var port in Seq(Map(service, "spec"), "ports").Cast<YamlMappingNode>())
            Assert.True(ports.ContainsKey(Text(port, "targetPort")!), $"service {Text(Map(service, "metadata"), "name")} targets an unknown port {Text(port, "targetPort")}");
        var headless = Manifests().Single(m => Text(m, "kind") == "Service" && Text(Map(m, "spec"), "clusterIP") == "None");
        Assert.Equal(Text(Map(Kind("StatefulSet"), "spec"), "serviceName"), Text(Map(headless, "metadata"), "name"));
    }

    [Fact]
    public async Task The_probes_ask_the_health_endpoints_a_real_node_serves()
    {
        var probes = new[] { "livenessProbe", "readinessProbe", "startupProbe" }.Select(p => Map(Map(Container(), p), "httpGet")).ToList();
        Assert.All(probes, probe => Assert.True(ContainerPorts().ContainsKey(Text(probe, "port")!)));
        Assert.Equal("/healthz/live", Text(Map(Map(Container(), "livenessProbe"), "httpGet"), "path"));
        Assert.Equal("/healthz/ready", Text(Map(Map(Container(), "readinessProbe"), "httpGet"), "path"));
        await using var node = await TrinityServer.StartAsync();
        foreach (var path in probes.Select(p => Text(p, "path")!).Distinct())
            Assert.Equal(HttpStatusCode.OK, (await node.Http.GetAsync(path.TrimStart('/'))).StatusCode);
    }

    [Fact]
    public void Secrets_RBAC_and_termination_fit_the_StatefulSet()
    {
        var secret = Kind("Secret");
        var keys = Map(secret, "stringData").Children.Keys.Select(k => k.ToString()).ToHashSet();
        foreach (var reference in Env().Where(e => e.Children.ContainsKey("valueFrom")).Select(e => Map(e, "valueFrom"))
                     .Where(v => v.Children.ContainsKey("secretKeyRef")).Select(v => Map(v, "secretKeyRef")))
        {
            Assert.Equal(Text(Map(secret, "metadata"), "name"), Text(reference, "name"));
            Assert.Contains(Text(reference, "key")!, keys);
        }
        string[] fromSecrets = ["Trinity__Persistence__ConnectionString", "Trinity__Admin__Key", "Trinity__Auth__SigningKey"];
        Assert.All(fromSecrets, name => Assert.True(Env().Single(e => Text(e, "name") == name).Children.ContainsKey("valueFrom"), $"{name} comes from the Secret"));

        var pod = Map(Map(Kind("StatefulSet"), "spec"), "template");
        var account = Text(Map(pod, "spec"), "serviceAccountName");
        Assert.Equal(account, Text(Map(Kind("ServiceAccount"), "metadata"), "name"));
        var binding = Kind("RoleBinding");
        Assert.Contains(Seq(binding, "subjects").Cast<YamlMappingNode>(), s => Text(s, "name") == account);
        Assert.Equal(Text(Map(Kind("Role"), "metadata"), "name"), Text(Map(binding, "roleRef"), "name"));
        var rule = Seq(Kind("Role"), "rules").Cast<YamlMappingNode>().Single();
        Assert.Contains("pods", Seq(rule, "resources").Select(r => r.ToString()));
        Assert.Superset(new HashSet<string> { "get", "list", "watch" }, Seq(rule, "verbs").Select(v => v.ToString()).ToHashSet());
        // The label selector of discovery finds the StatefulSet's own pods.
        var selector = Text(Env().Single(e => Text(e, "name") == "Trinity__Cluster__Discovery__LabelSelector"), "value")!.Split('=');
        Assert.Equal(selector[1], Text(Map(Map(pod, "metadata"), "labels"), selector[0]));
        Assert.True(int.Parse(Text(Map(pod, "spec"), "terminationGracePeriodSeconds")!) >= 30, "time for the hand-over");
    }

    private static string Key(string environmentVariable) => environmentVariable.Replace("__", ":");

    /// <summary>True if <paramref name="key"/> binds to a property of an options class.</summary>
    [Fact]
    public void Docs_CONFIGURATION_lists_every_setting_once_and_only_settings_Trinity_reads()
    {
        var documented = Regex.Matches(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "CONFIGURATION.md")),
            @"^\| `(Trinity:[^`]+)` \|", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();

        Assert.Empty(OptionRoots.SelectMany(root => Keys(root.Section, root.Options)).Distinct().Except(documented));
        Assert.DoesNotContain(documented, key => !IsRead(key));
        Assert.Empty(documented.GroupBy(key => key).Where(g => g.Count() > 1).Select(g => g.Key));
    }

    /// <summary>Every key an options class binds: its settable properties, down to the values.</summary>
    private static IEnumerable<string> Keys(string prefix, Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).SelectMany(p =>
        {
            var key = $"{prefix}:{p.Name}";
            var value = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
            return value.IsPrimitive || value == typeof(string) || value == typeof(TimeSpan) ? [key] : Keys(key, value);
        });

    private static bool IsRead(string key) =>
        OptionRoots.Any(root =>
        {
            if (!key.StartsWith(root.Section + ":", StringComparison.OrdinalIgnoreCase)) return false;
            var type = root.Options;
            foreach (var segment in key[(root.Section.Length + 1)..].Split(':'))
            {
                var property = type.GetProperty(segment, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
                if (property is null || !property.CanWrite) return false;
                type = property.PropertyType;
            }
            return true;
        });

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];
    private static YamlSequenceNode Seq(YamlMappingNode node, string key) => (YamlSequenceNode)node.Children[new YamlScalarNode(key)];
    private static string? Text(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;

    [GeneratedRegex(@"(\w+)=(\S+)")]
    private static partial Regex DockerfileEnvPair();
}
