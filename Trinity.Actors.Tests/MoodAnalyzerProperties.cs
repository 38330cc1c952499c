using CsCheck;
using Trinity.Actors.Catalog;
using Trinity.Actors.Domain;
using Trinity.Actors.Recommendations;

namespace Trinity.Actors.Tests;

/// <summary>The keyword fallback: examples in both languages, and properties over generated moods.</summary>
public sealed class MoodAnalyzerProperties
{
    private static readonly string[] States =
        ["depressed", "anxious", "stressed", "lonely", "angry", "romantic", "sad", "bored", "happy", "neutral"];
    private static readonly string[] Approaches = ["catharsis", "escape", "mixed"];
    /// <summary>Words that name no mood, to surround keywords with.</summary>
    private static readonly string[] Filler = ["hoy", "tonight", "me", "siento", "i", "feel", "a", "bit", "muy", "really", "con", "el", "trabajo", "y", "and", "the", "week"];
    private static readonly (string State, IReadOnlyList<string> Words)[] Vocabulary = MoodAnalyzer.Vocabulary.ToArray();

    [Theory]
    [InlineData("Estoy deprimido desde hace semanas", "depressed")]
    [InlineData("I'm depressed and sad", "depressed")]
    [InlineData("Me siento triste y deprimida", "depressed")]
    [InlineData("I'm really sad today", "sad")]
    [InlineData("Estoy muy TRISTE", "sad")]
    [InlineData("So happy, great mood!", "happy")]
    [InlineData("¡Estoy feliz!", "happy")]
    [InlineData("Work has me stressed out", "stressed")]
    [InlineData("Estoy agobiada y estresada", "stressed")]
    [InlineData("I'm furious with my boss", "angry")]
    [InlineData("Estoy enfadado", "angry")]
    [InlineData("I feel lonely", "lonely")]
    [InlineData("Me siento solo este finde", "lonely")]
    [InlineData("So anxious about tomorrow", "anxious")]
    [InlineData("Tengo mucha ansiedad", "anxious")]
    [InlineData("I'm bored", "bored")]
    [InlineData("Qué aburrida estoy", "bored")]
    [InlineData("Date night! Feeling romantic", "romantic")]
    [InlineData("Estamos enamorados", "romantic")]
    [InlineData("Just want to watch something", "neutral")]
    [InlineData("", "neutral")]
    [InlineData("I'd love a good film", "neutral")]
    public void Moods_in_spanish_and_english_read_as_their_state(string mood, string state) =>
        Assert.Equal(state, MoodAnalyzer.Read(mood).EmotionalState);

    [Fact]
    public void Every_reading_is_well_formed() =>
        Gen.String.Sample(mood =>
        {
            var r = MoodAnalyzer.Read(mood);
            return States.Contains(r.EmotionalState) && Approaches.Contains(r.Approach) && r.Confidence is >= 0 and <= 1
                && r.Genres.Count > 0 && r.Genres.All(Genres.All.Contains);
        });

    private static readonly Gen<string> Sentence =
        Gen.Int[0, Filler.Length - 1].Array[0, 6].Select(ix => string.Join(' ', ix.Select(i => Filler[i])));

    private static readonly Gen<(int State, string Word)> Keyword =
        Gen.Int[0, Vocabulary.Length - 1].SelectMany(s => Gen.Int[0, Vocabulary[s].Words.Count - 1].Select(w => (s, Vocabulary[s].Words[w])));

    [Fact]
    public void A_keyword_among_plain_words_reads_as_its_state() =>
        Gen.Select(Sentence, Keyword, Sentence).Sample((before, keyword, after) =>
            MoodAnalyzer.Read($"{before} {keyword.Word} {after}").EmotionalState == Vocabulary[keyword.State].State);

    [Fact]
    public void The_more_specific_state_wins_whatever_the_order_of_the_words() =>
        Gen.Select(Keyword, Keyword, Sentence).Sample((a, b, filler) =>
        {
            var expected = Vocabulary[Math.Min(a.State, b.State)].State;
            return MoodAnalyzer.Read($"{a.Word} {filler} {b.Word}").EmotionalState == expected
                && MoodAnalyzer.Read($"{b.Word}, {filler} {a.Word}").EmotionalState == expected;
        });

    [Fact]
    public void Casing_accents_and_punctuation_do_not_change_the_reading() =>
        Gen.Select(Sentence, Keyword, Sentence).Sample((before, keyword, after) =>
        {
            var mood = $"{before} {keyword.Word} {after}";
            var shouted = "¡¡" + mood.ToUpperInvariant().Replace("a", "á").Replace("A", "Á") + "!!";
            return MoodAnalyzer.Read(shouted) == MoodAnalyzer.Read(mood);
        });
}
