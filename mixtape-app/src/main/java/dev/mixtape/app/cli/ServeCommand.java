package dev.mixtape.app.cli;

import dev.mixtape.app.MixtapeApp;
import dev.mixtape.app.config.MixtapeConfig;
import dev.mixtape.core.MixtapeException;
import dev.mixtape.storage.importer.CatalogImporter;
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
        MixtapeApp app = MixtapeApp.start(cfg);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "mixtape-shutdown"));
        String url = "http://localhost:" + app.port();
        LOG.atInfo().addKeyValue("url", url).log("listening; loading the catalog");
        CatalogImporter.Report report;
        try (Progress progress = new Progress("import")) {
            report = app.loadCatalog(progress);
        } catch (MixtapeException e) {
            // The server keeps answering /health/ready with the reason, so an operator can see it.
            LOG.error(e.getMessage());
            stopped.await();
            return 1;
        }
        // after the bars are closed: an open bar redraws itself (moving the cursor up over the lines below it)
        if (report != null) {
            Catalogs.print(report, System.out, 5);
        }
        LOG.atInfo().addKeyValue("url", url).addKeyValue("startup_ms", (System.nanoTime() - start) / 1_000_000)
                .log("ready");
        stopped.await();
        return 0;
    }
}
