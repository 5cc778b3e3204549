package dev.mixtape.storage.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mixtape.storage.cache.CacheKind;
import dev.mixtape.storage.cache.TieredCache;
import dev.mixtape.storage.ratelimit.RateLimiter;
import dev.mixtape.storage.ratelimit.RedisRateLimiter;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The Redis adapters against the real Redis on 127.0.0.1:6379 ({@code -Dmixtape.it.redis.url}): the shared rate
 * limit, and what happens when the connection dies (through a proxy the test cuts). The shared cache tier's values,
 * TTLs and cross-instance invalidation are {@link RedisSharedTierIT}'s (the contract the in-memory tier runs too).
 */
class RedisIT {
    static final String URL = System.getProperty("mixtape.it.redis.url", "redis://127.0.0.1:6379");
    static final TieredCache.Codec<String> STRING = dev.mixtape.storage.cache.StringCodec.INSTANCE;

    private static String unique() {
        return "it-" + UUID.randomUUID();
    }

    @Test
    void theRateLimitIsSharedByInstances() {
        RateLimiter.Limit limit = new RateLimiter.Limit(5, Duration.ofMinutes(1));
        try (Redis r1 = Redis.connect(URL); Redis r2 = Redis.connect(URL)) {
            RedisRateLimiter one = new RedisRateLimiter(r1, limit);
            RedisRateLimiter two = new RedisRateLimiter(r2, limit);
            String user = unique();
            int allowed = 0;
            for (int i = 0; i < 4; i++) {
                allowed += one.tryAcquire(user).allowed() ? 1 : 0;
                allowed += two.tryAcquire(user).allowed() ? 1 : 0;
            }
            assertThat(allowed).isEqualTo(5);
            RateLimiter.Decision denied = two.tryAcquire(user);
            assertThat(denied.allowed()).isFalse();
            assertThat(denied.retryAfter()).isPositive();
        }
    }

    @Test
    void whenTheConnectionDiesServingGoesOnFromTheFirstTierAndTheLocalLimiter() throws Exception {
        try (TcpProxy proxy = new TcpProxy("127.0.0.1", 6379)) {
            Redis redis = Redis.connect("redis://127.0.0.1:" + proxy.port());
            try (TieredCache cache = new TieredCache(new RedisSharedTier(redis))) {
                RedisRateLimiter limiter = new RedisRateLimiter(redis, new RateLimiter.Limit(3, Duration.ofMinutes(1)));
                String user = unique();
                assertThat(cache.get(CacheKind.USER_DATA, user, STRING, () -> "v1").value()).isEqualTo("v1");
                assertThat(limiter.tryAcquire(user).allowed()).isTrue();

                proxy.cut();
                await().atMost(Duration.ofSeconds(5)).until(() -> !redis.connection().isOpen());

                long start = System.nanoTime();
                // the first tier still answers; a new key is computed (the shared tier is skipped, not waited on)
                assertThat(cache.get(CacheKind.USER_DATA, user, STRING, () -> "other").value()).isEqualTo("v1");
                assertThat(cache.get(CacheKind.USER_DATA, unique(), STRING, () -> "computed"))
                        .isEqualTo(new TieredCache.Cached<>("computed", TieredCache.Status.MISS));
                cache.invalidate(CacheKind.USER_DATA, user);
                assertThat(cache.get(CacheKind.USER_DATA, user, STRING, () -> "v2").value()).isEqualTo("v2");
                // the limiter falls back to its in-process buckets: a fresh budget of 3
                int allowed = 0;
                for (int i = 0; i < 5; i++) {
                    allowed += limiter.tryAcquire(user).allowed() ? 1 : 0;
                }
                assertThat(allowed).isEqualTo(3);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
                assertThat(cache.sharedTierAvailable()).isFalse();
            }
        }
    }

    @Test
    void aRedisThatIsDownAtStartIsUsedOnceItAnswers() throws Exception {
        try (TcpProxy proxy = new TcpProxy("127.0.0.1", 6379)) {
            proxy.cut();
            Redis late = Redis.open("redis://127.0.0.1:" + proxy.port(), Duration.ofMillis(200));
            Redis direct = Redis.connect(URL);
            try (TieredCache a = new TieredCache(new RedisSharedTier(late)); TieredCache b = new TieredCache(new RedisSharedTier(direct))) {
                RedisRateLimiter limiter = new RedisRateLimiter(late, new RateLimiter.Limit(3, Duration.ofMinutes(1)));
                String user = unique();
                // down: served in process
                assertThat(late.usable()).isFalse();
                assertThat(a.sharedTierAvailable()).isFalse();
                assertThat(a.get(CacheKind.USER_DATA, user, STRING, () -> "local").status()).isEqualTo(TieredCache.Status.MISS);
                assertThat(limiter.tryAcquire(user).allowed()).isTrue();

                proxy.restore();
                await().atMost(Duration.ofSeconds(5)).until(late::usable);

                // up: values are shared both ways, the subscription to invalidations was made, the limiter is shared
                String key = unique();
                assertThat(a.get(CacheKind.USER_DATA, key, STRING, () -> "from-a").status()).isEqualTo(TieredCache.Status.MISS);
                assertThat(b.get(CacheKind.USER_DATA, key, STRING, () -> "from-b").value()).isEqualTo("from-a");
                b.invalidate(CacheKind.USER_DATA, key);
                await().atMost(Duration.ofSeconds(5)).until(() -> a.peek(CacheKind.USER_DATA, key) == null);
                RedisRateLimiter other = new RedisRateLimiter(direct, new RateLimiter.Limit(3, Duration.ofMinutes(1)));
                String shared = unique();
                assertThat(limiter.tryAcquire(shared).allowed()).isTrue();
                assertThat(other.tryAcquire(shared).remaining()).isEqualTo(1);
            }
        }
    }
}
