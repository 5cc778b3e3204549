package dev.mixtape.app.server;

import dev.mixtape.core.listener.ListeningEvent;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The online learners (trending counts, the retraining counter, ...) that want every stored batch of events. They run
 * on one background thread, in the order the batches were stored, after the batch is acknowledged: a slow or failing
 * learner never delays or fails a write. When {@value #QUEUE} batches wait already, a new one is not given to the
 * learners (counted in {@link #dropped}); the events themselves are stored all the same. Thread-safe.
 */
public final class OnlineLearners implements AutoCloseable {
    static final int QUEUE = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(OnlineLearners.class);

    private final List<Consumer<List<ListeningEvent>>> learners = new CopyOnWriteArrayList<>();
    private final AtomicLong dropped = new AtomicLong();
    /** Batches published, and those done with (seen by the learners or dropped): {@link #await} waits for the one to reach the other. */
    private final AtomicLong published = new AtomicLong();
    private long done; // guarded by this
    private final ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
        Thread t = new Thread(r, "mixtape-online-learners");
        t.setDaemon(true);
        return t;
    }, (r, pool) -> {
        dropped.incrementAndGet();
        finished();
    });

    public void add(Consumer<List<ListeningEvent>> learner) {
        learners.add(learner);
    }

    /** Hands a stored batch to every learner, in the background. */
    public void publish(List<ListeningEvent> stored) {
        if (stored.isEmpty() || learners.isEmpty() || worker.isShutdown()) {
            return;
        }
        List<ListeningEvent> batch = List.copyOf(stored);
        published.incrementAndGet();
        worker.execute(() -> {
            try {
                for (Consumer<List<ListeningEvent>> l : learners) {
                    try {
                        l.accept(batch);
                    } catch (RuntimeException e) {
                        LOG.atWarn().addKeyValue("events", batch.size()).setCause(e)
                                .log("an online learner failed on a stored batch; the batch stays stored and acknowledged");
                    }
                }
            } finally {
                finished();
            }
        });
    }

    private synchronized void finished() {
        done++;
        notifyAll();
    }

    /**
     * Waits until the learners are done with every batch published so far (seen, or dropped because the queue was
     * full), for evaluations and tests.
     */
    public void await() {
        long target = published.get();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        synchronized (this) {
            while (done < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("the online learners did not catch up: " + (target - done) + " batch(es) left after 60 s");
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Batches not given to the learners because too many were waiting. */
    public long dropped() {
        return dropped.get();
    }

    @Override
    public void close() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("the online learners did not finish within 10 s; {} batch(es) left", worker.getQueue().size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
