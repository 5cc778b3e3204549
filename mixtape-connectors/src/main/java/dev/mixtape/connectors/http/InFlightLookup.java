package dev.mixtape.connectors.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-flight de-duplication: an id that another caller is already fetching is waited for, not fetched again;
 * concurrent identical requests therefore share one call.
 */
public final class InFlightLookup implements Lookup {
    private final Lookup inner;
    private final ConcurrentHashMap<String, CompletableFuture<JsonNode>> inFlight = new ConcurrentHashMap<>();

    public InFlightLookup(Lookup inner) {
        this.inner = inner;
    }

    @Override
    public Map<String, JsonNode> get(List<String> ids) {
        List<String> mine = new ArrayList<>();
        Map<String, CompletableFuture<JsonNode>> waits = new LinkedHashMap<>();
        for (String id : ids.stream().distinct().toList()) {
            CompletableFuture<JsonNode> f = new CompletableFuture<>();
            CompletableFuture<JsonNode> other = inFlight.putIfAbsent(id, f);
            waits.put(id, other == null ? f : other);
            if (other == null) {
                mine.add(id);
            }
        }
        RuntimeException failure = null;
        if (!mine.isEmpty()) {
            Map<String, JsonNode> got;
            try {
                got = inner.get(mine);
            } catch (PartialFailure e) {
                got = e.partial();
                failure = e;
            } catch (RuntimeException e) {
                got = Map.of();
                failure = e;
            }
            // failed: the ids of the batches that failed; the others not found were answered absent
            java.util.Set<String> failedIds = failure == null ? java.util.Set.of()
                    : failure instanceof PartialFailure p ? java.util.Set.copyOf(p.failed()) : java.util.Set.copyOf(mine);
            for (String id : mine) {
                CompletableFuture<JsonNode> f = inFlight.remove(id);
                JsonNode v = got.get(id);
                if (v != null || !failedIds.contains(id)) {
                    f.complete(v == null ? MissingNode.getInstance() : v);
                } else {
                    f.completeExceptionally(failure);
                }
            }
        }
        Map<String, JsonNode> out = new LinkedHashMap<>();
        List<String> failed = new ArrayList<>();
        for (Map.Entry<String, CompletableFuture<JsonNode>> e : waits.entrySet()) {
            try {
                JsonNode v = e.getValue().join();
                if (!v.isMissingNode()) {
                    out.put(e.getKey(), v);
                }
            } catch (CompletionException ex) {
                failed.add(e.getKey());
                if (failure == null) {
                    failure = ex.getCause() instanceof RuntimeException r ? r : ex;
                }
            }
        }
        if (!failed.isEmpty()) {
            RuntimeException reason = failure instanceof PartialFailure p ? p.reason() : failure;
            throw new PartialFailure(out, failed, reason);
        }
        return out;
    }
}
