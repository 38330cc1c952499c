namespace Trinity.Host.Tests;

/// <summary>A tmpfs of a few MB (root only), to fill to the brim and empty again; unmounted on dispose.</summary>
public sealed class SmallDisk : IAsyncDisposable
{
    private SmallDisk(string path) => Path = path;

    public string Path { get; }
    private string Filler => System.IO.Path.Combine(Path, "filler");

    public static string? Unavailable => Environment.UserName == "root" ? null : "mounting a tmpfs needs root";

    public static async Task<SmallDisk> MountAsync(int megabytes)
    {
        var path = Directory.CreateTempSubdirectory("trinity-disk-").FullName;
        await PrivatePostgres.RunAsync("mount", "-t", "tmpfs", "-o", $"size={megabytes}m", "tmpfs", path);
        return new SmallDisk(path);
    }

    public long FreeBytes => new DriveInfo(Path).AvailableFreeSpace;

    /// <summary>Writes a filler file until the disk is full, or until only <paramref name="leaveBytes"/> are free.</summary>
    public void Fill(long leaveBytes = 0)
    {
        var chunk = new byte[64 * 1024];
        using var file = new FileStream(Filler, FileMode.Append, FileAccess.Write, FileShare.None, 1, FileOptions.WriteThrough);
        try
        {
            while (FreeBytes - chunk.Length >= leaveBytes) file.Write(chunk);
            for (var rest = FreeBytes - leaveBytes; rest > 0; rest--) file.WriteByte(0);
        }
        catch (IOException)
        {
            // full to the brim
        }
    }

    public void Empty() => File.Delete(Filler);

    public async ValueTask DisposeAsync()
    {
        await PrivatePostgres.RunAsync("umount", "-l", Path);
        Directory.Delete(Path, recursive: true);
    }
}
