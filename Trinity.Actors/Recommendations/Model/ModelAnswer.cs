namespace Trinity.Actors.Recommendations.Model;

/// <summary>What the model said, already read into the catalogue's vocabulary.</summary>
/// <param name="Genres">catalogue genres, at least one</param>
/// <param name="Approach">catharsis, escape or mixed</param>
/// <param name="Reasoning">one line, or null when the model gave none</param>
/// <param name="Confidence">0..1, or null when the model gave none</param>
public sealed record ModelAnswer(IReadOnlyList<string> Genres, string EmotionalState, string Approach, string? Reasoning, double? Confidence);

/// <summary>The model answered, but nothing usable could be read from it.</summary>
public sealed class UnusableModelAnswerException(string answer)
    : Exception($"the model's answer holds no usable JSON: {(answer.Length <= 200 ? answer : answer[..200] + "…")}");
