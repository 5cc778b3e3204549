package dev.mixtape.connectors.http;

import com.google.common.hash.BloomFilter;
import com.google.common.hash.Funnels;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A registry of ids known to be absent, as Bloom filters (Guava): {@link #mightBeAbsent} answers false for an id
 * never reported absent (certain), true for one that was (or, rarely, a false positive). {@link CachingLookup} asks
 * it first and consults the negative cache (which may be a Redis round trip) only on true, so the ids that exist,
 * nearly all of them, cost no second lookup; the negative cache stays the authority, so a false positive never hides
 * a real id. A Bloom filter cannot forget: two generations are kept, and every {@code rotateEvery} (the negative
 * cache's TTL) the older is dropped, so an id stops being suspected once its negative entry has expired. Thread-safe.
 */
public final class AbsentIds {
    private final long expected;
    private final double fpp;
    private final long rotateNanos;
    private BloomFilter<CharSequence> current;
    private BloomFilter<CharSequence> previous;
    private long rotatedAt = System.nanoTime();

    public AbsentIds(long expectedIds, double falsePositiveRate, Duration rotateEvery) {
        this.expected = expectedIds;
        this.fpp = falsePositiveRate;
        this.rotateNanos = rotateEvery.toNanos();
        this.current = create();
        this.previous = create();
    }

    private BloomFilter<CharSequence> create() {
        return BloomFilter.create(Funnels.stringFunnel(StandardCharsets.UTF_8), expected, fpp);
    }

    public synchronized void add(String id) {
        rotateIfDue();
        current.put(id);
    }

    public synchronized boolean mightBeAbsent(String id) {
        rotateIfDue();
        return current.mightContain(id) || previous.mightContain(id);
    }

    private void rotateIfDue() {
        if (System.nanoTime() - rotatedAt >= rotateNanos) {
            previous = current;
            current = create();
            rotatedAt = System.nanoTime();
        }
    }
}
