package dev.mixtape.core.listener;

import java.time.Instant;
import java.util.Optional;

/** The listeners themselves: created, read, deleted with every row of theirs. Part of {@link ListenerStore}. */
public interface ListenerRecords {
    /** Creates the listener, or returns the stored one unchanged when it exists. */
    Created createUser(String id, Instant createdAt);

    record Created(Listener listener, boolean created) {}

    Optional<Listener> user(String id);

    /** Removes the listener and every row of theirs (events, history, profile, sessions); false when unknown. */
    boolean deleteUser(String id);
}
