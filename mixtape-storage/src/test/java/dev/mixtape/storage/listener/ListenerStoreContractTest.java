package dev.mixtape.storage.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mixtape.core.listener.EventKeys;
import dev.mixtape.core.listener.EventType;
import dev.mixtape.core.listener.HistoryEntry;
import dev.mixtape.core.listener.Listener;
import dev.mixtape.core.listener.ListenerStore;
import dev.mixtape.core.listener.ListeningEvent;
import dev.mixtape.core.listener.PersonalityProfile;
import dev.mixtape.core.listener.PlayDecay;
import dev.mixtape.core.listener.Traits;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ListenerStore} must do: memory, H2 and PostgreSQL run this same suite. */
public abstract class ListenerStoreContractTest {
    protected static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    protected ListenerStore store;

    protected abstract ListenerStore openFresh() throws Exception;

    protected void closeStore() throws Exception {}

    /** Rows that still mention {@code userId} anywhere in the backing store (after a delete: must be 0). */
    protected abstract long rowsMentioning(String userId) throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = openFresh();
    }

    @AfterEach
    void close() throws Exception {
        closeStore();
    }

    static ListeningEvent event(String user, String track, EventType type, Instant at, long ms, String idem) {
        String key = idem == null ? EventKeys.ofContent(user, track, type, at, ms, null) : EventKeys.of(user, idem);
        return new ListeningEvent(user, track, type, at, ms, null, key);
    }

    static double[] plays(List<ListeningEvent> events) {
        double[] p = new double[events.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = events.get(i).type() == EventType.PLAY ? 1.0 : 0.0;
        }
        return p;
    }

    @Test
    void createUserIsIdempotentAndKeepsTheFirstCreationTime() {
        Instant created = Instant.parse("2019-03-04T05:06:07.123Z");
        ListenerStore.Created first = store.createUser("alice", created);
        ListenerStore.Created again = store.createUser("alice", NOW);
        assertThat(first.created()).isTrue();
        assertThat(again.created()).isFalse();
        assertThat(again.listener().createdAt()).isEqualTo(created);
        assertThat(store.user("alice")).get().extracting(Listener::createdAt, Listener::eventCount).containsExactly(created, 0L);
        assertThat(store.user("bob")).isEmpty();
    }

    @Test
    void scanHistoriesVisitsEveryListenerOnceWithAllTheirRowsAndEventStatsCountTheEvents() {
        assertThat(store.eventStats()).isEqualTo(new ListenerStore.EventStats(0, null));
        Instant t = NOW.minusSeconds(3600);
        List<ListeningEvent> batch = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            batch.add(event("u" + (i % 3), "track" + (i % 7), i % 5 == 0 ? EventType.LIKE : EventType.PLAY, t.plusSeconds(i), 200_000, "k" + i));
        }
        store.append(batch, plays(batch), NOW);
        store.createUser("silent", NOW); // no history: not visited
        List<String> order = new ArrayList<>();
        java.util.Map<String, List<HistoryEntry>> seen = new java.util.HashMap<>();
        store.scanHistories((user, rows) -> {
            order.add(user);
            seen.put(user, rows);
        });
        assertThat(order).containsExactly("u0", "u1", "u2");
        for (String u : order) {
            assertThat(seen.get(u)).extracting(HistoryEntry::trackId)
                    .containsExactlyInAnyOrderElementsOf(store.history(u, 100).stream().map(HistoryEntry::trackId).toList());
        }
        ListenerStore.EventStats stats = store.eventStats();
        assertThat(stats.events()).isEqualTo(30);
        assertThat(stats.lastReceivedAt()).isEqualTo(NOW);
    }

    @Test
    void appendInsertsNewEventsAndReportsDuplicatesWithinAndAcrossBatches() {
        Instant t = NOW.minusSeconds(3600);
        List<ListeningEvent> batch = List.of(
                event("u1", "trackA", EventType.PLAY, t, 200_000, "k1"),
                event("u1", "trackA", EventType.PLAY, t.plusSeconds(10), 200_000, "k1"), // same key in the batch
                event("u1", "trackB", EventType.LIKE, t, 0, null),
                event("u2", "trackA", EventType.PLAY, t, 200_000, "k1")); // same idempotency key, other user
        boolean[] first = store.append(batch, plays(batch), NOW);
        assertThat(first).containsExactly(true, false, true, true);
        boolean[] retry = store.append(batch, plays(batch), NOW);
        assertThat(retry).containsExactly(false, false, false, false);

        Listener u1 = store.user("u1").orElseThrow();
        assertThat(u1.eventCount()).isEqualTo(2);
        assertThat(u1.createdAt()).isEqualTo(NOW); // created by its first event
        assertThat(u1.firstEventAt()).isEqualTo(t);
        assertThat(store.history("u1", 50)).extracting(HistoryEntry::trackId).containsExactly("trackA", "trackB");
        HistoryEntry a = store.history("u1", 50).get(0);
        assertThat(a.plays()).isEqualTo(1.0);
        assertThat(PlayDecay.decayed(a.playScore(), t)).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void historyIsKeptIncrementallyAndOrderedByDecayedPlays() {
        Instant old = NOW.minus(java.time.Duration.ofDays(90));
        List<ListeningEvent> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.add(event("u", "old", EventType.PLAY, old.plusSeconds(i), 0, null)); // 5 plays, 3 half-lives ago
        }
        events.add(event("u", "new", EventType.PLAY, NOW, 0, null)); // 1 play now
        events.add(event("u", "new", EventType.PLAY, NOW.minusSeconds(1), 0, null));
        events.add(event("u", "skipped", EventType.SKIP, NOW, 0, null));
        events.add(event("u", "skipped", EventType.DISLIKE, NOW, 0, null));
        store.append(events.subList(0, 3), plays(events.subList(0, 3)), NOW);
        store.append(events.subList(3, events.size()), plays(events.subList(3, events.size())), NOW);

        List<HistoryEntry> h = store.history("u", 50);
        assertThat(h).extracting(HistoryEntry::trackId).containsExactly("new", "old", "skipped");
        assertThat(h.get(1).plays()).isEqualTo(5.0);
        assertThat(PlayDecay.decayed(h.get(1).playScore(), NOW)).isCloseTo(5.0 / 8.0, within(1e-6));
        assertThat(PlayDecay.decayed(h.get(0).playScore(), NOW)).isCloseTo(2.0, within(1e-4));
        assertThat(h.get(2).skips()).isEqualTo(1);
        assertThat(h.get(2).dislikes()).isEqualTo(1);
        assertThat(h.get(2).lastEventAt()).isEqualTo(NOW);
        assertThat(store.history("u", 1)).hasSize(1);
        assertThat(store.user("u").orElseThrow().firstEventAt()).isEqualTo(old);
    }

    @Test
    void personalityIsReplacedWhole() {
        store.createUser("p", NOW);
        assertThat(store.personality("p")).isEmpty();
        store.putPersonality("p", new PersonalityProfile(new Traits(0.1, 0.2, 0.3, 0.4, 0.5), "traits", NOW));
        PersonalityProfile second = new PersonalityProfile(new Traits(0.9, 0.8, 0.7, 0.6, 0.5), "mini-ipip-20", NOW.plusSeconds(1));
        store.putPersonality("p", second);
        assertThat(store.personality("p")).contains(second);
    }

    @Test
    void sessionsAreKeptById() {
        store.createUser("s", NOW);
        store.saveSession("sess-1", "s", NOW, "{\"tracks\":[1,2,3]}");
        assertThat(store.session("sess-1")).contains("{\"tracks\":[1,2,3]}");
        assertThat(store.session("nope")).isEmpty();
    }

    @Test
    void sessionsAreKeptInBatchesOnlyForListenersThatExist() {
        store.createUser("here", NOW);
        store.saveSessions(List.of(new ListenerStore.SessionRecord("s1", "here", NOW, "{\"a\":1}"),
                new ListenerStore.SessionRecord("s2", "gone-already", NOW, "{}"),
                new ListenerStore.SessionRecord("s3", "here", NOW, "{\"b\":2}")));
        assertThat(store.session("s1")).contains("{\"a\":1}");
        assertThat(store.session("s3")).contains("{\"b\":2}");
        assertThat(store.session("s2")).isEmpty();
    }

    @Test
    void aListenersEventsAndSessionsAreReadBackWholeOldestFirst() {
        store.createUser("x", NOW);
        store.createUser("other", NOW);
        ListeningEvent late = event("x", "t1", EventType.PLAY, NOW.minusSeconds(10), 180_000, "late");
        ListeningEvent early = new ListeningEvent("x", "t2", EventType.LIKE, NOW.minusSeconds(500), 0, "ses_1",
                EventKeys.of("x", "early"));
        ListeningEvent skip = event("x", "t3", EventType.SKIP, NOW.minusSeconds(100), 4_000, null);
        List<ListeningEvent> batch = List.of(late, early, skip, event("other", "t1", EventType.PLAY, NOW, 0, "o"));
        store.append(batch, plays(batch), NOW);
        store.append(List.of(late), new double[] {1}, NOW); // a retry is not a second event
        List<ListeningEvent> got = new ArrayList<>();
        store.events("x", got::add);
        assertThat(got).containsExactly(early, skip, late);
        List<ListeningEvent> none = new ArrayList<>();
        store.events("nobody", none::add);
        assertThat(none).isEmpty();

        store.saveSession("b", "x", NOW, "{\"n\":2}");
        store.saveSession("a", "x", NOW.minusSeconds(60), "{\"n\":1}");
        store.saveSession("c", "other", NOW, "{}");
        List<ListenerStore.SessionRecord> sessions = new ArrayList<>();
        store.sessions("x", sessions::add);
        assertThat(sessions).containsExactly(new ListenerStore.SessionRecord("a", "x", NOW.minusSeconds(60), "{\"n\":1}"),
                new ListenerStore.SessionRecord("b", "x", NOW, "{\"n\":2}"));
        store.deleteUser("x");
        got.clear();
        store.events("x", got::add);
        assertThat(got).isEmpty();
    }

    @Test
    void deleteRemovesEveryRowOfTheListenerAndNothingOfOthers() throws Exception {
        store.createUser("gone", NOW);
        store.createUser("stays", NOW);
        List<ListeningEvent> events = List.of(
                event("gone", "t1", EventType.PLAY, NOW, 0, "a"), event("gone", "t2", EventType.SAVE, NOW, 0, "b"),
                event("stays", "t1", EventType.PLAY, NOW, 0, "a"));
        store.append(events, plays(events), NOW);
        store.putPersonality("gone", new PersonalityProfile(Traits.NEUTRAL, "traits", NOW));
        store.saveSession("sg", "gone", NOW, "{}");
        assertThat(rowsMentioning("gone")).isGreaterThan(0);

        assertThat(store.deleteUser("gone")).isTrue();
        assertThat(rowsMentioning("gone")).isZero();
        assertThat(store.user("gone")).isEmpty();
        assertThat(store.history("gone", 50)).isEmpty();
        assertThat(store.personality("gone")).isEmpty();
        assertThat(store.session("sg")).isEmpty();
        assertThat(store.history("stays", 50)).hasSize(1);
        assertThat(store.deleteUser("gone")).isFalse();

        // the same idempotency key is new again once the listener's data is gone
        assertThat(store.append(events.subList(0, 1), new double[] {1}, NOW)).containsExactly(true);
    }

    @Test
    void concurrentRetriesOfOneBatchCountEachEventOnce() throws Exception {
        List<ListeningEvent> batch = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            batch.add(event("c" + (i % 7), "t" + (i % 13), EventType.PLAY, NOW.minusSeconds(i), 0, "key-" + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<boolean[]>> runs = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                runs.add(pool.submit(() -> store.append(batch, plays(batch), NOW)));
            }
            int inserted = 0;
            for (Future<boolean[]> f : runs) {
                for (boolean b : f.get()) {
                    inserted += b ? 1 : 0;
                }
            }
            assertThat(inserted).isEqualTo(200);
        } finally {
            pool.shutdown();
        }
        long events = 0;
        double plays = 0;
        for (int u = 0; u < 7; u++) {
            events += store.user("c" + u).orElseThrow().eventCount();
            plays += store.history("c" + u, 100).stream().mapToDouble(HistoryEntry::plays).sum();
        }
        assertThat(events).isEqualTo(200);
        assertThat(plays).isEqualTo(200.0);
    }
}
