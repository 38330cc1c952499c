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

    public static Task<HostProcess> StartAsync(string dataDir, ITestOutputHelper output, params string[] extraArguments) =>
        StartAsync(dataDir, output, asOperator: false, extraArguments);

    /// <summary>
    /// As an operator runs it: from an unrelated working directory, every setting (the usual ones and
    /// <paramref name="extraArguments"/>, written <c>--Key=value</c>) passed as an environment variable.
    /// </summary>
    public static Task<HostProcess> StartAsOperatorAsync(string dataDir, ITestOutputHelper output, params string[] extraArguments) =>
        StartAsync(dataDir, output, asOperator: true, extraArguments);

    private static async Task<HostProcess> StartAsync(string dataDir, ITestOutputHelper output, bool asOperator, string[] extraArguments)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Trinity.Host.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var argument in TrinityServer.Arguments(dataDir).Concat(extraArguments))
            if (!asOperator) start.ArgumentList.Add(argument);
            else if (argument.TrimStart('-').Split('=', 2) is [var key, var value])
                start.Environment[key == "environment" ? "ASPNETCORE_ENVIRONMENT" : key.Replace(":", "__")] = value;
        if (asOperator) start.WorkingDirectory = Directory.CreateTempSubdirectory("trinity-operator-").FullName;
        var process = Process.Start(start)!;
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            if (ListeningOn().Match(e.Data) is { Success: true } m) listening.TrySetResult(new Uri(m.Groups[1].Value));
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.WriteLine("host stderr: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var baseUri = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var node = new HostProcess(process, baseUri);
        await TrinityServer.WaitUntilReadyAsync(node.Http);
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
