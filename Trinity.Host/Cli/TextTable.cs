namespace Trinity.Host.Cli;

/// <summary>Left-aligned columns under upper-case headers, as <c>kubectl get</c> prints them.</summary>
public static class TextTable
{
    public static void Write(TextWriter output, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = new List<IReadOnlyList<string>> { headers.Select(h => h.ToUpperInvariant()).ToArray() };
        all.AddRange(rows);
        var widths = headers.Select((_, c) => all.Max(r => r[c].Length)).ToArray();
        foreach (var row in all)
            output.WriteLine(string.Join("  ", row.Select((cell, c) => c == row.Count - 1 ? cell : cell.PadRight(widths[c]))).TrimEnd());
    }
}
