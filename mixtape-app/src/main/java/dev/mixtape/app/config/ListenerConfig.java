package dev.mixtape.app.config;

import dev.mixtape.algo.listener.SessionWeights;

/**
 * Listener features: the shared cache and rate-limit tier, the per-listener rate limit and the session
 * blend.
 *
 * @param redisUrl           Redis for the second cache tier and shared rate limits (redis://host:port), or
 *                           null for in-process only
 * @param rateLimitPerMinute requests per listener per minute on the listener API
 * @param hybridWeights      the hybrid strategy's blend, by strategy name
 * @param rewards            what each kind of event is worth to the exploration arms
 */
public record ListenerConfig(String redisUrl, int rateLimitPerMinute, SessionWeights weights, java.util.Map<String, Double> hybridWeights,
                             dev.mixtape.algo.listener.GenreFeedback.Rewards rewards) {
    public static final ListenerConfig DEFAULT = new ListenerConfig(null, 100, SessionWeights.DEFAULT,
            dev.mixtape.algo.strategy.HybridStrategy.DEFAULT_WEIGHTS, dev.mixtape.algo.listener.GenreFeedback.Rewards.DEFAULT);

    public ListenerConfig(String redisUrl, int rateLimitPerMinute, SessionWeights weights) {
        this(redisUrl, rateLimitPerMinute, weights, dev.mixtape.algo.strategy.HybridStrategy.DEFAULT_WEIGHTS,
                dev.mixtape.algo.listener.GenreFeedback.Rewards.DEFAULT);
    }

    public ListenerConfig {
        if (rateLimitPerMinute < 1) {
            throw new ConfigException("rate.limit.per.minute must be at least 1, got " + rateLimitPerMinute);
        }
        if (redisUrl != null && redisUrl.isBlank()) {
            redisUrl = null;
        }
    }
}
