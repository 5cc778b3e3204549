package dev.mixtape.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class RateLimitedTransportTest {
    /** Answers the scripted responses in order (then 200s), recording when each call arrived. */
    static final class Scripted implements Transport {
        final Deque<RemoteResponse> script = new ArrayDeque<>();
        final List<Long> arrivals = new CopyOnWriteArrayList<>();

        Scripted(RemoteResponse... answers) {
            script.addAll(List.of(answers));
        }

        @Override
        public synchronized RemoteResponse send(RemoteRequest r) {
            arrivals.add(System.nanoTime());
            RemoteResponse next = script.poll();
            return next != null ? next : Fakes.status(200, "{}");
        }
    }

    static Duration between(List<Long> arrivals, int a, int b) {
        return Duration.ofNanos(arrivals.get(b) - arrivals.get(a));
    }

    @Test
    void eachCallTakesATokenAndAnEmptyBucketMakesTheNextWait() {
        Scripted inner = new Scripted();
        RateLimitedTransport limited = new RateLimitedTransport(inner, 2); // a burst of 2, then one every 500 ms
        for (int i = 0; i < 4; i++) {
            assertThat(limited.send(Fakes.request("h", "GET /x")).status()).isEqualTo(200);
        }
        assertThat(inner.arrivals).hasSize(4);
        // the third and fourth calls waited for refills: together at least about one second after the first
        assertThat(between(inner.arrivals, 0, 3)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
    }

    @Test
    void a429WithRetryAfterHoldsEveryCallToThatHostUntilThen() {
        Scripted inner = new Scripted(Fakes.tooMany(Duration.ofSeconds(1)));
        RateLimitedTransport limited = new RateLimitedTransport(inner, 100);
        assertThat(limited.send(Fakes.request("h", "GET /x")).status()).as("the 429 is handed up, not retried here").isEqualTo(429);
        assertThat(limited.pausedFor("h:80")).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(limited.pausedFor("other:80")).as("other hosts are not held").isZero();

        assertThat(limited.send(Fakes.request("h", "GET /y")).status()).isEqualTo(200);
        assertThat(inner.arrivals).hasSize(2);
        assertThat(between(inner.arrivals, 0, 1)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(limited.pausedFor("h:80")).isZero();
    }

    @Test
    void a429WithoutRetryAfterDoesNotPause() {
        Scripted inner = new Scripted(Fakes.tooMany(null));
        RateLimitedTransport limited = new RateLimitedTransport(inner, 100);
        assertThat(limited.send(Fakes.request("h", "GET /x")).status()).isEqualTo(429);
        assertThat(limited.pausedFor("h:80")).isZero();
    }

    @Test
    void aCallArrivingDuringAPauseWaitsWithoutBeingSent() throws Exception {
        Scripted inner = new Scripted(Fakes.tooMany(Duration.ofSeconds(30)));
        RateLimitedTransport limited = new RateLimitedTransport(inner, 100);
        limited.send(Fakes.request("h", "GET /x"));
        java.util.concurrent.atomic.AtomicReference<Throwable> threw = new java.util.concurrent.atomic.AtomicReference<>();
        Thread other = new Thread(() -> {
            try {
                limited.send(Fakes.request("h", "GET /y"));
            } catch (Throwable t) {
                threw.set(t);
            }
        });
        other.start();
        Fakes.awaitParked(other); // held by the 30 s pause
        assertThat(inner.arrivals).as("nothing sent meanwhile").hasSize(1);
        assertThat(limited.pausedFor("h:80")).isGreaterThan(Duration.ofSeconds(20));
        other.interrupt();
        other.join(10_000);
        assertThat(threw.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("Retry-After of h:80");
        assertThat(inner.arrivals).hasSize(1);
    }

    @Test
    void aRateBelowOneIsRefused() {
        assertThatThrownBy(() -> new RateLimitedTransport(r -> null, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
