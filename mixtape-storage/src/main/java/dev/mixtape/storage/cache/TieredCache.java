package dev.mixtape.storage.cache;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Two cache levels: Caffeine in process, then (when configured) a {@link SharedTier} such as Redis.
 * {@link #get} is get-or-compute with single flight: concurrent misses on one key compute once (the first
 * caller loads, the others wait for its pending entry), and a value found in the shared tier is not
 * computed at all. Each {@link CacheKind} has its own TTL in both tiers. {@link #invalidate} drops a key
 * here and in the shared tier, and tells the other instances to drop it from their own first tier.
 * The first tier is bounded by memory, not by a count of entries: each kind gets its {@link CacheKind#share()} of
 * a byte budget, and a value weighs what it holds ({@link Sized}, or a byte array's length), so that a few thousand
 * large answers cannot fill the heap. Thread-safe.
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

    /** A cached value that knows about how many bytes of heap it holds, for the first tier's memory bound. */
    public interface Sized {
        long bytes();
    }

    /** The first tier's default memory budget over all kinds: 128 MiB. */
    public static final long DEFAULT_LOCAL_BYTES = 128L << 20;

    /** How a value is kept in the shared tier. */
    public interface Codec<T> {
        byte[] encode(T value);

        T decode(byte[] bytes);
    }

    private final Map<CacheKind, AsyncCache<String, Object>> local = new EnumMap<>(CacheKind.class);
    private final SharedTier shared;
    /** Per kind: first-tier hits, first-tier misses, shared hits, shared misses, shared unreadable. */
    private final Map<CacheKind, LongAdder[]> stats = new EnumMap<>(CacheKind.class);

    /** @param shared the second tier, or null for in-process only */
    public TieredCache(SharedTier shared) {
        this(shared, DEFAULT_LOCAL_BYTES);
    }

    /**
     * @param shared     the second tier, or null for in-process only
     * @param localBytes the first tier's memory budget over all kinds (each kind gets its share)
     */
    public TieredCache(SharedTier shared, long localBytes) {
        if (localBytes < 1) {
            throw new IllegalArgumentException("the first tier's memory budget must be positive, got " + localBytes);
        }
        this.shared = shared;
        for (CacheKind k : CacheKind.values()) {
            local.put(k, Caffeine.newBuilder().maximumWeight(Math.max(1, (long) (localBytes * k.share())))
                    .<String, Object>weigher((key, value) -> weight(k, key, value))
                    .expireAfterWrite(k.ttl()).buildAsync());
            stats.put(k, new LongAdder[] {new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder()});
        }
        if (shared != null) {
            shared.onInvalidation(key -> {
                int sep = key.indexOf('|');
                if (sep > 0) {
                    try {
                        local.get(CacheKind.valueOf(key.substring(0, sep))).synchronous().invalidate(key.substring(sep + 1));
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

    /**
     * The value under {@code key}: from the first tier, else the shared tier, else computed once and kept in both.
     * The first caller of a missing key puts a pending entry and loads on its own thread; concurrent callers wait
     * for that entry. No lock is held while loading (Caffeine's compute would hold a lock on the key's hash bin
     * for the whole load, and block other keys and invalidations: seen here under load as 176 threads waiting).
     */
    @SuppressWarnings("unchecked")
    public <T> Cached<T> get(CacheKind kind, String key, Codec<T> codec, Supplier<T> compute) {
        java.util.concurrent.ConcurrentMap<String, CompletableFuture<Object>> map = local.get(kind).asMap();
        LongAdder[] st = stats.get(kind);
        CompletableFuture<Object> existing = map.get(key);
        if (existing == null) {
            CompletableFuture<Object> mine = new CompletableFuture<>();
            existing = map.putIfAbsent(key, mine);
            if (existing == null) {
                st[1].increment();
                Status[] status = new Status[1];
                Object value;
                try {
                    value = load(kind, key, codec, compute, status);
                } catch (RuntimeException | Error e) {
                    // completed normally with the failure (Caffeine logs every exceptionally completed entry as a warning,
                    // and a 400 is no warning); the waiters rethrow it
                    map.remove(key, mine);
                    mine.complete(new Failure(e));
                    throw e;
                }
                mine.complete(value);
                if (value == null) {
                    map.remove(key, mine);
                }
                return new Cached<>((T) value, status[0]);
            }
        }
        st[0].increment();
        Object v = existing.join();
        if (v instanceof Failure f) {
            if (f.cause() instanceof RuntimeException r) {
                throw r;
            }
            throw (Error) f.cause();
        }
        return new Cached<>((T) v, Status.HIT);
    }

    /** The outcome of a load that threw, handed to the callers that waited for it. */
    private record Failure(Throwable cause) {}

    private <T> Object load(CacheKind kind, String key, Codec<T> codec, Supplier<T> compute, Status[] status) {
        LongAdder[] st = stats.get(kind);
        if (shared != null) {
            Optional<byte[]> bytes = shared.get(sharedKey(kind, key));
            if (bytes.isPresent()) {
                try {
                    T decoded = codec.decode(bytes.get());
                    st[2].increment();
                    status[0] = Status.SHARED_HIT;
                    return decoded;
                } catch (RuntimeException e) {
                    st[4].increment(); // unreadable (another version's format): recompute
                }
            }
            st[3].increment();
        }
        T value = compute.get();
        status[0] = Status.MISS;
        if (shared != null && value != null) {
            shared.put(sharedKey(kind, key), codec.encode(value), kind.ttl());
        }
        return value;
    }

    /** The value in the first tier, without loading (null when absent or still loading). */
    @SuppressWarnings("unchecked")
    public <T> T peek(CacheKind kind, String key) {
        CompletableFuture<Object> f = local.get(kind).getIfPresent(key);
        Object v = f != null && f.isDone() ? f.join() : null;
        return v instanceof Failure ? null : (T) v;
    }

    /** Drops {@code key} here, in the shared tier, and (through the shared tier) in every other instance's first tier. */
    public void invalidate(CacheKind kind, String key) {
        local.get(kind).synchronous().invalidate(key);
        if (shared != null) {
            shared.delete(sharedKey(kind, key));
            shared.publishInvalidation(kind.name() + "|" + key);
        }
    }

    /** About the heap an entry holds: its value's own account when it has one, plus its key. */
    static int weight(CacheKind kind, String key, Object value) {
        long bytes = value instanceof byte[] b ? b.length + 16L
                : value instanceof Sized s ? s.bytes()
                : kind.typicalBytes();
        return (int) Math.min(Integer.MAX_VALUE, 64L + 2L * key.length() + Math.clamp(bytes, 0, Integer.MAX_VALUE));
    }

    private static String sharedKey(CacheKind kind, String key) {
        return "mixtape:" + kind.wireName() + ":" + key;
    }

    /** Hit and miss counts per kind and tier, for the stats endpoint and metrics. */
    public Map<String, Object> stats() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (CacheKind k : CacheKind.values()) {
            LongAdder[] st = stats.get(k);
            long hits = st[0].sum();
            long misses = st[1].sum();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ttl_seconds", k.ttl().toSeconds());
            m.put("entries", local.get(k).synchronous().estimatedSize());
            local.get(k).synchronous().policy().eviction().ifPresent(e -> {
                m.put("bytes", e.weightedSize().orElse(0));
                m.put("max_bytes", e.getMaximum());
            });
            m.put("local_hits", hits);
            m.put("local_misses", misses);
            m.put("local_hit_rate", hits + misses == 0 ? 0.0 : (double) hits / (hits + misses));
            if (shared != null) {
                m.put("shared_hits", st[2].sum());
                m.put("shared_misses", st[3].sum());
                m.put("shared_unreadable", st[4].sum());
            }
            out.put(k.wireName(), m);
        }
        return out;
    }

    @Override
    public void close() {
        if (shared != null) {
            shared.close();
        }
    }
}
