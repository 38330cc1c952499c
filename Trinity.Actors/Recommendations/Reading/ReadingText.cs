using System.Globalization;
using Trinity.Actors.Catalog;
using Trinity.Actors.Domain;

namespace Trinity.Actors.Recommendations.Reading;

/// <summary>A reading and its picks told in the request's language: what was understood, and why each title.</summary>
public static class ReadingText
{
    /// <summary>"Understood: funny, for the kids, a film. Mood: stressed, but what you asked for comes first."</summary>
    public static string Describe(RequestReading r, int picked)
    {
        var lexicon = RequestParser.LexiconFor(r.Language);
        var say = lexicon.Say;
        var parts = new List<string>();
        parts.AddRange(r.Wanted.Select(k => Label(lexicon, k)));
        parts.AddRange(r.Unwanted.Select(k => string.Format(Cues.Tones.ContainsKey(k) ? say.NotTone : say.NotGenre, Label(lexicon, k))));
        if (r.Audience is { } audience) parts.Add(Label(lexicon, audience));
        if (r.MediaType is { } type) parts.Add(Label(lexicon, type == Protocol.MediaType.Tv ? "series" : "film"));
        if (r.Era is not null) parts.Add(Years(say, r.Years));
        if (r.Length is { } length) parts.Add(Label(lexicon, length));
        if (r.Country is { } country) parts.Add(Label(lexicon, country));
        if (r.Like is { } like) parts.Add(string.Format(say.Like, $"{like.Title} ({like.Year})"));
        parts.AddRange(r.Topics.Select(t => string.Format(say.About, t.Said)));
        parts.AddRange(r.AvoidTopics.Select(t => string.Format(say.NotTone, string.Format(say.About, t.Said))));

        var sentences = new List<string>();
        if (parts.Count > 0) sentences.Add(string.Format(say.Understood, string.Join(", ", parts)));
        else if (r.Mood.EmotionalState == "neutral") sentences.Add(say.NothingUnderstood);
        if (r.Mood.EmotionalState != "neutral")
            sentences.Add(string.Format(r.IsExplicit ? say.MoodYields : say.Mood, MoodLabel(lexicon, r.Mood.EmotionalState)));
        if (r.Length is { } l) sentences.Add(string.Format(say.NoRunningTimes, Label(lexicon, l)));
        if (r.Country is { } c && picked > 0) sentences.Add(string.Format(say.NoCountry, Label(lexicon, c)));
        if (picked == 0) sentences.Add(say.NothingFits);
        return string.Join(' ', sentences);
    }

    /// <summary>"Comedy, family · mentions christmas · rated 7.7".</summary>
    public static string Reason(RankedTitle pick, RequestReading r)
    {
        var lexicon = RequestParser.LexiconFor(r.Language);
        var say = lexicon.Say;
        var parts = new List<string>();
        var genres = pick.MatchedGenres.Count > 0 ? pick.MatchedGenres : pick.Title.Genres.Take(2).ToArray();
        if (r.Like is { } like && pick.Title.Genres.Intersect(like.Genres).ToArray() is { Length: > 0 } shared)
            parts.Add(string.Format(say.SharesWith, string.Join(", ", shared.Select(g => Label(lexicon, g))), like.Title));
        else parts.Add(string.Join(", ", genres.Select(g => Label(lexicon, g))));
        if (pick.Topic is { } topic) parts.Add(string.Format(say.Mentions, topic.Said));
        if (r.Country is { } country) parts.Add(string.Format(say.SetIn, Label(lexicon, country)));
        if (pick.RoomLiked) parts.Add(say.RoomLiked);
        parts.Add(string.Format(say.Rated, pick.Title.Rating.ToString("0.0", CultureInfo.InvariantCulture)));
        var reason = string.Join(" · ", parts);
        return reason.Length == 0 ? reason : char.ToUpperInvariant(reason[0]) + reason[1..];
    }

    private static string Years(Phrasing say, (int? From, int? To) years) => years switch
    {
        ({ } from, { } to) => string.Format(say.Between, from, to),
        ({ } from, null) => string.Format(say.From, from),
        (null, { } to) => string.Format(say.Until, to),
        _ => "",
    };

    private static string Label(Lexicon lexicon, string key) =>
        lexicon.Labels.GetValueOrDefault(key) ?? (Genres.All.Contains(key) ? key.Replace('-', ' ') : key);

    private static string MoodLabel(Lexicon lexicon, string state) => lexicon.Labels.GetValueOrDefault(state + ":mood") ?? Label(lexicon, state);
}
