package dev.mixtape.core;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed Spotify-style search string: free words plus field filters {@code artist:},
 * {@code track:}, {@code album:} and {@code genre:} (a value may be quoted:
 * {@code artist:"daft punk"}). Every part is folded with {@link TextNormalizer}. Other
 * {@code field:value} filters Spotify knows ({@code year:}, {@code tag:}, ...) are kept in
 * {@link #ignored()} so a response can say they were not applied.
 */
public record SearchQuery(List<String> words, List<String> artist, List<String> track, List<String> album,
                          String genre, List<String> ignored) {

    public static SearchQuery parse(String q) {
        if (q == null || q.isBlank()) {
            throw new InvalidRequestException("q must not be empty");
        }
        List<String> words = new ArrayList<>();
        List<String> artist = new ArrayList<>();
        List<String> track = new ArrayList<>();
        List<String> album = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        String genre = null;
        int i = 0;
        int n = q.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(q.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int start = i;
            String field = null;
            while (i < n && !Character.isWhitespace(q.charAt(i)) && q.charAt(i) != ':' && q.charAt(i) != '"') {
                i++;
            }
            if (i < n && q.charAt(i) == ':') {
                field = q.substring(start, i).toLowerCase(java.util.Locale.ROOT);
                i++;
                start = i;
            }
            String value;
            if (i < n && q.charAt(i) == '"') {
                int end = q.indexOf('"', i + 1);
                end = end < 0 ? n : end;
                value = q.substring(i + 1, end);
                i = Math.min(n, end + 1);
            } else {
                i = start;
                while (i < n && !Character.isWhitespace(q.charAt(i))) {
                    i++;
                }
                value = q.substring(start, i);
            }
            List<String> toks = TextNormalizer.tokens(value);
            if (field == null) {
                words.addAll(toks);
            } else {
                switch (field) {
                    case "artist" -> artist.addAll(toks);
                    case "track" -> track.addAll(toks);
                    case "album" -> album.addAll(toks);
                    case "genre" -> {
                        String g = TextNormalizer.fold(value);
                        genre = g.isEmpty() ? genre : g; // an empty genre: filter names no genre
                    }
                    default -> ignored.add(field + ":" + value);
                }
            }
        }
        if (words.isEmpty() && artist.isEmpty() && track.isEmpty() && album.isEmpty() && genre == null) {
            throw new InvalidRequestException("q has nothing to search for: '" + q + "'");
        }
        return new SearchQuery(List.copyOf(words), List.copyOf(artist), List.copyOf(track), List.copyOf(album),
                genre, List.copyOf(ignored));
    }
}
