using Trinity.Actors.Catalog;
using Trinity.Actors.Domain;
using Trinity.Actors.Protocol;
using Trinity.Actors.Recommendations;
using Xunit.Abstractions;

namespace Trinity.Actors.Tests;

/// <summary>
/// The fallback path (no model) against the request table: the share of requests whose suggestions meet
/// their expectations must stay at 90% or more; every failure is printed with what was read.
/// </summary>
public sealed class RequestReadingSpec(ITestOutputHelper output)
{
    private static readonly EmbeddedCatalog Catalog = new();
    private const double RequiredShare = 0.9;

    [Fact]
    public void The_table_has_at_least_sixty_requests_half_in_each_language()
    {
        Assert.True(RequestTable.Cases.Length >= 60, $"{RequestTable.Cases.Length} requests");
        var spanish = RequestTable.Cases.Count(c => c.Language == "es");
        Assert.InRange(spanish, RequestTable.Cases.Length / 2 - 2, RequestTable.Cases.Length / 2 + 2);
    }

    [Fact]
    public async Task At_least_ninety_percent_of_the_table_gets_fitting_suggestions()
    {
        var recommender = new KeywordRecommender(Catalog);
        var failures = new List<string>();
        var readings = new List<string>();
        foreach (var c in RequestTable.Cases)
        {
            var r = await recommender.RecommendAsync(new RecommendationRequest("r1", c.Request, new RoomFilters(), new HashSet<string>(), []));
            var problems = Check(c, r).ToArray();
            readings.Add($"{c.Request} => {r.Reading} | {string.Join("; ", r.Titles.Select((t, i) => $"{t.Title} ({r.Reasons?.ElementAtOrDefault(i)})"))}");
            if (problems.Length > 0)
                failures.Add($"\"{c.Request}\": {string.Join("; ", problems)}\n    read: {r.Reading}\n    got: {string.Join(", ", r.Titles.Select(t => $"{t.MediaId} [{string.Join(",", t.Genres)}]"))}");
        }
        var share = 1.0 - (double)failures.Count / RequestTable.Cases.Length;
        output.WriteLine($"{RequestTable.Cases.Length - failures.Count}/{RequestTable.Cases.Length} requests pass ({share:P0})");
        foreach (var f in failures) output.WriteLine(f);
        output.WriteLine("\nEvery reading:");
        foreach (var line in readings) output.WriteLine(line);
        Assert.True(share >= RequiredShare, $"{share:P0} of the table passes:\n{string.Join("\n", failures)}");
    }

    private static IEnumerable<string> Check(RequestCase c, Recommendation r)
    {
        if (r.Language != c.Language) yield return $"language {r.Language}";
        if (c.Nothing)
        {
            if (r.Titles.Count > 0) yield return "expected nothing";
            if (r.Reading?.Contains(c.Language == "es" ? "no se ha añadido nada" : "nothing was added") != true) yield return "does not say nothing fits";
            yield break;
        }
        if (r.Titles.Count == 0) yield return "no titles";
        if (r.Reasons?.Count != r.Titles.Count || r.Reasons.Any(string.IsNullOrWhiteSpace)) yield return "a title without a reason";
        foreach (var t in r.Titles)
        {
            if (c.AllHave is { } all && !t.Genres.Any(all.Contains)) yield return $"{t.MediaId} has none of {string.Join("/", all)}";
            if (c.NoneHave is { } none && t.Genres.Any(none.Contains)) yield return $"{t.MediaId} has {string.Join("/", t.Genres.Where(none.Contains))}";
            if (c.NotThese?.Contains(t.MediaId) == true) yield return $"{t.MediaId} should not be there";
            if (c.Type is { } type && t.MediaType != type) yield return $"{t.MediaId} is not {type}";
            if (t.Year < c.From || t.Year > c.To) yield return $"{t.MediaId} is from {t.Year}";
            if (c.Mention is { } words && !words.Any(w => (" " + TextFold.Words(t.Title + " " + t.Overview) + " ").Contains(" " + w)))
                yield return $"{t.MediaId} mentions none of {string.Join("/", words)}";
        }
        if (c.OneOf is { } any && !r.Titles.Any(t => any.Contains(t.MediaId))) yield return $"none of {string.Join(", ", any)}";
        if (c.Says is { } says && r.Reading?.Contains(says) != true) yield return $"reading does not say \"{says}\"";
    }
}
