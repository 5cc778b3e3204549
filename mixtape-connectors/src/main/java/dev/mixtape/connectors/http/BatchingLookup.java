package dev.mixtape.connectors.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Batching: the ids are cut into full batches of {@code batchSize} (Spotify: 50 tracks or artists, 100 audio
 * features; ReccoBeats: 40), sent concurrently on virtual threads (the transport below bounds how many are in
 * flight). When some batches fail, the others' objects are kept in a {@link Lookup.PartialFailure}.
 */
public final class BatchingLookup implements Lookup {
    private static final ExecutorService THREADS = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("remote-batch-", 0).factory());

    private final Lookup batch;
    private final int batchSize;

    /** @param batch the remote call for one batch of at most {@code batchSize} ids */
    public BatchingLookup(Lookup batch, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, was " + batchSize);
        }
        this.batch = batch;
        this.batchSize = batchSize;
    }

    @Override
    public Map<String, JsonNode> get(List<String> ids) {
        List<String> distinct = ids.stream().distinct().toList();
        List<List<String>> batches = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += batchSize) {
            batches.add(distinct.subList(from, Math.min(distinct.size(), from + batchSize)));
        }
        if (batches.size() == 1) {
            return batch.get(batches.get(0));
        }
        List<CompletableFuture<Map<String, JsonNode>>> futures = batches.stream()
                .map(b -> CompletableFuture.supplyAsync(() -> batch.get(b), THREADS)).toList();
        Map<String, JsonNode> found = new LinkedHashMap<>();
        List<String> failed = new ArrayList<>();
        RuntimeException first = null;
        for (int i = 0; i < futures.size(); i++) {
            try {
                found.putAll(futures.get(i).join());
            } catch (CompletionException e) {
                failed.addAll(batches.get(i));
                if (first == null) {
                    first = e.getCause() instanceof RuntimeException r ? r : e;
                }
            }
        }
        if (first != null) {
            throw new PartialFailure(found, failed, first);
        }
        return found;
    }
}
