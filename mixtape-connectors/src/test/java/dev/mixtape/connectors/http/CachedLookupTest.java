package dev.mixtape.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class CachedLookupTest {
    /** A remote that knows ids starting with "k" and records each batch it was asked. */
    static final class Remote implements java.util.function.Function<List<String>, Map<String, String>> {
        final List<List<String>> batches = new CopyOnWriteArrayList<>();
        volatile CountDownLatch hold;

        @Override
        public Map<String, String> apply(List<String> ids) {
            batches.add(List.copyOf(ids));
            if (hold != null) {
                try {
                    hold.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Map<String, String> out = new HashMap<>();
            ids.stream().filter(id -> id.startsWith("k")).forEach(id -> out.put(id, "v-" + id));
            return out;
        }
    }

    @Test
    void fullBatchesHitsWithoutTokensAndNotFoundRemembered() {
        Remote remote = new Remote();
        CachedLookup<String> lookup = new CachedLookup<>(remote, 40, Duration.ofDays(7), Duration.ofHours(1), 10);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 85; i++) {
            ids.add(i % 10 == 0 ? "missing" + i : "k" + i);
        }
        Map<String, String> first = lookup.get(ids);
        assertThat(first).hasSize(85 - 9).containsEntry("k1", "v-k1").doesNotContainKey("missing0");
        assertThat(remote.batches).extracting(List::size).containsExactly(40, 40, 5);
        long tokens = lookup.availableTokens();
        // everything again: answered from the cache (found and not found), no call and no token
        assertThat(lookup.get(ids)).isEqualTo(first);
        assertThat(remote.batches).hasSize(3);
        assertThat(lookup.availableTokens()).isGreaterThanOrEqualTo(tokens);
    }

    @Test
    void concurrentCallersShareOneFetch() throws Exception {
        Remote remote = new Remote();
        remote.hold = new CountDownLatch(1);
        CachedLookup<String> lookup = new CachedLookup<>(remote, 40, Duration.ofDays(7), Duration.ofHours(1), 10);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Map<String, String>>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(pool.submit(() -> lookup.get(List.of("k1", "k2", "k3"))));
            }
            Thread.sleep(200);
            remote.hold.countDown();
            for (Future<Map<String, String>> f : calls) {
                assertThat(f.get()).containsOnlyKeys("k1", "k2", "k3");
            }
        } finally {
            pool.shutdown();
        }
        assertThat(remote.batches.stream().mapToInt(List::size).sum()).isEqualTo(3);
    }
}
