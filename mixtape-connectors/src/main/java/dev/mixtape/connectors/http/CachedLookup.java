package dev.mixtape.connectors.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Id lookups against a remote API (audio features, tracks) with the slow paths removed:
 * <ol>
 *   <li>the cache is checked first, so a hit never waits on the rate limiter (found: entries for {@code ttl};
 *       not found: remembered for {@code negativeTtl}, so futile lookups are not repeated);</li>
 *   <li>ids already being fetched by another caller are waited for, not fetched again (in-flight
 *       de-duplication);</li>
 *   <li>the remaining ids are fetched in full batches of {@code batchSize}, each batch taking one token from a
 *       token bucket ({@code permitsPerSecond}) before it is sent.</li>
 * </ol>
 * Thread-safe.
 */
public final class CachedLookup<V> {
    private static final Object ABSENT = new Object();

    private final Function<List<String>, Map<String, V>> fetch;
    private final int batchSize;
    private final Cache<String, Object> cache;
    private final Cache<String, Object> absent;
    private final ConcurrentHashMap<String, CompletableFuture<Object>> inFlight = new ConcurrentHashMap<>();
    private final Bucket bucket;

    /** @param fetch the remote batch call: ids (at most {@code batchSize}) to the values found (absent ids left out) */
    public CachedLookup(Function<List<String>, Map<String, V>> fetch, int batchSize, Duration ttl, Duration negativeTtl, long permitsPerSecond) {
        this.fetch = fetch;
        this.batchSize = batchSize;
        this.cache = Caffeine.newBuilder().maximumSize(500_000).expireAfterWrite(ttl).build();
        this.absent = Caffeine.newBuilder().maximumSize(500_000).expireAfterWrite(negativeTtl).build();
        this.bucket = Bucket.builder().addLimit(Bandwidth.builder().capacity(permitsPerSecond)
                .refillGreedy(permitsPerSecond, Duration.ofSeconds(1)).build()).build();
    }

    /** The values of {@code ids} that exist, in request order. */
    @SuppressWarnings("unchecked")
    public Map<String, V> get(List<String> ids) {
        Map<String, Object> found = new LinkedHashMap<>();
        List<String> mine = new ArrayList<>();
        Map<String, CompletableFuture<Object>> theirs = new LinkedHashMap<>();
        for (String id : ids.stream().distinct().toList()) {
            Object v = cache.getIfPresent(id);
            if (v != null) {
                found.put(id, v);
            } else if (absent.getIfPresent(id) != null) {
                found.put(id, ABSENT);
            } else {
                CompletableFuture<Object> f = new CompletableFuture<>();
                CompletableFuture<Object> other = inFlight.putIfAbsent(id, f);
                if (other == null) {
                    mine.add(id);
                } else {
                    theirs.put(id, other);
                }
            }
        }
        for (int from = 0; from < mine.size(); from += batchSize) {
            List<String> batch = mine.subList(from, Math.min(mine.size(), from + batchSize));
            try {
                bucket.asBlocking().consume(1);
                Map<String, V> got = fetch.apply(batch);
                for (String id : batch) {
                    V v = got.get(id);
                    if (v == null) {
                        absent.put(id, ABSENT);
                    } else {
                        cache.put(id, v);
                    }
                    found.put(id, v == null ? ABSENT : v);
                    inFlight.remove(id).complete(v == null ? ABSENT : v);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failAll(mine.subList(from, mine.size()), e);
                throw new IllegalStateException("interrupted while waiting for the rate limit", e);
            } catch (RuntimeException e) {
                failAll(mine.subList(from, mine.size()), e);
                throw e;
            }
        }
        theirs.forEach((id, f) -> found.put(id, f.join()));
        Map<String, V> out = new LinkedHashMap<>();
        found.forEach((id, v) -> {
            if (v != ABSENT) {
                out.put(id, (V) v);
            }
        });
        return out;
    }

    private void failAll(List<String> ids, Throwable e) {
        for (String id : ids) {
            Optional.ofNullable(inFlight.remove(id)).ifPresent(f -> f.completeExceptionally(e));
        }
    }

    /** Tokens left in the bucket now (for tests and metrics). */
    public long availableTokens() {
        return bucket.getAvailableTokens();
    }
}
