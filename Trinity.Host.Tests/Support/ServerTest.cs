namespace Trinity.Host.Tests;

/// <summary>A test class with a fresh node of its own, started before and stopped after each test.</summary>
public abstract class ServerTest : IAsyncLifetime
{
    protected TrinityServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await TrinityServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
