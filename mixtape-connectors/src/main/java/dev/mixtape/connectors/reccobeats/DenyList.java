package dev.mixtape.connectors.reccobeats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mixtape.connectors.http.LocalRemoteCache;
import dev.mixtape.connectors.http.RemoteCache;
import dev.mixtape.connectors.http.RemoteJson;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Seed combinations that failed permanently (a 4xx that retrying cannot fix), remembered for 24 hours so that they
 * are never sent again in that time. Kept in the cache store ({@link RemoteCache.Kind#DENIED}): with Redis behind it,
 * one instance's denial holds for every instance. Each entry carries its own end, checked against {@code clock}.
 */
public final class DenyList {
    public static final Duration TTL = RemoteCache.Kind.DENIED.ttl();

    /** Why a combination is denied, and until when. */
    public record Denial(String why, boolean aboutNegatives, Instant until) {}

    private final RemoteCache store;
    private final Clock clock;

    public DenyList(RemoteCache store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** An in-process deny list (tests, tools). */
    public DenyList(Clock clock) {
        this(new LocalRemoteCache(10_000), clock);
    }

    public void deny(String combination, String why, boolean aboutNegatives) {
        ObjectNode n = RemoteJson.mapper().createObjectNode().put("why", why).put("about_negatives", aboutNegatives)
                .put("until", clock.instant().plus(TTL).toString());
        store.put(RemoteCache.Kind.DENIED, combination, n.toString());
    }

    /** The live denial of {@code combination}, if any. */
    public Optional<Denial> denial(String combination) {
        Optional<String> raw = store.get(RemoteCache.Kind.DENIED, combination);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode n = RemoteJson.mapper().readTree(raw.get());
            Denial d = new Denial(n.path("why").asText(""), n.path("about_negatives").asBoolean(), Instant.parse(n.path("until").asText()));
            return clock.instant().isBefore(d.until()) ? Optional.of(d) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreadable entry: not denied
        }
    }

    public boolean denied(String combination) {
        return denial(combination).isPresent();
    }
}
