using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Trinity.Host.Tests;

/// <summary>Real POSIX signals to child processes (Process.Kill only sends SIGKILL).</summary>
public static class Signals
{
    public const int Term = 15;

    public static void Send(Process process, int signal)
    {
        if (Kill(process.Id, signal) != 0)
            throw new InvalidOperationException($"kill({process.Id}, {signal}) failed: errno {Marshal.GetLastWin32Error()}");
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
