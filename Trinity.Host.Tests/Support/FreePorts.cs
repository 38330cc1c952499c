using System.Net;
using System.Net.Sockets;

namespace Trinity.Host.Tests;

/// <summary>
/// Loopback ports for servers a test starts and must name in advance (cluster seeds, nodes' HTTP ports, nginx,
/// a private PostgreSQL). A port learned by binding port 0 is an ephemeral one: between the test reading it and
/// the server binding it, any outgoing connection or another test process may take it ("address already in
/// use"). So ports come from below the kernel's ephemeral range, each test process holding its own block
/// through a lock file, handed out once each and checked free before use.
/// </summary>
public static class FreePorts
{
    private const int BlockSize = 1000;
    private const int Lowest = 10000;
    private static readonly object Gate = new();
    // The lock file stays open (and referenced) for the life of the process: that is what holds the block.
    private static readonly (int First, FileStream Lock) Block = TakeBlock();
    private static int _next;

    public static int Next()
    {
        lock (Gate)
        {
            for (var tried = 0; tried < BlockSize; tried++)
            {
                var port = Block.First + (_next++ % BlockSize);
                if (IsFree(port)) return port;
            }
        }
        throw new InvalidOperationException($"no free loopback port left in {Block.First}..{Block.First + BlockSize - 1}");
    }

    private static (int, FileStream) TakeBlock()
    {
        var ephemeralLow = EphemeralRangeLow();
        var blocks = (ephemeralLow - Lowest) / BlockSize;
        if (blocks < 1) throw new InvalidOperationException($"the kernel's ephemeral ports start at {ephemeralLow}, leaving no block of {BlockSize} above {Lowest}");
        var dir = Path.Combine(Path.GetTempPath(), $"trinity-test-ports-{Environment.UserName}");
        Directory.CreateDirectory(dir);
        // Start at a block picked by process id, so concurrent test processes rarely contend for the same lock file.
        for (var i = 0; i < blocks; i++)
        {
            var block = (Environment.ProcessId + i) % blocks;
            try
            {
                var held = new FileStream(Path.Combine(dir, $"block-{block}.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                return (Lowest + block * BlockSize, held);
            }
            catch (IOException)
            {
                // Another live test process holds this block; the lock goes with that process.
            }
        }
        throw new InvalidOperationException($"every port block below {ephemeralLow} is held by another test process");
    }

    /// <summary>The lowest port the kernel hands out for port 0 and outgoing connections (32768 on Linux by default).</summary>
    private static int EphemeralRangeLow()
    {
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        return File.Exists(range)
            ? int.Parse(File.ReadAllText(range).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[0])
            : 49152; // the IANA dynamic range other systems use
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
