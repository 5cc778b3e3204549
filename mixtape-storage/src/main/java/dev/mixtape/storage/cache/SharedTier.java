package dev.mixtape.storage.cache;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The second cache tier, shared by every server instance (Redis). Every method fails soft: when the
 * tier is unreachable, reads miss, writes are dropped and the caller carries on from its own tier.
 */
public interface SharedTier extends AutoCloseable {
    Optional<byte[]> get(String key);

    void put(String key, byte[] value, Duration ttl);

    void delete(String key);

    /** Tells every instance (this one included) that {@code key} changed. */
    void publishInvalidation(String key);

    /** Calls {@code listener} with each key any instance invalidates. */
    void onInvalidation(Consumer<String> listener);

    /** Whether the tier answered its last request. */
    boolean available();

    @Override
    void close();
}
