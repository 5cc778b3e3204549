package dev.mixtape.app.cli;

import dev.mixtape.app.config.MixtapeConfig;
import dev.mixtape.core.MixtapeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The configuration of an evaluation that runs the product in process on a fresh embedded store under OUT/home. */
final class EvalHome {
    private EvalHome() {}

    /** The home the server uses with these options (where the latest evaluation is kept for the Models page). */
    static Path serverHome(ConfigOptions options) {
        return options.load(Map.of()).home();
    }

    /**
     * Keeps {@code result} as the server's latest {@code kind} evaluation under {@code serverHome/evaluations/}, for
     * {@code GET /api/v1/models/evaluations} and the web UI's Models page (docs/UI.md); says where.
     */
    static void keep(Path serverHome, String kind, Map<String, Object> result) throws IOException {
        Path file = dev.mixtape.app.learn.EvaluationResults.save(serverHome, kind, result, java.time.Instant.now());
        System.out.println("Kept as the latest " + kind + " evaluation for the web UI's Models page: " + file);
    }

    /** @throws MixtapeException when OUT/home holds an earlier run's store */
    static MixtapeConfig config(ConfigOptions options, Path out) throws IOException {
        Path home = out.resolve("home").toAbsolutePath();
        if (Files.exists(home.resolve("db"))) {
            throw new MixtapeException(home + " holds an earlier run's store: remove it or choose another --out");
        }
        Files.createDirectories(home);
        Map<String, String> more = new LinkedHashMap<>();
        more.put("home", home.toString());
        more.put("port", "0");
        more.put("db.url", "");
        more.put("redis.url", "");
        more.put("model.retrain.events", "0");
        more.put("model.retrain.minutes", "0");
        more.put("lastfm.auto.import", "false");
        more.put("rate.limit.per.minute", "1000000");
        options.home = null;
        options.dbUrl = null;
        return options.load(more);
    }

    /** One evaluation: given the app (catalog imported, models loaded), the Last.fm folder and a 0–1 progress sink. */
    @FunctionalInterface
    interface Evaluation<R> {
        R run(dev.mixtape.app.MixtapeApp app, Path lastFm, java.util.function.BiConsumer<String, Double> progress) throws Exception;
    }

    /** Starts the app on {@code cfg}, imports the catalog and waits for the models, then runs {@code e} under one progress bar. */
    static <R> R run(MixtapeConfig cfg, String label, Evaluation<R> e) throws Exception {
        Path lastFm = lastFm(cfg);
        try (dev.mixtape.app.MixtapeApp app = dev.mixtape.app.MixtapeApp.start(cfg); Progress progress = new Progress(label)) {
            app.loadCatalog(progress);
            app.modelsLoaded().join();
            return e.run(app, lastFm, (phase, fraction) -> progress.progress(phase, Math.round(fraction * 100), 100));
        }
    }

    /** The Last.fm 2k folder under the data directory, checked. */
    static Path lastFm(MixtapeConfig cfg) throws IOException {
        Path lastFm = cfg.dataDir().resolve("lastfm-hetrec2011-2k");
        dev.mixtape.app.lastfm.LastFmImport.requireFiles(lastFm);
        return lastFm;
    }
}
