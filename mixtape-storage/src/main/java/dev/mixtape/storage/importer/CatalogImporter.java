package dev.mixtape.storage.importer;

import dev.mixtape.storage.jdbc.JdbcCatalogStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

/** Imports a Spotify Tracks Dataset file into a {@link JdbcCatalogStore} and reports what happened. */
public final class CatalogImporter {
    private final JdbcCatalogStore store;

    public CatalogImporter(JdbcCatalogStore store) {
        this.store = store;
    }

    /**
     * The outcome of one import.
     *
     * @param rows        data rows in the file
     * @param tracks      distinct valid tracks in it
     * @param merged      rows that repeated a track (another genre listing), merged into it
     * @param problems    skipped rows with line numbers and reasons
     * @param inserted    tracks new to the store
     * @param updated     tracks whose stored content changed
     * @param unchanged   tracks already stored exactly so
     */
    public record Report(Path file, long rows, int tracks, long merged, List<RowProblem> problems,
                         int inserted, int updated, int unchanged, long millis) {}

    public Report importSpotifyTracks(Path file, ProgressListener progress) throws IOException, SQLException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no such file: " + file);
        }
        long start = System.nanoTime();
        ParsedCatalog parsed = new SpotifyTracksCsvReader().read(file, progress);
        JdbcCatalogStore.UpsertStats stats = store.upsert(parsed.tracks(), progress);
        return new Report(file, parsed.rows(), parsed.tracks().size(), parsed.mergedDuplicates(), parsed.problems(),
                stats.inserted(), stats.updated(), stats.unchanged(), (System.nanoTime() - start) / 1_000_000);
    }
}
