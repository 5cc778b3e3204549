package dev.mixtape.core.listener;

import java.time.Instant;
import java.util.List;

/**
 * Listening events and the history kept incrementally from them (one row per listener and track): what the events
 * endpoint appends, and what sessions, strategies and training read. Part of {@link ListenerStore}.
 */
public interface EventLog {
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

    /**
     * Every stored event of the listener, oldest first, streamed to {@code sink}: for an export
     * of everything kept about them. Nothing for an unknown listener.
     */
    void events(String userId, java.util.function.Consumer<ListeningEvent> sink);
}
