using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Trinity.Host.Auth;
using Xunit.Abstractions;

namespace Trinity.Host.Tests;

/// <summary>
/// The built server as its own process, started as an operator starts it (<c>dotnet Trinity.Host.dll</c> from an
/// unrelated working directory), so it can be killed and signalled for real.
/// </summary>
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

    /// <summary>The node's address, with its base path and a trailing slash.</summary>
    public Uri BaseUri { get; }
    public HttpClient Http { get; }
    /// <summary>Everything the process wrote, stdout and stderr, in order of arrival.</summary>
    public IReadOnlyCollection<string> Log => _log;

    /// <summary>The built host, as an operator runs it: <c>dotnet Trinity.Host.dll</c>.</summary>
    public static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "Trinity.Host.dll");

    /// <summary>The test's settings as command-line arguments.</summary>
    public static Task<HostProcess> StartAsync(string dataDir, ITestOutputHelper output, params string[] extraArguments) =>
        StartAsync(Launch([.. TrinityServer.Arguments(dataDir), .. extraArguments], new Dictionary<string, string>()), output);

    /// <summary>
    /// Configured only by these environment variables (see <see cref="EnvironmentOf"/>), with no arguments at all.
    /// </summary>
    public static Task<HostProcess> StartAsync(IReadOnlyDictionary<string, string> environment, ITestOutputHelper output) =>
        StartAsync(Launch([], environment), output, environment.GetValueOrDefault("Trinity__BasePath", ""));

    /// <summary>
    /// The test's settings and <paramref name="extraSettings"/> as environment variables, with the real rate limits
    /// unless a setting changes one.
    /// </summary>
    public static Task<HostProcess> StartAsOperatorAsync(string dataDir, ITestOutputHelper output, params string[] extraSettings) =>
        StartAsync(EnvironmentOf(TrinityServer.Arguments(dataDir).Except(TrinityServer.Unlimited).Concat(extraSettings)), output);

    /// <summary>Runs a node that is expected to refuse to start; returns its exit code and everything it wrote.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(IReadOnlyDictionary<string, string> environment)
    {
        var (process, log) = Launch([], environment);
        using var launched = process;
        await process.WaitForExitAsync().WaitAsync(Waits.ShortProcess);
        process.WaitForExit(); // drains the redirected output
        return (process.ExitCode, string.Join('\n', log));
    }

    /// <summary>
    /// Command-line settings (<c>--Trinity:DataDir=x</c>) as the environment variables an operator would set to say
    /// the same: <c>Trinity__DataDir=x</c>, <c>ASPNETCORE_URLS</c>, <c>ASPNETCORE_ENVIRONMENT</c>; as on a command
    /// line, a later setting of the same key wins.
    /// </summary>
    public static Dictionary<string, string> EnvironmentOf(IEnumerable<string> arguments)
    {
        var variables = new Dictionary<string, string>();
        foreach (var argument in arguments)
        {
            var (key, value) = argument.TrimStart('-').Split('=', 2) is [var k, var v] ? (k, v) : throw new ArgumentException(argument);
            var name = key switch { "urls" => "ASPNETCORE_URLS", "environment" => "ASPNETCORE_ENVIRONMENT", _ => key.Replace(":", "__") };
            variables[name] = value;
        }
        return variables;
    }

    /// <summary><see cref="TrinityServer.Arguments"/> on <paramref name="urls"/> and extra settings, as environment variables.</summary>
    public static Dictionary<string, string> Variables(string dataDir, string urls, params string[] settings) =>
        EnvironmentOf(TrinityServer.Arguments(dataDir, urls).Concat(settings));

    private static (Process, ConcurrentQueue<string>) Launch(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = Directory.CreateTempSubdirectory("trinity-cwd-").FullName,
        };
        start.ArgumentList.Add(Dll);
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

    private static async Task<HostProcess> StartAsync((Process Process, ConcurrentQueue<string> Log) launched, ITestOutputHelper output,
        string basePath = "")
    {
        var (process, log) = launched;
        var deadline = DateTime.UtcNow + Waits.NodeReady;
        Uri? baseUri = null;
        while (baseUri is null)
        {
            baseUri = log.Select(line => ListeningOn().Match(line)).Where(m => m.Success)
                .Select(m => new Uri(m.Groups[1].Value + basePath + "/")).FirstOrDefault();
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
        await TrinityServer.WaitUntilReadyAsync(node.Http, Waits.NodeReady);
        return node;
    }

    /// <summary>
    /// Runs a short-lived command (the CLI, a shell) to its end, its output piped, from a fresh working directory,
    /// with <paramref name="environment"/> on top of this process's environment (a null value removes a variable).
    /// </summary>
    public static async Task<(int Exit, string Output, string Error)> RunToEndAsync(string fileName, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?> environment)
    {
        var workingDirectory = Directory.CreateTempSubdirectory("trinity-run-").FullName;
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment)
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        using var process = Process.Start(start)!;
        try
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(Waits.ShortProcess);
            return (process.ExitCode, await output, await error);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            Directory.Delete(workingDirectory, recursive: true);
        }
    }

    public async Task<GuestIdentity> GuestAsync(string name)
    {
        var response = await Http.PostAsync("api/auth/guest", System.Net.Http.Json.JsonContent.Create(new { displayName = name }));
        response.EnsureSuccessStatusCode();
        return (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<GuestIdentity>(response.Content))!;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flush, nothing.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>A real SIGTERM, as systemd, Kubernetes or <c>kill</c> send it; the process decides how to stop.</summary>
    public void Terminate() => Signals.Send(_process, Signals.Term);

    /// <summary>Waits for the process to end (failing after <paramref name="timeout"/>) and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await _process.WaitForExitAsync().WaitAsync(timeout);
        _process.WaitForExit(); // drains the redirected output
        return _process.ExitCode;
    }

    /// <summary>SIGTERM, then the exit code once the process has gone.</summary>
    public Task<int> TerminateAsync(TimeSpan within)
    {
        Terminate();
        return WaitForExitAsync(within);
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
