package dev.mixtape.algo.playlist.prompt;

import dev.mixtape.algo.playlist.prompt.PromptText.Token;
import dev.mixtape.core.mood.Arc;
import dev.mixtape.core.mood.PromptAnalysis.Phrase;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@link PromptReader} and {@link NameReader} have found so far in one prompt: the tokens and
 * everything recognised from them. One per prompt; not thread-safe.
 */
final class Reading {
    final String prompt;
    final List<Token> tokens;
    final CatalogLexicon lexicon;
    /** False when the prompt is (nearly) all capitalised words, so capitals say nothing about names. */
    final boolean capitalsMeanNames;

    final List<Phrase> recognised = new ArrayList<>();
    final List<String> notUnderstood = new ArrayList<>();
    final List<String> unknown = new ArrayList<>();
    final List<String> relaxed = new ArrayList<>();
    final TargetBuilder target = new TargetBuilder();
    final Set<String> genres = new LinkedHashSet<>();
    final Set<String> excludedGenres = new LinkedHashSet<>();
    final Set<String> artists = new LinkedHashSet<>();
    final Set<String> excludedArtists = new LinkedHashSet<>();
    final Set<String> tracks = new LinkedHashSet<>();
    Boolean allowExplicit;
    boolean explicitAskedFor;
    Integer length;
    String lengthPhrase;
    Arc arc;
    String arcPhrase;
    /** Something musical was recognised (not only a length or an arc). */
    boolean musical;

    Reading(String prompt, CatalogLexicon lexicon) {
        this.prompt = prompt;
        this.tokens = PromptText.tokenize(prompt);
        this.lexicon = lexicon;
        int letters = 0;
        int capitals = 0;
        for (Token t : tokens) {
            if (Character.isLetter(t.word().charAt(0))) {
                letters++;
                capitals += t.capitalised() ? 1 : 0;
            }
        }
        this.capitalsMeanNames = letters < 2 || capitals < 0.7 * letters;
    }

    int size() {
        return tokens.size();
    }

    Token token(int i) {
        return tokens.get(i);
    }

    String word(int i) {
        return i < tokens.size() ? tokens.get(i).word() : "";
    }

    /** The prompt's own text of tokens {@code from} (inclusive) to {@code to} (exclusive). */
    String text(int from, int to) {
        return prompt.substring(tokens.get(from).start(), tokens.get(to - 1).end());
    }

    /** Folded words {@code from}..{@code to} joined by spaces. */
    String key(int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int k = from; k < to; k++) {
            sb.append(k == from ? "" : " ").append(tokens.get(k).word());
        }
        return sb.toString();
    }

    /** True when the token at {@code k} continues the clause (exists and no break before it). */
    boolean continues(int k) {
        return k < tokens.size() && !tokens.get(k).breakBefore();
    }

    void recognise(String text, String kind, String effect, boolean isMusical) {
        recognised.add(new Phrase(text, kind, effect));
        musical |= isMusical;
    }

    void noExplicit(int i, int end) {
        allowExplicit = Boolean.FALSE;
        recognise(text(i, end), "explicit", "no explicit tracks", true);
    }

    /** {end, genre index} of the longest catalog genre at {@code i}, or null. */
    int[] catalogGenre(int i) {
        int[] best = null;
        for (int k = i + 1; k <= Math.min(size(), i + Vocabulary.MAX_WORDS); k++) {
            if (k > i + 1 && tokens.get(k - 1).breakBefore()) {
                break;
            }
            int g = lexicon.genre(key(i, k));
            if (g >= 0) {
                best = new int[] {k, g};
            }
        }
        return best;
    }

    /** True when the word means something by itself in the vocabulary, or is filler. */
    boolean isVocabulary(int k) {
        return Vocabulary.isWord(word(k)) || Vocabulary.longest(tokens, k) != null;
    }
}
