package dev.mixtape.storage.cache;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A shared tier in memory, for tests: several {@code MapTier}s over one {@link Backend} behave like server instances
 * on one Redis (values with their TTL, deletes, invalidations published to every instance). {@link SharedTierContract}
 * holds it to what {@link dev.mixtape.storage.redis.RedisSharedTier} does. {@link #up} false makes this instance act
 * unreachable (reads miss, writes are dropped).
 */
public final class MapTier implements SharedTier {
    /** What the instances share: the values with their expiry (nanoTime) and every instance's invalidation listeners. */
    public static final class Backend {
        final Map<String, Object[]> values = new ConcurrentHashMap<>();
        final java.util.List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    }

    private final Backend backend;
    volatile boolean up = true;

    /** An instance with a backend of its own. */
    public MapTier() {
        this(new Backend());
    }

    public MapTier(Backend backend) {
        this.backend = backend;
    }

    /** Whether a live value is stored under {@code key}. */
    boolean has(String key) {
        return get(key).isPresent();
    }

    /** Stores {@code value} under {@code key} for an hour, bypassing {@link #up}. */
    void seed(String key, byte[] value) {
        backend.values.put(key, new Object[] {value.clone(), System.nanoTime() + Duration.ofHours(1).toNanos()});
    }

    @Override
    public Optional<byte[]> get(String key) {
        if (!up) {
            return Optional.empty();
        }
        Object[] e = backend.values.get(key);
        if (e == null) {
            return Optional.empty();
        }
        if (System.nanoTime() - (long) e[1] >= 0) {
            backend.values.remove(key, e);
            return Optional.empty();
        }
        return Optional.of(((byte[]) e[0]).clone());
    }

    @Override
    public void put(String key, byte[] value, Duration ttl) {
        if (up) {
            backend.values.put(key, new Object[] {value.clone(), System.nanoTime() + ttl.toNanos()});
        }
    }

    @Override
    public void delete(String key) {
        if (up) {
            backend.values.remove(key);
        }
    }

    @Override
    public void publishInvalidation(String key) {
        if (up) {
            backend.listeners.forEach(l -> l.accept(key));
        }
    }

    @Override
    public void onInvalidation(Consumer<String> listener) {
        backend.listeners.add(listener);
    }

    @Override
    public boolean available() {
        return up;
    }

    @Override
    public void close() {}
}
