package dev.mixtape.algo.playlist.prompt;

import dev.mixtape.core.Catalog;
import java.util.Set;

/**
 * Finds artist and track names in a prompt: after a trigger ("like Daft Punk", "songs similar to
 * Someone Like You by Adele", "without Drake"), inside double quotes, or bare when the name cannot
 * be anything else ("daft punk vibes"). Names are matched whole against {@link CatalogLexicon};
 * a name not in the catalog is recognised by its shape (a run of capitalised words, or of words the
 * vocabulary does not know) and listed as unknown. A span made only of vocabulary words is a name
 * only when capitalised or quoted, so "something like happy music" stays a mood.
 */
final class NameReader {
    private static final Set<String> NAME_JOINERS = Set.of("of", "the", "a", "an", "and", "in", "on", "to", "for",
            "my", "me", "you", "de", "la", "le", "el", "y", "da", "von", "van", "del", "des", "du", "it", "is", "i");

    private final Reading r;
    private final Catalog catalog;

    NameReader(Reading r) {
        this.r = r;
        this.catalog = r.lexicon.catalog();
    }

    /**
     * A list of names after a trigger at {@code p} ("like A, B and C"); returns the index after the
     * last one, or {@code p} when none follows. {@code exclude} makes them excluded artists.
     */
    int names(int p, boolean artistsOnly, boolean exclude) {
        int j = name(p, artistsOnly, exclude, true);
        if (j == p) {
            return p;
        }
        while (j < r.size()) {
            boolean joiner = r.continues(j) && (r.word(j).equals("and") || r.word(j).equals("or") || r.word(j).equals("nor"));
            int next = joiner ? j + 1 : r.token(j).breakBefore() ? j : -1;
            if (next < 0 || next >= r.size()) {
                break;
            }
            int k = name(next, artistsOnly, exclude, false);
            if (k == next) {
                break;
            }
            j = k;
        }
        return j;
    }

    /** One name at {@code j}; returns the index after it, or {@code j}. */
    int name(int j, boolean artistsOnly, boolean exclude, boolean lowerCaseUnknownOk) {
        if (j >= r.size() || (j > 0 && r.token(j).breakBefore() && r.token(j).quote() < 0)) {
            return j;
        }
        int quote = r.token(j).quote();
        int limit = quote >= 0 ? quoteEnd(j) : Math.min(r.size(), j + CatalogLexicon.MAX_NAME_WORDS);
        int artistEnd = -1;
        int trackEnd = -1;
        for (int k = j + 1; k <= limit; k++) {
            if (k > j + 1 && r.token(k - 1).breakBefore() && quote < 0) {
                break;
            }
            if ((quote >= 0 && k < limit) || !plausible(j, k, quote >= 0)) {
                continue;
            }
            String key = r.key(j, k);
            if (r.lexicon.artists(key).length > 0) {
                artistEnd = k;
            }
            if (!artistsOnly && !exclude && r.lexicon.tracks(key).length > 0) {
                trackEnd = k;
            }
        }
        if (trackEnd > artistEnd) {
            return track(j, trackEnd);
        }
        if (artistEnd > 0) {
            artist(j, artistEnd, exclude);
            return artistEnd;
        }
        int end = quote >= 0 ? limit : unknownRun(j, lowerCaseUnknownOk);
        if (end == j) {
            return j;
        }
        String name = r.text(j, end);
        int after = end;
        if (!exclude && r.continues(end) && r.word(end).equals("by")) {
            int k = name(end + 1, true, false, true);
            if (k > end + 1) {
                after = k;
            }
        }
        r.unknown.add(name);
        r.recognise(name, exclude ? "exclude" : "unknown", (exclude ? "would exclude it" : "would use it as an anchor")
                + ", but it is not in the catalog", false);
        return after;
    }

    /** A bare artist name at {@code i} (no trigger); returns the index after it, or {@code i}. */
    int bareArtist(int i, int minWords) {
        int best = -1;
        for (int k = i + minWords; k <= Math.min(r.size(), i + CatalogLexicon.MAX_NAME_WORDS); k++) {
            if (k > i + 1 && r.token(k - 1).breakBefore()) {
                break;
            }
            int[] a = r.lexicon.artists(r.key(i, k));
            if (a.length > 0 && bareOk(i, k, a[0])) {
                best = k;
            }
        }
        if (best < 0) {
            return i;
        }
        artist(i, best, false);
        return best;
    }

    /**
     * A bare name is believed when capitalised; otherwise a single word must be unknown to the
     * vocabulary and the name of a popular artist, and a longer name must not use meaningful
     * vocabulary words nor start or end with filler ("simon and garfunkel" yes, "happy hour" no).
     */
    private boolean bareOk(int i, int k, int artist) {
        boolean capital = r.capitalsMeanNames && r.token(i).capitalised();
        if (k - i == 1) {
            return !r.isVocabulary(i) && !r.token(i).isNumber() && r.word(i).length() >= 3
                    && (capital || catalog.artistPopularity(artist) >= 50);
        }
        if (capital) {
            return true;
        }
        if (r.isVocabulary(i) || r.isVocabulary(k - 1)) {
            return false;
        }
        for (int x = i; x < k; x++) {
            Vocabulary.Entry e = Vocabulary.get(r.word(x));
            if (e != null && e.kind() != Vocabulary.Kind.FILLER) {
                return false;
            }
        }
        return true;
    }

    /** A catalog match of tokens j..k is believable: not only vocabulary words, unless capitalised or quoted. */
    private boolean plausible(int j, int k, boolean quoted) {
        if (quoted) {
            return true;
        }
        for (int x = j; x < k; x++) {
            if (!r.isVocabulary(x) && !r.token(x).isNumber()) {
                return true;
            }
            if (r.capitalsMeanNames && r.token(x).capitalised()) {
                return true;
            }
        }
        return false;
    }

    private int track(int j, int end) {
        String key = r.key(j, end);
        int after = end;
        int byArtist = -1;
        if (r.continues(end) && r.word(end).equals("by")) {
            for (int k = Math.min(r.size(), end + 1 + CatalogLexicon.MAX_NAME_WORDS); k > end + 1; k--) {
                int[] a = r.lexicon.artists(r.key(end + 1, k));
                if (a.length > 0) {
                    for (int cand : a) {
                        if (r.lexicon.track(key, cand) >= 0) {
                            byArtist = cand;
                            break;
                        }
                    }
                    byArtist = byArtist >= 0 ? byArtist : a[0];
                    after = k;
                    break;
                }
            }
        }
        int t = r.lexicon.track(key, byArtist);
        if (t < 0) {
            t = r.lexicon.track(key, -1);
            if (after > end + 1) {
                artist(end + 1, after, false);
            }
        }
        r.tracks.add(catalog.trackId(t));
        StringBuilder by = new StringBuilder();
        for (int a : catalog.trackArtists(t)) {
            by.append(by.length() == 0 ? "" : ", ").append(catalog.artistName(a));
        }
        r.recognise(r.text(j, after), "track", "anchor track '" + catalog.trackName(t) + "' by "
                + by + " (" + catalog.trackId(t) + ")", true);
        return after;
    }

    private void artist(int j, int end, boolean exclude) {
        int a = r.lexicon.artists(r.key(j, end))[0];
        String id = catalog.artistId(a);
        (exclude ? r.excludedArtists : r.artists).add(id);
        r.recognise(r.text(j, end), exclude ? "exclude" : "artist", (exclude ? "exclude artist " : "anchor artist ")
                + catalog.artistName(a) + " (" + id + ")", true);
    }

    private int quoteEnd(int j) {
        int q = r.token(j).quote();
        int k = j;
        while (k < r.size() && r.token(k).quote() == q) {
            k++;
        }
        return k;
    }

    /** The extent of a name not in the catalog: capitalised words (with joiners), or unknown lower-case words. */
    private int unknownRun(int j, boolean lowerCaseOk) {
        int k = j;
        if (r.capitalsMeanNames && r.token(j).capitalised()) {
            while (k < r.size() && k - j < 8 && (k == j || !r.token(k).breakBefore()) && !r.word(k).equals("by")) {
                if (r.token(k).capitalised() && !(k > j && Vocabulary.get(r.word(k)) != null
                        && Vocabulary.get(r.word(k)).kind() == Vocabulary.Kind.MENTION)) {
                    k++;
                } else if (NAME_JOINERS.contains(r.word(k)) && r.continues(k + 1) && r.token(k + 1).capitalised()) {
                    k++;
                } else {
                    break;
                }
            }
            return k;
        }
        if (!lowerCaseOk) {
            return j;
        }
        while (k < r.size() && k - j < 5 && (k == j || !r.token(k).breakBefore()) && !r.isVocabulary(k)
                && !r.token(k).isNumber()) {
            k++;
        }
        return k;
    }
}
