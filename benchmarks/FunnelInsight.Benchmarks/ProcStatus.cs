using System.Globalization;

namespace FunnelInsight.Benchmarks;

/// <summary>A child process's peak memory and CPU time, read from <c>/proc</c> while it runs.</summary>
internal static class ProcStatus
{
    /// <summary>
    /// The process's peak resident memory (<c>VmHWM</c>, the kernel's own high-water mark, so polling misses nothing but
    /// the last instants); 0 once it has ended.
    /// </summary>
    public static long PeakResidentBytes(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line["VmHWM:".Length..^"kB".Length].Trim(), CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
            // The process ended between the check and the read.
        }

        return 0;
    }

    /// <summary>User and system CPU time: fields 14 and 15 of <c>/proc/PID/stat</c>, in clock ticks (100 a second on Linux).</summary>
    public static TimeSpan CpuTime(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromMilliseconds(ticks * 10);
        }
        catch (IOException)
        {
            return TimeSpan.Zero;
        }
    }

    /// <summary>The larger of two times.</summary>
    public static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
