using System.Diagnostics;
using System.Text.RegularExpressions;
using Trinity.Host.Auth;
using Xunit.Abstractions;

namespace Trinity.Host.Tests;

/// <summary>The built server as its own process, so it can be killed for real.</summary>
public sealed partial class HostProcess : IAsyncDisposable
{
    private readonly Process _process;

    private HostProcess(Process process, Uri baseUri)
    {
        _process = process;
        BaseUri = baseUri;
        Http = new HttpClient { BaseAddress = baseUri };
    }

    public Uri BaseUri { get; }
    public HttpClient Http { get; }

    /// <summary>The built host, as an operator runs it: <c>dotnet Trinity.Host.dll</c>.</summary>
    public static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "Trinity.Host.dll");

    /// <summary>The test's settings as command-line arguments, from the test's working directory.</summary>
    public static Task<HostProcess> StartAsync(string dataDir, ITestOutputHelper output, params string[] extraArguments)
    {
        var start = new ProcessStartInfo("dotnet");
        start.ArgumentList.Add(Dll);
        foreach (var argument in TrinityServer.Arguments(dataDir).Concat(extraArguments)) start.ArgumentList.Add(argument);
        return LaunchAsync(start, output);
    }

    /// <summary>
    /// As an operator runs it: <c>dotnet Trinity.Host.dll</c> with no arguments, from <paramref name="workingDirectory"/>,
    /// configured only through <paramref name="environment"/> (see <see cref="EnvironmentOf"/>).
    /// </summary>
    public static Task<HostProcess> StartAsync(IReadOnlyDictionary<string, string> environment, string workingDirectory, ITestOutputHelper output)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory };
        start.ArgumentList.Add(Dll);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        return LaunchAsync(start, output, environment.GetValueOrDefault("Trinity__BasePath", ""));
    }

    /// <summary>
    /// As an operator runs it, from a fresh unrelated working directory, configured only by environment variables
    /// (<c>--A:B=c</c> settings become <c>A__B=c</c>), with the real rate limits unless a setting changes one.
    /// </summary>
    public static Task<HostProcess> StartAsOperatorAsync(string dataDir, ITestOutputHelper output, params string[] extraSettings) =>
        StartAsync(EnvironmentOf(TrinityServer.Arguments(dataDir).Except(TrinityServer.Unlimited).Concat(extraSettings)),
            Directory.CreateTempSubdirectory("trinity-cwd-").FullName, output);

    /// <summary>
    /// Command-line settings (<c>--Trinity:DataDir=x</c>) as the environment variables that say the same
    /// (<c>Trinity__DataDir=x</c>); as on a command line, a later setting of the same key wins.
    /// </summary>
    public static Dictionary<string, string> EnvironmentOf(IEnumerable<string> arguments)
    {
        var environment = new Dictionary<string, string>();
        foreach (var pair in arguments.Select(argument => argument.TrimStart('-').Split('=', 2)))
            environment[pair[0] == "environment" ? "ASPNETCORE_ENVIRONMENT" : pair[0].Replace(":", "__")] = pair[1];
        return environment;
    }

    private static async Task<HostProcess> LaunchAsync(ProcessStartInfo start, ITestOutputHelper output, string basePath = "")
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var process = Process.Start(start)!;
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            if (ListeningOn().Match(e.Data) is { Success: true } m) listening.TrySetResult(new Uri(m.Groups[1].Value + basePath + "/"));
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.WriteLine("host stderr: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var baseUri = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var node = new HostProcess(process, baseUri);
        await TrinityServer.WaitUntilReadyAsync(node.Http);
        return node;
    }

    /// <summary>
    /// Runs a short-lived command (the CLI, a shell) to its end, its output piped, from a fresh working directory,
    /// with <paramref name="environment"/> on top of this process's environment (a null value removes a variable).
    /// </summary>
    public static async Task<(int Exit, string Output, string Error)> RunToEndAsync(string fileName, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?> environment, int timeoutSeconds = 60)
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
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(timeoutSeconds));
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

    /// <summary>A real SIGTERM, as systemd, Kubernetes or <c>kill</c> send it; returns the exit code once the process has gone.</summary>
    public async Task<int> TerminateAsync(TimeSpan within)
    {
        Signals.Send(_process, Signals.Term);
        using var timeout = new CancellationTokenSource(within);
        await _process.WaitForExitAsync(timeout.Token);
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
