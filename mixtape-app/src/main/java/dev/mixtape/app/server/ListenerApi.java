package dev.mixtape.app.server;

import dev.mixtape.storage.ratelimit.RateLimiter;
import java.util.function.Supplier;

/**
 * What the server needs for the listener API: the service, the per-listener rate limiter, and a probe
 * that names what is wrong with the database (null when it is fine), for readiness.
 */
public record ListenerApi(ListenerService service, RateLimiter limiter, Supplier<String> databaseProblem) {}
