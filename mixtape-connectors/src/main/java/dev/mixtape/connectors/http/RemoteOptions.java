package dev.mixtape.connectors.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;

/**
 * How calls to a remote API are made.
 *
 * @param connectTimeout   connect timeout
 * @param readTimeout      read timeout per request (ReccoBeats: 60 s by default, it can be slow)
 * @param globalConcurrency calls in flight at once, in all
 * @param perHostConcurrency calls in flight at once to one host
 * @param permitsPerSecond token-bucket rate per host
 * @param slowThreshold    calls slower than this are logged
 * @param maxAttempts      attempts per call (429, 5xx, timeouts)
 * @param baseBackoff      first backoff (doubled per attempt, with jitter)
 * @param maxRetryAfter    the longest Retry-After honoured before giving up waiting
 * @param optimised        false: the naive path (sequential, one id per call, no cache, no de-duplication, no
 *                         limiter or bounds; still retries), kept for the {@code bench remote} comparison
 */
public record RemoteOptions(Duration connectTimeout, Duration readTimeout, int globalConcurrency, int perHostConcurrency,
                            long permitsPerSecond, Duration slowThreshold, int maxAttempts, Duration baseBackoff,
                            Duration maxRetryAfter, boolean optimised, MeterRegistry meters) {
    public static RemoteOptions defaults(Duration readTimeout) {
        return new RemoteOptions(Duration.ofSeconds(5), readTimeout, 16, 8, 10, TimedTransport.DEFAULT_SLOW, 3,
                Duration.ofMillis(250), Duration.ofSeconds(30), true, new SimpleMeterRegistry());
    }

    public RemoteOptions naive() {
        return new RemoteOptions(connectTimeout, readTimeout, globalConcurrency, perHostConcurrency, permitsPerSecond, slowThreshold,
                maxAttempts, baseBackoff, maxRetryAfter, false, meters);
    }

    public RemoteOptions withMeters(MeterRegistry registry) {
        return new RemoteOptions(connectTimeout, readTimeout, globalConcurrency, perHostConcurrency, permitsPerSecond, slowThreshold,
                maxAttempts, baseBackoff, maxRetryAfter, optimised, registry);
    }

    public RemoteOptions withRate(long perSecond) {
        return new RemoteOptions(connectTimeout, readTimeout, globalConcurrency, perHostConcurrency, perSecond, slowThreshold,
                maxAttempts, baseBackoff, maxRetryAfter, optimised, meters);
    }

    public RemoteOptions withRetries(int attempts, Duration backoff) {
        return new RemoteOptions(connectTimeout, readTimeout, globalConcurrency, perHostConcurrency, permitsPerSecond, slowThreshold,
                attempts, backoff, maxRetryAfter, optimised, meters);
    }

    /**
     * The transport chain: retries and circuit breaker, then the rate limiter, then the concurrency bounds, then
     * the timing, then the pooled HTTP client. The naive path keeps the retries and the timing only.
     */
    public Transport transport() {
        Transport t = new TimedTransport(new JdkTransport(connectTimeout, readTimeout), meters, slowThreshold);
        if (optimised) {
            t = new RateLimitedTransport(new BoundedTransport(t, globalConcurrency, perHostConcurrency), permitsPerSecond);
        }
        return new RetryingTransport(t, new Resilience(maxAttempts, baseBackoff, maxRetryAfter));
    }

    /**
     * A lookup by id over {@code batch} (one remote call for at most {@code batchSize} ids): cache, then in-flight
     * de-duplication, then batching. The naive path asks for one id per call, one after another.
     */
    public Lookup lookup(Lookup batch, int batchSize, RemoteCache cache, RemoteCache.Kind kind, AbsentIds absent) {
        if (!optimised) {
            return ids -> {
                java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> out = new java.util.LinkedHashMap<>();
                for (String id : ids.stream().distinct().toList()) {
                    out.putAll(batch.get(java.util.List.of(id)));
                }
                return out;
            };
        }
        return new CachingLookup(new InFlightLookup(new BatchingLookup(batch, batchSize)), cache, kind, absent);
    }
}
