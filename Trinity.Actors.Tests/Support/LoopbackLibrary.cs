using System.IO.Compression;
using System.Text;

namespace Trinity.Actors.Tests;

/// <summary>A title on a stand-in media server (Jellyfin or Plex).</summary>
public sealed record LibraryTitle(string Id, string Title, int Year, bool Series, string[] Genres, bool Played, string Overview, double Rating)
{
    /// <summary>A small PNG of its own for every title, so a proxied poster can be compared byte for byte.</summary>
    public byte[] Poster { get; } = TestPng.Solid(60, 90, (byte)(Id.GetHashCode() & 0xFF), (byte)(Id.Length * 37), (byte)(Year % 256));

    /// <summary>A few well-known titles (some played) followed by generated ones, <paramref name="count"/> in all.</summary>
    public static IReadOnlyList<LibraryTitle> Library(int count, string idPrefix = "") =>
    [
        .. new LibraryTitle[]
        {
            new(idPrefix + "a1", "Casablanca", 1942, false, ["Drama", "Romance"], Played: true, "Rick's café.", 8.5),
            new(idPrefix + "a2", "Amélie", 2001, false, ["Comedy", "Romance"], Played: false, "Montmartre.", 8.3),
            new(idPrefix + "a3", "Home Movie Night", 2019, false, ["Comedy"], Played: false, "Our own film.", 6.0),
            new(idPrefix + "a4", "The Twilight Zone", 1959, true, ["Sci-Fi & Fantasy", "Drama"], Played: true, "Rod Serling.", 8.7),
            new(idPrefix + "a5", "Unwatched Show", 2020, true, ["Comedy"], Played: false, "Nobody has seen it.", 7.1),
        }.Take(count),
        .. Enumerable.Range(6, Math.Max(0, count - 5)).Select(i => new LibraryTitle(idPrefix + "g" + i, $"Generated Film {i}", 1950 + i % 70,
            i % 5 == 0, [i % 2 == 0 ? "Comedy" : "Drama"], Played: i % 3 == 0, $"Film number {i}.", 5 + i % 5)),
    ];
}

/// <summary>Valid PNG files made in memory (signature, IHDR, one zlib IDAT, IEND).</summary>
public static class TestPng
{
    public static byte[] Solid(int width, int height, byte r, byte g, byte b)
    {
        var raw = new byte[height * (1 + width * 3)];
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
            {
                var at = y * (1 + width * 3) + 1 + x * 3;
                var stripe = y > height * 2 / 3 ? 0.5 : 1.0;
                (raw[at], raw[at + 1], raw[at + 2]) = ((byte)(r * stripe), (byte)(g * stripe), (byte)(b * stripe));
            }
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10]);
        var header = new byte[13];
        BigEndian(header, 0, width);
        BigEndian(header, 4, height);
        (header[8], header[9]) = (8, 2); // 8-bit RGB
        Chunk(png, "IHDR", header);
        using (var compressed = new MemoryStream())
        {
            using (var z = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true)) z.Write(raw);
            Chunk(png, "IDAT", compressed.ToArray());
        }
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BigEndian(length, 0, data.Length);
        png.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        var crc = new byte[4];
        BigEndian(crc, 0, (int)Crc32(typed));
        png.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }

    private static void BigEndian(byte[] into, int at, int value) =>
        (into[at], into[at + 1], into[at + 2], into[at + 3]) = ((byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value);
}

/// <summary>
/// What the stand-in media servers share: a loopback HTTP server over a list of titles that records every
/// request and can be told to answer otherwise (a status, garbage, a hang) through <see cref="Override"/>.
/// </summary>
public abstract class LoopbackMediaServer : IAsyncDisposable
{
    /// <summary>Property names exactly as the subclasses write them, as the real servers spell them.</summary>
    protected static readonly System.Text.Json.JsonSerializerOptions AsSent = new();
    private LoopbackHttp _http = null!;

    protected LoopbackMediaServer(IReadOnlyList<LibraryTitle> titles)
    {
        Titles = titles;
        ById = titles.ToDictionary(t => t.Id);
    }

    public string Url => _http.BaseUri.ToString().TrimEnd('/');
    public IReadOnlyList<LibraryTitle> Titles { get; }
    protected IReadOnlyDictionary<string, LibraryTitle> ById { get; }
    /// <summary>Path and query of every request, in arrival order.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Seen { get; } = new();
    /// <summary>Null answers as the real server does; otherwise how to answer instead.</summary>
    public Func<Microsoft.AspNetCore.Http.HttpContext, LoopbackHttp, Task>? Override { get; set; }

    protected static async Task<T> ListenAsync<T>(T server) where T : LoopbackMediaServer
    {
        server._http = await LoopbackHttp.StartAsync(async (context, http) =>
        {
            server.Seen.Enqueue(context.Request.Path + context.Request.QueryString);
            if (server.Override is { } instead) await instead(context, http);
            else await server.AnswerAsync(context);
        });
        return server;
    }

    protected abstract Task AnswerAsync(Microsoft.AspNetCore.Http.HttpContext context);

    protected static async Task PosterAsync(Microsoft.AspNetCore.Http.HttpContext context, LibraryTitle title)
    {
        context.Response.ContentType = "image/png";
        await context.Response.Body.WriteAsync(title.Poster);
    }

    public ValueTask DisposeAsync() => _http.DisposeAsync();
}
