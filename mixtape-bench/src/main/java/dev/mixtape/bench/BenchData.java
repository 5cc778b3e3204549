package dev.mixtape.bench;

import dev.mixtape.core.Catalog;
import dev.mixtape.core.CatalogBuilder;
import dev.mixtape.core.DataDir;
import dev.mixtape.storage.importer.ParsedCatalog;
import dev.mixtape.storage.importer.ProgressListener;
import dev.mixtape.storage.importer.SpotifyTracksCsvReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds and loads the catalog file the benchmarks run on. */
final class BenchData {
    /** System property naming the catalog file; wins over {@code MIXTAPE_DATA_DIR}. */
    static final String CATALOG_PROPERTY = "mixtape.bench.catalog";
    static final String RELATIVE = "spotify-tracks-114k/dataset.csv.gz";

    private BenchData() {}

    /**
     * The catalog file: {@code explicit} if given, else the {@value #CATALOG_PROPERTY} system property,
     * else {@code spotify-tracks-114k/dataset.csv.gz} in the data directory ({@link DataDir}: {@code MIXTAPE_DATA_DIR},
     * else {@code ../shared/data} beside the checkout).
     *
     * @throws IOException naming what was tried when there is no such file
     */
    static Path catalogFile(Path explicit) throws IOException {
        Path file = explicit;
        if (file == null && System.getProperty(CATALOG_PROPERTY) != null) {
            file = Path.of(System.getProperty(CATALOG_PROPERTY));
        }
        if (file == null) {
            file = DataDir.resolve().resolve(RELATIVE);
            if (!Files.isRegularFile(file)) {
                throw new IOException("no catalog file at " + file + ": pass --catalog FILE, or set MIXTAPE_DATA_DIR to the"
                        + " folder holding " + RELATIVE + " (default: ../shared/data beside the checkout)");
            }
        }
        if (!Files.isRegularFile(file)) {
            throw new IOException("catalog file not found: " + file.toAbsolutePath());
        }
        return file;
    }

    /** Reads the file and builds the in-memory catalog in the order the server loads it (the same for every run). */
    static Catalog loadCatalog(Path file) throws IOException {
        ParsedCatalog parsed = new SpotifyTracksCsvReader().read(file, ProgressListener.NONE);
        java.util.List<dev.mixtape.core.Track> tracks = new java.util.ArrayList<>(parsed.tracks());
        tracks.sort(dev.mixtape.storage.jdbc.JdbcCatalogStore.LOAD_ORDER);
        return new CatalogBuilder().addAll(tracks).build();
    }

    /** A strategy engine over {@code catalog} with the default hybrid weights and no collaborative model, as the benchmarks use it. */
    static dev.mixtape.algo.strategy.StrategyEngine strategyEngine(Catalog catalog) {
        return new dev.mixtape.algo.strategy.StrategyEngine(new dev.mixtape.algo.strategy.StrategyModels(
                new dev.mixtape.algo.content.FeatureSpace(catalog), null, "bench"), dev.mixtape.algo.strategy.HybridStrategy.DEFAULT_WEIGHTS);
    }

    /** Deletes {@code dir} and everything below it (a benchmark's temporary home); nothing when it does not exist. */
    static void deleteTree(Path dir) throws IOException {
        if (dir == null || !java.nio.file.Files.exists(dir)) {
            return;
        }
        try (var files = java.nio.file.Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    /**
     * Imports Last.fm 2k into a temporary folder and serves from {@code engine} what a first start with it in the data
     * folder serves: the artist neighbours, the artists' tags, a listening model trained on the imported listeners and
     * the artist embeddings fitted on it; returns their status lines.
     */
    static String loadArtistModel(dev.mixtape.app.server.Engine engine) throws java.io.IOException {
        Path models = java.nio.file.Files.createTempDirectory("mixtape-bench-models");
        try {
            new dev.mixtape.app.lastfm.LastFmImport(dev.mixtape.app.lastfm.LastFmImport.Options.defaults())
                    .run(lastFmDir(), engine.catalog(), models, (phase, done, total) -> {});
            dev.mixtape.app.lastfm.ArtistModelLoader.Result r = dev.mixtape.app.lastfm.ArtistModelLoader.serve(engine.cf(), models, w -> {
                throw new IllegalStateException(w);
            });
            if (r.neighbours() == null) {
                throw new IllegalStateException("the Last.fm artist model did not load: " + r.status());
            }
            // and the listening model a first start trains on the imported listeners, with the artist embeddings fitted on it
            dev.mixtape.algo.learn.ListeningMatrix.Builder b = new dev.mixtape.algo.learn.ListeningMatrix.Builder(engine.catalog().artistCount());
            for (int[] row : dev.mixtape.app.lastfm.ImportedListening.read(models.resolve(dev.mixtape.app.lastfm.LastFmImport.LISTENING_FILE),
                    engine.catalog()).orElseThrow()) {
                if (row.length > 0) {
                    b.addImported(dev.mixtape.algo.learn.ListenerArtists.plain(row));
                }
            }
            dev.mixtape.algo.learn.ListeningModel m = new dev.mixtape.algo.learn.ListeningTrainer(
                    dev.mixtape.algo.learn.ListeningConfig.defaults().withValidationUsers(0))
                    .train(engine.catalog(), b.build(), "listening-bench", java.util.Map.of(), dev.mixtape.algo.learn.ListeningTrainer.Progress.NONE)
                    .model();
            engine.cf().listening(m, "bench");
            return r.status() + "; " + m + "; " + engine.cf().embeddingsStatus();
        } finally {
            deleteTree(models);
        }
    }

    /** The Last.fm 2k folder of the data directory ({@link dev.mixtape.core.DataDir}); a clear error when it is not there. */
    static Path lastFmDir() {
        Path dir = dev.mixtape.core.DataDir.resolve().resolve("lastfm-hetrec2011-2k");
        if (!java.nio.file.Files.isDirectory(dir)) {
            throw new IllegalStateException("no " + dir + "; set MIXTAPE_DATA_DIR to the folder holding lastfm-hetrec2011-2k/");
        }
        return dir;
    }
}
