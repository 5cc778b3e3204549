package dev.mixtape.connectors.http;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A token bucket per host ({@code permitsPerSecond}, bursts up to the same number): each call takes a token, waiting
 * for one when the bucket is empty. When a host answers 429 with {@code Retry-After}, every call to that host waits
 * until then, instead of each being sent to collect its own 429. This sits below the caches: a cache hit never
 * reaches it, so never waits on it.
 */
public final class RateLimitedTransport implements Transport {
    private final Transport inner;
    private final long permitsPerSecond;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, AtomicLong> pausedUntil = new ConcurrentHashMap<>();

    public RateLimitedTransport(Transport inner, long permitsPerSecond) {
        if (permitsPerSecond < 1) {
            throw new IllegalArgumentException("remote rate limit must be at least 1 call per second, was " + permitsPerSecond);
        }
        this.inner = inner;
        this.permitsPerSecond = permitsPerSecond;
    }

    @Override
    public RemoteResponse send(RemoteRequest request) {
        waitOutPause(request.host());
        Bucket bucket = buckets.computeIfAbsent(request.host(), h -> Bucket.builder().addLimit(Bandwidth.builder()
                .capacity(permitsPerSecond).refillGreedy(permitsPerSecond, Duration.ofSeconds(1)).build()).build());
        try {
            bucket.asBlocking().consume(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the rate limit of " + request.host(), e);
        }
        RemoteResponse r = inner.send(request);
        if (r.status() == 429 && r.retryAfter().isPresent()) {
            long until = System.nanoTime() + r.retryAfter().get().toNanos();
            // nanoTime values are compared by difference (they may be negative): the later deadline wins
            pausedUntil.computeIfAbsent(request.host(), h -> new AtomicLong(System.nanoTime())).accumulateAndGet(until, (a, b) -> b - a > 0 ? b : a);
        }
        return r;
    }

    private void waitOutPause(String host) {
        AtomicLong until = pausedUntil.get(host);
        if (until == null) {
            return;
        }
        long wait = until.get() - System.nanoTime();
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting out a Retry-After of " + host, e);
            }
        }
    }

    /** How long calls to {@code host} are held back by a Retry-After now (zero when not). */
    public Duration pausedFor(String host) {
        AtomicLong until = pausedUntil.get(host);
        return until == null ? Duration.ZERO : Duration.ofNanos(Math.max(0, until.get() - System.nanoTime()));
    }
}
