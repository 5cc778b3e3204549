package dev.mixtape.connectors.http;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Retries and circuit breakers for calls to a remote host (Resilience4j). Retried: 429, 5xx and I/O failures
 * (timeouts included), up to {@code maxAttempts}; a 429's {@code Retry-After} sets the wait, otherwise
 * exponential backoff with full jitter. Never retried: other 4xx, which cannot succeed by trying again. One
 * circuit breaker per host opens when half the last 20 calls failed with a 5xx or in transport (a 429 is
 * throttling, not failure, and does not count), and fails calls fast for 30 s.
 */
public final class Resilience {
    private final RetryConfig retryConfig;
    private final CircuitBreakerRegistry breakers;

    /** A remote answer that is not 2xx: the status, the body's message and any Retry-After (seconds). */
    public static final class HttpStatusException extends RuntimeException {
        private final int status;
        private final Duration retryAfter;

        public HttpStatusException(int status, String message, Duration retryAfter) {
            super(message);
            this.status = status;
            this.retryAfter = retryAfter;
        }

        public int status() {
            return status;
        }

        public Duration retryAfter() {
            return retryAfter;
        }

        public boolean transientFailure() {
            return status == 429 || status >= 500;
        }
    }

    /** The call failed to reach the host or timed out. */
    public static final class TransportException extends RuntimeException {
        public TransportException(String message, IOException cause) {
            super(message, cause);
        }

        public boolean timeout() {
            return getCause() instanceof HttpTimeoutException;
        }
    }

    public Resilience(int maxAttempts, Duration baseBackoff, Duration maxRetryAfter) {
        IntervalBiFunction<Object> interval = (attempt, either) -> {
            if (either != null && either.isLeft() && either.getLeft() instanceof HttpStatusException h && h.retryAfter() != null) {
                return Math.min(h.retryAfter().toMillis(), maxRetryAfter.toMillis());
            }
            long cap = baseBackoff.toMillis() << Math.min(10, attempt - 1);
            return ThreadLocalRandom.current().nextLong(cap / 2, cap + 1);
        };
        this.retryConfig = RetryConfig.custom().maxAttempts(maxAttempts).intervalBiFunction(interval)
                .retryOnException(Resilience::transientFailure).build();
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowSize(20).minimumNumberOfCalls(10).failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(30))
                .recordException(Resilience::hostFailure).build());
    }

    /** A response's {@code Retry-After} in seconds, or null when absent or not a number of seconds. */
    public static Duration retryAfter(java.net.http.HttpResponse<?> r) {
        return r.headers().firstValue("Retry-After").map(v -> {
            try {
                return Duration.ofSeconds(Long.parseLong(v.trim()));
            } catch (NumberFormatException e) {
                return null;
            }
        }).orElse(null);
    }

    /**
     * What counts against a host's breaker: 5xx and transport failures. A 429 does not: the host is up and says
     * when to come back, which the retry honours; counting it opened the breaker of a host that was only
     * throttling a burst.
     */
    static boolean hostFailure(Throwable t) {
        return (t instanceof HttpStatusException h && h.status() >= 500) || t instanceof TransportException;
    }

    static boolean transientFailure(Throwable t) {
        return (t instanceof HttpStatusException h && h.transientFailure()) || t instanceof TransportException;
    }

    /** Runs {@code call} against {@code host} with the breaker and retries. */
    public <T> T call(String host, String name, Supplier<T> call) {
        CircuitBreaker breaker = breakers.circuitBreaker(host);
        Retry retry = Retry.of(host + ":" + name, retryConfig);
        return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, call)).get();
    }

    public CircuitBreaker.State state(String host) {
        return breakers.circuitBreaker(host).getState();
    }
}
