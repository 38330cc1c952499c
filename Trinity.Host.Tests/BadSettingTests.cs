namespace Trinity.Host.Tests;

/// <summary>
/// One bad value of each settings class stops the built node at start, as an operator runs it (environment variables
/// only, Production, an unrelated working directory), with a message naming the key; and nothing is left running.
/// </summary>
[Trait(OwnStorage.Trait, OwnStorage.Value)]
public sealed class BadSettingTests
{
    [Theory]
    [InlineData("Trinity:Rooms:SnapshotEvery", "0")]
    [InlineData("Trinity:Rooms:SnapshotEvery", "many")]
    [InlineData("Trinity:Rooms:ConnectionBuffer", "0")]
    [InlineData("Trinity:Rooms:AskTimeout", "00:00:00")]
    [InlineData("Trinity:Rooms:InactiveAfter", "-00:01:00")]
    [InlineData("Trinity:Rooms:IdleAfter", "00:00:00")]
    [InlineData("Trinity:Rooms:InviteCodeGrace", "-1.00:00:00")]
    [InlineData("Trinity:Cluster:Port", "70000")]
    [InlineData("Trinity:Cluster:StableAfter", "00:00:00")]
    [InlineData("Trinity:Persistence:Provider", "oracle")]
    [InlineData("Trinity:Persistence:ConnectionString", "", "--Trinity:Persistence:Provider=postgres")]
    [InlineData("Trinity:Persistence:SqliteSynchronous", "off")]
    [InlineData("Trinity:Persistence:MinFreeDiskMb", "-1")]
    [InlineData("Trinity:Auth:SigningKey", "too-short")]
    [InlineData("Trinity:Auth:TokenLifetime", "00:00:00")]
    [InlineData("Trinity:BasePath", "trinity/")]
    [InlineData("Trinity:ForwardedHeaders:KnownProxies", "proxy.local")]
    [InlineData("Trinity:RateLimits:Votes:Connection:Burst", "0")]
    [InlineData("Trinity:Catalog:Tmdb:Pages", "0", "--Trinity:Catalog:Tmdb:ApiKey=key")]
    [InlineData("Trinity:Ai:Endpoint", "localhost:8000")]
    public async Task A_bad_value_stops_the_node_at_start_naming_its_key(string key, string value, params string[] others)
    {
        var (exitCode, output) = await HostProcess.RunToExitAsync(HostProcess.Variables(TrinityServer.NewDataDir(), "http://127.0.0.1:0",
            [$"--{key}={value}", .. others]));

        Assert.NotEqual(0, exitCode);
        Assert.Contains(key, output);
        Assert.DoesNotContain("Now listening on", output);
    }
}
