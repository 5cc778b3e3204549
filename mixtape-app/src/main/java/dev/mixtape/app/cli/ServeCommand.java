package dev.mixtape.app.cli;

import dev.mixtape.app.config.MixtapeConfig;
import dev.mixtape.app.server.Engine;
import dev.mixtape.app.server.EngineHolder;
import dev.mixtape.app.server.MixtapeServer;
import dev.mixtape.core.Catalog;
import dev.mixtape.storage.importer.CatalogImporter;
import dev.mixtape.storage.jdbc.Database;
import dev.mixtape.storage.jdbc.JdbcCatalogStore;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Start the HTTP server (Spotify-compatible /v1 API, /health/live, /health/ready).",
            "On first start with an empty store it imports the catalog file from the data directory",
            "(MIXTAPE_DATA_DIR/spotify-tracks-114k/dataset.csv.gz) with a progress bar; later starts load it in seconds."})
final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Option(names = {"-p", "--port"}, paramLabel = "N", description = "HTTP port (MIXTAPE_PORT, default 8080; 0 = any free port).")
    Integer port;

    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        Map<String, String> o = new HashMap<>();
        if (port != null) {
            o.put("port", port.toString());
        }
        MixtapeConfig cfg = options.load(o);
        LOG.atInfo().addKeyValue("config", cfg).log("starting");
        EngineHolder engines = new EngineHolder();
        MixtapeServer server = new MixtapeServer(cfg, engines);
        int bound;
        try {
            bound = server.start(cfg.port());
        } catch (RuntimeException e) {
            throw new java.io.IOException("cannot listen on port " + cfg.port() + ": " + rootMessage(e)
                    + " (choose another with --port or MIXTAPE_PORT)", e);
        }
        LOG.atInfo().addKeyValue("url", "http://localhost:" + bound).log("listening; loading the catalog");
        CountDownLatch stopped = new CountDownLatch(1);
        Database db = Catalogs.open(cfg);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            db.close();
            stopped.countDown();
        }, "mixtape-shutdown"));
        JdbcCatalogStore store = new JdbcCatalogStore(db.dataSource());
        if (store.trackCount() == 0) {
            if (!Files.isRegularFile(cfg.catalogFile())) {
                String msg = "the store has no catalog and " + cfg.catalogFile() + " does not exist; set MIXTAPE_DATA_DIR "
                        + "to the folder holding spotify-tracks-114k/, or run 'mixtape import spotify-tracks FILE'";
                engines.status(msg);
                LOG.error(msg);
                stopped.await();
                return 1;
            }
            engines.status("importing " + cfg.catalogFile());
            CatalogImporter.Report r = Catalogs.importFile(db, cfg.catalogFile());
            Catalogs.print(r, System.out, 5);
        }
        engines.status("loading the catalog");
        long loadStart = System.nanoTime();
        Catalog catalog = store.load();
        engines.set(Engine.of(catalog));
        LOG.atInfo().addKeyValue("tracks", catalog.size()).addKeyValue("artists", catalog.artistCount())
                .addKeyValue("genres", catalog.genreCount())
                .addKeyValue("load_ms", (System.nanoTime() - loadStart) / 1_000_000)
                .addKeyValue("startup_ms", (System.nanoTime() - start) / 1_000_000)
                .addKeyValue("url", "http://localhost:" + bound)
                .log("ready");
        stopped.await();
        return 0;
    }

    private static String rootMessage(Throwable e) {
        while (e.getCause() != null) {
            e = e.getCause();
        }
        return e.getMessage();
    }
}
