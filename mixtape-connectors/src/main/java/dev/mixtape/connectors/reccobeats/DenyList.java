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

    /** Why a combination is denied, and until when. */
    public record Denial(String why, boolean aboutNegatives, Instant until) {}

    private final ConcurrentHashMap<String, Denial> until = new ConcurrentHashMap<>();
    private final Clock clock;

    public DenyList(Clock clock) {
        this.clock = clock;
    }

    public void deny(String combination, String why, boolean aboutNegatives) {
        until.put(combination, new Denial(why, aboutNegatives, clock.instant().plus(TTL)));
    }

    /** The live denial of {@code combination}, if any. */
    public java.util.Optional<Denial> denial(String combination) {
        Denial d = until.get(combination);
        if (d == null) {
            return java.util.Optional.empty();
        }
        if (!clock.instant().isBefore(d.until())) {
            until.remove(combination, d);
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(d);
    }

    public boolean denied(String combination) {
        return denial(combination).isPresent();
    }
}
