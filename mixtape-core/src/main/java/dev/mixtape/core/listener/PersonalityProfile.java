package dev.mixtape.core.listener;

import java.time.Instant;
import java.util.Objects;

/**
 * A listener's Big Five profile and where it came from.
 *
 * @param source the inventory that was scored ("ipip-50", "mini-ipip-20", "bfi-44"), or "traits" when
 *               the scores were given directly
 */
public record PersonalityProfile(Traits traits, String source, Instant updatedAt) {
    public PersonalityProfile {
        Objects.requireNonNull(traits, "traits");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
