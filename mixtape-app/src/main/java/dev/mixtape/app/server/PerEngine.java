package dev.mixtape.app.server;

import java.util.function.Function;

/**
 * Something built over the current engine's catalog, built once (on first use) and rebuilt when the engine
 * is replaced. Thread-safe; concurrent first uses build once.
 */
final class PerEngine<T> {
    private record Built<T>(Engine engine, T value) {}

    private final EngineHolder engines;
    private final Function<Engine, T> build;
    private volatile Built<T> built;

    PerEngine(EngineHolder engines, Function<Engine, T> build) {
        this.engines = engines;
        this.build = build;
    }

    /** The value over the current engine (a 503 while there is none). */
    T get() {
        Engine e = engines.get();
        Built<T> b = built;
        if (b != null && b.engine() == e) {
            return b.value();
        }
        synchronized (this) {
            b = built;
            if (b == null || b.engine() != e) {
                b = new Built<>(e, build.apply(e));
                built = b;
            }
            return b.value();
        }
    }

    /** The last value built, or null (never waits, never builds). */
    T peek() {
        Built<T> b = built;
        return b == null ? null : b.value();
    }

    /** The engine of the last value built, or null. */
    Engine engine() {
        Built<T> b = built;
        return b == null ? null : b.engine();
    }
}
