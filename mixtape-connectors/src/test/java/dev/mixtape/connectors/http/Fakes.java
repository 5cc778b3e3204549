package dev.mixtape.connectors.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Test doubles for the lookup and transport decorators. */
final class Fakes {
    private Fakes() {}

    static JsonNode obj(String id) {
        return RemoteJson.mapper().createObjectNode().put("id", id).put("name", "v-" + id);
    }

    /**
     * A remote that knows the ids starting with "k" and records every batch it is asked. A batch containing an id
     * that {@code failOn} accepts throws. When {@code hold} is set, each call counts down {@code entered} and then
     * waits for {@code hold}.
     */
    static final class Remote implements Lookup {
        final List<List<String>> batches = new CopyOnWriteArrayList<>();
        volatile Predicate<String> failOn = id -> false;
        volatile CountDownLatch entered = new CountDownLatch(0);
        volatile CountDownLatch hold;

        @Override
        public Map<String, JsonNode> get(List<String> ids) {
            batches.add(List.copyOf(ids));
            entered.countDown();
            if (hold != null) {
                await(hold);
            }
            if (ids.stream().anyMatch(failOn)) {
                throw new IllegalStateException("batch failed: " + ids.get(0) + "…");
            }
            Map<String, JsonNode> out = new LinkedHashMap<>();
            ids.stream().filter(id -> id.startsWith("k")).forEach(id -> out.put(id, obj(id)));
            return out;
        }

        int idsAsked() {
            return batches.stream().mapToInt(List::size).sum();
        }
    }

    static RemoteRequest request(String host, String endpoint) {
        return RemoteRequest.get(java.net.URI.create("http://" + host + "/x"), endpoint, Map.of("Authorization", "Bearer secret-token"));
    }

    static RemoteResponse status(int status, String body) {
        return new RemoteResponse(status, body, Optional.empty());
    }

    static RemoteResponse tooMany(Duration retryAfter) {
        return new RemoteResponse(429, "{\"error\":{\"status\":429,\"message\":\"API rate limit exceeded\"}}", Optional.ofNullable(retryAfter));
    }

    static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("latch not released within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Waits until {@code t} is parked (waiting on a future, a semaphore or a latch): the state a decorator puts a
     * caller in when it shares another's call or waits for a slot. No sleeping: the thread's own state is watched.
     */
    static void awaitParked(Thread t) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (t.getState() != Thread.State.WAITING && t.getState() != Thread.State.TIMED_WAITING) {
            if (System.nanoTime() > deadline || t.getState() == Thread.State.TERMINATED) {
                throw new AssertionError(t.getName() + " did not park: " + t.getState());
            }
            Thread.onSpinWait();
        }
    }
}
