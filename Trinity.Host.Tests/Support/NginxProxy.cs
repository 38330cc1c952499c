using System.Diagnostics;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Trinity.Host.Tests;

/// <summary>
/// Debian's nginx as its own process, in front of test nodes: deploy/nginx/trinity.conf with the test's free
/// ports, run through deploy/nginx/standalone.conf in the foreground (<c>daemon off</c>) from a temporary prefix.
/// </summary>
public sealed partial class NginxProxy : IAsyncDisposable
{
    public const string Binary = "/usr/sbin/nginx";
    public const string Absent = $"no nginx at {Binary} (CI: apt-get install -y nginx-light)";
    /// <summary>nginx reaches the nodes from this address, so they can tell it from the clients (all on loopback).</summary>
    public const string Address = "127.0.0.2";

    private readonly Process _process;

    private NginxProxy(Process process, Uri root)
    {
        _process = process;
        Root = root;
    }

    public static bool Available => File.Exists(Binary);
    /// <summary>http://127.0.0.1:port/</summary>
    public Uri Root { get; }

    private static string Template(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "deploy", "nginx", file));

    /// <summary>The template with this listen port and these node ports in its upstream.</summary>
    public static string Render(int listenPort, IReadOnlyList<int> nodePorts)
    {
        var config = Template("trinity.conf");
        var servers = UpstreamServer().Matches(config);
        if (servers.Count < nodePorts.Count) throw new InvalidOperationException("the template has fewer upstream servers than the test has nodes");
        for (var i = servers.Count - 1; i >= 0; i--)
        {
            var server = servers[i];
            var line = i < nodePorts.Count ? $"{server.Groups[1].Value}{nodePorts[i]}{server.Groups[3].Value}" : "";
            config = config[..server.Index] + line + config[(server.Index + server.Length)..];
        }
        var listen = Listen().Match(config);
        if (!listen.Success) throw new InvalidOperationException("the template has no listen directive");
        return config[..listen.Index] + $"    listen 127.0.0.1:{listenPort};\n    proxy_bind {Address};" + config[(listen.Index + listen.Length)..];
    }

    public static async Task<NginxProxy> StartAsync(IReadOnlyList<int> nodePorts, string healthPath, ITestOutputHelper output)
    {
        var prefix = Directory.CreateTempSubdirectory("trinity-nginx-").FullName;
        Directory.CreateDirectory(Path.Combine(prefix, "tmp"));
        var port = FreePorts.Next();
        await File.WriteAllTextAsync(Path.Combine(prefix, "trinity.conf"), Render(port, nodePorts));
        await File.WriteAllTextAsync(Path.Combine(prefix, "standalone.conf"), Template("standalone.conf"));
        var start = new ProcessStartInfo(Binary) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-e", "stderr", "-p", prefix + "/", "-c", Path.Combine(prefix, "standalone.conf"), "-g", "daemon off;" })
            start.ArgumentList.Add(argument);
        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.WriteLine("nginx: " + e.Data); };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.WriteLine("nginx: " + e.Data); };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var proxy = new NginxProxy(process, new Uri($"http://127.0.0.1:{port}/"));
        using var http = new HttpClient { BaseAddress = proxy.Root };
        try
        {
            await TestCluster.WaitUntil(async () =>
            {
                if (process.HasExited) throw new InvalidOperationException($"nginx exited with {process.ExitCode}; see its output above");
                try { return (await http.GetAsync(healthPath)).IsSuccessStatusCode; }
                catch (HttpRequestException) { return false; }
            }, "nginx answers with a ready node behind it");
        }
        catch
        {
            await proxy.DisposeAsync();
            throw;
        }
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Signals.Send(_process, Signals.Term); // fast shutdown of the master and its workers
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try { await _process.WaitForExitAsync(timeout.Token); }
            catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); }
        }
        _process.Dispose();
    }

    [GeneratedRegex(@"(server\s+127\.0\.0\.1:)(\d+)([^;\n]*;)")]
    private static partial Regex UpstreamServer();

    [GeneratedRegex(@"^[ \t]*listen\s+[^;]+;", RegexOptions.Multiline)]
    private static partial Regex Listen();
}
