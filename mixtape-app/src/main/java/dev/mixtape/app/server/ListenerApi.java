package dev.mixtape.app.server;

import dev.mixtape.storage.ratelimit.RateLimiter;
import java.util.function.Supplier;

/**
 * What the server needs for the listener and v2 APIs: the services, the per-listener rate limiter, and a probe
 * that names what is wrong with the database (null when it is fine), for readiness, the music provider, and the routes
 * of features wired outside this package (the models API); {@code export} answers {@code GET /api/v1/users/{id}/export}.
 */
public record ListenerApi(ListenerService service, EventIngest events, SessionService sessions, StrategyService strategies, ExperimentService experiments, RateLimiter limiter,
                          Supplier<String> databaseProblem, Monitoring monitoring,
                          RemoteService remote, ListenerExport export, java.util.function.Consumer<io.javalin.Javalin> moreRoutes) {
    /** Without further routes. */
    public ListenerApi(ListenerService service, EventIngest events, SessionService sessions, StrategyService strategies,
                       ExperimentService experiments, RateLimiter limiter,
                       Supplier<String> databaseProblem, Monitoring monitoring, RemoteService remote, ListenerExport export) {
        this(service, events, sessions, strategies, experiments, limiter, databaseProblem, monitoring, remote, export, app -> {});
    }
}
