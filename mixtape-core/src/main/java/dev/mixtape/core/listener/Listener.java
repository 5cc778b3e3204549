package dev.mixtape.core.listener;

import java.time.Instant;
import java.util.Objects;

/**
 * A listener (user) of the product.
 *
 * @param createdAt   when the account was created (an imported account keeps its real age)
 * @param firstEventAt the timestamp of the earliest event stored for the listener, or null before any
 * @param eventCount   events stored for the listener (duplicates not counted)
 */
public record Listener(String id, Instant createdAt, Instant firstEventAt, long eventCount) {
    public Listener {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The start of the account's life for cold-start staging: the earlier of creation and first event. */
    public Instant since() {
        return firstEventAt != null && firstEventAt.isBefore(createdAt) ? firstEventAt : createdAt;
    }
}
