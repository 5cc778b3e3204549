package dev.mixtape.core.listener;

import java.util.List;

/**
 * Where listeners ({@link ListenerRecords}), their events and incrementally kept listening history ({@link EventLog}),
 * personality profiles ({@link PersonalityStore}) and served sessions ({@link SessionStore}) live: one store over one
 * database, split by aggregate so that each service asks only for the part it uses. Every write is durable when the
 * method returns. Implementations: in memory, JDBC (H2, PostgreSQL). Thread-safe.
 */
public interface ListenerStore extends ListenerRecords, EventLog, PersonalityStore, SessionStore {
    /** One at a time, keeping only the sessions of listeners who still exist (stores with a transaction do it in one). */
    @Override
    default void saveSessions(List<SessionRecord> sessions) {
        for (SessionRecord r : sessions) {
            if (user(r.userId()).isPresent()) {
                saveSession(r.sessionId(), r.userId(), r.createdAt(), r.payloadJson());
            }
        }
    }
}
