package dev.mixtape.app.server;

import dev.mixtape.core.StoreUnavailableException;
import dev.mixtape.core.listener.HistoryEntry;
import dev.mixtape.core.listener.Listener;
import dev.mixtape.core.listener.ListenerStore;
import dev.mixtape.core.listener.ListeningEvent;
import dev.mixtape.core.listener.PersonalityProfile;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link ListenerStore} that becomes available when the database has opened (the server listens
 * before that): until then, and if opening failed, every call is a 503 naming the reason.
 */
public final class DeferredListenerStore implements ListenerStore {
    private final CompletableFuture<ListenerStore> store;

    public DeferredListenerStore(CompletableFuture<ListenerStore> store) {
        this.store = store;
    }

    private ListenerStore s() {
        if (!store.isDone()) {
            throw new StoreUnavailableException("the database is still opening; retry in a moment", null);
        }
        try {
            return store.join();
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new StoreUnavailableException("the database could not be opened: " + cause.getMessage(), cause);
        }
    }

    @Override
    public Created createUser(String id, Instant createdAt) {
        return s().createUser(id, createdAt);
    }

    @Override
    public Optional<Listener> user(String id) {
        return s().user(id);
    }

    @Override
    public boolean deleteUser(String id) {
        return s().deleteUser(id);
    }

    @Override
    public boolean[] append(List<ListeningEvent> events, double[] plays, Instant now) {
        return s().append(events, plays, now);
    }

    @Override
    public List<HistoryEntry> history(String userId, int limit) {
        return s().history(userId, limit);
    }

    @Override
    public void scanHistories(HistoryVisitor visitor) {
        s().scanHistories(visitor);
    }

    @Override
    public EventStats eventStats() {
        return s().eventStats();
    }

    @Override
    public void putPersonality(String userId, PersonalityProfile profile) {
        s().putPersonality(userId, profile);
    }

    @Override
    public Optional<PersonalityProfile> personality(String userId) {
        return s().personality(userId);
    }

    @Override
    public void saveSession(String sessionId, String userId, Instant createdAt, String payloadJson) {
        s().saveSession(sessionId, userId, createdAt, payloadJson);
    }

    @Override
    public void saveSessions(List<SessionRecord> sessions) {
        s().saveSessions(sessions);
    }

    @Override
    public Optional<String> session(String sessionId) {
        return s().session(sessionId);
    }

    @Override
    public void events(String userId, java.util.function.Consumer<ListeningEvent> sink) {
        s().events(userId, sink);
    }

    @Override
    public void sessions(String userId, java.util.function.Consumer<SessionRecord> sink) {
        s().sessions(userId, sink);
    }
}
