package dev.mixtape.app.server;

import dev.mixtape.core.listener.SessionStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps served session answers in the {@link SessionStore} off the request path: {@link #keep} queues one and returns;
 * one background thread writes what is queued in batches of up to {@value #BATCH} per transaction, as long as there is
 * any. A session answer is a record of what was offered (for {@code recommendation_id} outcomes and the export), not an
 * acknowledged write: a batch the store refuses is logged and dropped. Thread-safe.
 */
final class SessionKeeper implements AutoCloseable {
    static final int BATCH = 200;
    private static final Logger LOG = LoggerFactory.getLogger(SessionKeeper.class);

    private final SessionStore store;
    private final ConcurrentLinkedQueue<SessionStore.SessionRecord> queue = new ConcurrentLinkedQueue<>();
    /** Whether a drain is queued or running on the writer (so {@link #keep} submits at most one at a time). */
    private final AtomicBoolean draining = new AtomicBoolean();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("mixtape-session-writer").factory());

    SessionKeeper(SessionStore store) {
        this.store = store;
    }

    /** Queues {@code session} to be written soon. */
    void keep(SessionStore.SessionRecord session) {
        queue.add(session);
        if (draining.compareAndSet(false, true)) {
            try {
                writer.execute(this::drain);
            } catch (RejectedExecutionException closed) {
                draining.set(false);
                flush(); // after close: written on the caller's thread
            }
        }
    }

    private void drain() {
        do {
            flush();
            draining.set(false);
            // a session queued after the last batch but before the flag was cleared would otherwise wait for the next keep
        } while (!queue.isEmpty() && draining.compareAndSet(false, true));
    }

    /** Writes everything queued now, on the caller's thread (before a listener's delete, so none of theirs lands after it). */
    synchronized void flush() {
        List<SessionStore.SessionRecord> batch = new ArrayList<>(BATCH);
        for (SessionStore.SessionRecord r; ; ) {
            batch.clear();
            while (batch.size() < BATCH && (r = queue.poll()) != null) {
                batch.add(r);
            }
            if (batch.isEmpty()) {
                return;
            }
            try {
                store.saveSessions(batch);
            } catch (RuntimeException e) {
                LOG.atWarn().addKeyValue("sessions", batch.size()).addKeyValue("error", e.getMessage()).log("served sessions not kept");
            }
        }
    }

    /** Writes what is still queued, then stops the writer. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }
}
