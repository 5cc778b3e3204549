package dev.mixtape.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class InFlightLookupTest {
    /** A caller on its own thread, keeping what it got or what it threw. */
    static final class Caller {
        final AtomicReference<Map<String, JsonNode>> got = new AtomicReference<>();
        final AtomicReference<Throwable> threw = new AtomicReference<>();
        final Thread thread;

        Caller(Lookup lookup, List<String> ids) {
            thread = new Thread(() -> {
                try {
                    got.set(lookup.get(ids));
                } catch (Throwable t) {
                    threw.set(t);
                }
            });
            thread.start();
        }

        void join() throws InterruptedException {
            thread.join(10_000);
            assertThat(thread.isAlive()).as("caller finished").isFalse();
        }
    }

    @Test
    void concurrentIdenticalRequestsShareOneCall() throws Exception {
        Fakes.Remote remote = new Fakes.Remote();
        remote.entered = new CountDownLatch(1);
        remote.hold = new CountDownLatch(1);
        InFlightLookup lookup = new InFlightLookup(remote);
        List<String> ids = List.of("k1", "k2", "missing3");
        Caller first = new Caller(lookup, ids);
        Fakes.await(remote.entered); // the first caller's call is out
        List<Caller> others = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Caller c = new Caller(lookup, ids);
            Fakes.awaitParked(c.thread); // waiting on the first caller's call
            others.add(c);
        }
        remote.hold.countDown();
        first.join();
        for (Caller c : others) {
            c.join();
            assertThat(c.threw.get()).isNull();
            assertThat(c.got.get()).containsOnlyKeys("k1", "k2");
        }
        assertThat(first.got.get()).containsOnlyKeys("k1", "k2");
        assertThat(remote.batches).containsExactly(ids);
    }

    @Test
    void overlappingRequestsAskOnlyForWhatIsNotInFlight() throws Exception {
        Fakes.Remote remote = new Fakes.Remote();
        remote.entered = new CountDownLatch(1);
        remote.hold = new CountDownLatch(1);
        InFlightLookup lookup = new InFlightLookup(remote);
        Caller first = new Caller(lookup, List.of("k1", "k2"));
        Fakes.await(remote.entered); // the first owns k1 and k2
        remote.entered = new CountDownLatch(1);
        Caller second = new Caller(lookup, List.of("k2", "k3"));
        Fakes.await(remote.entered); // the second's call is out too, for k3 alone
        remote.hold.countDown();
        first.join();
        second.join();
        assertThat(remote.batches).containsExactly(List.of("k1", "k2"), List.of("k3"));
        assertThat(second.got.get()).containsOnlyKeys("k2", "k3");
    }

    @Test
    void aFailureReachesEveryWaiterAndIsNotRemembered() throws Exception {
        Fakes.Remote remote = new Fakes.Remote();
        remote.failOn = "k2"::equals;
        remote.entered = new CountDownLatch(1);
        remote.hold = new CountDownLatch(1);
        InFlightLookup lookup = new InFlightLookup(remote);
        Caller first = new Caller(lookup, List.of("k1", "k2"));
        Fakes.await(remote.entered);
        Caller waiter = new Caller(lookup, List.of("k1", "k2"));
        Fakes.awaitParked(waiter.thread);
        remote.hold.countDown();
        first.join();
        waiter.join();
        for (Caller c : List.of(first, waiter)) {
            assertThat(c.threw.get()).isInstanceOf(Lookup.PartialFailure.class);
            Lookup.PartialFailure p = (Lookup.PartialFailure) c.threw.get();
            assertThat(p.failed()).containsExactly("k1", "k2");
            assertThat(p.reason()).isInstanceOf(IllegalStateException.class);
        }
        assertThat(remote.batches).hasSize(1);
        // nothing stays in flight: the next caller asks again
        remote.hold = null;
        remote.failOn = id -> false;
        assertThat(lookup.get(List.of("k1", "k2"))).containsOnlyKeys("k1", "k2");
        assertThat(remote.batches).hasSize(2);
    }

    @Test
    void aPartialFailureBelowKeepsTheFoundIds() {
        Lookup inner = ids -> {
            throw new Lookup.PartialFailure(Map.of("k1", Fakes.obj("k1")), List.of("k2"), new IllegalStateException("503"));
        };
        Lookup.PartialFailure p = org.assertj.core.api.Assertions.catchThrowableOfType(Lookup.PartialFailure.class,
                () -> new InFlightLookup(inner).get(List.of("k1", "k2", "missing3")));
        assertThat(p.partial()).containsOnlyKeys("k1");
        // missing3 was in a batch that answered (without it): absent, not failed, so the cache above can remember it
        assertThat(p.failed()).containsExactly("k2");
        assertThat(p.reason()).hasMessage("503");
    }

    @Test
    void sequentialCallsAreNotShared() {
        Fakes.Remote remote = new Fakes.Remote();
        InFlightLookup lookup = new InFlightLookup(remote);
        lookup.get(List.of("k1"));
        lookup.get(List.of("k1"));
        assertThat(remote.batches).hasSize(2); // de-duplication is for calls in flight; caching is another decorator's
    }
}
