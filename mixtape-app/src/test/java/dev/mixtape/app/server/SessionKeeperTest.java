package dev.mixtape.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixtape.core.listener.ListenerStore;
import dev.mixtape.storage.memory.MemoryListenerStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SessionKeeperTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static ListenerStore.SessionRecord record(int i) {
        return new ListenerStore.SessionRecord("ses_" + i, "u" + (i % 3), NOW.plusSeconds(i), "{\"i\":" + i + "}");
    }

    @Test
    void everyKeptSessionIsWrittenInBatchesByCloseAtTheLatest() throws Exception {
        MemoryListenerStore store = new MemoryListenerStore();
        for (int u = 0; u < 3; u++) {
            store.createUser("u" + u, NOW);
        }
        List<Integer> batches = java.util.Collections.synchronizedList(new ArrayList<>());
        ListenerStore counting = (ListenerStore) java.lang.reflect.Proxy.newProxyInstance(ListenerStore.class.getClassLoader(),
                new Class<?>[] {ListenerStore.class}, (proxy, m, args) -> {
                    if (m.getName().equals("saveSessions")) {
                        batches.add(((List<?>) args[0]).size());
                    }
                    return m.invoke(store, args);
                });
        SessionKeeper keeper = new SessionKeeper(counting);
        Thread[] threads = new Thread[4];
        for (int k = 0; k < threads.length; k++) {
            int from = k * 250;
            threads[k] = Thread.ofPlatform().start(() -> {
                for (int i = from; i < from + 250; i++) {
                    keeper.keep(record(i));
                }
            });
        }
        for (Thread t : threads) {
            t.join();
        }
        keeper.close();
        for (int i = 0; i < 1000; i++) {
            assertThat(store.session("ses_" + i)).as("session %d", i).contains("{\"i\":" + i + "}");
        }
        assertThat(batches).allSatisfy(b -> assertThat(b).isBetween(1, SessionKeeper.BATCH));
        assertThat(batches.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1000);
    }

    @Test
    void flushWritesOnTheCallersThreadAndAFailingStoreLosesOnlyItsBatch() {
        AtomicInteger calls = new AtomicInteger();
        MemoryListenerStore store = new MemoryListenerStore();
        store.createUser("u0", NOW);
        store.createUser("u1", NOW);
        store.createUser("u2", NOW);
        ListenerStore failingOnce = (ListenerStore) java.lang.reflect.Proxy.newProxyInstance(ListenerStore.class.getClassLoader(),
                new Class<?>[] {ListenerStore.class}, (proxy, m, args) -> {
                    if (m.getName().equals("saveSessions") && calls.getAndIncrement() == 0) {
                        throw new IllegalStateException("database down");
                    }
                    try {
                        return m.invoke(store, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        SessionKeeper keeper = new SessionKeeper(failingOnce);
        keeper.close(); // written on the caller's thread from now on
        keeper.keep(record(1)); // the first write fails: logged, dropped
        keeper.keep(record(2));
        keeper.flush();
        assertThat(store.session("ses_1")).isEmpty();
        assertThat(store.session("ses_2")).contains("{\"i\":2}");
    }
}
