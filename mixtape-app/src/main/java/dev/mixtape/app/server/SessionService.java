package dev.mixtape.app.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mixtape.algo.content.SongKeys;
import dev.mixtape.algo.listener.SessionRecommender;
import dev.mixtape.algo.listener.SessionWeights;
import dev.mixtape.algo.personality.PersonalityMusicModel;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.listener.SessionStore;
import dev.mixtape.core.listener.PersonalityProfile;
import dev.mixtape.storage.cache.CacheKind;
import dev.mixtape.storage.cache.TieredCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Session picks ({@code POST /api/v1/sessions}, docs/LISTENERS.md): the listener's state from {@link ListenerService},
 * the listening model's scores for them, the {@link SessionRecommender} (the same object the v2 {@code session}
 * strategy serves), the answer's JSON, its cache entry and its record in the store ({@link SessionKeeper}).
 *
 * <p>An answer is cached per listener, size and catalog ({@link CacheKind#RECOMMENDATIONS}) with the listener state it
 * was computed for; {@link #invalidate} drops the default size's entry when the listener changes, and an entry whose
 * state is not the listener's current one is never served (so other sizes, which the invalidation does not reach, are
 * recomputed too). Computations run at most one per core at a time; the rest queue. Thread-safe.
 */
public final class SessionService implements AutoCloseable {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ListenerService listeners;
    private final TieredCache cache;
    private final SessionWeights weights;
    private final Clock clock;
    private final PerEngine<Models> models;
    private final SessionKeeper keeper;
    /** Session computations at once: CPU-bound, so more would only slow each other down; the rest queue. */
    private final java.util.concurrent.Semaphore computing =
            new java.util.concurrent.Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()), true);
    private volatile Monitoring monitoring;

    /** The session recommender built over one engine's catalog. */
    private record Models(Engine engine, SessionRecommender sessions) {}

    /** A session's answer (JSON, UTF-8) and where it came from. */
    public record Session(byte[] json, TieredCache.Status cacheStatus) {
        /** The answer as a tree (evaluations and tests). */
        public JsonNode body() {
            try {
                return JsonBody.JSON.readTree(json);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public SessionService(ListenerService listeners, SessionStore store, TieredCache cache, EngineHolder engines,
                          SessionWeights weights, Clock clock) {
        this.listeners = listeners;
        this.cache = cache;
        this.weights = weights;
        this.clock = clock;
        this.models = new PerEngine<>(engines, e -> new Models(e, recommender(e)));
        this.keeper = new SessionKeeper(store);
    }

    private SessionRecommender recommender(Engine e) {
        return new SessionRecommender(e.space(), new PersonalityMusicModel(e.catalog()), new SongKeys(e.catalog()), weights);
    }

    /**
     * The session recommender over {@code e}'s catalog: the one sessions are served by while {@code e} serves (so the v2
     * {@code session} strategy is the same recommender), or a new one with the same blend for another engine.
     */
    SessionRecommender sessions(Engine e) {
        Models m = models.get();
        return m.engine() == e ? m.sessions() : recommender(e);
    }

    /** The blend of session picks this service serves. */
    public SessionWeights sessionWeights() {
        return weights;
    }

    /** Where session timings go (the profiling endpoint). */
    public void monitoring(Monitoring m) {
        this.monitoring = m;
    }

    /** Builds the session models now (they take ~0.2 s), so the first session request does not pay for them. */
    public void prepare() {
        models.get();
    }

    /** Drops the listener's cached answer of the default size (run whenever the listener's state changes). */
    public void invalidate(String userId) {
        Models m = models.peek();
        if (m != null) {
            // frees the default size's answer now; any size is also checked against the listener's state when read
            cache.invalidate(CacheKind.RECOMMENDATIONS, sessionKey(m, userId, SessionRecommender.DEFAULT_SIZE));
        }
    }

    /** Writes the session records still queued (before a listener's delete, so none of theirs lands after it). */
    public void flush() {
        keeper.flush();
    }

    /** The listener's session of {@code size} picks, from the cache when their state has not changed since. */
    public Session session(String userId, int size) {
        long start = System.nanoTime();
        Models m = models.get();
        ListenerService.UserData data = listeners.userData(userId);
        String key = sessionKey(m, userId, size);
        String state = sessionState(data) + ":" + m.engine().cf().version();
        java.util.function.Supplier<SessionEntry> compute = () -> new SessionEntry(state, computeSession(m, data, size));
        TieredCache.Cached<SessionEntry> c = cache.get(CacheKind.RECOMMENDATIONS, key, SessionEntryCodec.INSTANCE, compute);
        if (!c.value().state().equals(state)) {
            // computed before the listener's last change (a size the invalidation did not reach, or a race with it)
            cache.invalidate(CacheKind.RECOMMENDATIONS, key);
            c = cache.get(CacheKind.RECOMMENDATIONS, key, SessionEntryCodec.INSTANCE, compute);
            if (!c.value().state().equals(state)) { // changed again meanwhile: answer for the state this request read
                c = new TieredCache.Cached<>(compute.get(), TieredCache.Status.MISS);
            }
        }
        return new Session(AnswerFields.timed(start, c.status()).addTo(c.value().json()), c.status());
    }

    /**
     * A cached session answer (its JSON, UTF-8: a fifth of the heap its tree would take) and the listener state it was
     * computed for. One entry per listener and size (so a listener's answers do not pile up as their state changes);
     * an entry whose state is not the listener's current one is never served.
     */
    record SessionEntry(String state, byte[] json) implements TieredCache.Sized {
        @Override
        public long bytes() {
            return 64L + 2L * state.length() + json.length;
        }
    }

    /** The cache key of a session answer: catalog fingerprint, listener and size. */
    private static String sessionKey(Models m, String userId, int size) {
        return m.engine().catalog().fingerprint() + ":" + userId + (size == SessionRecommender.DEFAULT_SIZE ? "" : ":" + size);
    }

    /**
     * What a session answer depends on besides the catalog and the listening model (whose version the caller adds): when
     * the listener was created, their event count and profile time.
     */
    private static String sessionState(ListenerService.UserData d) {
        PersonalityProfile p = d.personality();
        return d.listener().createdAt().toEpochMilli() + ":" + d.listener().eventCount() + ":" + (p == null ? 0 : p.updatedAt().toEpochMilli());
    }

    private byte[] computeSession(Models m, ListenerService.UserData d, int size) {
        ObjectNode out;
        computing.acquireUninterruptibly();
        long t0 = System.nanoTime();
        try {
            out = computeSessionNow(m, d, size);
        } finally {
            computing.release();
        }
        Monitoring mon = monitoring;
        if (mon != null) {
            mon.phase("session.compute", (System.nanoTime() - t0) / 1e6);
        }
        byte[] json;
        try {
            json = JsonBody.JSON.writeValueAsBytes(out);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        keeper.keep(new SessionStore.SessionRecord(out.get("session_id").asText(), out.get("user_id").asText(),
                Instant.parse(out.get("created_at").asText()), new String(json, StandardCharsets.UTF_8)));
        return json;
    }

    /**
     * What the listener's session of {@code size} picks would be computed from now (their history, profile and listening
     * model scores): for evaluations that score other blends on the same input.
     */
    public SessionRecommender.Input sessionInput(String userId, int size) {
        return sessionInput(models.get(), listeners.userData(userId), size);
    }

    private SessionRecommender.Input sessionInput(Models m, ListenerService.UserData d, int size) {
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS); // created_at as the store keeps it
        dev.mixtape.algo.learn.ArtistScores listening = m.engine().cf().scores(
                new dev.mixtape.algo.strategy.ListenerState(d.listener(), d.history(), d.personality()), now);
        return new SessionRecommender.Input(d.listener(), d.history(), d.personality(), now, size, listening);
    }

    /** The answer's JSON; its {@code metadata} object comes last, where {@link AnswerFields} adds the per-request fields. */
    private ObjectNode computeSessionNow(Models m, ListenerService.UserData d, int size) {
        SessionRecommender.Input in = sessionInput(m, d, size);
        Instant now = in.now();
        SessionRecommender.Result r = m.sessions().recommend(in);
        Catalog c = m.engine().catalog();
        String id = "ses_" + UUID.randomUUID().toString().replace("-", "");
        ObjectNode out = NODES.objectNode();
        out.put("session_id", id);
        out.put("user_id", d.listener().id());
        out.put("created_at", now.toString());
        ArrayNode recs = out.putArray("recommendations");
        for (SessionRecommender.Pick p : r.picks()) {
            ObjectNode o = recs.addObject();
            o.put("rank", recs.size());
            o.set("track", JsonBody.JSON.valueToTree(TrackMaps.summary(c, p.track())));
            o.put("score", p.score());
            o.put("reason", p.reason());
            o.put("explanation", p.explanation());
            if (p.becauseOfTrack() != null) {
                o.put("because_of_track", p.becauseOfTrack());
            }
            if (p.trait() != null) {
                o.put("trait", p.trait());
            }
            o.put("source", p.source());
            o.set("contributions", JsonBody.JSON.valueToTree(p.contributions()));
        }
        ObjectNode meta = out.putObject("metadata");
        meta.put("total_candidates", r.totalCandidates());
        meta.put("final_count", r.picks().size());
        meta.put("cold_start_stage", r.stage().wireName());
        meta.set("candidates_by_source", JsonBody.JSON.valueToTree(r.candidatesBySource()));
        meta.set("blend", JsonBody.JSON.valueToTree(r.blend()));
        meta.put("has_history", d.history().stream().anyMatch(h -> h.plays() > 0 || h.likes() + h.saves() > 0));
        meta.put("has_personality", d.personality() != null);
        meta.put("listening_model", in.listening() == null ? null : in.listening().model().version());
        return out;
    }

    /** Keeps the session records still queued, then stops their writer. */
    @Override
    public void close() {
        keeper.close();
    }

    /** A session entry as its state, a newline, then the answer's JSON. */
    enum SessionEntryCodec implements TieredCache.Codec<SessionEntry> {
        INSTANCE;

        @Override
        public byte[] encode(SessionEntry value) {
            byte[] state = value.state().getBytes(StandardCharsets.UTF_8);
            byte[] out = new byte[state.length + 1 + value.json().length];
            System.arraycopy(state, 0, out, 0, state.length);
            out[state.length] = '\n';
            System.arraycopy(value.json(), 0, out, state.length + 1, value.json().length);
            return out;
        }

        @Override
        public SessionEntry decode(byte[] bytes) {
            int nl = 0;
            while (nl < bytes.length && bytes[nl] != '\n') {
                nl++;
            }
            if (nl == 0 || nl > 100 || nl + 1 >= bytes.length || bytes[nl + 1] != '{') {
                throw new IllegalArgumentException("not a cached session");
            }
            return new SessionEntry(new String(bytes, 0, nl, StandardCharsets.UTF_8), java.util.Arrays.copyOfRange(bytes, nl + 1, bytes.length));
        }
    }
}
