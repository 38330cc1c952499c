namespace Trinity.LoadTest;

/// <summary>
/// Reads the server's resident memory and CPU time from /proc (Linux), summed over its processes (the nodes of a
/// cluster on this machine); zeros when none is given or all are gone.
/// </summary>
public sealed class ProcessSampler(IReadOnlyList<int> pids)
{
    private static readonly double TicksPerSecond = 100; // USER_HZ, 100 on every Linux we run on

    /// <summary>VmRSS in bytes.</summary>
    public long RssBytes() => pids.Sum(Rss);

    /// <summary>User + system CPU seconds the processes have used so far.</summary>
    public double CpuSeconds() => pids.Sum(Cpu);

    private static long Rss(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                if (line.StartsWith("VmRSS:"))
                    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        }
        catch (IOException) { } // gone (FileNotFoundException and DirectoryNotFoundException are IOExceptions)
        return 0;
    }

    private static double Cpu(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after the ")" that closes the command name: state is field 3, utime 14, stime 15.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11]) + long.Parse(fields[12])) / TicksPerSecond;
        }
        catch (IOException) { return 0; }
    }
}
