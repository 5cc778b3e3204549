package dev.mixtape.connectors.reccobeats;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Seed combinations that failed permanently (a 4xx that retrying cannot fix), remembered for 24 hours so that
 * they are never sent again in that time. In process; a shared store can implement the same two methods.
 */
public class DenyList {
    public static final Duration TTL = Duration.ofHours(24);

    private final ConcurrentHashMap<String, Instant> until = new ConcurrentHashMap<>();
    private final Clock clock;

    public DenyList(Clock clock) {
        this.clock = clock;
    }

    public void deny(String combination, String why) {
        until.put(combination, clock.instant().plus(TTL));
    }

    public boolean denied(String combination) {
        Instant u = until.get(combination);
        if (u == null) {
            return false;
        }
        if (!clock.instant().isBefore(u)) {
            until.remove(combination, u);
            return false;
        }
        return true;
    }
}
