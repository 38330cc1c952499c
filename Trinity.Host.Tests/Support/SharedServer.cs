namespace Trinity.Host.Tests;

/// <summary>One node for a whole test class (xUnit class fixture), for tables of many small cases.</summary>
public sealed class SharedServer : IAsyncLifetime
{
    public TrinityServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await TrinityServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
