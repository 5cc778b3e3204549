package dev.mixtape.connectors.http;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Bounded concurrency: at most {@code global} calls in flight in all, and at most {@code perHost} to any one host.
 * A caller over either bound waits (fairly) for a slot; the per-host slot is taken first, so that a busy host
 * does not hold global slots while its callers queue.
 */
public final class BoundedTransport implements Transport {
    private final Transport inner;
    private final Semaphore global;
    private final int perHost;
    private final ConcurrentHashMap<String, Semaphore> hosts = new ConcurrentHashMap<>();

    public BoundedTransport(Transport inner, int global, int perHost) {
        if (global < 1 || perHost < 1) {
            throw new IllegalArgumentException("concurrency bounds must be at least 1 (global " + global + ", per host " + perHost + ")");
        }
        this.inner = inner;
        this.global = new Semaphore(global, true);
        this.perHost = perHost;
    }

    @Override
    public RemoteResponse send(RemoteRequest request) {
        Semaphore host = hosts.computeIfAbsent(request.host(), h -> new Semaphore(perHost, true));
        acquire(host);
        try {
            acquire(global);
            try {
                return inner.send(request);
            } finally {
                global.release();
            }
        } finally {
            host.release();
        }
    }

    private static void acquire(Semaphore s) {
        try {
            s.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a connection slot", e);
        }
    }

    /** Free global slots now (tests, metrics). */
    public int availableGlobal() {
        return global.availablePermits();
    }
}
