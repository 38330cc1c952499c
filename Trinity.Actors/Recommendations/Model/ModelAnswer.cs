namespace Trinity.Actors.Recommendations.Model;

/// <summary>What the model said, already read into the catalogue's and the lexicon's vocabulary.</summary>
/// <param name="Genres">catalogue genres; may be empty when tones, a title or topics say what is wanted</param>
/// <param name="Approach">catharsis, escape or mixed</param>
/// <param name="Reasoning">one line, or null when the model gave none</param>
/// <param name="Confidence">0..1, or null when the model gave none</param>
public sealed record ModelAnswer(IReadOnlyList<string> Genres, string EmotionalState, string Approach, string? Reasoning, double? Confidence)
{
    /// <summary>Tone keys (<see cref="Reading.Cues.Tones"/>) and genres the model read as wanted besides <see cref="Genres"/>.</summary>
    public IReadOnlyList<string> Tones { get; init; } = [];
    /// <summary>Tone keys and genres ruled out.</summary>
    public IReadOnlyList<string> Avoid { get; init; } = [];
    public string? Audience { get; init; }
    public Protocol.MediaType? MediaType { get; init; }
    /// <summary>"old", "recent" or a decade such as "1980s".</summary>
    public string? Era { get; init; }
    public string? Length { get; init; }
    public string? Country { get; init; }
    /// <summary>A title as the model named it, not yet looked up in the catalogue.</summary>
    public string? Like { get; init; }
    /// <summary>What titles should be about, in the English words overviews use.</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];
}

/// <summary>The model answered, but nothing usable could be read from it.</summary>
public sealed class UnusableModelAnswerException(string answer)
    : Exception($"the model's answer holds no usable JSON: {(answer.Length <= 200 ? answer : answer[..200] + "…")}");
