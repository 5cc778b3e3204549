package dev.mixtape.algo.playlist.prompt;

import dev.mixtape.algo.playlist.prompt.Vocabulary.Entry;
import dev.mixtape.algo.playlist.prompt.Vocabulary.Kind;
import dev.mixtape.algo.playlist.prompt.Vocabulary.Match;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what follows a negation: a list of things to exclude ("no rap or metal", "without Drake",
 * "nothing explicit", "no sad songs"). After "or"/"nor" any excludable thing may follow; after "and"
 * or a comma only genres, names and explicit words continue the list ("no rap, happy songs" keeps
 * "happy" positive). A genre excludes every catalog genre containing it as a word; a mood or context
 * gets its softened opposite ({@link Effect#softOpposite}: half the opposite change and a bound a
 * quarter of the way from neutral), unless its entry says otherwise ("no vocals" is instrumental).
 * One per prompt; not thread-safe.
 */
final class ExclusionReader {
    private static final double NO_FACTOR = -0.5;
    private static final double NO_BOUND = 0.25;

    private final Reading r;
    private final NameReader names;

    ExclusionReader(Reading r, NameReader names) {
        this.r = r;
        this.names = names;
    }

    /** "no X, Y or Z": each object excluded; returns the index after the list, or {@code i} when nothing follows. */
    int negation(int i, int p) {
        String word = r.text(i, p);
        int j = object(i, p, false, null);
        if (j == p) {
            return i;
        }
        while (j < r.size()) {
            int at = skipFiller(j);
            boolean joiner = r.continues(at) && (r.word(at).equals("or") || r.word(at).equals("nor") || r.word(at).equals("and"));
            int next = joiner ? at + 1 : at < r.size() && r.token(at).breakBefore() ? at : -1;
            if (next < 0 || next >= r.size()) {
                break;
            }
            boolean onlyNames = !(joiner && !r.word(at).equals("and"));
            int k = object(-1, next, onlyNames, word);
            if (k == next) {
                break;
            }
            j = k;
        }
        return j;
    }

    /** One excluded thing at {@code p}; the phrase shown starts at {@code from} (or is "word" + the object). */
    private int object(int from, int p, boolean onlyNames, String word) {
        if (p >= r.size() || (from >= 0 && !r.continues(p))) {
            return p;
        }
        int start = from >= 0 ? from : p;
        Match m = Vocabulary.longest(r.tokens, p);
        int[] genre = r.catalogGenre(p);
        int end = p;
        if (genre != null && genre[0] > (m == null ? p : m.end())) {
            end = genre[0];
            excludeGenres(phrase(start, p, end, word), List.of(r.lexicon.catalog().genreName(genre[1])));
        } else if (m != null && m.entry().kind() == Kind.GENRE) {
            end = m.end();
            excludeGenres(phrase(start, p, end, word), m.entry().genres());
        } else if (m != null && m.entry().kind() == Kind.EXPLICIT) {
            end = m.end();
            r.noExplicit(start, end);
        } else if (m != null && m.entry().kind() == Kind.EFFECT && !onlyNames) {
            end = m.end();
            Entry e = m.entry();
            Effect effect = e.negation() != null ? e.negation() : e.effect().softOpposite(NO_FACTOR, NO_BOUND);
            String text = phrase(start, p, end, word);
            r.target.add(text, effect);
            r.recognise(text, "exclude", effect.describe(), true);
        } else if (m == null || m.entry().kind() != Kind.FILLER) {
            end = names.name(p, true, true, false);
        }
        return end;
    }

    private String phrase(int start, int p, int end, String word) {
        return word == null ? r.text(start, end) : word + " " + r.text(p, end);
    }

    private int skipFiller(int k) {
        while (r.continues(k) && Vocabulary.get(r.word(k)) != null && Vocabulary.get(r.word(k)).kind() == Kind.FILLER
                && !r.word(k).equals("or") && !r.word(k).equals("and") && !r.word(k).equals("nor")) {
            k++;
        }
        return k;
    }

    private void excludeGenres(String text, List<String> names) {
        List<String> found = new ArrayList<>();
        for (String name : names) {
            for (int g : r.lexicon.genresContaining(PromptText.key(name))) {
                String n = r.lexicon.catalog().genreName(g);
                if (!found.contains(n)) {
                    found.add(n);
                }
            }
        }
        r.excludedGenres.addAll(found);
        r.recognise(text, "exclude", found.isEmpty() ? "no such genre in this catalog, nothing to exclude"
                : "exclude genres " + String.join(", ", found), true);
    }

}
