package dev.mixtape.app.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.InvalidRequestException;
import dev.mixtape.core.listener.EventKeys;
import dev.mixtape.core.listener.EventType;
import dev.mixtape.core.listener.ListeningEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Reads one listening event off the wire ({@code POST /api/v1/events}, docs/LISTENERS.md): checks every field and
 * answers the first problem as an {@link InvalidRequestException} that names it. Stateless.
 */
final class EventReader {
    /** How far ahead of the server's clock an event may be stamped (clock skew between devices). */
    static final Duration FUTURE_SKEW = Duration.ofMinutes(5);
    private static final Set<String> EVENT_FIELDS = Set.of("user_id", "track_id", "type", "timestamp", "ms_played",
            "recommendation_id", "idempotency_key");

    private EventReader() {}

    /** The event {@code e} describes, for a track of {@code catalog}, stamped no later than {@code now} + {@link #FUTURE_SKEW}. */
    static ListeningEvent read(JsonNode e, Catalog catalog, Instant now) {
        if (!e.isObject()) {
            throw new InvalidRequestException("an event must be a JSON object, got " + e.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        JsonBody.checkFields(e, EVENT_FIELDS, "");
        String user = ListenerService.checkUserId(JsonBody.text(e, "user_id", "the listener's id"), "user_id");
        String track = JsonBody.text(e, "track_id", "a catalog track id");
        if (catalog.indexOf(track) < 0) {
            throw new InvalidRequestException("unknown track_id '" + track + "'");
        }
        EventType type = EventType.parse(JsonBody.text(e, "type", "play, skip, save, like or dislike"));
        Instant at = JsonBody.instant(e.get("timestamp"), "timestamp");
        if (at.isAfter(now.plus(FUTURE_SKEW))) {
            throw new InvalidRequestException("timestamp " + at + " is in the future (server time " + now + ")");
        }
        long ms = 0;
        if (e.hasNonNull("ms_played")) {
            JsonNode n = e.get("ms_played");
            if (!n.isIntegralNumber() || n.asLong() < 0 || n.asLong() > 86_400_000L) {
                throw new InvalidRequestException("ms_played must be a whole number of milliseconds from 0 to 86400000, got " + n);
            }
            ms = n.asLong();
        }
        String rec = null;
        if (e.hasNonNull("recommendation_id")) {
            rec = JsonBody.text(e, "recommendation_id", "the id of the session that offered the track");
            if (rec.isEmpty() || rec.length() > 128) {
                throw new InvalidRequestException("recommendation_id must be 1 to 128 characters");
            }
        }
        String key;
        if (e.hasNonNull("idempotency_key")) {
            String k = JsonBody.text(e, "idempotency_key", "a string unique per event for this listener");
            if (k.isEmpty() || k.length() > 200) {
                throw new InvalidRequestException("idempotency_key must be 1 to 200 characters");
            }
            key = EventKeys.of(user, k);
        } else {
            key = EventKeys.ofContent(user, track, type, at, ms, rec);
        }
        return new ListeningEvent(user, track, type, at, ms, rec, key);
    }
}
