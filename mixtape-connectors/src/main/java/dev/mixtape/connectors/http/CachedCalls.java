package dev.mixtape.connectors.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Single remote calls that are not lookups by id (a search, an artist's top tracks, a recommendation): the cache
 * first, then in-flight de-duplication (identical concurrent calls share one), then the call; the answer is kept
 * for the kind's TTL. When {@code enabled} is false (the naive path), every call goes out.
 */
public final class CachedCalls {
    private final RemoteCache cache;
    private final boolean enabled;
    private final ConcurrentHashMap<String, CompletableFuture<JsonNode>> inFlight = new ConcurrentHashMap<>();

    public CachedCalls(RemoteCache cache, boolean enabled) {
        this.cache = cache;
        this.enabled = enabled;
    }

    public JsonNode get(RemoteCache.Kind kind, String key, Supplier<JsonNode> call) {
        if (!enabled) {
            return call.get();
        }
        String hit = cache.get(kind, key).orElse(null);
        if (hit != null) {
            try {
                return RemoteJson.mapper().readTree(hit);
            } catch (IOException e) {
                // unreadable entry: call again
            }
        }
        String flightKey = kind.name() + "|" + key;
        CompletableFuture<JsonNode> mine = new CompletableFuture<>();
        CompletableFuture<JsonNode> other = inFlight.putIfAbsent(flightKey, mine);
        if (other != null) {
            try {
                return other.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            JsonNode v = call.get();
            cache.put(kind, key, v.toString());
            mine.complete(v);
            return v;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(flightKey, mine);
        }
    }
}
