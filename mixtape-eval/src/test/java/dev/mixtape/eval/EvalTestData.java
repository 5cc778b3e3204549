package dev.mixtape.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the Last.fm HetRec 2k files for integration tests: under {@code MIXTAPE_DATA_DIR}, else
 * {@code ../../shared/data} from the module folder. Without them the test is skipped with a
 * message, unless {@code CI=true} (or {@code -Dmixtape.requireData=true}) makes it a failure.
 */
final class EvalTestData {
    private EvalTestData() {}

    static Path lastFmDir() {
        String env = System.getenv("MIXTAPE_DATA_DIR");
        Path base = env != null && !env.isBlank() ? Path.of(env) : Path.of("..", "..", "shared", "data");
        Path dir = base.toAbsolutePath().normalize().resolve("lastfm-hetrec2011-2k");
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
