package dev.mixtape.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BoundedTransportTest {
    /** Counts calls in flight (in all and per host), keeping the peaks; a host in {@code held} waits for {@code release}. */
    static final class Slow implements Transport {
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger peak = new AtomicInteger();
        final Map<String, AtomicInteger> hostInFlight = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> hostPeak = new ConcurrentHashMap<>();
        final AtomicInteger calls = new AtomicInteger();
        final CountDownLatch release = new CountDownLatch(1);
        volatile CountDownLatch entered = new CountDownLatch(0);
        volatile java.util.Set<String> held = java.util.Set.of();

        @Override
        public RemoteResponse send(RemoteRequest r) {
            calls.incrementAndGet();
            peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            int h = hostInFlight.computeIfAbsent(r.host(), k -> new AtomicInteger()).incrementAndGet();
            hostPeak.computeIfAbsent(r.host(), k -> new AtomicInteger()).accumulateAndGet(h, Math::max);
            entered.countDown();
            try {
                if (held.contains(r.host())) {
                    Fakes.await(release);
                }
                return Fakes.status(200, "{}");
            } finally {
                hostInFlight.get(r.host()).decrementAndGet();
                inFlight.decrementAndGet();
            }
        }
    }

    static Thread call(Transport t, String host) {
        Thread th = new Thread(() -> t.send(Fakes.request(host, "GET /x")));
        th.start();
        return th;
    }

    @Test
    void neverMoreThanTheGlobalBoundInFlight() throws Exception {
        Slow inner = new Slow();
        inner.held = java.util.Set.of("h0:80", "h1:80", "h2:80", "h3:80", "h4:80", "h5:80", "h6:80", "h7:80", "h8:80", "h9:80");
        inner.entered = new CountDownLatch(3);
        BoundedTransport bounded = new BoundedTransport(inner, 3, 10);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            threads.add(call(bounded, "h" + i));
        }
        Fakes.await(inner.entered); // three are in
        for (Thread t : threads) {
            Fakes.awaitParked(t); // and the seven others are waiting for a slot (or, the three, for the release)
        }
        assertThat(inner.calls).hasValue(3);
        assertThat(bounded.availableGlobal()).isZero();
        inner.release.countDown();
        for (Thread t : threads) {
            t.join(10_000);
        }
        assertThat(inner.calls).hasValue(10);
        assertThat(inner.peak).hasValue(3);
        assertThat(bounded.availableGlobal()).isEqualTo(3);
    }

    @Test
    void neverMoreThanThePerHostBoundToOneHostWhileOthersGoOn() throws Exception {
        Slow inner = new Slow();
        inner.held = java.util.Set.of("busy:80");
        inner.entered = new CountDownLatch(2);
        BoundedTransport bounded = new BoundedTransport(inner, 10, 2);
        List<Thread> busy = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            busy.add(call(bounded, "busy"));
        }
        Fakes.await(inner.entered);
        for (Thread t : busy) {
            Fakes.awaitParked(t);
        }
        assertThat(inner.calls).hasValue(2);
        // another host is not held up by the busy one's queue
        for (int i = 0; i < 4; i++) {
            bounded.send(Fakes.request("quiet", "GET /x"));
        }
        assertThat(inner.calls).hasValue(6);
        inner.release.countDown();
        for (Thread t : busy) {
            t.join(10_000);
        }
        assertThat(inner.calls).hasValue(10);
        assertThat(inner.hostPeak.get("busy:80")).hasValue(2);
        assertThat(bounded.availableGlobal()).isEqualTo(10);
    }

    @Test
    void aSlotIsGivenBackWhenTheCallFails() {
        BoundedTransport bounded = new BoundedTransport(r -> {
            throw new IllegalStateException("down");
        }, 1, 1);
        for (int i = 0; i < 3; i++) { // with the slot leaked, the second call would wait forever
            assertThatThrownBy(() -> bounded.send(Fakes.request("h", "GET /x"))).hasMessage("down");
        }
        assertThat(bounded.availableGlobal()).isEqualTo(1);
    }

    @Test
    void boundsBelowOneAreRefused() {
        assertThatThrownBy(() -> new BoundedTransport(r -> null, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BoundedTransport(r -> null, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
