package dev.mixtape.algo.playlist.prompt;

import static dev.mixtape.algo.playlist.prompt.Vocabulary.Kind.ARC;
import static dev.mixtape.algo.playlist.prompt.Vocabulary.Kind.CLEAN;
import static dev.mixtape.algo.playlist.prompt.Vocabulary.Kind.EXPLICIT;
import static dev.mixtape.algo.playlist.prompt.Vocabulary.Kind.FILLER;
import static dev.mixtape.algo.playlist.prompt.Vocabulary.Kind.LIMIT;
import static dev.mixtape.algo.playlist.prompt.Vocabulary.Kind.MENTION;
import static dev.mixtape.algo.playlist.prompt.Vocabulary.Kind.MODIFIER;
import static dev.mixtape.algo.playlist.prompt.Vocabulary.Kind.NEGATION;

import dev.mixtape.core.mood.Arc;
import java.util.List;

/**
 * Words that shape the others: intensity modifiers (hand-set factors: "very" 1.5, "super" 1.8,
 * "a bit" 0.5), "not too", negations, name triggers ("like", "by"), arcs, explicit-content words
 * and filler.
 */
final class FunctionWords {
    private FunctionWords() {}

    static void register() {
        modifier(1.5, "very", "really", "so", "truly", "deeply", "highly", "extra", "real", "properly", "seriously");
        modifier(1.3, "more", "quite");
        modifier(1.8, "super", "extremely", "ultra", "incredibly", "insanely", "mega", "intensely", "crazy",
                "hella", "absolutely", "totally", "maximum", "max");
        modifier(0.85, "pretty", "fairly", "rather", "mostly", "mainly");
        modifier(0.6, "moderately", "somewhat", "a little more");
        modifier(0.5, "a bit", "a little", "a little bit", "bit", "little", "slightly", "kinda", "kind of",
                "sort of", "sorta", "a touch", "touch of", "a tad", "tad", "mildly", "lightly", "semi", "a hint of",
                "hint of", "subtly", "subtle");
        add(LIMIT, 1, "not too", "not overly", "not very", "not so", "nothing too", "not super", "not that",
                "not extremely", "not really", "not too much", "no too", "not excessively", "but not too");
        add(NEGATION, 1, "no", "not", "without", "nothing", "avoid", "except", "excluding", "exclude", "minus",
                "skip", "zero", "never", "none", "non", "dont want", "do not want", "dont include", "no more",
                "hold the", "free of", "free from", "anything but", "but no", "and no", "not any", "dont play",
                "do not play", "less");
        add(MENTION, 0, "like", "sounds like", "sound like", "similar to", "similar", "such as", "in the style of",
                "style of", "reminiscent of", "inspired by", "influenced by", "in the vein of", "the likes of",
                "fans of", "fan of", "more of", "featuring", "feat", "ft", "artists like", "bands like",
                "in the spirit of", "along the lines of", "vibes like", "vibe of");
        add(MENTION, 1, "by", "from artist", "songs by", "tracks by", "music by", "artist", "band", "singer named");
        arc(Arc.BUILD_UP, "build up", "building up", "builds up", "buildup", "slow build", "crescendo",
                "ramp up", "ramping up", "warm up", "warming up", "warmup", "slow start", "start slow",
                "starts slow", "start slowly", "start calm", "getting more intense", "get more intense", "rising",
                "escalating", "build to", "build", "building", "gradually faster", "increasing");
        arc(Arc.WIND_DOWN, "wind down", "winding down", "winddown", "cool down", "cooling down", "cooldown",
                "calm down", "come down", "comedown", "slow down", "slowing down", "fade out", "taper off",
                "tapering off", "end calm", "ending calm", "end slow", "ease off", "ease into sleep",
                "decreasing", "descending", "gradually slower", "gradually calmer");
        arc(Arc.PEAK, "peak", "peaking", "peak in the middle", "climax", "rise and fall", "build and release",
                "up and down", "arc");
        arc(Arc.STEADY, "steady", "consistent", "constant", "even energy", "same energy", "flat", "stable",
                "continuous", "no surprises", "uniform", "steady energy", "consistently");
        add(EXPLICIT, 1, "explicit", "explicit lyrics", "explicit content", "swearing", "swear words", "swearwords",
                "cursing", "curse words", "cussing", "profanity", "profane", "bad words", "nsfw", "parental advisory",
                "dirty lyrics", "explicit songs", "explicit tracks", "explicits");
        add(CLEAN, 0, "clean", "clean lyrics", "clean version", "clean versions", "radio edit", "radio edits",
                "family friendly", "kid friendly", "kids friendly", "child friendly", "safe for work", "sfw",
                "for kids", "for children", "for the kids", "work safe", "office friendly", "school friendly");
        add(FILLER, 0, "a", "an", "the", "some", "any", "of", "for", "to", "with", "and", "or", "nor", "but", "me",
                "my", "mine", "i", "im", "id", "ive", "ill", "we", "us", "our", "you", "your", "it", "its", "that",
                "this", "these", "those", "is", "are", "be", "been", "was", "were", "am", "please", "pls", "plz",
                "want", "wanna", "need", "needs", "give", "gimme", "make", "create", "play", "playing", "put", "get",
                "find", "just", "also", "music", "song", "songs", "track", "tracks", "tune", "tunes", "playlist",
                "playlists", "mix", "mixtape", "list", "set", "vibes", "vibe", "vibey", "mood", "moods", "feel",
                "feels", "feeling", "feelings", "kind", "sort", "type", "types", "stuff", "something", "anything",
                "things", "thing", "sound", "sounds", "sounding", "style", "while", "during", "when", "on", "in",
                "at", "into", "from", "about", "as", "up", "day", "days", "time", "today", "now", "let", "lets",
                "can", "could", "would", "should", "will", "gonna", "go", "going", "have", "has", "do", "does",
                "all", "only", "lots", "lot", "bunch", "few", "plenty", "around", "approximately", "roughly", "ish",
                "listen", "listening", "hear", "good", "great", "nice", "best", "perfect", "favorite", "favourite",
                "top", "hits", "then", "than", "there", "here", "what", "which", "who", "where", "how", "if", "so that",
                "too", "very much", "much", "many", "more like", "ones", "one", "tonights", "after", "before",
                "over", "through", "per", "via", "bangin", "mood for", "in the mood for",
                "maybe", "perhaps", "etc", "yeah", "yes", "ok", "okay", "hey", "hi", "hello", "thanks", "thank",
                "again", "each", "every", "other", "some more", "artists", "bands", "genre", "genres", "tempo",
                "energy level", "beats", "beat", "jams", "jam", "tunage", "choose", "pick", "curate", "help",
                "build me", "build a", "make me");
    }

    private static void modifier(double factor, String... phrases) {
        add(MODIFIER, factor, phrases);
    }

    private static void arc(Arc arc, String... phrases) {
        Vocabulary.add(ARC, "arc", null, null, List.of(), arc, 1, phrases);
    }

    private static void add(Vocabulary.Kind kind, double factor, String... phrases) {
        Vocabulary.add(kind, kind.name().toLowerCase(java.util.Locale.ROOT), null, null, List.of(), null, factor,
                phrases);
    }
}
