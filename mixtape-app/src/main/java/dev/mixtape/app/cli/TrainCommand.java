package dev.mixtape.app.cli;

import dev.mixtape.algo.learn.ListeningConfig;
import dev.mixtape.algo.learn.ListeningModel;
import dev.mixtape.app.config.MixtapeConfig;
import dev.mixtape.app.learn.ListeningTraining;
import dev.mixtape.app.server.Engine;
import dev.mixtape.app.server.EngineHolder;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.MixtapeException;
import dev.mixtape.storage.jdbc.Database;
import dev.mixtape.storage.jdbc.JdbcCatalogStore;
import dev.mixtape.storage.jdbc.JdbcListenerStore;
import dev.mixtape.storage.snapshot.SnapshotCatalogLoader;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train the listening model now and save it as the next version.",
            "Learns from every listener's history in the store (plays weighted by how much",
            "of the track was heard, likes and saves counting more, skips and dislikes less,",
            "older listening decayed) and, as extra listeners, from the Last.fm import when",
            "there is one; trains implicit ALS at artist level, measures it on a holdout of",
            "recent listening and saves it under $MIXTAPE_HOME/models/listening-vNNNN. A",
            "running server keeps its model until it retrains itself or is told to",
            "(POST /api/v1/models/train); it loads the newest version on start.",
            "Example: mixtape train"})
final class TrainCommand implements Callable<Integer> {
    @Option(names = "--factors", paramLabel = "K", defaultValue = "64", description = "Latent factors (default: ${DEFAULT-VALUE}).")
    int factors;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "15", description = "ALS sweeps (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() throws Exception {
        ListeningConfig config;
        try {
            ListeningConfig d = ListeningConfig.defaults();
            config = d.withAls(d.als().withFactors(factors).withIterations(iterations));
        } catch (IllegalArgumentException e) {
            throw new MixtapeException(e.getMessage());
        }
        MixtapeConfig cfg = options.load(Map.of());
        System.out.println("Loading the catalog (" + cfg.dbUrl() + ")...");
        Database db = Catalogs.open(cfg);
        try {
            Catalog catalog = new SnapshotCatalogLoader(new JdbcCatalogStore(db.dataSource()), cfg.home().resolve("catalog")).load();
            if (catalog.size() == 0) {
                throw new MixtapeException("the catalog is empty: run 'mixtape import spotify-tracks FILE' (or 'mixtape serve') first");
            }
            EngineHolder engines = new EngineHolder();
            engines.set(Engine.of(catalog, 0));
            ListeningModel m;
            try (ListeningTraining t = new ListeningTraining(new JdbcListenerStore(db.dataSource()), engines, cfg.home().resolve("models"),
                    config, cfg.listeners().training(), new SimpleMeterRegistry(), java.time.Clock.systemUTC());
                 Progress progress = new Progress("train")) {
                m = t.trainNow(catalog, (phase, fraction) -> progress.progress(phase, Math.round(fraction * 100), 100));
            }
            Map<String, String> i = m.info();
            Locale l = Locale.ROOT;
            System.out.printf(l, "Trained %s in %.1f s (validation %.1f s, training %.1f s)%n", m.version(),
                    (Long.parseLong(i.get("train_ms")) + Long.parseLong(i.get("validate_ms"))) / 1000.0,
                    Long.parseLong(i.get("validate_ms")) / 1000.0, Long.parseLong(i.get("train_ms")) / 1000.0);
            System.out.printf(l, "  data:        %s listeners with events (%s events), %s imported listeners (%s), %s artists, %s pairs%n",
                    i.get("listeners"), i.get("events"), i.get("imported_listeners"), i.get("imported_from"), i.get("artists"), i.get("interactions"));
            System.out.printf(l, "  model:       iALS %s factors x %s iterations, alpha %s, lambda %s%n", i.get("factors"), i.get("iterations"),
                    i.get("alpha"), i.get("regularization"));
            System.out.printf(l, "  validation:  Recall@50 %s, NDCG@50 %s (most-popular: Recall@50 %s) on %s listeners, %s held-out artists%n",
                    blank(i.get("validation_recall_at_50")), blank(i.get("validation_ndcg_at_50")),
                    blank(i.get("validation_popularity_recall_at_50")), i.get("validation_users"), i.get("validation_held_out"));
            System.out.println("  saved under " + cfg.home().resolve("models") + " as " + m.version());
            return 0;
        } finally {
            db.close();
        }
    }

    private static String blank(String s) {
        return s == null || s.isEmpty() ? "n/a" : s;
    }
}
