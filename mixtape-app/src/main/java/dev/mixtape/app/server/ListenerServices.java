package dev.mixtape.app.server;

import dev.mixtape.algo.listener.SessionWeights;
import dev.mixtape.core.listener.ListenerStore;
import dev.mixtape.storage.cache.TieredCache;
import java.time.Clock;

/**
 * The three services over one {@link ListenerStore}, wired to each other: a change to a listener (stored events, a new
 * profile) drops their cached state and session answers, and a listener's queued session records are written before
 * their delete. The online learners are not wired here: whoever wants the stored events registers with
 * {@link EventIngest#onEvents} ({@code MixtapeApp} wires the retraining counter and the trending counts).
 */
public record ListenerServices(ListenerService listeners, EventIngest events, SessionService sessions) implements AutoCloseable {
    public static ListenerServices over(ListenerStore store, TieredCache cache, EngineHolder engines, SessionWeights weights, Clock clock) {
        ListenerService listeners = new ListenerService(store, cache, engines, clock);
        SessionService sessions = new SessionService(listeners, store, cache, engines, weights, clock);
        listeners.onInvalidate(sessions::invalidate);
        listeners.beforeDelete(id -> sessions.flush());
        return new ListenerServices(listeners, new EventIngest(store, engines, clock, listeners::invalidate), sessions);
    }

    /** Lets the learners finish, then writes the queued session records. */
    @Override
    public void close() {
        events.close();
        sessions.close();
    }
}
