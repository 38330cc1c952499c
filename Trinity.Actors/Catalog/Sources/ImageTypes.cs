namespace Trinity.Actors.Catalog.Sources;

/// <summary>The media type of an image from its first bytes: what artwork is served as, whatever a source claimed.</summary>
public static class ImageTypes
{
    public static string? Of(ReadOnlySpan<byte> b) => b switch
    {
        [0x89, (byte)'P', (byte)'N', (byte)'G', ..] => "image/png",
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [(byte)'G', (byte)'I', (byte)'F', (byte)'8', ..] => "image/gif",
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => "image/webp",
        _ => null,
    };
}
