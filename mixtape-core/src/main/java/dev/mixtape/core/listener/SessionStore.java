package dev.mixtape.core.listener;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Served session answers, kept so that events can refer to them by id and an export can list them. Part of {@link ListenerStore}. */
public interface SessionStore {
    /** Keeps a served session (its answer as JSON), so events can refer to it by id. */
    void saveSession(String sessionId, String userId, Instant createdAt, String payloadJson);

    /**
     * Keeps several sessions in one transaction; a session of a listener who no longer exists (deleted
     * meanwhile) is not kept.
     */
    void saveSessions(List<SessionRecord> sessions);

    Optional<String> session(String sessionId);

    /** Every kept session of the listener, oldest first, streamed to {@code sink}. */
    void sessions(String userId, java.util.function.Consumer<SessionRecord> sink);

    /** A served session to keep. */
    record SessionRecord(String sessionId, String userId, Instant createdAt, String payloadJson) {}
}
