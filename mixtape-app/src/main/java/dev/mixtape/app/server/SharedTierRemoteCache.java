package dev.mixtape.app.server;

import dev.mixtape.connectors.http.RemoteCache;
import dev.mixtape.storage.cache.SharedTier;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The remote caches' second level in the shared tier (Redis): keys {@code mixtape:remote:<kind>:<key>}, each with its
 * kind's TTL. Fails soft like the tier itself: when Redis is down, reads miss and writes are dropped.
 */
public final class SharedTierRemoteCache implements RemoteCache {
    private final SharedTier tier;

    public SharedTierRemoteCache(SharedTier tier) {
        this.tier = tier;
    }

    @Override
    public Map<String, String> getAll(Kind kind, Collection<String> keys) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String k : keys) {
            tier.get(key(kind, k)).ifPresent(b -> out.put(k, new String(b, StandardCharsets.UTF_8)));
        }
        return out;
    }

    @Override
    public void put(Kind kind, String key, String value) {
        tier.put(key(kind, key), value.getBytes(StandardCharsets.UTF_8), kind.ttl());
    }

    private static String key(Kind kind, String key) {
        return "mixtape:remote:" + kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + key;
    }
}
