package dev.mixtape.app.lastfm;

import dev.mixtape.core.Catalog;
import dev.mixtape.core.io.AtomicFiles;
import dev.mixtape.eval.data.InteractionData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The imported listening the listening model learns from, beside the artist model: gzipped UTF-8 lines
 * {@code user \t catalog_artist_id}, one per Last.fm user and matched artist with plays (every matched artist, not only
 * those with enough listeners for the related-artists model), header {@code user\tartist_id}. Written to a temporary
 * file and moved into place. Stateless.
 */
public final class ImportedListening {
    static final String HEADER = "user\tartist_id";

    private ImportedListening() {}

    static void write(Path file, InteractionData rows, int[] artistOf, Catalog catalog) throws IOException {
        Map<Integer, TreeSet<Integer>> byUser = new LinkedHashMap<>();
        for (int k = 0; k < rows.size(); k++) {
            int a = artistOf[rows.item()[k]];
            if (a >= 0 && rows.weight()[k] > 0) {
                byUser.computeIfAbsent(rows.user()[k], u -> new TreeSet<>()).add(a);
            }
        }
        AtomicFiles.write(file, out -> {
            try (Writer w = new OutputStreamWriter(new GZIPOutputStream(out), StandardCharsets.UTF_8)) {
                w.write(HEADER + "\n");
                for (Map.Entry<Integer, TreeSet<Integer>> e : byUser.entrySet()) {
                    String user = rows.users().id(e.getKey());
                    for (int a : e.getValue()) {
                        w.write(user + "\t" + catalog.artistId(a) + "\n");
                    }
                }
            }
        });
    }

    /**
     * Each imported user's catalog artists (indices in {@code catalog}; ids it lacks are skipped), in file order; empty
     * when there is no file.
     *
     * @throws IOException naming the file when it is damaged
     */
    public static Optional<List<int[]>> read(Path file, Catalog catalog) throws IOException {
        List<int[]> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            String line = r.readLine();
            if (!HEADER.equals(line)) {
                throw new IOException(file + ": expected the header '" + HEADER + "'");
            }
            String current = null;
            List<Integer> artists = new ArrayList<>();
            int n = 1;
            while ((line = r.readLine()) != null) {
                n++;
                int tab = line.indexOf('\t');
                if (tab <= 0 || tab == line.length() - 1) {
                    throw new IOException(file + ": line " + n + " is malformed");
                }
                String user = line.substring(0, tab);
                if (current != null && !current.equals(user)) {
                    out.add(artists.stream().mapToInt(Integer::intValue).toArray());
                    artists.clear();
                }
                current = user;
                int a = catalog.artistIndexOf(line.substring(tab + 1));
                if (a >= 0) {
                    artists.add(a);
                }
            }
            if (current != null) {
                out.add(artists.stream().mapToInt(Integer::intValue).toArray());
            }
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new IOException(file + " is damaged: " + e.getMessage(), e);
        }
        return Optional.of(out);
    }
}
