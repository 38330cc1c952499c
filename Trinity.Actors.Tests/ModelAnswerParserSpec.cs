using Trinity.Actors.Recommendations.Model;

namespace Trinity.Actors.Tests;

public sealed class ModelAnswerParserSpec
{
    [Fact]
    public void A_plain_answer_is_read_as_given()
    {
        var answer = ModelAnswerParser.Parse("""{"genres": ["comedy", "adventure"], "emotionalState": "stressed", "approach": "escape", "reasoning": "Something light.", "confidence": 0.7}""");

        Assert.NotNull(answer);
        Assert.Equal(["comedy", "adventure"], answer.Genres);
        Assert.Equal(("stressed", "escape", "Something light.", 0.7), (answer.EmotionalState, answer.Approach, answer.Reasoning, answer.Confidence));
    }

    [Fact]
    public void Fences_prose_spanish_keys_and_odd_casing_are_tolerated()
    {
        var answer = ModelAnswerParser.Parse("""
            ¡Claro! Aquí tienes mi propuesta {sin JSON}:
            ```json
            {"Géneros": "Comedia, Ciencia Ficción", "Estado_Emocional": "Deprimida", "ENFOQUE": "Evasión",
             "Razonamiento": "Algo ligero\npara desconectar.", "confianza": 85,}
            ```
            Espero que te guste.
            """);

        Assert.NotNull(answer);
        Assert.Equal(["comedy", "science-fiction"], answer.Genres);
        Assert.Equal(("depressed", "escape", "Algo ligero para desconectar.", 0.85), (answer.EmotionalState, answer.Approach, answer.Reasoning, answer.Confidence));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("I think you should watch a comedy.")]
    [InlineData("""{"genres": ["comedy", "emotionalState": """)]
    [InlineData("""{"genres": ["telenovela"], "emotionalState": "sad"}""")]
    [InlineData("""["comedy"]""")]
    public void An_answer_without_a_json_object_naming_a_known_genre_is_unusable(string? text) =>
        Assert.Null(ModelAnswerParser.Parse(text));

    [Fact]
    public void Missing_or_odd_fields_get_safe_values()
    {
        var answer = ModelAnswerParser.Parse("""{"genre": "Thriller", "confidence": 7000, "approach": "whatever", "reasoning": "  "}""")!;

        Assert.Equal(["thriller"], answer.Genres);
        Assert.Equal(("neutral", "mixed"), (answer.EmotionalState, answer.Approach));
        Assert.Null(answer.Reasoning);
        Assert.Null(answer.Confidence);
    }
}
