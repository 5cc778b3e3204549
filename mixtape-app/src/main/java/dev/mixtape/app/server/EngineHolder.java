package dev.mixtape.app.server;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The engine the server answers from, and the readiness state before there is one. Thread-safe:
 * a new engine replaces the old one atomically, and requests keep the one they started with.
 */
public final class EngineHolder {
    private final AtomicReference<Engine> engine = new AtomicReference<>();
    private volatile String status = "starting";

    public void set(Engine e) {
        engine.set(e);
        status = "ready";
    }

    /** Describes why there is no engine yet (shown by /health/ready and 503 answers). */
    public void status(String s) {
        status = s;
    }

    public String status() {
        return status;
    }

    public boolean ready() {
        return engine.get() != null;
    }

    /** The current engine, or a 503 naming the reason there is none yet. */
    public Engine get() {
        Engine e = engine.get();
        if (e == null) {
            throw new ApiException(503, "the catalog is not loaded yet: " + status);
        }
        return e;
    }
}
