package dev.mixtape.storage.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class TieredCacheTest {
    static final TieredCache.Codec<String> STRING = StringCodec.INSTANCE;

    @Test
    void computesOnceThenHits() {
        TieredCache cache = new TieredCache(null);
        AtomicInteger computed = new AtomicInteger();
        TieredCache.Cached<String> first = cache.get(CacheKind.RECOMMENDATIONS, "u1", STRING, () -> "v" + computed.incrementAndGet());
        TieredCache.Cached<String> second = cache.get(CacheKind.RECOMMENDATIONS, "u1", STRING, () -> "v" + computed.incrementAndGet());
        assertThat(first).isEqualTo(new TieredCache.Cached<>("v1", TieredCache.Status.MISS));
        assertThat(second).isEqualTo(new TieredCache.Cached<>("v1", TieredCache.Status.HIT));
        // kinds are separate caches
        assertThat(cache.get(CacheKind.USER_DATA, "u1", STRING, () -> "other").value()).isEqualTo("other");
        cache.invalidate(CacheKind.RECOMMENDATIONS, "u1");
        assertThat(cache.get(CacheKind.RECOMMENDATIONS, "u1", STRING, () -> "v" + computed.incrementAndGet()).value()).isEqualTo("v2");
        @SuppressWarnings("unchecked")
        Map<String, Object> rec = (Map<String, Object>) cache.stats().get("recommendations");
        assertThat(rec).containsEntry("local_hits", 1L).containsEntry("local_misses", 2L).containsEntry("ttl_seconds", 86_400L);
    }

    @Test
    void aFailedLoadIsThrownAndNotKept() {
        TieredCache cache = new TieredCache(null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> cache.get(CacheKind.USER_DATA, "k", STRING, () -> {
            throw new IllegalArgumentException("bad request");
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("bad request");
        assertThat((Object) cache.peek(CacheKind.USER_DATA, "k")).isNull();
        assertThat(cache.get(CacheKind.USER_DATA, "k", STRING, () -> "fine")).isEqualTo(new TieredCache.Cached<>("fine", TieredCache.Status.MISS));
    }

    @Test
    void concurrentMissesComputeOnce() throws Exception {
        TieredCache cache = new TieredCache(null);
        AtomicInteger computed = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<TieredCache.Cached<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return cache.get(CacheKind.RECOMMENDATIONS, "hot", STRING, () -> {
                        computed.incrementAndGet();
                        try {
                            Thread.sleep(100);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return "value";
                    });
                }));
            }
            start.countDown();
            int misses = 0;
            for (Future<TieredCache.Cached<String>> f : calls) {
                TieredCache.Cached<String> c = f.get();
                assertThat(c.value()).isEqualTo("value");
                misses += c.status() == TieredCache.Status.MISS ? 1 : 0;
            }
            assertThat(computed).hasValue(1);
            assertThat(misses).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aSecondInstanceFindsTheValueInTheSharedTierAndInvalidationReachesIt() {
        MapTier tier = new MapTier();
        TieredCache a = new TieredCache(tier);
        TieredCache b = new TieredCache(tier);
        assertThat(a.get(CacheKind.RECOMMENDATIONS, "u", STRING, () -> "from-a").status()).isEqualTo(TieredCache.Status.MISS);
        assertThat(tier.has("mixtape:recommendations:u")).isTrue();
        TieredCache.Cached<String> fromB = b.get(CacheKind.RECOMMENDATIONS, "u", STRING, () -> "from-b");
        assertThat(fromB).isEqualTo(new TieredCache.Cached<>("from-a", TieredCache.Status.SHARED_HIT));
        assertThat((Object) b.peek(CacheKind.RECOMMENDATIONS, "u")).isEqualTo("from-a");

        a.invalidate(CacheKind.RECOMMENDATIONS, "u");
        assertThat(tier.has("mixtape:recommendations:u")).isFalse();
        assertThat((Object) b.peek(CacheKind.RECOMMENDATIONS, "u")).isNull();
        assertThat(b.get(CacheKind.RECOMMENDATIONS, "u", STRING, () -> "fresh").value()).isEqualTo("fresh");
    }

    @Test
    void aDownSharedTierIsAMissAndServingGoesOn() {
        MapTier tier = new MapTier();
        tier.up = false;
        TieredCache cache = new TieredCache(tier);
        assertThat(cache.get(CacheKind.USER_DATA, "k", STRING, () -> "computed"))
                .isEqualTo(new TieredCache.Cached<>("computed", TieredCache.Status.MISS));
        assertThat(cache.get(CacheKind.USER_DATA, "k", STRING, () -> "again").status()).isEqualTo(TieredCache.Status.HIT);
        assertThat(cache.sharedTierAvailable()).isFalse();
    }

    @Test
    void anUnreadableSharedValueIsRecomputed() {
        MapTier tier = new MapTier();
        tier.seed("mixtape:user-data:k", new byte[] {1, 2, 3});
        TieredCache cache = new TieredCache(tier);
        TieredCache.Codec<String> strict = new TieredCache.Codec<>() {
            @Override
            public byte[] encode(String value) {
                return STRING.encode(value);
            }

            @Override
            public String decode(byte[] bytes) {
                throw new IllegalArgumentException("not mine");
            }
        };
        assertThat(cache.get(CacheKind.USER_DATA, "k", strict, () -> "computed").status()).isEqualTo(TieredCache.Status.MISS);
    }

    /** Byte arrays as they are, for the memory-bound tests. */
    enum Bytes implements TieredCache.Codec<byte[]> {
        INSTANCE;

        @Override
        public byte[] encode(byte[] value) {
            return value;
        }

        @Override
        public byte[] decode(byte[] bytes) {
            return bytes;
        }
    }

    record Big(long bytes) implements TieredCache.Sized {}

    @Test
    void theFirstTierIsBoundedByTheBytesItsValuesHoldNotByTheirCount() {
        long budget = 10L << 20; // 10 MiB: 6 MiB for recommendations
        TieredCache cache = new TieredCache(null, budget);
        for (int i = 0; i < 1_000; i++) { // 1,000 answers of 33 KB: 33 MB offered
            cache.get(CacheKind.RECOMMENDATIONS, "k" + i, Bytes.INSTANCE, () -> new byte[33_000]);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> rec = (Map<String, Object>) cache.stats().get("recommendations");
        long max = ((Number) rec.get("max_bytes")).longValue();
        assertThat(max).isEqualTo((long) (budget * CacheKind.RECOMMENDATIONS.share()));
        assertThat(((Number) rec.get("bytes")).longValue()).isPositive().isLessThanOrEqualTo(max);
        assertThat(((Number) rec.get("entries")).longValue()).isBetween(150L, 191L); // 6 MiB / ~33 KB, less what eviction keeps free
        // the newest answer is still there, the oldest is gone
        assertThat(cache.get(CacheKind.RECOMMENDATIONS, "k999", Bytes.INSTANCE, () -> new byte[1]).status()).isEqualTo(TieredCache.Status.HIT);
        assertThat(cache.get(CacheKind.RECOMMENDATIONS, "k0", Bytes.INSTANCE, () -> new byte[1]).status()).isEqualTo(TieredCache.Status.MISS);
    }

    @Test
    void aValueWeighsWhatItSaysItHoldsOrItsKindsTypicalSize() {
        assertThat(TieredCache.weight(CacheKind.RECOMMENDATIONS, "k", new byte[1000])).isEqualTo(64 + 2 + 1016);
        assertThat(TieredCache.weight(CacheKind.USER_DATA, "k", new Big(5000))).isEqualTo(64 + 2 + 5000);
        assertThat(TieredCache.weight(CacheKind.USER_DATA, "k", "a string")).isEqualTo(64 + 2 + CacheKind.USER_DATA.typicalBytes());
        assertThat(TieredCache.weight(CacheKind.USER_DATA, "k", new Big(Long.MAX_VALUE))).isEqualTo(Integer.MAX_VALUE);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TieredCache(null, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("budget");
    }
}
