using Akka.Configuration;

namespace Trinity.Actors.Hosting;

/// <summary>Loads hocon/trinity.conf from beside the running assembly, so the built server runs from any directory.</summary>
public static class TrinityHocon
{
    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "hocon", file);

    public static Config Load() => ConfigurationFactory.ParseString(File.ReadAllText(PathOf("trinity.conf")));
}
