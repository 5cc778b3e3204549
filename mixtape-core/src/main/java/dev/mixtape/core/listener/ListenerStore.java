package dev.mixtape.core.listener;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where listeners, their events, incrementally kept listening history, personality profiles and served
 * sessions live. Every write is durable when the method returns. Implementations: in memory, JDBC (H2,
 * PostgreSQL). Thread-safe.
 */
public interface ListenerStore {
    /** Creates the listener, or returns the stored one unchanged when it exists. */
    Created createUser(String id, Instant createdAt);

    record Created(Listener listener, boolean created) {}

    Optional<Listener> user(String id);

    /** Removes the listener and every row of theirs (events, history, profile, sessions); false when unknown. */
    boolean deleteUser(String id);

    /**
     * Stores a batch in one transaction: each event whose {@link ListeningEvent#key()} is new is inserted
     * and folded into its listener's history; an event whose key is already stored (or repeats an earlier
     * one of the batch) is a duplicate and changes nothing. Listeners not yet known are created (created at
     * {@code now}).
     *
     * @param plays per event, the play count it adds (see {@link PlayDecay#playFraction}); 0 for non-plays
     * @return per event, true when it was inserted, false when it was a duplicate
     */
    boolean[] append(List<ListeningEvent> events, double[] plays, Instant now);

    /** The listener's history, highest {@link HistoryEntry#playScore()} first, at most {@code limit} entries. */
    List<HistoryEntry> history(String userId, int limit);

    /**
     * Calls {@code visitor} with every listener's whole history (all rows, in no particular order within a listener),
     * one listener at a time in user id order: what the listening model trains on. Reads a consistent-enough
     * snapshot for training; rows written meanwhile may or may not be seen.
     */
    void scanHistories(HistoryVisitor visitor);

    /** One listener's history rows, for {@link #scanHistories}. */
    @FunctionalInterface
    interface HistoryVisitor {
        void listener(String userId, List<HistoryEntry> rows);
    }

    /** How many events are stored and when the latest was received (null when none): the training manifest's watermark. */
    EventStats eventStats();

    record EventStats(long events, Instant lastReceivedAt) {}

    void putPersonality(String userId, PersonalityProfile profile);

    Optional<PersonalityProfile> personality(String userId);

    /** Keeps a served session (its answer as JSON), so events can refer to it by id. */
    void saveSession(String sessionId, String userId, Instant createdAt, String payloadJson);

    Optional<String> session(String sessionId);

    /**
     * Every stored event of the listener, oldest first, streamed to {@code sink}: for an export
     * of everything kept about them. Nothing for an unknown listener.
     */
    void events(String userId, java.util.function.Consumer<ListeningEvent> sink);

    /** Every kept session of the listener, oldest first, streamed to {@code sink}. */
    void sessions(String userId, java.util.function.Consumer<SessionRecord> sink);

    /** A served session to keep. */
    record SessionRecord(String sessionId, String userId, Instant createdAt, String payloadJson) {}

    /**
     * Keeps several sessions in one transaction; a session of a listener who no longer exists (deleted
     * meanwhile) is not kept.
     */
    default void saveSessions(List<SessionRecord> sessions) {
        for (SessionRecord r : sessions) {
            if (user(r.userId()).isPresent()) {
                saveSession(r.sessionId(), r.userId(), r.createdAt(), r.payloadJson());
            }
        }
    }
}
