package dev.mixtape.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class CachedCallsTest {
    final CountingCache cache = new CountingCache();
    final AtomicInteger calls = new AtomicInteger();

    Supplier<JsonNode> call(String id) {
        return () -> {
            calls.incrementAndGet();
            return Fakes.obj(id);
        };
    }

    @Test
    void anAnswerIsKeptAndTheSecondCallIsNotSent() {
        CachedCalls cached = new CachedCalls(cache, true);
        assertThat(cached.get(RemoteCache.Kind.SEARCH, "q=a", call("a")).path("id").asText()).isEqualTo("a");
        assertThat(cached.get(RemoteCache.Kind.SEARCH, "q=a", call("a")).path("id").asText()).isEqualTo("a");
        assertThat(calls).hasValue(1);
        assertThat(cache.writes).containsExactly("SEARCH:q=a");
    }

    @Test
    void keysAndKindsAreSeparate() {
        CachedCalls cached = new CachedCalls(cache, true);
        cached.get(RemoteCache.Kind.SEARCH, "q=a", call("a"));
        cached.get(RemoteCache.Kind.SEARCH, "q=b", call("b"));
        cached.get(RemoteCache.Kind.TOP, "q=a", call("a"));
        assertThat(calls).hasValue(3);
    }

    @Test
    void concurrentIdenticalCallsShareOne() throws Exception {
        CachedCalls cached = new CachedCalls(cache, true);
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Supplier<JsonNode> slow = () -> {
            calls.incrementAndGet();
            entered.countDown();
            Fakes.await(release);
            return Fakes.obj("a");
        };
        AtomicReference<JsonNode> first = new AtomicReference<>();
        AtomicReference<JsonNode> second = new AtomicReference<>();
        Thread a = new Thread(() -> first.set(cached.get(RemoteCache.Kind.RECOMMENDATIONS, "s1|-", slow)));
        a.start();
        Fakes.await(entered);
        Thread b = new Thread(() -> second.set(cached.get(RemoteCache.Kind.RECOMMENDATIONS, "s1|-", slow)));
        b.start();
        Fakes.awaitParked(b); // waiting on a's call
        release.countDown();
        a.join(10_000);
        b.join(10_000);
        assertThat(calls).hasValue(1);
        assertThat(first.get()).isEqualTo(second.get()).isEqualTo(Fakes.obj("a"));
    }

    @Test
    void aFailureReachesTheWaiterAndIsNotKept() throws Exception {
        CachedCalls cached = new CachedCalls(cache, true);
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Supplier<JsonNode> failing = () -> {
            calls.incrementAndGet();
            entered.countDown();
            Fakes.await(release);
            throw new Resilience.HttpStatusException(503, "GET /x answered 503: busy", null);
        };
        AtomicReference<Throwable> firstThrew = new AtomicReference<>();
        AtomicReference<Throwable> secondThrew = new AtomicReference<>();
        Thread a = new Thread(() -> {
            try {
                cached.get(RemoteCache.Kind.SEARCH, "q", failing);
            } catch (Throwable t) {
                firstThrew.set(t);
            }
        });
        a.start();
        Fakes.await(entered);
        Thread b = new Thread(() -> {
            try {
                cached.get(RemoteCache.Kind.SEARCH, "q", failing);
            } catch (Throwable t) {
                secondThrew.set(t);
            }
        });
        b.start();
        Fakes.awaitParked(b);
        release.countDown();
        a.join(10_000);
        b.join(10_000);
        assertThat(calls).hasValue(1);
        assertThat(firstThrew.get()).isInstanceOf(Resilience.HttpStatusException.class);
        assertThat(secondThrew.get()).isSameAs(firstThrew.get());
        assertThat(cache.writes).isEmpty();

        // nothing kept, nothing left in flight: the next call is sent
        assertThat(cached.get(RemoteCache.Kind.SEARCH, "q", call("q")).path("id").asText()).isEqualTo("q");
        assertThat(calls).hasValue(2);
    }

    @Test
    void disabledEveryCallIsSent() {
        CachedCalls naive = new CachedCalls(cache, false);
        naive.get(RemoteCache.Kind.SEARCH, "q=a", call("a"));
        naive.get(RemoteCache.Kind.SEARCH, "q=a", call("a"));
        assertThat(calls).hasValue(2);
        assertThat(cache.reads).isEmpty();
        assertThat(cache.writes).isEmpty();
    }

    @Test
    void anUnreadableEntryIsCalledAgain() {
        cache.put(RemoteCache.Kind.SEARCH, "q=a", "{broken");
        CachedCalls cached = new CachedCalls(cache, true);
        assertThat(cached.get(RemoteCache.Kind.SEARCH, "q=a", call("a")).path("id").asText()).isEqualTo("a");
        assertThat(calls).hasValue(1);
    }

    @Test
    void theFailureOfACallIsThrownAsItIs() {
        CachedCalls cached = new CachedCalls(cache, true);
        assertThatThrownBy(() -> cached.get(RemoteCache.Kind.SEARCH, "q", () -> {
            throw new MalformedAnswerException("GET /v1/search answered 200 with malformed JSON", null);
        })).isInstanceOf(MalformedAnswerException.class).hasMessageContaining("malformed JSON");
    }
}
