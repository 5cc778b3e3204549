package dev.mixtape.connectors.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/** The in-process level: one Caffeine cache per kind, each with the kind's time to live. */
public final class LocalRemoteCache implements RemoteCache {
    private final Map<Kind, Cache<String, String>> caches = new EnumMap<>(Kind.class);

    public LocalRemoteCache(long maxEntriesPerKind) {
        for (Kind k : Kind.values()) {
            caches.put(k, Caffeine.newBuilder().maximumSize(maxEntriesPerKind).expireAfterWrite(k.ttl()).build());
        }
    }

    @Override
    public Map<String, String> getAll(Kind kind, Collection<String> keys) {
        return caches.get(kind).getAllPresent(keys);
    }

    @Override
    public void put(Kind kind, String key, String value) {
        caches.get(kind).put(key, value);
    }

    /** Entries held now, per kind (stats). */
    public long size(Kind kind) {
        return caches.get(kind).estimatedSize();
    }
}
