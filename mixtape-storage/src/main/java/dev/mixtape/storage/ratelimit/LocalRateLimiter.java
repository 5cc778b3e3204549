package dev.mixtape.storage.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/**
 * Token buckets (Bucket4j) in process memory, one per key, forgotten after two idle windows. The
 * default limiter, and the fallback of {@link RedisRateLimiter} while Redis is unreachable.
 */
public final class LocalRateLimiter implements RateLimiter {
    private final BucketConfiguration config;
    private final Cache<String, Bucket> buckets;

    public LocalRateLimiter(Limit limit) {
        this.config = configuration(limit);
        this.buckets = Caffeine.newBuilder().expireAfterAccess(limit.window().multipliedBy(2)).maximumSize(1_000_000).build();
    }

    static BucketConfiguration configuration(Limit limit) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(limit.requests()).refillGreedy(limit.requests(), limit.window()).build())
                .build();
    }

    @Override
    public Decision tryAcquire(String key) {
        Bucket b = buckets.get(key, k -> Bucket.builder().addLimit(config.getBandwidths()[0]).build());
        return decide(b.tryConsumeAndReturnRemaining(1));
    }

    static Decision decide(ConsumptionProbe p) {
        return new Decision(p.isConsumed(), p.getRemainingTokens(), Duration.ofNanos(p.getNanosToWaitForRefill()));
    }
}
