package dev.mixtape.eval;

import dev.mixtape.core.DataDir;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the Last.fm HetRec 2k files for integration tests: under {@code MIXTAPE_DATA_DIR}, else
 * {@code ../shared/data} beside the checkout ({@link DataDir}). Without them the test is skipped with a
 * message, unless {@code CI=true} (or {@code -Dmixtape.requireData=true}) makes it a failure.
 */
final class EvalTestData {
    private EvalTestData() {}

    static Path lastFmDir() {
        Path dir = DataDir.resolve().resolve("lastfm-hetrec2011-2k");
        if (!Files.isRegularFile(dir.resolve("user_artists.dat.gz")) && !Files.isRegularFile(dir.resolve("user_artists.dat"))) {
            String msg = "Last.fm HetRec 2k is not at " + dir + " (no user_artists.dat[.gz]); set MIXTAPE_DATA_DIR to the shared data folder";
            if ("true".equals(System.getenv("CI")) || Boolean.getBoolean("mixtape.requireData")) {
                throw new IllegalStateException(msg);
            }
            Assumptions.assumeTrue(false, msg);
        }
        return dir;
    }
}
