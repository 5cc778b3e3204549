package dev.mixtape.algo.learn;

import dev.mixtape.core.Catalog;
import dev.mixtape.core.io.AtomicFiles;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The tags listeners gave catalog artists (Last.fm's {@code user_taggedartists}, mapped to the catalog by the import's
 * name matching): per catalog artist a sorted set of tag indices into {@link #names()}. Immutable and thread-safe.
 *
 * <p>On disk ({@link #write}, {@link #read}): gzip'd UTF-8 lines {@code <catalog artist id>\t<tag>|<tag>|...}, tags
 * lower-cased with {@code |} and tabs replaced by spaces, so the file can be read without the Last.fm folder.
 */
public final class ArtistTags {
    private static final int[] NONE = new int[0];
    private final int[][] byArtist;
    private final String[] names;

    /** @param byArtist per catalog artist its tag indices (null: none), any order, repeats allowed */
    public ArtistTags(int[][] byArtist, String[] names) {
        this.byArtist = new int[byArtist.length][];
        for (int a = 0; a < byArtist.length; a++) {
            int[] t = byArtist[a] == null ? NONE : Arrays.stream(byArtist[a]).sorted().distinct().toArray();
            for (int x : t) {
                if (x < 0 || x >= names.length) {
                    throw new IllegalArgumentException("artist " + a + ": tag index " + x + " outside the " + names.length + " names");
                }
            }
            this.byArtist[a] = t;
        }
        this.names = names.clone();
    }

    /** Catalog artists covered (the artist index range). */
    public int artists() {
        return byArtist.length;
    }

    /** The artist's sorted tag indices; empty when it has none. Shared: do not modify. */
    public int[] of(int artist) {
        return artist >= 0 && artist < byArtist.length ? byArtist[artist] : NONE;
    }

    public String name(int tag) {
        return names[tag];
    }

    /** Number of distinct tags. */
    public int tags() {
        return names.length;
    }

    /** Artists with at least one tag. */
    public int taggedArtists() {
        int n = 0;
        for (int[] t : byArtist) {
            n += t.length > 0 ? 1 : 0;
        }
        return n;
    }

    /** Writes the tags of every tagged artist, in artist-id order. */
    public void write(Path file, Catalog catalog) throws IOException {
        if (catalog.artistCount() != byArtist.length) {
            throw new IllegalArgumentException("tags for " + byArtist.length + " artists, the catalog has " + catalog.artistCount());
        }
        Integer[] order = new Integer[byArtist.length];
        for (int a = 0; a < order.length; a++) {
            order[a] = a;
        }
        Arrays.sort(order, (x, y) -> catalog.artistId(x).compareTo(catalog.artistId(y)));
        AtomicFiles.write(file, out -> {
            try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(out), StandardCharsets.UTF_8))) {
                for (int a : order) {
                    if (byArtist[a].length == 0) {
                        continue;
                    }
                    w.write(catalog.artistId(a));
                    w.write('\t');
                    for (int k = 0; k < byArtist[a].length; k++) {
                        if (k > 0) {
                            w.write('|');
                        }
                        w.write(clean(names[byArtist[a][k]]));
                    }
                    w.write('\n');
                }
            }
        });
    }

    /**
     * Reads a file {@link #write} wrote for {@code catalog}; artists the catalog lacks are skipped (counted in the
     * answer's {@code skipped}).
     *
     * @throws IOException naming the file and line when a line is malformed
     */
    public static Read read(Path file, Catalog catalog) throws IOException {
        int[][] byArtist = new int[catalog.artistCount()][];
        Map<String, Integer> index = new HashMap<>();
        List<String> names = new ArrayList<>();
        int skipped = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8))) {
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                int tab = line.indexOf('\t');
                if (tab <= 0 || tab == line.length() - 1) {
                    throw new IOException(file + " line " + no + ": expected '<artist id>\\t<tag>|<tag>...'");
                }
                int a = catalog.artistIndexOf(line.substring(0, tab));
                if (a < 0) {
                    skipped++;
                    continue;
                }
                TreeSet<Integer> tags = new TreeSet<>();
                for (String t : line.substring(tab + 1).split("\\|")) {
                    if (!t.isBlank()) {
                        tags.add(index.computeIfAbsent(t, x -> {
                            names.add(x);
                            return names.size() - 1;
                        }));
                    }
                }
                byArtist[a] = tags.stream().mapToInt(Integer::intValue).toArray();
            }
        }
        return new Read(new ArtistTags(byArtist, names.toArray(new String[0])), skipped);
    }

    /** @param skipped lines naming an artist the catalog does not have */
    public record Read(ArtistTags tags, int skipped) {}

    static String clean(String tag) {
        return tag.toLowerCase(java.util.Locale.ROOT).replace('|', ' ').replace('\t', ' ').replace('\n', ' ').strip();
    }
}
