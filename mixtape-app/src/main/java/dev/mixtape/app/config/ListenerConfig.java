package dev.mixtape.app.config;

import dev.mixtape.algo.listener.SessionWeights;

/**
 * Listener features: the shared cache and rate-limit tier, the per-listener rate limit and the session
 * blend.
 *
 * @param redisUrl           Redis for the second cache tier and shared rate limits (redis://host:port), or
 *                           null for in-process only
 * @param rateLimitPerMinute requests per listener per minute on the listener API
 */
public record ListenerConfig(String redisUrl, int rateLimitPerMinute, SessionWeights weights) {
    public static final ListenerConfig DEFAULT = new ListenerConfig(null, 100, SessionWeights.DEFAULT);

    public ListenerConfig {
        if (rateLimitPerMinute < 1) {
            throw new ConfigException("rate.limit.per.minute must be at least 1, got " + rateLimitPerMinute);
        }
        if (redisUrl != null && redisUrl.isBlank()) {
            redisUrl = null;
        }
    }
}
