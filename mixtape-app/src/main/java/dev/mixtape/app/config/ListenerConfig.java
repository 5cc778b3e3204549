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
 * @param training           when the listening model is retrained in the background
 * @param autoLearn          whether {@code auto} learns from the outcomes of its answers (the bandit) or follows its rules only
 * @param autoExplore        the share of {@code auto}'s answers that try another strategy than the best known (0–1)
 * @param spotifyTopRefreshHours how often linked listeners' Spotify top lists are imported again (0: never; links refused)
 */
public record ListenerConfig(String redisUrl, int rateLimitPerMinute, SessionWeights weights, java.util.Map<String, Double> hybridWeights,
                             dev.mixtape.algo.listener.GenreFeedback.Rewards rewards, int cacheMemoryMb, TrainingConfig training,
                             boolean autoLearn, double autoExplore, int spotifyTopRefreshHours) {
    public static final int DEFAULT_SPOTIFY_TOP_REFRESH_HOURS = 6;
    /** The in-process cache tier's default budget in MiB (session picks, v2 answers, listener data). */
    public static final int DEFAULT_CACHE_MEMORY_MB = (int) (dev.mixtape.storage.cache.TieredCache.DEFAULT_LOCAL_BYTES >> 20);
    public static final ListenerConfig DEFAULT = new ListenerConfig(null, 100, SessionWeights.DEFAULT,
            dev.mixtape.algo.strategy.HybridStrategy.DEFAULT_WEIGHTS, dev.mixtape.algo.listener.GenreFeedback.Rewards.DEFAULT,
            DEFAULT_CACHE_MEMORY_MB, TrainingConfig.DEFAULT, true,
            dev.mixtape.algo.strategy.AutoBandit.DEFAULT_EXPLORE, DEFAULT_SPOTIFY_TOP_REFRESH_HOURS);

    public ListenerConfig(String redisUrl, int rateLimitPerMinute, SessionWeights weights) {
        this(redisUrl, rateLimitPerMinute, weights, dev.mixtape.algo.strategy.HybridStrategy.DEFAULT_WEIGHTS,
                dev.mixtape.algo.listener.GenreFeedback.Rewards.DEFAULT, DEFAULT_CACHE_MEMORY_MB, TrainingConfig.DEFAULT, true,
            dev.mixtape.algo.strategy.AutoBandit.DEFAULT_EXPLORE, DEFAULT_SPOTIFY_TOP_REFRESH_HOURS);
    }

    public ListenerConfig {
        if (rateLimitPerMinute < 1) {
            throw new ConfigException("rate.limit.per.minute must be at least 1, got " + rateLimitPerMinute);
        }
        if (cacheMemoryMb < 1) {
            throw new ConfigException("cache.memory.mb must be at least 1, got " + cacheMemoryMb);
        }
        if (!(autoExplore >= 0 && autoExplore <= 1)) {
            throw new ConfigException("auto.explore must be from 0 to 1, got " + autoExplore);
        }
        if (spotifyTopRefreshHours < 0 || spotifyTopRefreshHours > 24 * 30) {
            throw new ConfigException("spotify.top.refresh.hours must be from 0 (off) to 720, got " + spotifyTopRefreshHours);
        }
        training = training == null ? TrainingConfig.DEFAULT : training;
        if (redisUrl != null && redisUrl.isBlank()) {
            redisUrl = null;
        }
    }
}
