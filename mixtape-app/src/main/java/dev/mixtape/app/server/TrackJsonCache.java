package dev.mixtape.app.server;

import com.fasterxml.jackson.core.io.SerializedString;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Serialised Spotify track objects, kept per track so that a popular track is written once and then
 * copied as bytes: a {@code /v1/recommendations} answer is 100 such objects. The objects carry
 * {@code href}s with the base URL clients reach the server at, so the cache serves one base URL, the
 * first it sees; requests through another host name are written afresh. At most {@code maxEntries}
 * tracks are kept (about 1.3 KB each). Belongs to one {@link Engine}; thread-safe.
 */
public final class TrackJsonCache {
    public static final int DEFAULT_MAX_ENTRIES = 40_000;

    private final AtomicReferenceArray<SerializedString> entries;
    private final AtomicInteger count = new AtomicInteger();
    private final int maxEntries;
    private volatile String base;

    public TrackJsonCache(int tracks, int maxEntries) {
        this.entries = new AtomicReferenceArray<>(tracks);
        this.maxEntries = maxEntries;
    }

    /** The cached object of {@code track} for {@code base}, or null. */
    SerializedString get(String forBase, int track) {
        String b = base;
        if (b == null) {
            synchronized (this) {
                if (base == null) {
                    base = forBase;
                }
                b = base;
            }
        }
        return b.equals(forBase) ? entries.get(track) : null;
    }

    /** Remembers the object of {@code track} (written for the cache's base URL) while there is room. */
    void put(int track, String json) {
        if (count.get() < maxEntries && entries.compareAndSet(track, null, prime(json))) {
            count.incrementAndGet();
        }
    }

    boolean serves(String forBase) {
        return forBase.equals(base);
    }

    public int size() {
        return count.get();
    }

    private static SerializedString prime(String json) {
        SerializedString s = new SerializedString(json);
        s.asUnquotedUTF8();
        return s;
    }
}
