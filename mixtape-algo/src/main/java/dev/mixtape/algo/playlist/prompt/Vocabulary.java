package dev.mixtape.algo.playlist.prompt;

import dev.mixtape.core.mood.Arc;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The built-in interpreter's fixed phrase table: folded phrases of up to {@link #MAX_WORDS} words
 * mapped to what they mean. Filled by {@link MoodWords}, {@link ContextWords}, {@link GenreWords} and
 * {@link FunctionWords}; genres and names of a particular catalog live in {@link CatalogLexicon}.
 * Immutable after class initialisation; thread-safe.
 */
final class Vocabulary {
    static final int MAX_WORDS = 4;

    enum Kind {
        /** An effect on the features (moods, features, contexts). */
        EFFECT,
        /** A genre alias: catalog genre names to look for, maybe an effect too. */
        GENRE,
        /** "explicit", "swearing": what "no ..." turns off. */
        EXPLICIT,
        /** "clean", "family friendly": no explicit tracks. */
        CLEAN,
        ARC,
        /** "very", "a bit": scales the next effect by {@code factor}. */
        MODIFIER,
        /** "not too": softens the next effect. */
        LIMIT,
        /** "no", "without": excludes what follows. */
        NEGATION,
        /** "like", "similar to", "by": a name follows ({@code factor} 1 = artists only). */
        MENTION,
        /** Words that carry no meaning here ("some", "music", "please"). */
        FILLER
    }

    /**
     * @param category for effects: mood, feature, activity, time, weather, season; the phrase's kind when shown
     * @param negation what "no X" does, or null for the default softened opposite
     */
    record Entry(String phrase, Kind kind, String category, Effect effect, Effect negation, List<String> genres,
                 Arc arc, double factor) {}

    private static final Map<String, Entry> ENTRIES = new HashMap<>();
    private static final Set<String> WORDS = new HashSet<>();

    static {
        MoodWords.register();
        ContextWords.register();
        GenreWords.register();
        FunctionWords.register();
    }

    private Vocabulary() {}

    static void add(Kind kind, String category, Effect effect, Effect negation, List<String> genres, Arc arc,
                    double factor, String... phrases) {
        for (String p : phrases) {
            String key = PromptText.key(p);
            if (key.split(" ").length > MAX_WORDS) {
                throw new IllegalStateException("phrase too long: " + p);
            }
            if (ENTRIES.putIfAbsent(key, new Entry(key, kind, category, effect, negation, genres, arc, factor)) != null) {
                throw new IllegalStateException("phrase defined twice: " + p);
            }
            if (!key.contains(" ")) {
                WORDS.add(key);
            }
        }
    }

    static void effect(String category, Effect effect, String... phrases) {
        add(Kind.EFFECT, category, effect, null, List.of(), null, 1, phrases);
    }

    static Entry get(String key) {
        return ENTRIES.get(key);
    }

    /** True when the single word means something on its own here (so it is not taken for part of a name). */
    static boolean isWord(String word) {
        return WORDS.contains(word);
    }

    /** The longest entry starting at token {@code i} (at most {@link #MAX_WORDS} words, not across a break). */
    static Match longest(List<PromptText.Token> tokens, int i) {
        int limit = Math.min(tokens.size(), i + MAX_WORDS);
        StringBuilder sb = new StringBuilder();
        Match best = null;
        for (int j = i; j < limit; j++) {
            if (j > i && tokens.get(j).breakBefore()) {
                break;
            }
            if (j > i) {
                sb.append(' ');
            }
            sb.append(tokens.get(j).word());
            Entry e = ENTRIES.get(sb.toString());
            if (e != null) {
                best = new Match(e, j + 1);
            }
        }
        return best;
    }

    /** An entry found in the prompt, ending before token {@code end}. */
    record Match(Entry entry, int end) {}
}
