package dev.mixtape.algo.cf;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed number of worker threads for the trainers' parallel loops: {@link #forRange} splits
 * {@code [0, n)} into chunks of {@code grain} that the calling thread and {@code threads - 1} pool
 * threads take in turn. Each body call gets a worker number in {@code [0, threads)}, so per-thread
 * scratch buffers can be indexed by it. Results must not depend on which worker runs which chunk
 * (the trainers only write to disjoint outputs), which keeps training deterministic.
 *
 * <p>One trainer call owns an instance; not for concurrent {@code forRange} calls. Close it to stop the pool.
 */
final class Parallel implements AutoCloseable {
    /** The body of a parallel loop: handles indices {@code [from, to)} on worker {@code worker}. */
    @FunctionalInterface
    interface Body {
        void run(int worker, int from, int to);
    }

    private final int threads;
    private final ExecutorService pool;

    Parallel(int threads) {
        if (threads <= 0) {
            throw new IllegalArgumentException("threads must be positive, got " + threads);
        }
        this.threads = threads;
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "mixtape-cf-worker");
            t.setDaemon(true);
            return t;
        });
    }

    int threads() {
        return threads;
    }

    /** Runs {@code body} over {@code [0, n)} in chunks of {@code grain}; rethrows the first failure. */
    void forRange(int n, int grain, Body body) {
        if (grain <= 0) {
            throw new IllegalArgumentException("grain must be positive, got " + grain);
        }
        int chunks = (int) ((n + (long) grain - 1) / grain);
        int workers = Math.min(threads, chunks);
        if (workers <= 1) {
            for (int from = 0; from < n; from += grain) {
                body.run(0, from, Math.min(n, from + grain));
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean failed = new AtomicBoolean();
        Future<?>[] futures = new Future<?>[workers - 1];
        for (int w = 1; w < workers; w++) {
            int worker = w;
            futures[w - 1] = pool.submit(() -> loop(worker, n, grain, next, failed, body));
        }
        Throwable error = null;
        try {
            loop(0, n, grain, next, failed, body);
        } catch (Throwable t) {
            error = t;
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (error == null) {
                    error = e.getCause();
                } else {
                    error.addSuppressed(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (error == null) {
                    error = e;
                }
            }
        }
        if (error instanceof RuntimeException re) {
            throw re;
        }
        if (error instanceof Error err) {
            throw err;
        }
        if (error != null) {
            throw new IllegalStateException("parallel loop interrupted", error);
        }
    }

    private static void loop(int worker, int n, int grain, AtomicInteger next, AtomicBoolean failed, Body body) {
        try {
            while (!failed.get()) {
                int from = next.getAndAdd(grain);
                if (from >= n || from < 0) {
                    return;
                }
                body.run(worker, from, Math.min(n, from + grain));
            }
        } catch (Throwable t) {
            failed.set(true); // the others stop at their next chunk
            throw t;
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
