namespace Trinity.LoadTest;

/// <summary>Reads a server process's resident memory and CPU time from /proc (Linux); zeros when not given or gone.</summary>
public sealed class ProcessSampler(int? pid)
{
    private static readonly double TicksPerSecond = 100; // USER_HZ, 100 on every Linux we run on

    public bool Enabled => pid is not null && File.Exists($"/proc/{pid}/status");

    /// <summary>VmRSS in bytes.</summary>
    public long RssBytes()
    {
        if (!Enabled) return 0;
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                if (line.StartsWith("VmRSS:"))
                    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        }
        catch (IOException) { }
        return 0;
    }

    /// <summary>User + system CPU seconds the process has used so far.</summary>
    public double CpuSeconds()
    {
        if (!Enabled) return 0;
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
