using Trinity.Actors.Protocol;
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

    [Fact]
    public void The_richer_structure_is_read_in_english_or_spanish_keys_with_the_member_lexicon()
    {
        var english = ModelAnswerParser.Parse("""
            {"genres": ["comedy"], "tones": ["Feel-good", "funny"], "avoid": "horror, sad", "audience": "Family", "mediaType": "movie",
             "era": "1980s", "length": "short", "country": "Spain", "like": "Toy Story", "topics": ["christmas"], "emotionalState": "stressed"}
            """)!;
        var spanish = ModelAnswerParser.Parse("""
            ```json
            {"Géneros": [], "Tonos": ["de risa"], "Evitar": ["terror"], "Público": "niños", "Tipo": "serie", "Época": "antigua",
             "Duración": "larga", "País": "japonesa", "Temas": "samurai", "Estado": "aburrida"}
            ```
            """)!;

        Assert.Equal(["comedy"], english.Genres);
        Assert.Equal(["feel-good", "funny"], english.Tones);
        Assert.Equal(["horror", "sad"], english.Avoid);
        Assert.Equal(["christmas"], english.Topics);
        Assert.Equal(("with-family", MediaType.Movie, "1980s", "short", "spain", "Toy Story"),
            (english.Audience, english.MediaType, english.Era, english.Length, english.Country, english.Like));
        Assert.Empty(spanish.Genres);
        Assert.Equal(["funny"], spanish.Tones);
        Assert.Equal(["horror"], spanish.Avoid);
        Assert.Equal(["samurai"], spanish.Topics);
        Assert.Equal(("kids", MediaType.Tv, "old", "long", "japan", null, "bored"),
            (spanish.Audience, spanish.MediaType, spanish.Era, spanish.Length, spanish.Country, spanish.Like, spanish.EmotionalState));
    }

    [Fact]
    public void Tones_a_title_or_topics_make_an_answer_usable_without_genres()
    {
        Assert.Equal(["scary"], ModelAnswerParser.Parse("""{"tones": ["scary"]}""")!.Tones);
        Assert.Equal("Alien", ModelAnswerParser.Parse("""{"like": "Alien"}""")!.Like);
        Assert.Equal(["time travel"], ModelAnswerParser.Parse("""{"topics": "time travel"}""")!.Topics);
        Assert.Null(ModelAnswerParser.Parse("""{"tones": ["weird"], "audience": "kids"}"""));
    }
}
