package dev.mixtape.app.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.InvalidRequestException;
import dev.mixtape.core.listener.EventType;
import dev.mixtape.core.listener.EventLog;
import dev.mixtape.core.listener.ListeningEvent;
import dev.mixtape.core.listener.PlayDecay;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Takes in batches of listening events ({@code POST /api/v1/events}, the Spotify top-list import, the replay
 * evaluation): reads each event ({@link EventReader}; a bad one is rejected with its reason, the rest go on), appends
 * the valid ones to the {@link EventLog} and returns only after the commit. Then every listener whose events were
 * stored is forgotten by the caches ({@code invalidate}), and the stored events are published to the
 * {@link OnlineLearners} wired in {@code MixtapeApp}, off the request thread: a learner can neither delay nor fail an
 * acknowledged write. Thread-safe.
 */
public final class EventIngest implements AutoCloseable {
    public static final int MAX_BATCH = 1000;

    private final EventLog store;
    private final EngineHolder engines;
    private final Clock clock;
    private final Consumer<String> invalidate;
    private final OnlineLearners learners = new OnlineLearners();

    public record Rejection(int index, String idempotencyKey, String error) {}

    public record BatchResult(int received, int accepted, int duplicates, List<Rejection> rejected) {}

    /** @param invalidate drops what is cached about a listener whose events were stored */
    public EventIngest(EventLog store, EngineHolder engines, Clock clock, Consumer<String> invalidate) {
        this.store = store;
        this.engines = engines;
        this.clock = clock;
        this.invalidate = invalidate;
    }

    /**
     * Calls {@code learner} with the events of each batch that were stored: after the commit and the acknowledgement, on
     * the learners' background thread ({@link OnlineLearners}). A learner that throws is logged and skipped.
     */
    public void onEvents(Consumer<List<ListeningEvent>> learner) {
        learners.add(learner);
    }

    /** Waits until the online learners have seen every batch stored so far (evaluations and tests). */
    public void awaitLearners() {
        learners.await();
    }

    /** Stores the valid events of {@code body} ({@code {"events": [...]}}, 1 to {@value #MAX_BATCH}); durable on return. */
    public BatchResult ingest(JsonNode body) {
        JsonNode events = body.get("events");
        if (events == null || !events.isArray()) {
            throw new InvalidRequestException("events is required: an array of 1 to " + MAX_BATCH + " events like "
                    + "{\"user_id\": \"u1\", \"track_id\": \"...\", \"type\": \"play\", \"timestamp\": \"2026-01-01T12:00:00Z\"}");
        }
        if (events.isEmpty() || events.size() > MAX_BATCH) {
            throw new InvalidRequestException("events must hold 1 to " + MAX_BATCH + " events; got " + events.size()
                    + (events.size() > MAX_BATCH ? " (split the batch)" : ""));
        }
        Catalog catalog = engines.get().catalog();
        Instant now = clock.instant();
        List<ListeningEvent> valid = new ArrayList<>(events.size());
        double[] plays = new double[events.size()];
        List<Rejection> rejected = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            JsonNode e = events.get(i);
            try {
                ListeningEvent ev = EventReader.read(e, catalog, now);
                plays[valid.size()] = ev.type() == EventType.PLAY
                        ? PlayDecay.playFraction(ev.msPlayed(), catalog.durationMs(catalog.indexOf(ev.trackId()))) : 0.0;
                valid.add(ev);
            } catch (InvalidRequestException ex) {
                String key = e.isObject() && e.path("idempotency_key").isTextual() ? e.get("idempotency_key").asText() : null;
                rejected.add(new Rejection(i, key, ex.getMessage()));
            }
        }
        int accepted = 0;
        if (!valid.isEmpty()) {
            boolean[] inserted = store.append(valid, java.util.Arrays.copyOf(plays, valid.size()), now);
            Set<String> touched = new LinkedHashSet<>();
            List<ListeningEvent> stored = new ArrayList<>(inserted.length);
            for (int i = 0; i < inserted.length; i++) {
                if (inserted[i]) {
                    accepted++;
                    touched.add(valid.get(i).userId());
                    stored.add(valid.get(i));
                }
            }
            touched.forEach(invalidate);
            // the batch is committed: the learners see it in the background and can neither delay nor fail the acknowledgement
            learners.publish(stored);
        }
        return new BatchResult(events.size(), accepted, valid.size() - accepted, rejected);
    }

    /** Lets the learners finish the batches they were given, then stops them. */
    @Override
    public void close() {
        learners.close();
    }
}
