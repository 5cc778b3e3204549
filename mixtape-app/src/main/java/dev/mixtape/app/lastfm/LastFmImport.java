package dev.mixtape.app.lastfm;

import dev.mixtape.algo.learn.ArtistTags;

import dev.mixtape.algo.cf.ArtistModelFiles;
import dev.mixtape.algo.cf.ArtistNeighbours;
import dev.mixtape.algo.cf.ItemKnnConfig;
import dev.mixtape.algo.cf.ItemKnnModel;
import dev.mixtape.algo.cf.ItemKnnTrainer;
import dev.mixtape.algo.match.ArtistMatches;
import dev.mixtape.algo.match.ArtistNameMatcher;
import dev.mixtape.core.Catalog;
import dev.mixtape.eval.data.InteractionData;
import dev.mixtape.eval.data.LastFmDataset;
import dev.mixtape.eval.data.LastFmReader;
import dev.mixtape.eval.data.TextFiles;
import dev.mixtape.eval.data.UnusableFileException;
import dev.mixtape.storage.importer.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code mixtape import lastfm DIR}: reads Last.fm HetRec 2k, matches its artists to catalog artists by
 * name ({@link ArtistNameMatcher}), trains item-kNN on users × matched catalog artists and saves it with
 * its artist mapping as {@value #MODEL_NAME} under the models folder ({@link ArtistModelFiles}), together
 * with the match report files {@value #MODEL_NAME}{@code .matches.tsv} and {@code .unmatched.tsv}.
 *
 * <p>Why item-kNN: the served product is "artists whose listeners also play this artist", and item-kNN's
 * model <em>is</em> that table (cosine over shared listeners, shrunk when few are shared), so each
 * neighbour is explained by co-listening alone; it trains in a fraction of a second and keeps ~100
 * neighbours per artist. iALS ranks users' held-out artists a little better on Last.fm 2k (ndcg@20 0.292
 * against 0.257, docs/EVALUATION.md) but its item-item similarities are dot products of latent factors with
 * no such reading, and EASE needs n² memory. Stateless; one run per call.
 */
public final class LastFmImport {
    public static final String MODEL_NAME = "lastfm-artists";
    /** Every Last.fm user's matched catalog artists, for the listening model ({@link ImportedListening}). */
    public static final String LISTENING_FILE = MODEL_NAME + ".listening.tsv.gz";
    /** The tags Last.fm listeners gave each matched catalog artist, for the artist embeddings ({@link ArtistTags}). */
    public static final String TAGS_FILE = MODEL_NAME + ".tags.tsv.gz";
    static final int STEPS = 4;

    /**
     * @param neighbours   neighbours item-kNN keeps per artist (default 100, EVALUATION.md's default; 400,
     *                     the tuned value, scores users 0.002 ndcg@20 better at four times the memory)
     * @param shrink       item-kNN shrinkage (default 10, as tuned)
     * @param minListeners an artist with fewer Last.fm listeners is left out of the model (its neighbours
     *                     would rest on one or two people's taste), so it keeps the content-based answer
     */
    public record Options(int neighbours, double shrink, int minListeners) {
        public Options {
            if (neighbours < 1 || minListeners < 1) {
                throw new IllegalArgumentException("neighbours and min-listeners must be at least 1, got "
                        + neighbours + " and " + minListeners);
            }
        }

        public static Options defaults() {
            return new Options(100, 10, 5);
        }

        ItemKnnConfig config() {
            return ItemKnnConfig.defaults().withNeighbours(neighbours).withShrink(shrink);
        }
    }

    /**
     * What one import did.
     *
     * @param matches       the name matching of every Last.fm artist
     * @param sharedKeys    catalog name keys several catalog artists share ({@link ArtistNameMatcher#sharedKeys})
     * @param listeners     Last.fm listeners per Last.fm artist (by the matches' index)
     * @param users         Last.fm users, and those with at least one matched artist
     * @param modelArtists  catalog artists in the model (matched, with enough listeners)
     * @param covered       catalog artists the served table gives at least one neighbour
     * @param files         model, mapping, manifest, matches and unmatched files written
     */
    public record Report(Path dir, String[] lastFmIds, ArtistMatches matches, int sharedKeys, int[] listeners, int users,
                         int usersCovered, int modelArtists, int interactions, int covered, List<Path> files,
                         Path unmatchedFile, long readMs, long matchMs, long trainMs, long saveMs, long problems) {
        public long totalMs() {
            return readMs + matchMs + trainMs + saveMs;
        }
    }

    private final Options options;

    public LastFmImport(Options options) {
        this.options = options;
    }

    /** Runs the import of {@code dir} against {@code catalog}, writing into {@code modelsDir}. */
    public Report run(Path dir, Catalog catalog, Path modelsDir, ProgressListener progress) throws IOException {
        requireFiles(dir);
        if (catalog.artistCount() == 0) {
            throw new IOException("the catalog is empty: run 'mixtape import spotify-tracks FILE' first");
        }
        long t0 = System.nanoTime();
        progress.progress("read, match, train, save", 0, STEPS);
        return run(dir, new LastFmReader().read(dir), t0, catalog, modelsDir, progress);
    }

    /**
     * Runs the import of an already read (and perhaps filtered: the replay evaluation leaves its test listeners out)
     * dataset; {@code dir} is recorded as its source.
     */
    public Report run(Path dir, LastFmDataset data, Catalog catalog, Path modelsDir, ProgressListener progress) throws IOException {
        return run(dir, data, System.nanoTime(), catalog, modelsDir, progress);
    }

    private Report run(Path dir, LastFmDataset data, long t0, Catalog catalog, Path modelsDir, ProgressListener progress) throws IOException {
        InteractionData rows = data.interactions();
        int artists = rows.items().size();
        double[] plays = new double[artists];
        int[] listeners = new int[artists];
        for (int k = 0; k < rows.size(); k++) {
            plays[rows.item()[k]] += rows.weight()[k];
            listeners[rows.item()[k]] += rows.weight()[k] > 0 ? 1 : 0;
        }
        long t1 = System.nanoTime();
        progress.progress("read, match, train, save", 1, STEPS);

        ArtistNameMatcher matcher = new ArtistNameMatcher(catalog);
        ArtistMatches matches = ArtistMatches.of(matcher, data.artistNames(), plays);
        long t2 = System.nanoTime();
        progress.progress("read, match, train, save", 2, STEPS);

        ArtistTraining t = ArtistTraining.build(rows, matches.artists(), options.minListeners(), catalog);
        ItemKnnModel model = new ItemKnnTrainer(options.config()).train(t.matrix());
        int covered = ArtistNeighbours.fromItemKnn(catalog, "lastfm", model, t.itemArtist()).coveredArtists();
        long t3 = System.nanoTime();
        progress.progress("read, match, train, save", 3, STEPS);

        Map<String, String> info = new LinkedHashMap<>();
        info.put("dataset", LastFmReader.NAME);
        info.put("source", dir.toAbsolutePath().normalize().toString());
        info.put("created", Instant.now().toString());
        info.put("model", "itemknn");
        info.put("config", options.config().toString());
        info.put("min_listeners", Integer.toString(options.minListeners()));
        info.put("users", Integer.toString(t.matrix().users()));
        info.put("interactions", Integer.toString(t.matrix().nnz()));
        info.put("lastfm_artists", Integer.toString(artists));
        info.put("matched_artists", Integer.toString(matches.matched()));
        List<Path> files = new java.util.ArrayList<>(ArtistModelFiles.save(modelsDir, MODEL_NAME, model, catalog,
                t.itemArtist(), info));
        String[] ids = rows.items().ids().toArray(new String[0]);
        Path matchesFile = modelsDir.resolve(MODEL_NAME + ".matches.tsv");
        Path unmatchedFile = modelsDir.resolve(MODEL_NAME + ".unmatched.tsv");
        MatchFiles.writeMatches(matchesFile, ids, matches, listeners, catalog);
        MatchFiles.writeUnmatched(unmatchedFile, ids, matches, listeners);
        files.add(matchesFile);
        files.add(unmatchedFile);
        Path listening = modelsDir.resolve(LISTENING_FILE);
        ImportedListening.write(listening, rows, matches.artists(), catalog);
        files.add(listening);
        Path tagsFile = modelsDir.resolve(TAGS_FILE);
        tags(data, matches.artists(), catalog).write(tagsFile, catalog);
        files.add(tagsFile);
        long t4 = System.nanoTime();
        progress.progress("read, match, train, save", STEPS, STEPS);
        return new Report(dir, ids, matches, matcher.sharedKeys(), listeners, rows.users().size(), t.usersCovered(),
                t.itemArtist().length, t.matrix().nnz(), covered, List.copyOf(files), unmatchedFile, ms(t1 - t0),
                ms(t2 - t1), ms(t3 - t2), ms(t4 - t3), data.problems().total());
    }

    /** The Last.fm tags of every matched catalog artist (the union over Last.fm artists matched to it). */
    static ArtistTags tags(LastFmDataset data, int[] artistOf, Catalog catalog) {
        String[] names = new String[data.tagNames().length];
        for (int t = 0; t < names.length; t++) {
            names[t] = data.tagNames()[t] == null ? "tag " + data.tagIds().id(t) : data.tagNames()[t];
        }
        java.util.List<java.util.List<Integer>> byArtist = new java.util.ArrayList<>();
        for (int a = 0; a < catalog.artistCount(); a++) {
            byArtist.add(null);
        }
        for (int i = 0; i < artistOf.length; i++) {
            if (artistOf[i] < 0) {
                continue;
            }
            int[] t = data.tags().tags(i);
            if (t.length > 0) {
                if (byArtist.get(artistOf[i]) == null) {
                    byArtist.set(artistOf[i], new java.util.ArrayList<>());
                }
                for (int x : t) {
                    byArtist.get(artistOf[i]).add(x);
                }
            }
        }
        int[][] rows = new int[catalog.artistCount()][];
        for (int a = 0; a < rows.length; a++) {
            rows[a] = byArtist.get(a) == null ? null : byArtist.get(a).stream().mapToInt(Integer::intValue).toArray();
        }
        return new ArtistTags(rows, names);
    }

    /** Fails with a message naming the folder or file when {@code dir} cannot be a Last.fm 2k folder. */
    public static void requireFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new UnusableFileException(dir + " is not a folder (expected the Last.fm HetRec 2k folder, "
                    + "holding user_artists.dat and artists.dat, plain or .gz)");
        }
        for (String name : new String[] {"user_artists.dat", "artists.dat"}) {
            if (TextFiles.find(dir, name) == null) {
                throw new UnusableFileException("no " + name + " (or " + name + ".gz) in " + dir);
            }
        }
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
