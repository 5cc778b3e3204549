package dev.mixtape.app;

import dev.mixtape.app.config.MixtapeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One real server with the full Spotify Tracks catalog (imported into a fresh embedded H2 home),
 * shared by every integration test class in the JVM so the import is paid once; stopped at JVM exit. It is handed
 * out once the Last.fm import and the first listening-model training are done (as after a server's first start).
 */
public final class FullCatalogServer {
    private static MixtapeApp app;

    private FullCatalogServer() {}

    public static synchronized MixtapeApp get() throws Exception {
        if (app == null) {
            Path data = TestData.dataDir();
            Path home = Files.createTempDirectory("mixtape-it");
            MixtapeConfig cfg = new MixtapeConfig(0, home, data, data.resolve("spotify-tracks-114k/dataset.csv.gz"),
                    "jdbc:h2:file:" + home.resolve("db/mixtape"), "", "", List.of(), 3, 1000, null, null);
            MixtapeApp started = MixtapeApp.start(cfg);
            started.loadCatalog((phase, done, total) -> {});
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
            // the first start imports Last.fm and trains a listening model in the background: wait for both, so that
            // every test sees the server as it serves from then on, whichever test runs first
            started.modelsLoaded().join();
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(2);
            while (started.training().jobs().stream().anyMatch(j -> !j.done())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the first listening-model training did not finish in 2 minutes");
                }
                Thread.sleep(50);
            }
            app = started;
        }
        return app;
    }
}
