package dev.mixtape.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Name search over a {@link Catalog}, ignoring case and accents. Words match whole words of a
 * track's name, its artists' names or its album's name; the last word of each part also matches as
 * a prefix ("daft pun" finds Daft Punk). Every word must match. Results are ordered by exact name
 * match first, then popularity, then catalog order. Thread-safe (immutable after construction).
 */
public final class CatalogSearch {
    private final Catalog catalog;
    private final WordIndex trackWords;
    private final WordIndex artistWords;
    private final WordIndex albumWords;
    private final int[][] albumTracks;
    private final Map<String, Integer> foldedGenres = new HashMap<>();
    private final String[] foldedTrackNames;
    private final String[] foldedArtistNames;

    CatalogSearch(Catalog c) {
        this.catalog = c;
        int n = c.size();
        foldedTrackNames = new String[n];
        for (int t = 0; t < n; t++) {
            foldedTrackNames[t] = TextNormalizer.fold(c.trackNames[t]);
        }
        foldedArtistNames = new String[c.artistIds.length];
        for (int a = 0; a < foldedArtistNames.length; a++) {
            foldedArtistNames[a] = TextNormalizer.fold(c.artistNames[a]);
        }
        trackWords = new WordIndex(foldedTrackNames);
        artistWords = new WordIndex(foldedArtistNames);
        String[] albums = new String[c.albumIds.length];
        for (int a = 0; a < albums.length; a++) {
            albums[a] = TextNormalizer.fold(c.albumNames[a]);
        }
        albumWords = new WordIndex(albums);
        List<List<Integer>> byAlbum = new ArrayList<>();
        for (int a = 0; a < albums.length; a++) {
            byAlbum.add(new ArrayList<>(2));
        }
        for (int t = 0; t < n; t++) {
            byAlbum.get(c.trackAlbum[t]).add(t);
        }
        albumTracks = byAlbum.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
        for (int g = 0; g < c.genreNames.length; g++) {
            foldedGenres.put(TextNormalizer.fold(c.genreNames[g]), g);
        }
    }

    /** The track's name folded by {@link TextNormalizer#fold}. */
    public String foldedTrackName(int track) {
        return foldedTrackNames[track];
    }

    /** A page of results and the total number of matches. */
    public record Page(int[] items, int total) {}

    public Page tracks(SearchQuery q, int offset, int limit) {
        int n = catalog.size();
        Bits result = Bits.all(n);
        List<String> words = q.words();
        for (int k = 0; k < words.size(); k++) {
            boolean prefix = k == words.size() - 1;
            Bits any = trackWords.match(words.get(k), prefix, n, null);
            artistWords.match(words.get(k), prefix, n, catalog.artistTracks).orInto(any);
            albumWords.match(words.get(k), prefix, n, albumTracks).orInto(any);
            result.and(any);
        }
        andAll(result, q.track(), trackWords, null, n);
        andAll(result, q.artist(), artistWords, catalog.artistTracks, n);
        andAll(result, q.album(), albumWords, albumTracks, n);
        if (q.genre() != null) {
            Integer g = foldedGenres.get(q.genre());
            result.and(g == null ? new Bits(n) : Bits.of(n, catalog.genreTracks[g]));
        }
        String exact = String.join(" ", q.words().isEmpty() ? q.track() : q.words());
        float[] pop = catalog.column(Attribute.POPULARITY);
        return page(result.toArray(), offset, limit,
                t -> (foldedTrackNames[t].equals(exact) ? 1000 : 0) + pop[t]);
    }

    public Page artists(SearchQuery q, int offset, int limit) {
        int na = catalog.artistCount();
        Bits result = Bits.all(na);
        List<String> words = new ArrayList<>(q.words());
        words.addAll(q.artist());
        for (int k = 0; k < words.size(); k++) {
            result.and(artistWords.match(words.get(k), k == words.size() - 1, na, null));
        }
        if (!q.track().isEmpty() || !q.album().isEmpty()) {
            result = new Bits(na); // artist results cannot satisfy track:/album: filters
        }
        if (q.genre() != null) {
            Integer g = foldedGenres.get(q.genre());
            result.and(g == null ? new Bits(na) : Bits.of(na, catalog.genreArtists[g]));
        }
        String exact = String.join(" ", words);
        return page(result.toArray(), offset, limit,
                a -> (foldedArtistNames[a].equals(exact) ? 1000 : 0) + catalog.artistPopularity[a]);
    }

    private static void andAll(Bits result, List<String> words, WordIndex index, int[][] expand, int n) {
        for (int k = 0; k < words.size(); k++) {
            result.and(index.match(words.get(k), k == words.size() - 1, n, expand));
        }
    }

    private static Page page(int[] matches, int offset, int limit, java.util.function.IntToDoubleFunction score) {
        Integer[] boxed = Arrays.stream(matches).boxed().toArray(Integer[]::new);
        Arrays.sort(boxed, (x, y) -> {
            int c = Double.compare(score.applyAsDouble(y), score.applyAsDouble(x));
            return c != 0 ? c : Integer.compare(x, y);
        });
        int from = Math.min(offset, boxed.length);
        int to = Math.min(boxed.length, from + limit);
        int[] items = new int[to - from];
        for (int i = from; i < to; i++) {
            items[i - from] = boxed[i];
        }
        return new Page(items, matches.length);
    }
}
