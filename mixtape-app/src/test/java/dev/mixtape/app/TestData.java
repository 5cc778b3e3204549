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

    /**
     * A config for an evaluation on the full catalog in a fresh home: embedded H2, no retraining in the background, no
     * rate limit to speak of (the evaluations post many events).
     */
    public static dev.mixtape.app.config.MixtapeConfig evaluationConfig(Path home) {
        Path data = dataDir();
        dev.mixtape.app.config.ListenerConfig l = dev.mixtape.app.config.ListenerConfig.DEFAULT;
        dev.mixtape.app.config.ListenerConfig listeners = new dev.mixtape.app.config.ListenerConfig(null, 1_000_000, l.weights(),
                l.hybridWeights(), l.rewards(), l.cacheMemoryMb(), new dev.mixtape.app.config.TrainingConfig(0, 0, false), l.autoLearn(), l.autoExplore(),
                l.spotifyTopRefreshHours());
        return new dev.mixtape.app.config.MixtapeConfig(0, home, data, data.resolve("spotify-tracks-114k/dataset.csv.gz"),
                "jdbc:h2:file:" + home.resolve("db/mixtape"), "", "", java.util.List.of(), 3, 1000, null, listeners);
    }

    /** An app on {@link #evaluationConfig} in a fresh temporary home, its catalog imported and its models loaded. */
    public static MixtapeApp startForEvaluation(String homePrefix) throws Exception {
        MixtapeApp app = MixtapeApp.start(evaluationConfig(Files.createTempDirectory(homePrefix)));
        try {
            app.loadCatalog((phase, done, total) -> {});
            app.modelsLoaded().join();
            return app;
        } catch (Exception | Error e) {
            app.close();
            throw e;
        }
    }
}
