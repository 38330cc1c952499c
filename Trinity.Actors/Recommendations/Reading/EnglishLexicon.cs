namespace Trinity.Actors.Recommendations.Reading;

/// <summary>The English words for the <see cref="Cues"/>. Genre names come from <see cref="Catalog.GenreNames"/>.</summary>
public static class EnglishLexicon
{
    public static readonly Lexicon Instance = new("en",
        new Dictionary<CueKind, Dictionary<string, string[]>>
        {
            [CueKind.Tone] = new()
            {
                ["funny"] = ["funny", "fun", "laugh", "laughs", "laughing", "hilarious", "humor", "humour", "silly", "goofy", "witty", "make us laugh", "rom com", "romcom"],
                ["light"] = ["light", "lighthearted", "light hearted", "easy", "easygoing", "easy going", "chill", "relaxing", "cozy", "cosy", "undemanding", "mindless"],
                ["feel-good"] = ["feel good", "feelgood", "uplifting", "heartwarming", "wholesome", "cheerful", "happy ending", "sweet", "cute", "comforting"],
                ["scary"] = ["scary", "scare", "scares", "scared", "spooky", "creepy", "frightening", "terrifying", "fright", "chills", "jump scares", "haunted", "ghost story"],
                ["gory"] = ["gory", "gore", "bloody", "blood", "slasher", "splatter", "gruesome"],
                ["tense"] = ["tense", "suspenseful", "gripping", "nail biting", "nail biter", "edge of our seats", "edge of my seat", "intense", "thrilling"],
                ["romantic"] = ["romantic", "love story", "rom com", "romcom", "date movie", "love stories"],
                ["sad"] = ["sad", "tearjerker", "tear jerker", "weepy", "cry", "crying", "heartbreaking", "moving", "melancholic", "depressing", "emotional"],
                ["dark"] = ["dark", "gritty", "bleak", "twisted", "disturbing", "noir", "grim"],
                ["epic"] = ["epic", "grand", "sweeping", "spectacular", "saga", "big adventure"],
                ["exciting"] = ["exciting", "action packed", "adrenaline", "explosions", "fast paced", "high octane", "thrills"],
                ["mind-bending"] = ["mind bending", "mindbending", "mind blowing", "trippy", "twisty", "plot twist", "make us think", "cerebral", "brainy"],
                ["magical"] = ["magical", "magic", "fairy tale", "fairytale", "wizards", "dragons", "enchanting"],
                ["true-story"] = ["true story", "based on a true story", "real events", "biopic", "real life"],
                ["thoughtful"] = ["thoughtful", "deep", "contemplative", "arthouse", "art house", "slow burn"],
            },
            [CueKind.Genre] = new()
            {
                ["mystery"] = ["mysteries", "whodunit", "whodunnit", "detective"],
                ["animation"] = ["anime", "cartoons"],
                ["science-fiction"] = ["sf", "space opera"],
                ["action"] = ["superhero", "superheroes", "martial arts"],
                ["documentary"] = ["documentaries", "docuseries", "docu"],
                ["crime"] = ["gangster", "gangsters", "mob"],
                ["thriller"] = ["spy", "spies", "espionage"],
                ["war"] = ["war film", "war movie"],
            },
            [CueKind.Audience] = new()
            {
                ["kids"] = ["kids", "kid", "children", "child", "little ones", "toddler", "toddlers", "my son", "my daughter", "our son", "our daughter", "kid friendly", "child friendly", "all ages", "young children", "nephew", "niece"],
                ["with-family"] = ["with the family", "for the family", "for the whole family", "with my family", "with our family", "family night", "whole family", "my parents", "our parents", "grandparents", "grandma", "grandpa", "my mum", "my mom", "my dad", "in laws"],
                ["partner"] = ["partner", "girlfriend", "boyfriend", "my wife", "my husband", "wife", "husband", "date night", "my date", "on a date", "fiance", "fiancee", "spouse", "the two of us", "just us two", "couple"],
                ["friends"] = ["friends", "mates", "the gang", "the guys", "buddies", "roommates", "flatmates", "group of friends", "party"],
            },
            [CueKind.Format] = new()
            {
                ["film"] = ["film", "films", "movie", "movies", "feature", "flick", "flicks"],
                ["series"] = ["series", "shows", "tv show", "tv shows", "a show", "tv series", "tv", "episodes", "sitcom", "sitcoms", "miniseries", "binge", "season"],
            },
            [CueKind.Era] = new()
            {
                ["old"] = ["old", "older", "classic", "classics", "vintage", "old school", "black and white", "golden age", "oldies", "retro", "old fashioned"],
                ["recent"] = ["recent", "newer", "brand new", "latest", "modern", "current", "nowadays", "this year", "last year", "new release", "new releases"],
                ["1940s"] = ["40s", "1940s", "forties"],
                ["1950s"] = ["50s", "1950s", "fifties"],
                ["1960s"] = ["60s", "1960s", "sixties"],
                ["1970s"] = ["70s", "1970s", "seventies"],
                ["1980s"] = ["80s", "1980s", "eighties"],
                ["1990s"] = ["90s", "1990s", "nineties"],
                ["2000s"] = ["2000s", "noughties"],
                ["2010s"] = ["2010s"],
                ["2020s"] = ["2020s"],
            },
            [CueKind.Length] = new()
            {
                ["short"] = ["short", "quick", "brief", "under two hours", "under 2 hours", "not too long"],
                ["long"] = ["long", "lengthy", "marathon", "long one"],
            },
            [CueKind.Country] = new()
            {
                ["spain"] = ["spanish", "spain", "from spain", "in spanish"],
                ["mexico"] = ["mexican", "mexico"],
                ["argentina"] = ["argentinian", "argentine", "argentina"],
                ["france"] = ["french", "france"],
                ["italy"] = ["italian", "italy"],
                ["germany"] = ["german", "germany"],
                ["japan"] = ["japanese", "japan"],
                ["korea"] = ["korean", "korea", "k drama", "kdrama"],
                ["britain"] = ["british", "britain", "uk", "england"],
            },
        },
        Negators: ["no", "not", "nothing", "without", "don", "dont", "never", "avoid", "except", "nor", "none", "skip", "isn", "aren", "won", "neither", "nope"],
        ClauseBreaks: ["but", "and", "although", "though", "however", "yet", "instead", "rather", "so", "plus", "also", "ideally", "preferably"],
        LikeStrong: ["something like", "anything like", "stuff like", "films like", "film like", "movies like", "movie like", "shows like", "show like", "series like", "more like",
            "similar to", "in the style of", "along the lines of", "same vibe as", "the vibe of", "reminds us of", "in the vein of"],
        LikeWeak: ["like"],
        StopWords: ["a", "an", "the", "and", "or", "but", "to", "of", "in", "on", "at", "for", "with", "about", "from", "by", "is", "are", "was", "be", "been", "it", "its",
            "this", "that", "these", "those", "we", "us", "our", "ours", "i", "me", "my", "you", "your", "they", "them", "he", "she", "his", "her", "what", "which", "who",
            "some", "something", "anything", "any", "want", "wanna", "would", "like", "d", "ll", "m", "re", "s", "t", "ve", "watch", "watching", "see", "tonight", "today",
            "evening", "night", "weekend", "please", "maybe", "pick", "suggest", "recommend", "recommendation", "give", "show", "find", "get", "have", "has", "had", "feel",
            "feeling", "mood", "really", "very", "too", "so", "just", "bit", "little", "kind", "sort", "good", "great", "nice", "best", "one", "ones", "thing", "things",
            "stuff", "can", "could", "should", "let", "lets", "go", "going", "need", "im", "were", "do", "does", "did", "more", "less", "much", "many", "all", "everyone",
            "everybody", "together", "group", "work", "day", "home", "couch", "sofa", "stay", "bed", "hours", "hour", "minutes", "mins", "now", "here", "there", "right",
            "into", "over", "than", "then", "still", "even", "well", "yes", "ok", "okay", "hey", "hi", "hello", "guys", "folks", "people", "after", "before", "tired",
            "after work", "lot", "lots", "enough", "big", "small", "while", "up", "down", "out", "off", "if", "how", "why", "when", "where", "as", "also", "watchable",
            "too much", "mostly", "somewhat", "pretty", "quite", "super", "kinda", "sorta", "type", "style", "vibe", "vibes", "no", "we re", "let s"],
        Glossary: new Dictionary<string, string>(),
        Labels: new Dictionary<string, string>
        {
            ["funny"] = "funny", ["light"] = "light", ["feel-good"] = "feel-good", ["scary"] = "scary", ["gory"] = "gory", ["tense"] = "tense",
            ["romantic"] = "romantic", ["sad"] = "sad", ["dark"] = "dark", ["epic"] = "epic", ["exciting"] = "exciting", ["mind-bending"] = "mind-bending",
            ["magical"] = "magical", ["true-story"] = "a true story", ["thoughtful"] = "thoughtful",
            ["science-fiction"] = "science fiction",
            ["kids"] = "for the kids", ["with-family"] = "for the family", ["partner"] = "for two", ["friends"] = "with friends",
            ["film"] = "a film", ["series"] = "a series", ["short"] = "short", ["long"] = "long",
            ["spain"] = "Spain", ["mexico"] = "Mexico", ["argentina"] = "Argentina", ["france"] = "France", ["italy"] = "Italy",
            ["germany"] = "Germany", ["japan"] = "Japan", ["korea"] = "Korea", ["britain"] = "Britain",
        },
        new Phrasing(
            Understood: "Understood: {0}.",
            NothingUnderstood: "Nothing specific understood, so well-rated titles.",
            Mood: "Mood: {0}.",
            MoodYields: "Mood: {0}, but what you asked for comes first.",
            NoRunningTimes: "Running times aren't in the catalogue, so \"{0}\" couldn't be applied.",
            NoCountry: "The catalogue doesn't record language or country: these titles are set in or about {0}, going by their descriptions.",
            NothingFits: "Nothing left in the catalogue fits that, so nothing was added.",
            NotTone: "nothing {0}",
            NotGenre: "no {0}",
            About: "about {0}",
            Like: "like {0}",
            From: "from {0} on",
            Until: "up to {0}",
            Between: "from {0} to {1}",
            Mentions: "mentions {0}",
            SharesWith: "shares {0} with {1}",
            SetIn: "set in or about {0}",
            RoomLiked: "like what the room liked",
            Rated: "rated {0}"));
}
