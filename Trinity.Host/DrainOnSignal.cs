using System.Runtime.InteropServices;
using Trinity.Host.Realtime;

namespace Trinity.Host;

/// <summary>
/// The host's lifetime in place of ConsoleLifetime, which stops the application the moment SIGTERM arrives,
/// so SignalR closed the sockets before clients were told. Here SIGTERM (and Ctrl+C, SIGQUIT) drains the
/// node first, then stops it: connections close, the node leaves the cluster and its rooms hand over.
/// </summary>
public sealed class DrainOnSignal(ShutdownNotice notice, IHostApplicationLifetime lifetime, ILogger<DrainOnSignal> logger) : IHostLifetime, IDisposable
{
    private readonly List<PosixSignalRegistration> _registrations = [];

    public Task WaitForStartAsync(CancellationToken cancellationToken)
    {
        foreach (var signal in new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT, PosixSignal.SIGQUIT })
            _registrations.Add(PosixSignalRegistration.Create(signal, OnSignal));
        return Task.CompletedTask;
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true; // the host stops itself, after the drain
        logger.LogInformation("{Signal} received", context.Signal);
        _ = Task.Run(async () =>
        {
            try
            {
                await notice.DrainAsync();
            }
            catch (Exception e) when (e is TimeoutException or OperationCanceledException)
            {
                logger.LogWarning("The maintenance notice was not sent in time: {Error}", e.Message);
            }
            lifetime.StopApplication();
        });
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
    }
}
