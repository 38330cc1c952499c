namespace Trinity.Actors.Recommendations.Reading;

/// <summary>Tolerance for simple typos: edit distance, allowed only for longer words and never on the first letter.</summary>
public static class WordMatch
{
    /// <summary>Typos tolerated in a word or title of this length: none under 5 letters, one under 10, two from 10.</summary>
    public static int Tolerance(int length) => length < 5 ? 0 : length < 10 ? 1 : 2;

    public static bool Close(string typed, string known) =>
        typed.Length > 0 && known.Length > 0 && typed[0] == known[0]
        && Math.Abs(typed.Length - known.Length) <= Tolerance(known.Length)
        && Distance(typed, known, Tolerance(known.Length)) <= Tolerance(known.Length);

    /// <summary>Levenshtein distance, or more than <paramref name="max"/> as soon as that is certain.</summary>
    public static int Distance(string a, string b, int max = int.MaxValue)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                rowMin = Math.Min(rowMin, current[j]);
            }
            if (rowMin > max) return rowMin;
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
