using System.Globalization;
using System.Text;

namespace Trinity.Actors.Domain;

/// <summary>Text reduced to plain words for matching: lower case, accents removed, punctuation as single spaces.</summary>
public static class TextFold
{
    /// <param name="asciiOnly">also turn letters outside ASCII (ø, ß, CJK) into spaces, for ids</param>
    public static string Words(string text, bool asciiOnly = false)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            var keep = asciiOnly ? char.IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c);
            sb.Append(keep ? char.ToLowerInvariant(c) : ' ');
        }
        return string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
