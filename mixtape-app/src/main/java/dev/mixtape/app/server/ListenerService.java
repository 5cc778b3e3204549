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
import dev.mixtape.core.InvalidRequestException;
import dev.mixtape.core.NotFoundException;
import dev.mixtape.core.listener.EventKeys;
import dev.mixtape.core.listener.EventType;
import dev.mixtape.core.listener.HistoryEntry;
import dev.mixtape.core.listener.Listener;
import dev.mixtape.core.listener.ListenerStore;
import dev.mixtape.core.listener.ListeningEvent;
import dev.mixtape.core.listener.PersonalityProfile;
import dev.mixtape.core.listener.PlayDecay;
import dev.mixtape.core.listener.Traits;
import dev.mixtape.storage.cache.CacheKind;
import dev.mixtape.storage.cache.TieredCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Listeners, their events, history, personality and session picks: validation, the store, and the two
 * cache tiers. A listener's record, history and profile are cached together ({@link CacheKind#USER_DATA});
 * a session answer is cached per listener, size and catalog ({@link CacheKind#RECOMMENDATIONS}) with the listener
 * state it was computed for. Both are dropped whenever the listener's events or profile change, and a session
 * answer whose state is not the listener's current one is never served (sizes other than the default are not
 * reached by the invalidation). Thread-safe.
 */
public final class ListenerService {
    public static final int MAX_BATCH = 1000;
    /** How far ahead of the server's clock an event may be stamped (clock skew between devices). */
    public static final Duration FUTURE_SKEW = Duration.ofMinutes(5);
    /** History rows a session is computed from. */
    static final int SESSION_HISTORY = 500;
    static final int HISTORY_LIMIT = 50;
    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._:@+\\-]{1,128}");
    private static final Set<String> EVENT_FIELDS = Set.of("user_id", "track_id", "type", "timestamp", "ms_played",
            "recommendation_id", "idempotency_key");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ListenerStore store;
    private final TieredCache cache;
    private final EngineHolder engines;
    private final SessionWeights weights;
    private final Clock clock;
    private final PerEngine<Models> models;
    private final OnlineLearners learners = new OnlineLearners();
    /** Session computations at once: CPU-bound, so more would only slow each other down; the rest queue. */
    private final java.util.concurrent.LinkedBlockingQueue<ListenerStore.SessionRecord> sessionQueue =
            new java.util.concurrent.LinkedBlockingQueue<>();
    private final SessionWriter sessionWriter = new SessionWriter();
    private final java.util.concurrent.Semaphore computing =
            new java.util.concurrent.Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()), true);

    /** The session recommender built over one engine's catalog, with a version naming that catalog in cache keys. */
    private record Models(Engine engine, SessionRecommender sessions, String catalogVersion) {}

    public record UserData(Listener listener, List<HistoryEntry> history, PersonalityProfile personality) implements TieredCache.Sized {
        /** About the heap it holds: a history row (a record, its track id string and an instant) is about 150 bytes. */
        @Override
        public long bytes() {
            return 400L + 150L * history.size() + (personality == null ? 0 : 300);
        }
    }

    public ListenerService(ListenerStore store, TieredCache cache, EngineHolder engines, SessionWeights weights, Clock clock) {
        this.store = store;
        this.cache = cache;
        this.engines = engines;
        this.weights = weights;
        this.clock = clock;
        this.models = new PerEngine<>(engines, e -> new Models(e, recommender(e), catalogVersion(e.catalog())));
        sessionWriter.start();
    }

    private SessionRecommender recommender(Engine e) {
        return new SessionRecommender(e.space(), new PersonalityMusicModel(e.catalog()), new SongKeys(e.catalog()), weights);
    }

    /**
     * The session recommender over {@code e}'s catalog: the one sessions are served by while {@code e} serves (so the v2
     * {@code session} strategy is the same recommender), or a new one with the same blend for another engine.
     */
    SessionRecommender sessions(Engine e) {
        Models m = models();
        return m.engine() == e ? m.sessions() : recommender(e);
    }

    public TieredCache cache() {
        return cache;
    }

    /** The blend of session picks this service serves. */
    public SessionWeights sessionWeights() {
        return weights;
    }

    private volatile Monitoring monitoring;

    /** Where session timings go (the profiling endpoint). */
    public void monitoring(Monitoring m) {
        this.monitoring = m;
    }

    /**
     * Calls {@code listener} with the events of each batch that were stored, for online learners: after the commit and
     * the acknowledgement, on the learners' background thread ({@link OnlineLearners}). A listener that throws is
     * logged and skipped.
     */
    public void onEvents(java.util.function.Consumer<List<ListeningEvent>> listener) {
        learners.add(listener);
    }

    /** Waits until the online learners have seen every batch stored so far (evaluations and tests). */
    public void awaitLearners() {
        learners.await();
    }

    // ---- users

    public static String checkUserId(String id, String field) {
        if (id == null || !USER_ID.matcher(id).matches()) {
            throw new InvalidRequestException(field + " must be 1 to 128 characters from A-Z a-z 0-9 . _ : @ + -; got "
                    + (id == null ? "nothing" : "'" + (id.length() > 140 ? id.substring(0, 140) + "…" : id) + "'"));
        }
        return id;
    }

    public ListenerStore.Created createUser(String id, Instant createdAt) {
        checkUserId(id, "id");
        Instant now = clock.instant();
        if (createdAt != null && createdAt.isAfter(now.plus(FUTURE_SKEW))) {
            throw new InvalidRequestException("created_at is in the future: " + createdAt);
        }
        ListenerStore.Created c = store.createUser(id, createdAt == null ? now : createdAt);
        if (c.created()) {
            cache.invalidate(CacheKind.USER_DATA, id);
        }
        return c;
    }

    /** The listener's cached record, history (top {@value #SESSION_HISTORY}) and profile; 404 when unknown. */
    public UserData userData(String id) {
        return userDataCached(id).value();
    }

    private TieredCache.Cached<UserData> userDataCached(String id) {
        checkUserId(id, "user id");
        TieredCache.Cached<UserData> c = cache.get(CacheKind.USER_DATA, id, UserDataCodec.INSTANCE, () -> store.user(id)
                .map(l -> new UserData(l, store.history(id, SESSION_HISTORY), store.personality(id).orElse(null)))
                .orElse(null));
        if (c == null || c.value() == null) {
            throw new NotFoundException("no listener '" + id + "'; create it with POST /api/v1/users {\"id\": \"" + id + "\"}");
        }
        return c;
    }

    public void deleteUser(String id) {
        checkUserId(id, "user id");
        sessionWriter.flush(); // no queued session of theirs may land after the delete
        boolean existed = store.deleteUser(id);
        invalidate(id);
        if (engines.ready()) {
            engines.get().cf().forget(id);
        }
        if (!existed) {
            throw new NotFoundException("no listener '" + id + "'");
        }
    }

    /** Drops everything cached about the listener, in every instance (after each change, and for benchmarks). */
    public void invalidate(String userId) {
        cache.invalidate(CacheKind.USER_DATA, userId);
        Models m = models.peek();
        if (m != null) {
            // frees the default size's answer now; any size is also checked against the listener's state when read
            cache.invalidate(CacheKind.RECOMMENDATIONS, sessionKey(m, userId, SessionRecommender.DEFAULT_SIZE));
        }
    }

    // ---- events

    public record Rejection(int index, String idempotencyKey, String error) {}

    public record BatchResult(int received, int accepted, int duplicates, List<Rejection> rejected) {}

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
        List<Double> plays = new ArrayList<>(events.size());
        List<Rejection> rejected = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            JsonNode e = events.get(i);
            try {
                ListeningEvent ev = event(e, catalog, now);
                valid.add(ev);
                plays.add(ev.type() == EventType.PLAY ? PlayDecay.playFraction(ev.msPlayed(), catalog.durationMs(catalog.indexOf(ev.trackId()))) : 0.0);
            } catch (InvalidRequestException ex) {
                String key = e.isObject() && e.path("idempotency_key").isTextual() ? e.get("idempotency_key").asText() : null;
                rejected.add(new Rejection(i, key, ex.getMessage()));
            }
        }
        int accepted = 0;
        if (!valid.isEmpty()) {
            boolean[] inserted = store.append(valid, plays.stream().mapToDouble(Double::doubleValue).toArray(), now);
            Set<String> touched = new LinkedHashSet<>();
            for (int i = 0; i < inserted.length; i++) {
                if (inserted[i]) {
                    accepted++;
                    touched.add(valid.get(i).userId());
                }
            }
            touched.forEach(this::invalidate);
            List<ListeningEvent> stored = new ArrayList<>(inserted.length);
            for (int i = 0; i < inserted.length; i++) {
                if (inserted[i]) {
                    stored.add(valid.get(i));
                }
            }
            // the batch is committed: the learners see it in the background and can neither delay nor fail the acknowledgement
            learners.publish(stored);
        }
        return new BatchResult(events.size(), accepted, valid.size() - accepted, rejected);
    }

    private static ListeningEvent event(JsonNode e, Catalog catalog, Instant now) {
        if (!e.isObject()) {
            throw new InvalidRequestException("an event must be a JSON object, got " + e.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        JsonBody.checkFields(e, EVENT_FIELDS, "");
        String user = checkUserId(JsonBody.text(e, "user_id", "the listener's id"), "user_id");
        String track = JsonBody.text(e, "track_id", "a catalog track id");
        if (catalog.indexOf(track) < 0) {
            throw new InvalidRequestException("unknown track_id '" + track + "'");
        }
        EventType type = EventType.parse(JsonBody.text(e, "type", "play, skip, save, like or dislike"));
        Instant at = timestamp(e.get("timestamp"), "timestamp");
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

    /** An instant from ISO-8601 with an offset or epoch milliseconds; errors name {@code field}. */
    static Instant timestamp(JsonNode n, String field) {
        if (n == null || n.isNull()) {
            throw new InvalidRequestException(field + " is required: ISO-8601 (2026-01-01T12:00:00Z) or epoch milliseconds");
        }
        if (n.isIntegralNumber() || (n.isTextual() && n.asText().matches("\\d{1,15}"))) {
            long ms = n.asLong();
            if (ms < 100_000_000_000L) {
                throw new InvalidRequestException(field + " " + ms + " looks like epoch seconds; send epoch milliseconds or ISO-8601");
            }
            return Instant.ofEpochMilli(ms);
        }
        if (n.isTextual()) {
            String s = n.asText().trim();
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException e) {
                try {
                    return Instant.parse(s);
                } catch (DateTimeParseException e2) {
                    throw new InvalidRequestException(field + " '" + s + "' is not ISO-8601 with an offset (2026-01-01T12:00:00Z) "
                            + "nor epoch milliseconds");
                }
            }
        }
        throw new InvalidRequestException(field + " must be an ISO-8601 string or epoch milliseconds, got " + n);
    }

    // ---- history

    public ObjectNode history(String userId, int limit) {
        if (limit < 1 || limit > HISTORY_LIMIT) {
            throw new InvalidRequestException("limit must be from 1 to " + HISTORY_LIMIT + ", got " + limit);
        }
        UserData d = userData(userId);
        Catalog c = engines.get().catalog();
        Instant now = clock.instant();
        ObjectNode out = NODES.objectNode();
        out.put("user_id", userId);
        out.put("half_life_days", PlayDecay.HALF_LIFE_DAYS);
        ArrayNode items = out.putArray("items");
        for (HistoryEntry h : d.history()) {
            if (items.size() >= limit) {
                break;
            }
            int t = c.indexOf(h.trackId());
            if (h.plays() <= 0 || t < 0) {
                continue;
            }
            ObjectNode item = items.addObject();
            item.put("rank", items.size());
            item.set("track", JsonBody.JSON.valueToTree(TrackMaps.summary(c, t)));
            item.put("play_count", Math.round(PlayDecay.decayed(h.playScore(), now) * 1000) / 1000.0);
            item.put("plays", Math.round(h.plays() * 1000) / 1000.0);
            item.put("skips", h.skips());
            item.put("likes", h.likes());
            item.put("saves", h.saves());
            item.put("dislikes", h.dislikes());
            item.put("last_event_at", h.lastEventAt().toString());
            item.set("audio_features", JsonBody.JSON.valueToTree(TrackMaps.audioFeatures(c, t)));
        }
        out.put("total", items.size());
        return out;
    }

    // ---- personality

    public PersonalityProfile putPersonality(String userId, Traits traits, String source) {
        userData(userId); // 404 for an unknown listener
        PersonalityProfile p = new PersonalityProfile(traits, source, clock.instant());
        store.putPersonality(userId, p);
        invalidate(userId);
        return p;
    }

    public PersonalityProfile personality(String userId) {
        PersonalityProfile p = userData(userId).personality();
        if (p == null) {
            throw new NotFoundException("listener '" + userId + "' has no personality profile; PUT one to /api/v1/users/"
                    + userId + "/personality");
        }
        return p;
    }

    // ---- sessions

    /** A session's answer and where it came from. */
    public record Session(ObjectNode body, TieredCache.Status cacheStatus) {}

    public Session session(String userId, int size) {
        long start = System.nanoTime();
        Models m = models();
        TieredCache.Cached<UserData> data = userDataCached(userId);
        String key = sessionKey(m, userId, size);
        String state = sessionState(data.value()) + ":" + m.engine().cf().version();
        java.util.function.Supplier<SessionEntry> compute = () -> new SessionEntry(state, computeSession(m, data.value(), size));
        TieredCache.Cached<SessionEntry> c = cache.get(CacheKind.RECOMMENDATIONS, key, SessionEntryCodec.INSTANCE, compute);
        if (!c.value().state().equals(state)) {
            // computed before the listener's last change (a size the invalidation did not reach, or a race with it)
            cache.invalidate(CacheKind.RECOMMENDATIONS, key);
            c = cache.get(CacheKind.RECOMMENDATIONS, key, SessionEntryCodec.INSTANCE, compute);
            if (!c.value().state().equals(state)) { // changed again meanwhile: answer for the state this request read
                c = new TieredCache.Cached<>(compute.get(), TieredCache.Status.MISS);
            }
        }
        ObjectNode body;
        try {
            body = (ObjectNode) JsonBody.JSON.readTree(c.value().json());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ObjectNode meta = (ObjectNode) body.get("metadata");
        meta.put("response_time_ms", Math.round((System.nanoTime() - start) / 10_000.0) / 100.0);
        meta.put("cache_status", c.status().wireName());
        return new Session(body, c.status());
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

    /** The cache key of a session answer: catalog version, listener and size. */
    private static String sessionKey(Models m, String userId, int size) {
        return m.catalogVersion() + ":" + userId + (size == SessionRecommender.DEFAULT_SIZE ? "" : ":" + size);
    }

    /**
     * What a session answer depends on besides the catalog and the listening model (whose version the caller adds): when
     * the listener was created, their event count and profile time.
     */
    private static String sessionState(UserData d) {
        PersonalityProfile p = d.personality();
        return d.listener().createdAt().toEpochMilli() + ":" + d.listener().eventCount() + ":" + (p == null ? 0 : p.updatedAt().toEpochMilli());
    }

    private byte[] computeSession(Models m, UserData d, int size) {
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
        keep(out, json);
        return json;
    }

    /**
     * What the listener's session of {@code size} picks would be computed from now (their history, profile and listening
     * model scores): for evaluations that score other blends on the same input.
     */
    public SessionRecommender.Input sessionInput(String userId, int size) {
        return sessionInput(models(), userData(userId), size);
    }

    private SessionRecommender.Input sessionInput(Models m, UserData d, int size) {
        Instant now = clock.instant();
        dev.mixtape.algo.learn.ArtistScores listening = m.engine().cf().scores(
                new dev.mixtape.algo.strategy.ListenerState(d.listener(), d.history(), d.personality()), now);
        return new SessionRecommender.Input(d.listener(), d.history(), d.personality(), now, size, listening);
    }

    private ObjectNode computeSessionNow(Models m, UserData d, int size) {
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

    /** Queues a computed session (and its JSON) for the writer, which keeps sessions in batches off the request path. */
    private void keep(ObjectNode session, byte[] json) {
        sessionQueue.add(new ListenerStore.SessionRecord(session.get("session_id").asText(), session.get("user_id").asText(),
                Instant.parse(session.get("created_at").asText()), new String(json, StandardCharsets.UTF_8)));
        sessionWriter.unpark();
    }

    /** Writes queued sessions, up to 200 per transaction, until {@link #close}. */
    private final class SessionWriter implements Runnable {
        private volatile Thread thread;
        private volatile boolean closed;

        void start() {
            thread = Thread.ofVirtual().name("mixtape-session-writer").start(this);
        }

        void unpark() {
            Thread t = thread;
            if (t != null) {
                java.util.concurrent.locks.LockSupport.unpark(t);
            }
        }

        @Override
        public void run() {
            while (!closed || !sessionQueue.isEmpty()) {
                if (!writeBatch()) {
                    java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
                }
            }
        }

        /** Writes one batch; false when the queue was empty. Batches are written one at a time. */
        synchronized boolean writeBatch() {
            List<ListenerStore.SessionRecord> batch = new ArrayList<>();
            sessionQueue.drainTo(batch, 200);
            if (batch.isEmpty()) {
                return false;
            }
            try {
                store.saveSessions(batch);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(ListenerService.class).atWarn().addKeyValue("sessions", batch.size())
                        .addKeyValue("error", e.getMessage()).log("served sessions not kept");
            }
            return true;
        }

        /** Writes everything queued now, on the caller's thread. */
        void flush() {
            while (writeBatch()) {
                // until empty
            }
        }

        void close() {
            closed = true;
            unpark();
            Thread t = thread;
            if (t != null) {
                try {
                    t.join(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** Keeps the sessions still queued, then stops the writer. */
    public void close() {
        learners.close();
        sessionWriter.close();
    }

    /** The session recommender over the current engine, rebuilt when the engine changes. */
    private Models models() {
        return models.get();
    }

    /** Builds the session models now (they take ~0.2 s), so the first session request does not pay for them. */
    public void prepare() {
        models();
    }

    /** A fingerprint of the catalog (track ids and popularity), naming it and the models over it in cache keys and metrics. */
    public static String catalogVersion(Catalog c) {
        long h = 0xcbf29ce484222325L;
        for (int t = 0; t < c.size(); t++) {
            String id = c.trackId(t);
            for (int i = 0; i < id.length(); i++) {
                h = (h ^ id.charAt(i)) * 0x100000001b3L;
            }
            h = (h ^ c.popularity(t)) * 0x100000001b3L;
        }
        return Long.toUnsignedString(h, 36);
    }

    // ---- codecs for the shared tier

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

    /** {@link UserData} as compact JSON (times as epoch ms). */
    enum UserDataCodec implements TieredCache.Codec<UserData> {
        INSTANCE;

        @Override
        public byte[] encode(UserData d) {
            Map<String, Object> m = new LinkedHashMap<>();
            Listener l = d.listener();
            m.put("id", l.id());
            m.put("c", l.createdAt().toEpochMilli());
            m.put("f", l.firstEventAt() == null ? null : l.firstEventAt().toEpochMilli());
            m.put("n", l.eventCount());
            List<Object[]> h = new ArrayList<>();
            for (HistoryEntry e : d.history()) {
                h.add(new Object[] {e.trackId(), e.playScore(), e.plays(), e.skips(), e.likes(), e.saves(), e.dislikes(),
                    e.lastEventAt().toEpochMilli()});
            }
            m.put("h", h);
            if (d.personality() != null) {
                PersonalityProfile p = d.personality();
                m.put("p", p.traits().toArray());
                m.put("ps", p.source());
                m.put("pu", p.updatedAt().toEpochMilli());
            }
            try {
                return JsonBody.JSON.writeValueAsBytes(m);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public UserData decode(byte[] bytes) {
            try {
                JsonNode n = JsonBody.JSON.readTree(bytes);
                Listener l = new Listener(n.get("id").asText(), Instant.ofEpochMilli(n.get("c").asLong()),
                        n.get("f").isNull() ? null : Instant.ofEpochMilli(n.get("f").asLong()), n.get("n").asLong());
                List<HistoryEntry> h = new ArrayList<>();
                for (JsonNode e : n.get("h")) {
                    h.add(new HistoryEntry(e.get(0).asText(), e.get(1).asDouble(), e.get(2).asDouble(), e.get(3).asInt(),
                            e.get(4).asInt(), e.get(5).asInt(), e.get(6).asInt(), Instant.ofEpochMilli(e.get(7).asLong())));
                }
                PersonalityProfile p = null;
                if (n.has("p")) {
                    double[] t = new double[5];
                    for (int i = 0; i < 5; i++) {
                        t[i] = n.get("p").get(i).asDouble();
                    }
                    p = new PersonalityProfile(Traits.of(t), n.get("ps").asText(), Instant.ofEpochMilli(n.get("pu").asLong()));
                }
                return new UserData(l, List.copyOf(h), p);
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("not cached listener data", e);
            }
        }
    }
}
