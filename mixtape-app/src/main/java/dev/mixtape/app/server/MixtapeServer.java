package dev.mixtape.app.server;

import dev.mixtape.app.config.MixtapeConfig;
import io.javalin.Javalin;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The HTTP server: health probes, the Spotify-compatible {@code /v1} API, the web UI at {@code /} and error mapping, over an
 * {@link EngineHolder} that may not hold an engine yet (the server starts listening before the
 * catalog is loaded, answering 503 until it is).
 */
public final class MixtapeServer implements AutoCloseable {
    /** Size of the header cache of each keep-alive connection (Jetty's setHeaderCacheSize; its default is 1,024). */
    static final int HEADER_CACHE_SIZE = 256;
    private final Javalin app;

    public MixtapeServer(MixtapeConfig config, EngineHolder engines, ListenerApi listeners) {
        ApiKeyCheck keys = new ApiKeyCheck(config.apiKeys());
        app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.http.defaultContentType = "application/json";
            cfg.jetty.modifyServer(server -> {
                server.setStopTimeout(2_000);
                // requests Jetty refuses before routing (a NUL in the path, ...) get the API's JSON error, not HTML
                server.setErrorHandler(new JsonBadMessageHandler());
            });
            // Jetty keeps a header cache per keep-alive connection, of size 1,024 by default: about 95 KB of heap each, so
            // 1,000 open connections held 96 MB (bench users' heap dump). API clients send a handful of headers.
            cfg.jetty.modifyHttpConfiguration(http -> http.setHeaderCacheSize(HEADER_CACHE_SIZE));
            WebUi.configure(cfg);
        });
        ErrorMapping.register(app);
        listeners.monitoring().register(app);
        listeners.monitoring().cache(listeners.service().cache()::stats);
        app.before("/v1/*", keys::check);
        app.before("/api/*", keys::check);
        app.get("/health/live", ctx -> ctx.json(Map.of("status", "UP")));
        DatabaseProbe database = new DatabaseProbe(listeners.databaseProblem());
        app.get("/health/ready", ctx -> {
            String dbProblem = database.problem();
            boolean ready = engines.ready() && dbProblem == null;
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", ready ? "READY" : "NOT_READY");
            body.put("detail", !engines.ready() ? engines.status() : dbProblem != null ? dbProblem : engines.status());
            Map<String, Object> checks = new LinkedHashMap<>();
            checks.put("catalog", engines.ready() ? "up" : engines.status());
            checks.put("database", dbProblem == null ? "up" : dbProblem);
            checks.put("shared_cache", listeners.service().cache().hasSharedTier()
                    ? (listeners.service().cache().sharedTierAvailable() ? "up" : "down (serving from the in-process tier)") : "off");
            body.put("checks", checks);
            if (engines.ready()) {
                body.put("tracks", engines.get().catalog().size());
            }
            ctx.status(ready ? 200 : 503).json(body);
        });
        SystemInfo system = new SystemInfo(config, engines);
        app.get("/api/v1/system", ctx -> ctx.json(system.describe()));
        new SpotifyRoutes(engines, config.maxPerArtist()).register(app);
        PlaylistService playlists = config.llm() == null ? PlaylistService.builtIn()
                : new PlaylistService(new dev.mixtape.connectors.llm.LlmPromptInterpreter(config.llm(),
                        new dev.mixtape.algo.playlist.prompt.BuiltInPromptInterpreter()));
        new PlaylistRoutes(engines, playlists, listeners.monitoring(), listeners.remote()).register(app);
        new RemoteRoutes(listeners.remote(), listeners.service(), engines).register(app);
        new ListenerRoutes(listeners.service(), listeners.events(), listeners.sessions(), listeners.limiter(), config.dataDir(), listeners.export()).register(app);
        new StrategyRoutes(listeners.strategies()).register(app);
        if (listeners.experiments() != null) {
            new ExperimentRoutes(listeners.experiments()).register(app);
        }
        listeners.moreRoutes().accept(app);
        OpenApiDocument.register(app);
        app.get("/docs", ctx -> ctx.html(WebUi.apiPage()));
    }

    /** Every HTTP route registered, as {@code "GET /v1/tracks/{id}"} (before/after handlers left out), in order. */
    public java.util.List<String> routes() {
        return app.unsafeConfig().pvt.internalRouter.allHttpHandlers().stream()
                .map(io.javalin.router.ParsedEndpoint::getEndpoint)
                .filter(e -> e.getMethod().isHttpMethod())
                .map(e -> e.getMethod().name() + " " + e.getPath())
                .toList();
    }

    /** Starts listening; returns the bound port (useful with port 0). */
    public int start(int port) {
        app.start("0.0.0.0", port);
        return app.port();
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
