using System.Globalization;
using Trinity.Actors.Domain;
using Trinity.Actors.Protocol;

namespace Trinity.Actors.Catalog;

/// <summary>
/// A title's id, the same whichever source served it: <c>m-&lt;slug&gt;-&lt;year&gt;</c> for films and
/// <c>tv-&lt;slug&gt;-&lt;year&gt;</c> for series, the slug being the title in lower-case ASCII words.
/// </summary>
public static class MediaIds
{
    public const int MaxLength = 64;

    public static string For(MediaType type, string title, int year)
    {
        var prefix = type == MediaType.Tv ? "tv-" : "m-";
        var suffix = "-" + year.ToString(CultureInfo.InvariantCulture);
        var slug = Slug(title);
        var room = MaxLength - prefix.Length - suffix.Length;
        if (slug.Length > room) slug = slug[..room].TrimEnd('-');
        return prefix + (slug.Length > 0 ? slug : "untitled") + suffix;
    }

    /// <summary>"It's a Wonderful Life" → its-a-wonderful-life; "Amélie" → amelie; "M*A*S*H" → mash.</summary>
    public static string Slug(string title) =>
        TextFold.Words(title.Replace("½", " and a half").Replace("&", " and ").Replace("'", "").Replace("’", "").Replace("*", ""),
            asciiOnly: true).Replace(' ', '-');
}
