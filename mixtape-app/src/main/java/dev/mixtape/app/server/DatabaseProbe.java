package dev.mixtape.app.server;

import java.util.function.Supplier;

/** The database check of the readiness probe, asked at most once a second however often the probe is called. */
final class DatabaseProbe {
    private static final long TTL_NANOS = 1_000_000_000L;
    private final Supplier<String> check;
    private volatile long checkedAt = System.nanoTime() - 2 * TTL_NANOS;
    private volatile String last;

    DatabaseProbe(Supplier<String> check) {
        this.check = check;
    }

    String problem() {
        long now = System.nanoTime();
        if (now - checkedAt > TTL_NANOS) {
            synchronized (this) {
                if (now - checkedAt > TTL_NANOS) {
                    last = check.get();
                    checkedAt = System.nanoTime();
                }
            }
        }
        return last;
    }
}
