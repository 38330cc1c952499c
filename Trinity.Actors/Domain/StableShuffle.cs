using System.Security.Cryptography;
using System.Text;

namespace Trinity.Actors.Domain;

/// <summary>
/// A Fisher–Yates shuffle driven by a seed derived from strings with SHA-256, so the same
/// (roomId, userId) gives the same order in every process, on every node, after every restart
/// (string.GetHashCode is randomised per process and must never be used for this).
/// </summary>
public static class StableShuffle
{
    public static ulong Seed(params string[] parts)
    {
        var bytes = Encoding.UTF8.GetBytes(string.Join('\u001f', parts));
        return BitConverter.ToUInt64(SHA256.HashData(bytes), 0);
    }

    public static IReadOnlyList<T> Shuffle<T>(IReadOnlyList<T> items, ulong seed)
    {
        var result = items.ToArray();
        var rng = new SplitMix64(seed);
        for (var i = result.Length - 1; i > 0; i--)
        {
            var j = (int)rng.NextBelow((ulong)(i + 1));
            (result[i], result[j]) = (result[j], result[i]);
        }
        return result;
    }

    /// <summary>SplitMix64: tiny, fast, fully specified, so its output can never change under us.</summary>
    private struct SplitMix64(ulong state)
    {
        private ulong _state = state;

        private ulong Next()
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        // Rejection sampling keeps the result unbiased.
        public ulong NextBelow(ulong bound)
        {
            var limit = ulong.MaxValue - ulong.MaxValue % bound;
            ulong value;
            do value = Next(); while (value >= limit);
            return value % bound;
        }
    }
}
