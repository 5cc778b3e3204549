package dev.mixtape.app;

import dev.mixtape.app.config.MixtapeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One real server with the full Spotify Tracks catalog (imported into a fresh embedded H2 home),
 * shared by every integration test class in the JVM so the import is paid once; stopped at JVM exit.
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
            app = started;
        }
        return app;
    }
}
