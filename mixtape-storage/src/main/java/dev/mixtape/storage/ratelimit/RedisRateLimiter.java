package dev.mixtape.storage.ratelimit;

import dev.mixtape.storage.redis.Redis;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;

/**
 * Token buckets kept in Redis (Bucket4j's compare-and-swap proxy over Lettuce), so every instance draws
 * on one budget per key. While Redis is unreachable the in-process {@link LocalRateLimiter} decides.
 */
public final class RedisRateLimiter implements RateLimiter {
    private final Redis redis;
    private volatile ProxyManager<String> buckets;
    private final BucketConfiguration config;
    private final LocalRateLimiter fallback;

    public RedisRateLimiter(Redis redis, Limit limit) {
        this.redis = redis;
        this.config = LocalRateLimiter.configuration(limit);
        this.fallback = new LocalRateLimiter(limit);
        // now, or once a Redis that was down at start answers
        redis.whenConnected(() -> buckets = Bucket4jLettuce.casBasedBuilder(redis.connection())
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(limit.window()))
                .build());
    }

    @Override
    public Decision tryAcquire(String key) {
        ProxyManager<String> b = buckets;
        if (b != null && redis.usable()) {
            try {
                return LocalRateLimiter.decide(b.builder().build("mixtape:ratelimit:" + key, () -> config)
                        .tryConsumeAndReturnRemaining(1));
            } catch (RuntimeException e) {
                redis.failed("rate limit", e);
            }
        }
        return fallback.tryAcquire(key);
    }

}
