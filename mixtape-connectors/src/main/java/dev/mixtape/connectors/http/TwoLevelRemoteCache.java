package dev.mixtape.connectors.http;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two levels: the first (in process) is asked first; its misses are asked of the second (shared, e.g. Redis), and
 * what the second has is copied into the first. Writes go to both.
 */
public final class TwoLevelRemoteCache implements RemoteCache {
    private final RemoteCache first;
    private final RemoteCache second;

    public TwoLevelRemoteCache(RemoteCache first, RemoteCache second) {
        this.first = first;
        this.second = second;
    }

    @Override
    public Map<String, String> getAll(Kind kind, Collection<String> keys) {
        Map<String, String> out = new LinkedHashMap<>(first.getAll(kind, keys));
        List<String> misses = new ArrayList<>();
        for (String k : keys) {
            if (!out.containsKey(k)) {
                misses.add(k);
            }
        }
        if (!misses.isEmpty()) {
            second.getAll(kind, misses).forEach((k, v) -> {
                first.put(kind, k, v);
                out.put(k, v);
            });
        }
        return out;
    }

    @Override
    public void put(Kind kind, String key, String value) {
        first.put(kind, key, value);
        second.put(kind, key, value);
    }
}
