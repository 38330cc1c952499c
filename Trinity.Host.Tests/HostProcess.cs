using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Trinity.Host.Auth;
using Xunit.Abstractions;

namespace Trinity.Host.Tests;

/// <summary>The built server as its own process, so it can be killed and signalled for real.</summary>
public sealed partial class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log;

    private HostProcess(Process process, ConcurrentQueue<string> log, Uri baseUri)
    {
        _process = process;
        _log = log;
        BaseUri = baseUri;
        Http = new HttpClient { BaseAddress = baseUri };
    }

    public Uri BaseUri { get; }
    public HttpClient Http { get; }
    /// <summary>Everything the process wrote, stdout and stderr, in order of arrival.</summary>
    public IReadOnlyCollection<string> Log => _log;

    public static Task<HostProcess> StartAsync(string dataDir, ITestOutputHelper output, params string[] extraArguments) =>
        StartAsync(Launch([.. TrinityServer.Arguments(dataDir), .. extraArguments], new Dictionary<string, string>()), output);

    /// <summary>
    /// As an operator runs it: <c>dotnet Trinity.Host.dll</c> with no arguments, from an unrelated working
    /// directory, configured only by these environment variables (see <see cref="Variables"/>).
    /// </summary>
    public static Task<HostProcess> StartAsync(IReadOnlyDictionary<string, string> environment, ITestOutputHelper output) =>
        StartAsync(Launch([], environment), output);

    /// <summary>Runs a node that is expected to refuse to start; returns its exit code and everything it wrote.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(IReadOnlyDictionary<string, string> environment)
    {
        var (process, log) = Launch([], environment);
        using var _ = process;
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        process.WaitForExit(); // drains the redirected output
        return (process.ExitCode, string.Join('\n', log));
    }

    /// <summary>
    /// <see cref="TrinityServer.Arguments"/> and extra <c>--Key:Sub=value</c> settings as the environment
    /// variables an operator would set: <c>Key__Sub</c>, <c>ASPNETCORE_URLS</c>, <c>ASPNETCORE_ENVIRONMENT</c>.
    /// </summary>
    public static Dictionary<string, string> Variables(string dataDir, string urls, params string[] settings)
    {
        var variables = new Dictionary<string, string>();
        foreach (var argument in TrinityServer.Arguments(dataDir, urls).Concat(settings))
        {
            var (key, value) = argument.TrimStart('-').Split('=', 2) is [var k, var v] ? (k, v) : throw new ArgumentException(argument);
            var name = key switch { "urls" => "ASPNETCORE_URLS", "environment" => "ASPNETCORE_ENVIRONMENT", _ => key.Replace(":", "__") };
            variables[name] = value; // a later setting wins, as on a command line
        }
        return variables;
    }

    private static (Process, ConcurrentQueue<string>) Launch(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = Directory.CreateTempSubdirectory("trinity-cwd-").FullName,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Trinity.Host.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        var process = new Process { StartInfo = start };
        var log = new ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) log.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) log.Enqueue(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return (process, log);
    }

    private static async Task<HostProcess> StartAsync((Process Process, ConcurrentQueue<string> Log) launched, ITestOutputHelper output)
    {
        var (process, log) = launched;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        Uri? baseUri = null;
        while (baseUri is null)
        {
            baseUri = log.Select(line => ListeningOn().Match(line)).Where(m => m.Success).Select(m => new Uri(m.Groups[1].Value)).FirstOrDefault();
            if (baseUri is not null) break;
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                foreach (var line in log) output.WriteLine("host: " + line);
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException(process.HasExited ? $"the node exited with {process.ExitCode}" : "the node did not listen in time");
            }
            await Task.Delay(50);
        }
        var node = new HostProcess(process, log, baseUri);
        // Generous: a node of a cluster is ready once the cluster formed, and CI machines are small and shared.
        await TrinityServer.WaitUntilReadyAsync(node.Http, TimeSpan.FromSeconds(120));
        return node;
    }

    public async Task<GuestIdentity> GuestAsync(string name)
    {
        var response = await Http.PostAsync("/api/auth/guest", System.Net.Http.Json.JsonContent.Create(new { displayName = name }));
        response.EnsureSuccessStatusCode();
        return (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<GuestIdentity>(response.Content))!;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flush, nothing.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>SIGTERM, what an orchestrator sends; the process decides how to stop.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()]);
        kill.WaitForExit();
        if (kill.ExitCode != 0) throw new InvalidOperationException($"kill -TERM {_process.Id} failed with {kill.ExitCode}");
    }

    /// <summary>Waits for the process to end (failing after <paramref name="timeout"/>) and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await _process.WaitForExitAsync().WaitAsync(timeout);
        _process.WaitForExit(); // drains the redirected output
        return _process.ExitCode;
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited) Kill();
        Http.Dispose();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningOn();
}
