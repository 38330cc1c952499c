using System.Diagnostics;

namespace Trinity.Host.Tests;

/// <summary>
/// A PostgreSQL server of the test's own (initdb into a temporary directory, pg_ctl on a free loopback
/// port), for tests that stop and start it. The shared server on 5432 is never touched.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private const string Bin = "/usr/lib/postgresql/15/bin";
    private readonly string _dir;
    private readonly int _port;

    private PrivatePostgres(string dir, int port)
    {
        _dir = dir;
        _port = port;
    }

    /// <summary>Why these tests cannot run here; null when they can.</summary>
    public static string? Unavailable =>
        !File.Exists(Path.Combine(Bin, "pg_ctl")) ? $"no PostgreSQL 15 binaries in {Bin}"
        : Environment.UserName == "root" && !File.Exists("/usr/sbin/runuser") ? "running as root without runuser"
        : null;

    public string ConnectionString => $"Host=127.0.0.1;Port={_port};Username=postgres;Database=postgres";

    public static async Task<PrivatePostgres> StartAsync()
    {
        var dir = Directory.CreateTempSubdirectory("trinity-pg-").FullName;
        if (Environment.UserName == "root") await RunAsync("chown", "-R", "postgres:postgres", dir);
        var server = new PrivatePostgres(dir, FreePorts.Next());
        await server.PgAsync("initdb", "-D", server.Data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8");
        await server.StartAgainAsync();
        return server;
    }

    private string Data => Path.Combine(_dir, "data");

    public Task StartAgainAsync() =>
        PgAsync("pg_ctl", "-D", Data, "-l", Path.Combine(_dir, "log"), "-w", "-t", "60",
            "-o", $"-p {_port} -k {_dir} -c listen_addresses=127.0.0.1 -c fsync=off", "start");

    /// <summary>A fast shutdown: connections are cut, new ones refused.</summary>
    public Task StopAsync() => PgAsync("pg_ctl", "-D", Data, "-w", "-m", "fast", "stop");

    private Task PgAsync(string tool, params string[] arguments) =>
        Environment.UserName == "root"
            ? RunAsync("/usr/sbin/runuser", ["-u", "postgres", "--", Path.Combine(Bin, tool), .. arguments])
            : RunAsync(Path.Combine(Bin, tool), arguments);

    internal static async Task RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited {process.ExitCode}: {await stderr}{await stdout}");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (InvalidOperationException)
        {
            // already stopped
        }
        Directory.Delete(_dir, recursive: true);
    }
}
