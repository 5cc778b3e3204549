package dev.mixtape.storage.ratelimit;

import java.time.Duration;

/** A per-key request budget (mixtape keys it by listener). Thread-safe. */
public interface RateLimiter {
    /** Takes one request from {@code key}'s budget; when it is spent, says how long until one is free. */
    Decision tryAcquire(String key);

    record Decision(boolean allowed, long remaining, Duration retryAfter) {
        /** Whole seconds to wait, at least 1, for the {@code Retry-After} header. */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }

    /** Requests per window; the bucket refills smoothly (greedily) over the window. */
    record Limit(long requests, Duration window) {
        public Limit {
            if (requests < 1) {
                throw new IllegalArgumentException("a rate limit must allow at least 1 request, got " + requests);
            }
        }
    }
}
