using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Trinity.Host;
using Trinity.Host.Auth;

namespace Trinity.Host.Tests;

/// <summary>A real Trinity node on real Kestrel, on a free loopback port, with its own SQLite file.</summary>
public sealed class TrinityServer : IAsyncDisposable
{
    public const string SigningKey = "end-to-end-test-signing-key-0123456789abcdef";
    public const string AdminKey = "end-to-end-admin-key";

    private readonly WebApplication _app;

    private TrinityServer(WebApplication app, string dataDir, Uri baseUri)
    {
        _app = app;
        DataDir = dataDir;
        BaseUri = baseUri;
        Http = new HttpClient { BaseAddress = baseUri, Timeout = Waits.HttpCall };
    }

    public string DataDir { get; }
    public Uri BaseUri { get; }
    public HttpClient Http { get; }
    public IServiceProvider Services => _app.Services;

    public static string NewDataDir() => Directory.CreateTempSubdirectory("trinity-e2e-").FullName;

    /// <summary>The settings every test node runs with; a child process gets the same ones.</summary>
    public static string[] Arguments(string dataDir, string urls = "http://127.0.0.1:0") =>
    [
        $"--urls={urls}",
        "--environment=Production",
        $"--Trinity:DataDir={dataDir}",
        $"--Trinity:Auth:SigningKey={SigningKey}",
        $"--Trinity:Admin:Key={AdminKey}",
        "--Logging:LogLevel:Default=Warning",
        "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information",
        .. Unlimited,
        .. TestPostgres.RunSuiteOnIt
            ? ["--Trinity:Persistence:Provider=postgres", $"--Trinity:Persistence:ConnectionString={TestPostgres.ConnectionString}"]
            : Array.Empty<string>(),
    ];

    /// <summary>Tests drive rooms far faster than people do; tests of the limits set their own.</summary>
    public static readonly string[] Unlimited =
        new[] { "Votes", "Rooms", "Joins", "Chat", "Recommendations", "Other" }
            .SelectMany(category => new[] { "Connection", "User" }.SelectMany(scope => new[]
            {
                $"--Trinity:RateLimits:{category}:{scope}:Burst=100000",
                $"--Trinity:RateLimits:{category}:{scope}:PerSecond=100000",
            }))
            .Concat(["--Trinity:RateLimits:Rest:Burst=100000", "--Trinity:RateLimits:Rest:PerSecond=100000",
                "--Trinity:RateLimits:Guests:Burst=100000", "--Trinity:RateLimits:Guests:PerSecond=100000",
                "--Trinity:RateLimits:Guests:PerHour=100000000",
                "--Trinity:RateLimits:InviteCodes:Address:Burst=100000", "--Trinity:RateLimits:InviteCodes:Address:PerSecond=100000",
                "--Trinity:RateLimits:InviteCodes:User:Burst=100000", "--Trinity:RateLimits:InviteCodes:User:PerSecond=100000",
                "--Trinity:RateLimits:InviteCodes:FreeFailures=100000000",
                "--Trinity:RateLimits:Connections:PerUser=1000000", "--Trinity:RateLimits:Connections:PerAddress=1000000",
                "--Trinity:RateLimits:Connections:PerNode=1000000"])
            .ToArray();

    public static Task<TrinityServer> StartAsync(string? dataDir = null, params string[] extraArguments) =>
        StartAsync(dataDir, null, extraArguments);

    public static Task<TrinityServer> StartAsync(string? dataDir, Action<WebApplicationBuilder>? configure, params string[] extraArguments)
    {
        dataDir ??= NewDataDir();
        return LaunchAsync(dataDir, configure, [.. Arguments(dataDir), .. extraArguments]);
    }

    /// <summary>A node with the real rate limits, for tests of the limits.</summary>
    public static Task<TrinityServer> StartLimitedAsync(params string[] extraArguments)
    {
        var dataDir = NewDataDir();
        return LaunchAsync(dataDir, null, [.. Arguments(dataDir).Except(Unlimited), .. extraArguments]);
    }

    private static async Task<TrinityServer> LaunchAsync(string dataDir, Action<WebApplicationBuilder>? configure, string[] arguments)
    {
        var app = TrinityApp.Build(arguments, configure);
        await app.StartAsync();
        // Under Trinity:BasePath, everything (readiness included) is below it.
        var server = new TrinityServer(app, dataDir, new Uri(app.Urls.First() + app.Configuration["Trinity:BasePath"] + "/"));
        await WaitUntilReadyAsync(server.Http);
        return server;
    }

    /// <summary>Polls readiness (a bounded loop that fails loudly), as an orchestrator would.</summary>
    public static async Task WaitUntilReadyAsync(HttpClient http, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? Waits.ServerReady);
        string last = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                var response = await http.GetAsync("healthz/ready");
                if (response.IsSuccessStatusCode) return;
                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"the node did not become ready: {last}");
    }

    public async Task<GuestIdentity> GuestAsync(string displayName)
    {
        var response = await Http.PostAsJsonAsync("api/auth/guest", new { displayName });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<GuestIdentity>())!;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
