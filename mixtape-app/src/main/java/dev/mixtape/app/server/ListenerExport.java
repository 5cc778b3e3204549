package dev.mixtape.app.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mixtape.core.NotFoundException;
import dev.mixtape.core.listener.HistoryEntry;
import dev.mixtape.core.listener.Listener;
import dev.mixtape.core.listener.ListenerStore;
import dev.mixtape.core.listener.PersonalityProfile;
import dev.mixtape.storage.jdbc.JdbcExperimentStore;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * {@code GET /api/v1/users/{id}/export}: everything stored about one listener, as kept (not as the recommenders read
 * it): the listener record, the personality profile, the per-track history rows, every event, every kept session
 * answer, the answers served under an experiment or by {@code auto}'s bandit, and the Spotify link without its token.
 * Streamed (a listener with a million events is written without holding them), in store order, oldest first. What
 * {@code DELETE /api/v1/users/{id}} removes is exactly this. Thread-safe.
 */
public final class ListenerExport {
    public static final String FORMAT = "mixtape-listener-export/1";

    private final ListenerStore store;
    private final Supplier<JdbcExperimentStore> experiments;
    private final SpotifyTopRefresher spotify;
    private final Clock clock;

    /** @param spotify the Spotify link store's reader, or null when the server has none */
    public ListenerExport(ListenerStore store, Supplier<JdbcExperimentStore> experiments, SpotifyTopRefresher spotify, Clock clock) {
        this.store = store;
        this.experiments = experiments;
        this.spotify = spotify;
        this.clock = clock;
    }

    /** Checks that the listener exists (a 404 naming them), before any byte is written. */
    public Listener require(String userId) {
        return store.user(userId).orElseThrow(() -> new NotFoundException("no listener '" + userId + "'"));
    }

    /** Writes the export of {@code listener} to {@code out} as one JSON object. */
    public void write(Listener listener, OutputStream out) throws IOException {
        String id = listener.id();
        try (JsonGenerator g = JsonBody.JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeStringField("exported_at", clock.instant().toString());
            g.writeObjectFieldStart("listener");
            g.writeStringField("id", id);
            g.writeStringField("created_at", listener.createdAt().toString());
            instant(g, "first_event_at", listener.firstEventAt());
            g.writeNumberField("event_count", listener.eventCount());
            g.writeEndObject();

            PersonalityProfile p = store.personality(id).orElse(null);
            if (p == null) {
                g.writeNullField("personality");
            } else {
                g.writeObjectFieldStart("personality");
                g.writeObjectField("traits", JsonBody.JSON.valueToTree(p.traits()));
                g.writeStringField("source", p.source());
                g.writeStringField("updated_at", p.updatedAt().toString());
                g.writeEndObject();
            }

            g.writeArrayFieldStart("history");
            for (HistoryEntry h : store.history(id, Integer.MAX_VALUE)) {
                g.writeStartObject();
                g.writeStringField("track_id", h.trackId());
                g.writeNumberField("play_score", h.playScore());
                g.writeNumberField("plays", h.plays());
                g.writeNumberField("skips", h.skips());
                g.writeNumberField("likes", h.likes());
                g.writeNumberField("saves", h.saves());
                g.writeNumberField("dislikes", h.dislikes());
                g.writeStringField("last_event_at", h.lastEventAt().toString());
                g.writeEndObject();
            }
            g.writeEndArray();

            g.writeArrayFieldStart("events");
            store.events(id, e -> io(() -> {
                g.writeStartObject();
                g.writeStringField("track_id", e.trackId());
                g.writeStringField("type", e.type().wireName());
                g.writeStringField("timestamp", e.timestamp().toString());
                g.writeNumberField("ms_played", e.msPlayed());
                g.writeStringField("recommendation_id", e.recommendationId());
                g.writeStringField("event_key", e.key());
                g.writeEndObject();
            }));
            g.writeEndArray();

            g.writeArrayFieldStart("sessions");
            store.sessions(id, s -> io(() -> {
                g.writeStartObject();
                g.writeStringField("session_id", s.sessionId());
                g.writeStringField("created_at", s.createdAt().toString());
                g.writeFieldName("answer");
                g.writeTree(answer(s.payloadJson()));
                g.writeEndObject();
            }));
            g.writeEndArray();

            g.writeArrayFieldStart("impressions");
            for (JdbcExperimentStore.Impression i : experiments.get().impressions(id)) {
                g.writeStartObject();
                g.writeStringField("recommendation_id", i.recommendationId());
                g.writeStringField("experiment", i.experiment());
                g.writeStringField("variant", i.variant());
                g.writeNumberField("tracks", i.tracks());
                g.writeStringField("created_at", i.at().toString());
                g.writeEndObject();
            }
            g.writeEndArray();

            g.writeFieldName("spotify_link");
            if (spotify == null) {
                g.writeNull();
            } else {
                g.writeTree(spotify.status(id));
            }
            g.writeEndObject();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** A kept session answer as JSON (as it was stored; a row that does not parse is exported as its text). */
    private static JsonNode answer(String payload) {
        try {
            return JsonBody.JSON.readTree(payload);
        } catch (IOException e) {
            return JsonBody.JSON.getNodeFactory().textNode(payload);
        }
    }

    private static void instant(JsonGenerator g, String field, Instant at) throws IOException {
        if (at == null) {
            g.writeNullField(field);
        } else {
            g.writeStringField(field, at.toString());
        }
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void io(IoAction a) {
        try {
            a.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
