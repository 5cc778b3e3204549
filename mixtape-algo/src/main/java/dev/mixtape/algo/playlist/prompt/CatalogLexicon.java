package dev.mixtape.algo.playlist.prompt;

import dev.mixtape.core.Catalog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The names a prompt may use from one catalog, folded by {@link PromptText#key}: genre names (also
 * written together: "hiphop", "kpop", "rnb"), artist names (also without a leading "the") and track
 * names (also cut before " - " or "(": "Someone Like You - Live" is also "someone like you"), each
 * mapped to its catalog indices, most popular first. Built once per catalog ({@link #of}, cached
 * weakly by identity) so that a prompt costs only hash look-ups. Immutable; thread-safe.
 */
public final class CatalogLexicon {
    /** Longest name, in words, that a prompt is searched for. */
    static final int MAX_NAME_WORDS = 10;
    private static final double DEFAULT_DURATION_MS = 210_000;
    private static final Map<Catalog, CatalogLexicon> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

    private final Catalog catalog;
    private final Map<String, Integer> genres = new HashMap<>();
    private final String[] genreKeys;
    private final Map<String, int[]> artists;
    private final Map<String, int[]> tracks;
    private final double averageDurationMs;

    private CatalogLexicon(Catalog c) {
        this.catalog = c;
        genreKeys = new String[c.genreCount()];
        for (int g = 0; g < c.genreCount(); g++) {
            String key = PromptText.key(c.genreName(g));
            genreKeys[g] = " " + key + " ";
            genres.putIfAbsent(key, g);
            genres.putIfAbsent(key.replace(" ", ""), g);
        }
        Map<String, int[]> byArtist = new HashMap<>(c.artistCount() * 2);
        for (int a = 0; a < c.artistCount(); a++) {
            String key = PromptText.key(c.artistName(a));
            put(byArtist, key, a);
            if (key.startsWith("the ")) {
                put(byArtist, key.substring(4), a);
            }
        }
        artists = sortByPopularity(byArtist, c::artistPopularity);
        Map<String, int[]> byTrack = new HashMap<>(c.size() * 2);
        long total = 0;
        for (int t = 0; t < c.size(); t++) {
            String name = c.trackName(t);
            put(byTrack, PromptText.key(name), t);
            int cut = cutAt(name);
            if (cut > 0) {
                put(byTrack, PromptText.key(name.substring(0, cut)), t);
            }
            total += c.durationMs(t);
        }
        tracks = sortByPopularity(byTrack, c::popularity);
        averageDurationMs = c.size() == 0 ? DEFAULT_DURATION_MS : (double) total / c.size();
    }

    /** The lexicon of a catalog, built on first use (0.2–0.9 s for the 89,740-track catalog) and cached. */
    public static CatalogLexicon of(Catalog catalog) {
        return CACHE.computeIfAbsent(catalog, CatalogLexicon::new);
    }

    public Catalog catalog() {
        return catalog;
    }

    private static int cutAt(String name) {
        int best = -1;
        for (String sep : new String[] {" - ", " (", " [", " – "}) {
            int i = name.indexOf(sep);
            if (i > 0 && (best < 0 || i < best)) {
                best = i;
            }
        }
        return best;
    }

    private static void put(Map<String, int[]> map, String key, int value) {
        if (key.isEmpty() || words(key) > MAX_NAME_WORDS) {
            return;
        }
        int[] old = map.putIfAbsent(key, new int[] {value});
        if (old != null && old[old.length - 1] != value) {
            int[] grown = java.util.Arrays.copyOf(old, old.length + 1);
            grown[old.length] = value;
            map.put(key, grown);
        }
    }

    private static int words(String key) {
        int n = 1;
        for (int i = 0; i < key.length(); i++) {
            n += key.charAt(i) == ' ' ? 1 : 0;
        }
        return n;
    }

    /** Sorts each list of indices by descending popularity, ties by index. */
    private static Map<String, int[]> sortByPopularity(Map<String, int[]> map, java.util.function.IntUnaryOperator popularity) {
        for (int[] v : map.values()) {
            if (v.length > 1) {
                Integer[] boxed = java.util.Arrays.stream(v).boxed().toArray(Integer[]::new);
                java.util.Arrays.sort(boxed, (x, y) -> popularity.applyAsInt(y) != popularity.applyAsInt(x)
                        ? Integer.compare(popularity.applyAsInt(y), popularity.applyAsInt(x)) : Integer.compare(x, y));
                for (int k = 0; k < v.length; k++) {
                    v[k] = boxed[k];
                }
            }
        }
        return map;
    }

    /** Genre index for a folded genre name (with or without spaces), or -1. */
    public int genre(String key) {
        Integer g = genres.get(key);
        return g == null ? -1 : g;
    }

    /** Artists with this folded name (or the name without a leading "the"), most popular first; empty if none. */
    public int[] artists(String key) {
        int[] a = artists.get(key);
        if (a == null && key.startsWith("the ")) {
            a = artists.get(key.substring(4));
        }
        return a == null ? new int[0] : a;
    }

    /** Tracks with this folded name, most popular first; empty if none. */
    public int[] tracks(String key) {
        int[] t = tracks.get(key);
        return t == null ? new int[0] : t;
    }

    /** The most popular track with this name by this artist, or the most popular with the name when {@code artist} is -1; -1 if none. */
    public int track(String key, int artist) {
        for (int t : tracks(key)) {
            if (artist < 0) {
                return t;
            }
            for (int a : catalog.trackArtists(t)) {
                if (a == artist) {
                    return t;
                }
            }
        }
        return -1;
    }

    /** The genre a name means as people write it ("Hip Hop", "hip-hop", "hiphop"), or -1. */
    public int findGenre(String name) {
        return name == null ? -1 : genre(PromptText.key(name));
    }

    /** The most popular artist with this name (folded; a leading "the" optional), or -1. */
    public int findArtist(String name) {
        int[] a = name == null ? new int[0] : artists(PromptText.key(name));
        return a.length == 0 ? -1 : a[0];
    }

    /**
     * The most popular track with this title (also matching titles with a " - Remastered"-style
     * suffix), by the named artist when given and the catalog has it by them; -1 if none.
     */
    public int findTrack(String title, String artist) {
        if (title == null) {
            return -1;
        }
        String key = PromptText.key(title);
        if (artist != null) {
            for (int a : artists(PromptText.key(artist))) {
                int t = track(key, a);
                if (t >= 0) {
                    return t;
                }
            }
        }
        return track(key, -1);
    }

    /** Catalog genres whose folded name contains {@code key} as whole words ("metal" → metal, black-metal, heavy-metal). */
    public List<Integer> genresContaining(String key) {
        List<Integer> out = new ArrayList<>();
        String padded = " " + key + " ";
        for (int g = 0; g < genreKeys.length; g++) {
            if (genreKeys[g].contains(padded)) {
                out.add(g);
            }
        }
        return out;
    }

    public double averageDurationMs() {
        return averageDurationMs;
    }
}
