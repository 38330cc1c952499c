using System.Text;

namespace Trinity.Host.Tests;

/// <summary>
/// Deterministic hostile input: hub invocations with wrong methods, argument counts, types, sizes and
/// nesting, and raw frames of random bytes, broken UTF-8 and broken JSON. Values are plain object
/// graphs (dictionaries, arrays, primitives) so JSON and MessagePack clients can send the same ones.
/// </summary>
public sealed class Garbage(int seed)
{
    private static readonly string[] Methods =
        ["CreateRoom", "JoinRoom", "LeaveRoom", "Vote", "GetRoomState", "RequestRecommendations", "SendMessage", "CloseRoom",
         "UndoVote", "DecideNow"];
    private static readonly string[] Fields =
        ["roomId", "mediaId", "voteType", "voteId", "name", "consensus", "filters", "maxMembers", "queueSize",
         "endOnFirstMatch", "inviteCode", "text", "toUserId", "mood", "genres", "mediaTypes", "yearFrom", "minRating", "__proto__", "$type"];

    private readonly Random _random = new(seed);
    private static readonly System.Text.Json.JsonSerializerOptions Deep = new() { MaxDepth = 256 };

    public (string Method, object?[] Arguments) Invocation()
    {
        var method = _random.Next(10) switch
        {
            0 => RandomText(_random.Next(1, 40)),
            1 => Methods[_random.Next(Methods.Length)].ToLowerInvariant(),
            _ => Methods[_random.Next(Methods.Length)],
        };
        var count = _random.Next(10) switch { 0 => 0, 1 => 2, 2 => 3, _ => 1 };
        return (method, Enumerable.Range(0, count).Select(_ => Value(depth: 0)).ToArray());
    }

    public object? Value(int depth) => _random.Next(16) switch
    {
        0 => null,
        1 => _random.Next(2) == 0,
        2 => _random.NextInt64(long.MinValue, long.MaxValue),
        3 => _random.Next(3) switch { 0 => double.MaxValue, 1 => double.Epsilon, _ => -_random.NextDouble() * 1e300 },
        4 => RandomText(_random.Next(0, 60)),
        5 => new string('x', _random.Next(2) == 0 ? 30_000 : 40_000), // under and over the message size limit
        6 => "\u0000\uFFFF\uD83D" + RandomText(5), // a lone surrogate among control characters
        7 => Enumerable.Range(0, _random.Next(0, 5)).Select(_ => depth < 4 ? Value(depth + 1) : null).ToArray(),
        8 => Nested(_random.Next(20, 50)), // clients refuse to write deeper; raw frames go deeper
        _ => Object(depth),
    };

    private Dictionary<string, object?> Object(int depth)
    {
        var fields = new Dictionary<string, object?>();
        for (var i = _random.Next(0, 6); i > 0; i--)
            fields[Fields[_random.Next(Fields.Length)]] = depth < 3 ? Value(depth + 1) : RandomText(8);
        if (_random.Next(3) == 0) fields["voteType"] = _random.Next(2) == 0 ? "like" : "LIKE!!";
        return fields;
    }

    private static object Nested(int levels)
    {
        object current = "bottom";
        for (var i = 0; i < levels; i++) current = new Dictionary<string, object?> { ["roomId"] = current };
        return current;
    }

    private string RandomText(int length)
    {
        var sb = new StringBuilder(length);
        for (var i = 0; i < length; i++) sb.Append((char)_random.Next(32, 0x2FFF));
        return sb.ToString();
    }

    /// <summary>A raw WebSocket frame: random bytes, broken UTF-8, broken or odd hub-protocol JSON, or an oversized record.</summary>
    public (byte[] Bytes, bool Text) Frame()
    {
        const char rs = '\u001e';
        switch (_random.Next(7))
        {
            case 0:
                var bytes = new byte[_random.Next(1, 512)];
                _random.NextBytes(bytes);
                return (bytes, false);
            case 1:
                return ([0x7B, 0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1, 0x1E], true); // invalid UTF-8
            case 2:
                return (Encoding.UTF8.GetBytes("{\"type\":1,\"target\":" + rs), true);
            case 3:
                return (Encoding.UTF8.GetBytes($"{{\"type\":{_random.Next(-5, 100)},\"invocationId\":\"x\"}}{rs}"), true);
            case 4:
                return _random.Next(2) == 0
                    ? (Encoding.UTF8.GetBytes("{\"type\":1,\"target\":\"Vote\",\"arguments\":[" + new string('9', 40_000) + "]}" + rs), true)
                    : (Encoding.UTF8.GetBytes("{\"type\":1,\"target\":\"Vote\",\"arguments\":[" +
                        string.Concat(Enumerable.Repeat("{\"roomId\":", 500)) + "1" + new string('}', 500) + "]}" + rs), true);
            default:
                var (method, arguments) = Invocation();
                var json = System.Text.Json.JsonSerializer.Serialize(new { type = 1, invocationId = "1", target = method, arguments }, Deep);
                return (Encoding.UTF8.GetBytes(json + rs), true);
        }
    }
}
