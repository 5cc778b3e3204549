package dev.mixtape.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixtape.core.listener.EventKeys;
import dev.mixtape.core.listener.EventType;
import dev.mixtape.core.listener.ListeningEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OnlineLearnersTest {
    static List<ListeningEvent> batch(String track) {
        Instant at = Instant.parse("2026-06-01T12:00:00Z");
        return List.of(new ListeningEvent("u", track, EventType.PLAY, at, 1000, null, EventKeys.ofContent("u", track, EventType.PLAY, at, 1000, null)));
    }

    @Test
    void learnersSeeEveryBatchInOrderOffTheCallersThreadAndAFailingOneDoesNotStopTheOthers() {
        List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> threads = java.util.Collections.synchronizedList(new ArrayList<>());
        try (OnlineLearners learners = new OnlineLearners()) {
            learners.add(b -> {
                throw new IllegalStateException("a broken learner");
            });
            learners.add(b -> {
                seen.add(b.get(0).trackId());
                threads.add(Thread.currentThread().getName());
            });
            for (int i = 0; i < 50; i++) {
                learners.publish(batch("t" + i));
            }
            learners.await();
            assertThat(seen).hasSize(50).startsWith("t0", "t1", "t2").endsWith("t49");
            assertThat(threads).containsOnly("mixtape-online-learners");
            assertThat(learners.dropped()).isZero();
        }
    }

    @Test
    void aFullQueueDropsBatchesForTheLearnersAndCountsThem() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (OnlineLearners learners = new OnlineLearners()) {
            learners.add(b -> {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            for (int i = 0; i < OnlineLearners.QUEUE + 10; i++) {
                learners.publish(batch("t" + i)); // never blocks the caller
            }
            assertThat(learners.dropped()).isBetween(9L, 10L); // the first batch may already be running
            release.countDown();
            learners.await();
        }
    }
}
