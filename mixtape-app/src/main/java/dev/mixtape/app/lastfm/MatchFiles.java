package dev.mixtape.app.lastfm;

import dev.mixtape.algo.match.ArtistMatches;
import dev.mixtape.algo.match.ArtistNameMatcher;
import dev.mixtape.core.Catalog;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;

/**
 * The match report as files (UTF-8 TSV, header row, most plays first): every matched Last.fm artist
 * with the rule and the catalog artist it matched (ambiguous matches list the other candidates), and
 * every unmatched one. Stateless.
 */
final class MatchFiles {
    private MatchFiles() {}

    static void writeMatches(Path file, String[] ids, ArtistMatches m, int[] listeners, Catalog catalog) throws IOException {
        Files.createDirectories(file.getParent());
        int[] order = IntStream.range(0, m.size()).filter(i -> m.match(i).matched()).boxed()
                .sorted((a, b) -> m.plays(a) != m.plays(b) ? Double.compare(m.plays(b), m.plays(a)) : Integer.compare(a, b))
                .mapToInt(Integer::intValue).toArray();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("lastfm_id\tlastfm_name\tlisteners\tplays\trule\tartist_id\tartist_name\tother_candidates\n");
            for (int i : order) {
                ArtistNameMatcher.Match match = m.match(i);
                StringBuilder others = new StringBuilder();
                for (int c = 1; c < match.candidates().length; c++) {
                    others.append(c > 1 ? " | " : "").append(clean(catalog.artistName(match.candidates()[c])))
                            .append(" (").append(catalog.artistId(match.candidates()[c])).append(')');
                }
                out.write(ids[i] + "\t" + clean(m.name(i)) + "\t" + listeners[i] + "\t" + plays(m.plays(i)) + "\t"
                        + match.rule().name().toLowerCase(java.util.Locale.ROOT) + "\t" + catalog.artistId(match.artist())
                        + "\t" + clean(catalog.artistName(match.artist())) + "\t" + others + "\n");
            }
        }
    }

    static void writeUnmatched(Path file, String[] ids, ArtistMatches m, int[] listeners) throws IOException {
        Files.createDirectories(file.getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("rank\tlastfm_id\tlastfm_name\tlisteners\tplays\n");
            int rank = 0;
            for (int i : m.unmatchedByPlays()) {
                out.write(++rank + "\t" + ids[i] + "\t" + clean(m.name(i)) + "\t" + listeners[i] + "\t" + plays(m.plays(i)) + "\n");
            }
        }
    }

    static String plays(double p) {
        return p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p);
    }

    private static String clean(String s) {
        return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
