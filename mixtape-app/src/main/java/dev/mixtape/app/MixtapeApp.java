package dev.mixtape.app;

import dev.mixtape.app.config.MixtapeConfig;
import dev.mixtape.app.lastfm.ArtistModelLoader;
import dev.mixtape.app.server.Engine;
import dev.mixtape.app.server.EngineHolder;
import dev.mixtape.app.server.DeferredListenerStore;
import dev.mixtape.app.server.ListenerApi;
import dev.mixtape.app.server.ListenerService;
import dev.mixtape.app.server.MixtapeServer;
import dev.mixtape.storage.cache.TieredCache;
import dev.mixtape.storage.jdbc.JdbcListenerStore;
import dev.mixtape.storage.ratelimit.LocalRateLimiter;
import dev.mixtape.storage.ratelimit.RateLimiter;
import dev.mixtape.storage.ratelimit.RedisRateLimiter;
import dev.mixtape.storage.redis.Redis;
import dev.mixtape.storage.redis.RedisSharedTier;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.MixtapeException;
import dev.mixtape.storage.importer.CatalogImporter;
import dev.mixtape.storage.importer.ProgressListener;
import dev.mixtape.storage.jdbc.Database;
import dev.mixtape.storage.jdbc.JdbcCatalogStore;
import dev.mixtape.storage.snapshot.SnapshotCatalogLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running mixtape: store, HTTP server and engine, wired together. {@link #start} listens at once
 * (the health probes answer, {@code /v1} answers 503); {@link #loadCatalog} imports the catalog file
 * when the store is empty, loads the catalog and makes the server ready. Close it to stop.
 */
public final class MixtapeApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MixtapeApp.class);
    static final java.time.Duration REDIS_RETRY = java.time.Duration.ofSeconds(5);

    private final MixtapeConfig config;
    private final EngineHolder engines = new EngineHolder();
    private final MixtapeServer server;
    private final Database db;
    private final int port;
    private final CompletableFuture<Prepared> early;
    private final Redis redis;
    private final ListenerService listeners;
    private final dev.mixtape.app.server.EventIngest events;
    private final dev.mixtape.app.server.SessionService sessions;
    private final dev.mixtape.app.learn.ListeningTraining training;
    private final dev.mixtape.app.server.StrategyService strategies;
    private final dev.mixtape.app.server.AutoBanditService autoBandit;
    private final dev.mixtape.app.server.Monitoring monitoring = new dev.mixtape.app.server.Monitoring();
    private final dev.mixtape.app.server.SpotifyTopRefresher spotifyTop;
    private volatile CompletableFuture<String> models = CompletableFuture.completedFuture("no catalog yet");

    private MixtapeApp(MixtapeConfig config) throws IOException {
        this.config = config;
        // Start-up work that does not depend on each other runs side by side: the database opens (and
        // migrates) and the newest catalog snapshot is read and indexed while the HTTP server starts.
        CompletableFuture<Database> opening = CompletableFuture.supplyAsync(
                () -> Database.open(config.dbUrl(), config.dbUser(), config.dbPassword()));
        this.early = CompletableFuture.supplyAsync(() -> SnapshotCatalogLoader.readNewest(snapshotDir())
                .map(s -> new Prepared(s.file(), Engine.of(s.catalog(), config.resultCacheSize()))).orElse(null));
        this.redis = connectRedis(config);
        RedisSharedTier sharedTier = redis == null ? null : new RedisSharedTier(redis);
        TieredCache cache = new TieredCache(sharedTier, (long) config.listeners().cacheMemoryMb() << 20);
        RateLimiter.Limit limit = new RateLimiter.Limit(config.listeners().rateLimitPerMinute(), java.time.Duration.ofMinutes(1));
        RateLimiter limiter = redis == null ? new LocalRateLimiter(limit) : new RedisRateLimiter(redis, limit);
        DeferredListenerStore listenerStore = new DeferredListenerStore(opening.thenApply(d -> new JdbcListenerStore(d.dataSource())));
        dev.mixtape.app.server.ListenerServices wired = dev.mixtape.app.server.ListenerServices.over(listenerStore, cache, engines,
                config.listeners().weights(), java.time.Clock.systemUTC());
        this.listeners = wired.listeners();
        this.events = wired.events();
        this.sessions = wired.sessions();
        this.training = new dev.mixtape.app.learn.ListeningTraining(listenerStore, engines, config.home().resolve("models"),
                dev.mixtape.algo.learn.ListeningConfig.defaults(), config.listeners().training(), monitoring.registry(),
                java.time.Clock.systemUTC());
        // the online learners, after each stored batch, off the request thread: the retraining counter, the trending counts
        events.onEvents(stored -> training.eventsStored(stored.size()));
        this.strategies = new dev.mixtape.app.server.StrategyService(engines, listeners, sessions, cache, config.listeners().hybridWeights(),
                config.listeners().rewards(), java.time.Clock.systemUTC());
        events.onEvents(strategies::learn);
        java.util.concurrent.CompletableFuture<dev.mixtape.storage.jdbc.JdbcExperimentStore> experimentStore =
                opening.thenApply(d -> new dev.mixtape.storage.jdbc.JdbcExperimentStore(d.dataSource()));
        java.util.function.Supplier<dev.mixtape.storage.jdbc.JdbcExperimentStore> experimentStoreNow = () -> {
            if (!experimentStore.isDone()) {
                throw new dev.mixtape.core.StoreUnavailableException("the database is still opening; retry in a moment", null);
            }
            return experimentStore.join();
        };
        dev.mixtape.app.server.ExperimentService experiments = new dev.mixtape.app.server.ExperimentService(experimentStoreNow,
                () -> strategies.engine().registry().names(), java.time.Clock.systemUTC());
        strategies.experiments(experiments);
        this.autoBandit = config.listeners().autoLearn()
                ? new dev.mixtape.app.server.AutoBanditService(experimentStoreNow, config.listeners().autoExplore(), java.time.Clock.systemUTC())
                : null;
        strategies.autoBandit(autoBandit);
        sessions.monitoring(monitoring);
        strategies.monitoring(monitoring);
        dev.mixtape.connectors.http.RemoteCache remoteCache = new dev.mixtape.connectors.http.LocalRemoteCache(200_000);
        if (sharedTier != null) {
            remoteCache = new dev.mixtape.connectors.http.TwoLevelRemoteCache(remoteCache, new dev.mixtape.app.server.SharedTierRemoteCache(sharedTier));
        }
        RateLimiter.Limit prefetchLimit = new RateLimiter.Limit(dev.mixtape.app.server.RemoteService.PREFETCH_PER_MINUTE, java.time.Duration.ofMinutes(1));
        dev.mixtape.app.server.RemoteService remote = new dev.mixtape.app.server.RemoteService(config.providers(), engines, remoteCache,
                monitoring.registry(), redis == null ? new LocalRateLimiter(prefetchLimit) : new RedisRateLimiter(redis, prefetchLimit));
        // Spotify top lists: imported on request, and again every few hours for listeners who linked a refresh token
        java.util.concurrent.CompletableFuture<dev.mixtape.storage.jdbc.JdbcSpotifyLinks> spotifyLinks =
                opening.thenApply(d -> new dev.mixtape.storage.jdbc.JdbcSpotifyLinks(d.dataSource()));
        dev.mixtape.connectors.provider.ProviderConfig pc = config.providers();
        dev.mixtape.connectors.spotify.SpotifyUserTokens userTokens = dev.mixtape.connectors.provider.ProviderConfig.parts(pc.kind()).contains("spotify")
                ? new dev.mixtape.connectors.spotify.SpotifyUserTokens(pc.spotifyAccounts(), pc.spotifyClientId(), pc.spotifyClientSecret(),
                        java.net.http.HttpClient.newHttpClient())
                : null;
        this.spotifyTop = new dev.mixtape.app.server.SpotifyTopRefresher(() -> {
            if (!spotifyLinks.isDone()) {
                throw new dev.mixtape.core.StoreUnavailableException("the database is still opening; retry in a moment", null);
            }
            return spotifyLinks.join();
        }, new dev.mixtape.app.server.SpotifyTopImport(remote, listeners, events, engines, java.time.Clock.systemUTC()), userTokens,
                java.time.Duration.ofHours(config.listeners().spotifyTopRefreshHours()), java.time.Clock.systemUTC(), monitoring.registry());
        remote.topLists(spotifyTop);
        spotifyTop.start();
        this.server = new MixtapeServer(config, engines, new ListenerApi(listeners, events, sessions, strategies, experiments, limiter, this::databaseProblem,
                monitoring, remote, new dev.mixtape.app.server.ListenerExport(listenerStore, experimentStoreNow, spotifyTop, java.time.Clock.systemUTC()),
                app -> new dev.mixtape.app.learn.ModelRoutes(training, config.home()).register(app)));
        try {
            this.port = server.start(config.port());
        } catch (RuntimeException e) {
            opening.thenAccept(Database::close);
            if (redis != null) {
                redis.close();
            }
            throw new IOException("cannot listen on port " + config.port() + ": " + rootMessage(e)
                    + " (choose another with --port or MIXTAPE_PORT)", e);
        }
        try {
            this.db = opening.join();
        } catch (CompletionException e) {
            server.close();
            if (redis != null) {
                redis.close();
            }
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /**
     * Redis when configured, else null. A Redis that does not answer at start is retried in the background every
     * {@link #REDIS_RETRY}; until then caches and limits stay in process (logged).
     */
    private static Redis connectRedis(MixtapeConfig config) {
        String url = config.listeners().redisUrl();
        if (url == null) {
            return null;
        }
        Redis r;
        try {
            r = Redis.open(url, REDIS_RETRY);
        } catch (IllegalArgumentException e) {
            throw new dev.mixtape.app.config.ConfigException(e.getMessage() + " (MIXTAPE_REDIS_URL or redis.url)");
        }
        if (r.usable()) {
            LOG.atInfo().addKeyValue("redis", url).log("shared cache and rate limits on Redis");
        }
        return r;
    }

    private String databaseProblem() {
        Database d = db;
        return d == null ? "the database is still opening" : d.problem();
    }

    public ListenerService listeners() {
        return listeners;
    }

    /** Where listening events come in (the events endpoint's service) and its online learners. */
    public dev.mixtape.app.server.EventIngest events() {
        return events;
    }

    /** Session picks. */
    public dev.mixtape.app.server.SessionService sessions() {
        return sessions;
    }

    public dev.mixtape.app.server.StrategyService strategies() {
        return strategies;
    }

    /** Trains, saves and swaps the listening model. */
    public dev.mixtape.app.learn.ListeningTraining training() {
        return training;
    }

    /** An engine built from a snapshot read before the store could say whether it is current. */
    private record Prepared(Path file, Engine engine) {}

    private Path snapshotDir() {
        return config.home().resolve("catalog");
    }

    public static MixtapeApp start(MixtapeConfig config) throws IOException {
        return new MixtapeApp(config);
    }

    public int port() {
        return port;
    }

    /** Every HTTP route the server registered, as {@code "GET /v1/tracks/{id}"}. */
    public java.util.List<String> routes() {
        return server.routes();
    }

    public Database database() {
        return db;
    }

    public EngineHolder engines() {
        return engines;
    }

    public MixtapeConfig config() {
        return config;
    }

    /** Completes with the collaborative models' status once {@link #loadCatalog} has loaded them (or found none). */
    public CompletableFuture<String> modelsLoaded() {
        return models;
    }

    /**
     * Makes the server ready: imports {@link MixtapeConfig#catalogFile()} if the store has no tracks,
     * then loads the catalog (through a snapshot under {@code home/catalog}).
     *
     * @return the import report when an import ran, else null
     */
    public CatalogImporter.Report loadCatalog(ProgressListener progress) throws IOException, SQLException {
        JdbcCatalogStore store = new JdbcCatalogStore(db.dataSource());
        CatalogImporter.Report report = null;
        if (store.trackCount() == 0) {
            if (!Files.isRegularFile(config.catalogFile())) {
                String msg = "the store has no catalog and " + config.catalogFile() + " does not exist; set "
                        + "MIXTAPE_DATA_DIR to the folder holding spotify-tracks-114k/, or run "
                        + "'mixtape import spotify-tracks FILE'";
                engines.status(msg);
                throw new MixtapeException(msg);
            }
            engines.status("importing " + config.catalogFile());
            report = new CatalogImporter(store).importSpotifyTracks(config.catalogFile(), progress);
        }
        engines.status("loading the catalog");
        long start = System.nanoTime();
        SnapshotCatalogLoader loader = new SnapshotCatalogLoader(store, snapshotDir());
        Prepared prepared = report == null ? early.exceptionally(e -> null).join() : null;
        Engine engine;
        if (prepared != null && prepared.file().equals(loader.snapshotPath())) {
            engine = prepared.engine();
        } else {
            engine = Engine.of(loader.load(), config.resultCacheSize());
        }
        engines.set(engine);
        // The artist model (about 0.1 s), loaded off the start-up path: until it is in, related-artists answers
        // from the content-based fallback.
        models = CompletableFuture.supplyAsync(() -> loadModels(engine), r -> Thread.ofVirtual().name("mixtape-models").start(r));
        // The prompt interpreter's name index (0.2–0.9 s), built off the start-up path: a playlist request
        // that arrives first waits for this build instead of starting its own.
        Thread.ofVirtual().name("mixtape-sessions").start(() -> {
            sessions.prepare();
            strategies.prepare();
            String version = engine.catalog().fingerprint();
            monitoring.models(version, engine.cf().status());
            models.thenRun(() -> monitoring.models(version, engine.cf().status()));
        });
        Thread.ofVirtual().name("mixtape-lexicon").start(
                () -> new dev.mixtape.algo.playlist.prompt.BuiltInPromptInterpreter().prepare(engine.catalog()));
        Catalog catalog = engine.catalog();
        LOG.atInfo().addKeyValue("tracks", catalog.size()).addKeyValue("artists", catalog.artistCount())
                .addKeyValue("genres", catalog.genreCount())
                .addKeyValue("load_ms", (System.nanoTime() - start) / 1_000_000).log("catalog loaded");
        return report;
    }

    private String loadModels(Engine engine) {
        long start = System.nanoTime();
        importLastFm(engine);
        ArtistModelLoader.Result r = ArtistModelLoader.serve(engine.cf(), config.home().resolve("models"), w -> LOG.atWarn().log(w));
        LOG.atInfo().addKeyValue("covered_artists", r.neighbours() == null ? 0 : r.neighbours().coveredArtists())
                .addKeyValue("load_ms", (System.nanoTime() - start) / 1_000_000).log(r.status());
        training.start(engine);
        return r.status();
    }

    /**
     * On a fresh install, imports Last.fm 2k from the data folder when it is there (and {@code lastfm.auto.import} is on):
     * its listeners give related artists and the listening model something to learn from before our own listeners have.
     */
    private void importLastFm(Engine engine) {
        Path dir = config.dataDir().resolve("lastfm-hetrec2011-2k");
        Path models = config.home().resolve("models");
        if (!config.listeners().training().importLastFm() || !Files.isDirectory(dir)
                || Files.exists(dev.mixtape.algo.cf.ArtistModelFiles.manifest(models, dev.mixtape.app.lastfm.LastFmImport.MODEL_NAME))) {
            return;
        }
        try {
            LOG.atInfo().addKeyValue("dir", dir).log("importing Last.fm 2k (listening of 1,892 people; non-commercial licence, docs/LEARNING.md)");
            dev.mixtape.app.lastfm.LastFmImport.Report r = new dev.mixtape.app.lastfm.LastFmImport(
                    dev.mixtape.app.lastfm.LastFmImport.Options.defaults()).run(dir, engine.catalog(), models, ProgressListener.NONE);
            LOG.atInfo().addKeyValue("artists", r.modelArtists()).addKeyValue("ms", r.totalMs()).log("Last.fm 2k imported");
        } catch (IOException | RuntimeException e) {
            LOG.atWarn().log("Last.fm 2k not imported: " + e.getMessage() + " (related artists use genres and sound)");
        }
    }

    /** Listeners' Spotify top-list imports and links. */
    public dev.mixtape.app.server.SpotifyTopRefresher spotifyTop() {
        return spotifyTop;
    }

    @Override
    public void close() {
        server.close();
        training.close();
        if (autoBandit != null) {
            autoBandit.close();
        }
        spotifyTop.close();
        events.close();
        sessions.close();
        if (redis != null) {
            redis.close();
        }
        db.close();
    }

    private static String rootMessage(Throwable e) {
        while (e.getCause() != null) {
            e = e.getCause();
        }
        return e.getMessage();
    }
}
