package dev.mixtape.algo.strategy;

import dev.mixtape.core.listener.HistoryEntry;
import dev.mixtape.core.listener.Listener;
import dev.mixtape.core.listener.PersonalityProfile;
import java.util.List;

/** What is known of a listener: the record, the history (highest play score first) and the profile (or null). */
public record ListenerState(Listener listener, List<HistoryEntry> history, PersonalityProfile profile) {
    public ListenerState {
        history = List.copyOf(history);
    }

    /** Interactions that count toward "enough data for collaborative filtering": stored events. */
    public long interactions() {
        return listener.eventCount();
    }
}
