package dev.mixtape.app;

import dev.mixtape.core.DataDir;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the shared datasets for tests that need the full catalog: {@code MIXTAPE_DATA_DIR}, else
 * {@code ../shared/data} beside the checkout ({@link DataDir}). Without them such a test is skipped with a message,
 * unless {@code -Dmixtape.requireData=true} or {@code CI=true} (as in {@code .ci/run}) makes their absence a failure.
 */
public final class TestData {
    private TestData() {}

    public static Path dataDir() {
        Path dir = DataDir.resolve();
        Path file = dir.resolve("spotify-tracks-114k").resolve("dataset.csv.gz");
        if (!Files.isRegularFile(file)) {
            String msg = "the full dataset is not at " + file + "; set MIXTAPE_DATA_DIR";
            if (Boolean.getBoolean("mixtape.requireData") || "true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(msg);
            }
            Assumptions.assumeTrue(false, msg);
        }
        return dir;
    }
}
