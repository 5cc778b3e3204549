package dev.mixtape.connectors.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cache, checked before anything else (so a hit never waits on batching, concurrency bounds or the rate
 * limiter): found objects are kept under {@code kind}; ids the remote said do not exist are kept under
 * {@link RemoteCache.Kind#ABSENT} (negative caching, 1 hour) and registered in {@link AbsentIds}, and are not asked
 * for again meanwhile. Objects found before a batch failed are kept too.
 */
public final class CachingLookup implements Lookup {
    private final Lookup inner;
    private final RemoteCache cache;
    private final RemoteCache.Kind kind;
    private final AbsentIds absentIds;

    public CachingLookup(Lookup inner, RemoteCache cache, RemoteCache.Kind kind, AbsentIds absentIds) {
        this.inner = inner;
        this.cache = cache;
        this.kind = kind;
        this.absentIds = absentIds;
    }

    @Override
    public Map<String, JsonNode> get(List<String> ids) {
        List<String> distinct = ids.stream().distinct().toList();
        Map<String, String> hits = cache.getAll(kind, distinct);
        Map<String, JsonNode> found = new LinkedHashMap<>();
        List<String> misses = new ArrayList<>();
        List<String> suspects = new ArrayList<>();
        for (String id : distinct) {
            String json = hits.get(id);
            JsonNode n = json == null ? null : parse(json);
            if (n != null) {
                found.put(id, n);
            } else if (absentIds.mightBeAbsent(absentKey(id))) {
                suspects.add(absentKey(id));
                misses.add(id);
            } else {
                misses.add(id);
            }
        }
        if (!suspects.isEmpty()) {
            Map<String, String> known = cache.getAll(RemoteCache.Kind.ABSENT, suspects);
            misses.removeIf(id -> known.containsKey(absentKey(id)));
        }
        if (!misses.isEmpty()) {
            Map<String, JsonNode> got;
            try {
                got = inner.get(misses);
            } catch (PartialFailure e) {
                keep(e.partial(), misses, e.failed());
                throw e;
            }
            keep(got, misses, List.of());
            found.putAll(got);
        }
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (String id : distinct) {
            JsonNode n = found.get(id);
            if (n != null) {
                out.put(id, n);
            }
        }
        return out;
    }

    private void keep(Map<String, JsonNode> got, List<String> asked, List<String> failed) {
        for (String id : asked) {
            JsonNode n = got.get(id);
            if (n != null) {
                cache.put(kind, id, n.toString());
            } else if (!failed.contains(id)) {
                cache.put(RemoteCache.Kind.ABSENT, absentKey(id), "1");
                absentIds.add(absentKey(id));
            }
        }
    }

    private String absentKey(String id) {
        return kind.name() + ":" + id;
    }

    private static JsonNode parse(String json) {
        try {
            return RemoteJson.mapper().readTree(json);
        } catch (IOException e) {
            return null; // unreadable entry: fetch again
        }
    }
}
