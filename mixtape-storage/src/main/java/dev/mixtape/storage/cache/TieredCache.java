package dev.mixtape.storage.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Two cache levels: Caffeine in process, then (when configured) a {@link SharedTier} such as Redis.
 * {@link #get} is get-or-compute with single flight: concurrent misses on one key compute once (Caffeine
 * runs one loader per key while the others wait for it), and a value found in the shared tier is not
 * computed at all. Each {@link CacheKind} has its own TTL in both tiers. {@link #invalidate} drops a key
 * here and in the shared tier, and tells the other instances to drop it from their own first tier.
 * Thread-safe.
 */
public final class TieredCache implements AutoCloseable {
    /** Where an answer came from. */
    public enum Status {
        HIT("hit"), SHARED_HIT("shared-hit"), MISS("miss");

        private final String wireName;

        Status(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    public record Cached<T>(T value, Status status) {}

    /** How a value is kept in the shared tier. */
    public interface Codec<T> {
        byte[] encode(T value);

        T decode(byte[] bytes);
    }

    private final Map<CacheKind, Cache<String, Object>> local = new EnumMap<>(CacheKind.class);
    private final SharedTier shared;
    private final Map<CacheKind, LongAdder[]> sharedStats = new EnumMap<>(CacheKind.class);
    private final ThreadLocal<Status> lastLoad = new ThreadLocal<>();

    /** @param shared the second tier, or null for in-process only */
    public TieredCache(SharedTier shared) {
        this.shared = shared;
        for (CacheKind k : CacheKind.values()) {
            local.put(k, Caffeine.newBuilder().maximumSize(k.maxEntries()).expireAfterWrite(k.ttl()).recordStats().build());
            sharedStats.put(k, new LongAdder[] {new LongAdder(), new LongAdder(), new LongAdder()});
        }
        if (shared != null) {
            shared.onInvalidation(key -> {
                int sep = key.indexOf('|');
                if (sep > 0) {
                    try {
                        local.get(CacheKind.valueOf(key.substring(0, sep))).invalidate(key.substring(sep + 1));
                    } catch (IllegalArgumentException ignored) {
                        // a kind this version does not know
                    }
                }
            });
        }
    }

    public boolean hasSharedTier() {
        return shared != null;
    }

    public boolean sharedTierAvailable() {
        return shared != null && shared.available();
    }

    /** The value under {@code key}: from the first tier, else the shared tier, else computed once and kept in both. */
    @SuppressWarnings("unchecked")
    public <T> Cached<T> get(CacheKind kind, String key, Codec<T> codec, Supplier<T> compute) {
        Cache<String, Object> cache = local.get(kind);
        // stays HIT unless this call runs the loader (a waiter on another call's load also sees a hit)
        lastLoad.set(Status.HIT);
        try {
            T value = (T) cache.get(key, k -> load(kind, k, codec, compute));
            return new Cached<>(value, lastLoad.get());
        } finally {
            lastLoad.remove();
        }
    }

    private <T> Object load(CacheKind kind, String key, Codec<T> codec, Supplier<T> compute) {
        LongAdder[] stats = sharedStats.get(kind);
        if (shared != null) {
            Optional<byte[]> bytes = shared.get(sharedKey(kind, key));
            if (bytes.isPresent()) {
                try {
                    T decoded = codec.decode(bytes.get());
                    stats[0].increment();
                    lastLoad.set(Status.SHARED_HIT);
                    return decoded;
                } catch (RuntimeException e) {
                    stats[2].increment(); // unreadable (another version's format): recompute
                }
            }
            stats[1].increment();
        }
        T value = compute.get();
        lastLoad.set(Status.MISS);
        if (shared != null && value != null) {
            shared.put(sharedKey(kind, key), codec.encode(value), kind.ttl());
        }
        return value;
    }

    /** The value in the first tier, without loading. */
    @SuppressWarnings("unchecked")
    public <T> T peek(CacheKind kind, String key) {
        return (T) local.get(kind).getIfPresent(key);
    }

    /** Drops {@code key} here, in the shared tier, and (through the shared tier) in every other instance's first tier. */
    public void invalidate(CacheKind kind, String key) {
        local.get(kind).invalidate(key);
        if (shared != null) {
            shared.delete(sharedKey(kind, key));
            shared.publishInvalidation(kind.name() + "|" + key);
        }
    }

    private static String sharedKey(CacheKind kind, String key) {
        return "mixtape:" + kind.wireName() + ":" + key;
    }

    /** Hit and miss counts per kind and tier, for the stats endpoint and metrics. */
    public Map<String, Object> stats() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (CacheKind k : CacheKind.values()) {
            CacheStats s = local.get(k).stats();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ttl_seconds", k.ttl().toSeconds());
            m.put("entries", local.get(k).estimatedSize());
            m.put("local_hits", s.hitCount());
            m.put("local_misses", s.missCount());
            m.put("local_hit_rate", s.requestCount() == 0 ? 0.0 : s.hitRate());
            if (shared != null) {
                LongAdder[] st = sharedStats.get(k);
                m.put("shared_hits", st[0].sum());
                m.put("shared_misses", st[1].sum());
                m.put("shared_unreadable", st[2].sum());
            }
            out.put(k.wireName(), m);
        }
        return out;
    }

    /** The first tier of a kind, for metrics binders. */
    public Cache<String, Object> localTier(CacheKind kind) {
        return local.get(kind);
    }

    public Function<CacheKind, CacheStats> localStats() {
        return k -> local.get(k).stats();
    }

    @Override
    public void close() {
        if (shared != null) {
            shared.close();
        }
    }
}
