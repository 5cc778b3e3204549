package dev.mixtape.app.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mixtape.algo.rerank.Filters;
import dev.mixtape.algo.strategy.ListenerState;
import dev.mixtape.algo.strategy.StrategyEngine;
import dev.mixtape.algo.strategy.StrategyModels;
import dev.mixtape.algo.strategy.StrategyRegistry;
import dev.mixtape.algo.strategy.StrategyRequest;
import dev.mixtape.algo.strategy.UserContext;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.InvalidRequestException;
import dev.mixtape.core.NotFoundException;
import dev.mixtape.core.listener.EventType;
import dev.mixtape.core.listener.ListeningEvent;
import dev.mixtape.storage.cache.CacheKind;
import dev.mixtape.storage.cache.TieredCache;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The v2 recommendation API over the {@link StrategyEngine}: request parsing and validation, listener
 * lookup, and caching. Answers are cached (both tiers) under a key made of the whole canonical request, the
 * model version and the listener's state (event count and profile time), so a listener's new events or
 * profile make a new key, and the old answers expire. Thread-safe.
 */
public final class StrategyService {
    static final Set<String> FIELDS = Set.of("track_id", "user_id", "strategy", "n", "user_context", "exclude", "filters",
            "params", "diversity", "max_per_artist", "seed", "experiment");
    static final Set<String> CONTEXT_FIELDS = Set.of("time", "time_of_day", "utc_offset", "mood", "activity", "weather", "exploring");
    static final Set<String> FILTER_FIELDS = Set.of("genres", "exclude_genres", "explicit", "min_popularity", "max_popularity",
            "boost_genres");
    public static final int MAX_BATCH = 100;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final EngineHolder engines;
    private final ListenerService listeners;
    private final TieredCache cache;
    private final Map<String, Double> hybridWeights;
    private final Clock clock;
    private final PerEngine<Models> models;
    private volatile ExperimentService experiments;

    private record Models(Engine engine, StrategyEngine strategies) {}

    private volatile Monitoring monitoring;

    /** Where per-strategy latencies and fallbacks go. */
    public void monitoring(Monitoring m) {
        this.monitoring = m;
    }

    private volatile AutoBanditService bandit;

    /** Makes {@code auto} learn from the outcomes of its answers; without it auto follows its rules. */
    public void autoBandit(AutoBanditService service) {
        this.bandit = service;
    }

    public AutoBanditService autoBandit() {
        return bandit;
    }

    /** What {@code auto} has learned, per kind of request and strategy ({@code GET /api/v2/strategies/auto}). */
    public ObjectNode autoLearning() {
        AutoBanditService b = bandit;
        if (b == null) {
            return NODES.objectNode().put("learning", false).put("note", "auto follows its rules (auto.learn is false)");
        }
        return b.toJson(new java.util.ArrayList<>(engine().registry().all().keySet()));
    }

    /** Enables the {@code experiment} field of requests. */
    public void experiments(ExperimentService service) {
        this.experiments = service;
    }

    public StrategyService(EngineHolder engines, ListenerService listeners, SessionService sessions, TieredCache cache,
                           Map<String, Double> hybridWeights, Clock clock) {
        this(engines, listeners, sessions, cache, hybridWeights, dev.mixtape.algo.listener.GenreFeedback.Rewards.DEFAULT, clock);
    }

    /**
     * @param sessions the session picks, whose recommender the {@code session} strategy serves. The trending counts learn
     *                 from the stored events only when {@link #learn} is given them ({@link EventIngest#onEvents}).
     */
    public StrategyService(EngineHolder engines, ListenerService listeners, SessionService sessions, TieredCache cache,
                           Map<String, Double> hybridWeights, dev.mixtape.algo.listener.GenreFeedback.Rewards rewards, Clock clock) {
        this.engines = engines;
        this.listeners = listeners;
        this.cache = cache;
        this.hybridWeights = hybridWeights;
        this.clock = clock;
        this.models = new PerEngine<>(engines, e -> new Models(e, new StrategyEngine(new StrategyModels(e.space(), e.cf(),
                e.catalog().fingerprint(), rewards), hybridWeights, sessions.sessions(e))));
    }

    /** Online learners: trending counts from every stored event (off the request thread; builds the models if need be). */
    public void learn(List<ListeningEvent> events) {
        Models m = models();
        Catalog c = m.engine().catalog();
        for (ListeningEvent e : events) {
            double w = switch (e.type()) {
                case PLAY -> 1;
                case SAVE, LIKE -> 2;
                default -> 0;
            };
            m.strategies().models().trending().record(c.indexOf(e.trackId()), w, e.timestamp());
        }
    }

    public StrategyEngine engine() {
        return models().strategies();
    }

    private Models models() {
        return models.get();
    }

    /** Builds the models now, so that the first request does not pay for them. */
    public void prepare() {
        models();
    }

    /** One answer, serialised, and where it came from. */
    public record Answer(byte[] body, TieredCache.Status cacheStatus) {}

    /** Cached answers are kept serialised: a hit costs a byte copy, not a tree copy and a serialisation. */
    enum BytesCodec implements TieredCache.Codec<byte[]> {
        INSTANCE;

        @Override
        public byte[] encode(byte[] value) {
            return value;
        }

        @Override
        public byte[] decode(byte[] bytes) {
            if (bytes.length < 2 || bytes[bytes.length - 1] != '}' || bytes[bytes.length - 2] != '}') {
                throw new IllegalArgumentException("not a cached v2 answer");
            }
            return bytes;
        }
    }

    public Answer recommend(JsonNode body) {
        long start = System.nanoTime();
        if (!body.isObject()) {
            throw new InvalidRequestException("a request must be a JSON object like {\"track_id\": \"...\", \"strategy\": \"auto\"}");
        }
        JsonBody.checkFields(body, SeedSpelling.FIELDS, "");
        body = SeedSpelling.normalise(body);
        Models m = models();
        Catalog c = m.engine().catalog();
        Instant now = clock.instant();
        String experiment = null;
        dev.mixtape.core.experiment.Experiment.Variant variant = null;
        if (body.hasNonNull("experiment")) {
            experiment = JsonBody.text(body, "experiment", "a running experiment's name");
            if (!body.hasNonNull("user_id")) {
                throw new InvalidRequestException("a request in an experiment needs user_id (assignment is by listener)");
            }
            if (body.hasNonNull("strategy")) {
                throw new InvalidRequestException("a request in an experiment takes its strategy from its variant; leave out strategy");
            }
            if (experiments == null) {
                throw new InvalidRequestException("experiments are not available on this server");
            }
            variant = experiments.assign(experiment, JsonBody.text(body, "user_id", "a listener id"));
        }
        String strategy = variant != null ? variant.strategy()
                : body.hasNonNull("strategy") ? JsonBody.text(body, "strategy", "a strategy name") : StrategyRegistry.AUTO;
        m.strategies().registry().requireKnown(strategy);
        int track = -1;
        String trackId = null;
        if (body.hasNonNull("track_id")) {
            trackId = JsonBody.text(body, "track_id", "a catalog track id");
            track = c.indexOf(trackId);
            if (track < 0) {
                throw new NotFoundException("unknown track_id '" + trackId + "'");
            }
        }
        ListenerState listener = null;
        String userVersion = "-";
        if (body.hasNonNull("user_id")) {
            ListenerService.UserData d = listeners.userData(JsonBody.text(body, "user_id", "a listener id"));
            listener = new ListenerState(d.listener(), d.history(), d.personality());
            userVersion = d.listener().eventCount() + "." + (d.personality() == null ? 0 : d.personality().updatedAt().toEpochMilli());
        }
        int n = body.hasNonNull("n") ? JsonBody.intField(body, "n") : 20;
        if (n < 1 || n > 100) {
            throw new InvalidRequestException("n must be from 1 to 100, got " + n);
        }
        UserContext context = context(body.get("user_context"), now);
        Set<Integer> exclude = new HashSet<>();
        if (body.hasNonNull("exclude")) {
            JsonNode ex = body.get("exclude");
            if (!ex.isArray() || ex.size() > 1000) {
                throw new InvalidRequestException("exclude must be an array of at most 1000 track ids");
            }
            for (JsonNode id : ex) {
                int t = id.isTextual() ? c.indexOf(id.asText()) : -1;
                if (t < 0) {
                    throw new NotFoundException("unknown track id in exclude: " + id);
                }
                exclude.add(t);
            }
        }
        Filters filters = filters(body.get("filters"));
        Map<String, String> params = new TreeMap<>();
        if (body.hasNonNull("params")) {
            JsonNode p = body.get("params");
            if (!p.isObject()) {
                throw new InvalidRequestException("params must be an object of strategy parameters, e.g. {\"bpm\": 165}");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                params.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString());
            }
        }
        double lambda = body.hasNonNull("diversity") ? number(body.get("diversity"), "diversity") : dev.mixtape.algo.rerank.Reranker.DEFAULT_LAMBDA;
        int perArtist = body.hasNonNull("max_per_artist") ? JsonBody.intField(body, "max_per_artist") : dev.mixtape.algo.rerank.Reranker.DEFAULT_PER_ARTIST;
        if (perArtist < 1 || perArtist > 100) {
            throw new InvalidRequestException("max_per_artist must be from 1 to 100, got " + perArtist);
        }
        String canonical = canonical(body) + (variant == null ? "" : "|" + variant.strategy());
        long seed = body.hasNonNull("seed") ? JsonBody.longField(body, "seed") : canonical.hashCode();
        StrategyRequest req = new StrategyRequest(track, listener, n, context, exclude, filters, params, seed);
        // auto's bandit chooses before the cache: the strategy it chose is part of the key
        AutoBanditService b = bandit;
        dev.mixtape.algo.strategy.AutoBandit.Choice banditChoice = null;
        if (b != null && StrategyRegistry.AUTO.equals(strategy)) {
            List<String> arms = m.strategies().arms(req);
            if (!arms.isEmpty()) {
                // a reproducible draw per request, listener state and hour
                long draw = ((long) canonical.hashCode() << 32) ^ (userVersion + "|" + now.getEpochSecond() / 3600).hashCode();
                banditChoice = b.current().choose(req, arms, draw);
                canonical += "|auto=" + banditChoice.strategy();
            }
        }
        dev.mixtape.algo.strategy.AutoSelector.Choice autoChoice = banditChoice == null ? null
                : new dev.mixtape.algo.strategy.AutoSelector.Choice(banditChoice.strategy(), banditChoice.reason());
        // the context's hour matters to contextual answers: it is part of the key
        String key = "v2:" + m.strategies().models().version() + ":" + userVersion + ":" + context.time().getHour() + ":"
                + context.weekend() + ":" + canonical;
        int trackIndex = track;
        TieredCache.Cached<byte[]> got = cache.get(CacheKind.RECOMMENDATIONS, key, BytesCodec.INSTANCE,
                () -> {
                    long t0 = System.nanoTime();
                    StrategyEngine.Result res = m.strategies().recommend(strategy, req, lambda, perArtist, autoChoice);
                    Monitoring mon = monitoring;
                    if (mon != null) {
                        mon.strategy(res.chosen(), System.nanoTime() - t0);
                        for (StrategyEngine.Fallback f : res.fallbacks()) {
                            mon.fallback(f.strategy(), f.reason().startsWith("answered") ? "too_few" : "unavailable");
                        }
                    }
                    try {
                        return JsonBody.JSON.writeValueAsBytes(toJson(c, res, trackIndex));
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        throw new IllegalStateException(e);
                    }
                });
        String recommendationId = "rec_" + UUID.randomUUID().toString().replace("-", "");
        if (variant != null) {
            // logged before the answer, so that an outcome event can never arrive for an impression not yet stored
            experiments.impression(recommendationId, experiment, variant.name(), listener.listener().id());
        }
        if (banditChoice != null) {
            b.served(recommendationId, banditChoice.kind(), banditChoice.strategy(), listener == null ? null : listener.listener().id(), n);
        }
        AnswerFields fields = AnswerFields.timed(start, got.status()).top("recommendation_id", recommendationId);
        if (variant != null) {
            Map<String, String> e = new java.util.LinkedHashMap<>();
            e.put("name", experiment);
            e.put("variant", variant.name());
            fields.top("experiment", e);
        }
        byte[] out = fields.addTo(got.value());
        return new Answer(out, got.status());
    }

    private static ObjectNode toJson(Catalog c, StrategyEngine.Result r, int seed) {
        ObjectNode out = NODES.objectNode();
        ObjectNode s = out.putObject("strategy");
        s.put("requested", r.requested());
        s.put("chosen", r.chosen());
        if (r.autoReason() != null) {
            s.put("auto_reason", r.autoReason());
        }
        s.set("served_by", JsonBody.JSON.valueToTree(r.served()));
        ArrayNode recs = out.putArray("recommendations");
        for (StrategyEngine.Item i : r.items()) {
            ObjectNode o = recs.addObject();
            o.put("rank", recs.size());
            o.set("track", JsonBody.JSON.valueToTree(TrackMaps.summary(c, i.track())));
            o.put("score", Math.round(i.score() * 1e6) / 1e6);
            o.put("explanation", i.explanation());
            o.put("strategy", i.strategy());
            ObjectNode md = o.putObject("metadata");
            md.put("model_version", r.modelVersion());
            md.set("contributions", JsonBody.JSON.valueToTree(i.contributions()));
        }
        ObjectNode fb = out.putObject("fallback");
        fb.put("used", !r.fallbacks().isEmpty());
        ArrayNode steps = fb.putArray("steps");
        for (StrategyEngine.Fallback f : r.fallbacks()) {
            steps.addObject().put("strategy", f.strategy()).put("reason", f.reason());
        }
        ObjectNode meta = out.putObject("metadata");
        meta.put("model_version", r.modelVersion());
        meta.put("count", r.items().size());
        if (seed >= 0) {
            meta.put("seed_track", c.trackId(seed));
        }
        return out;
    }

    /** The request as a canonical string (fields sorted), for cache keys and default seeds. */
    static String canonical(JsonNode body) {
        try {
            Object tree = JsonBody.JSON.treeToValue(body, Object.class);
            return JsonBody.JSON.copy().configure(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                    .writeValueAsString(tree);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static UserContext context(JsonNode n, Instant now) {
        if (n == null || n.isNull()) {
            return UserContext.none(now);
        }
        if (!n.isObject()) {
            throw new InvalidRequestException("user_context must be an object like {\"mood\": \"calm\", \"activity\": \"study\"}");
        }
        JsonBody.checkFields(n, CONTEXT_FIELDS, "user_context.");
        ZonedDateTime time;
        if (n.hasNonNull("time")) {
            String t = JsonBody.text(n, "time", "ISO-8601 with an offset, the listener's local time");
            try {
                time = OffsetDateTime.parse(t).toZonedDateTime();
            } catch (DateTimeException e) {
                throw new InvalidRequestException("user_context.time must be ISO-8601 with an offset (2026-11-20T08:30:00+01:00), got '" + t + "'");
            }
        } else {
            ZoneOffset offset = ZoneOffset.UTC;
            if (n.hasNonNull("utc_offset")) {
                String o = JsonBody.text(n, "utc_offset", "like +01:00");
                try {
                    offset = ZoneOffset.of(o);
                } catch (DateTimeException e) {
                    throw new InvalidRequestException("user_context.utc_offset must look like +01:00 or -05:30, got '" + o + "'");
                }
            }
            time = now.atZone(offset);
        }
        if (n.hasNonNull("time_of_day")) {
            UserContext.DayPart part = SeedSpelling.dayPart(n);
            if (!n.hasNonNull("time")) {
                time = SeedSpelling.atDayPart(part, time);
            } else if (SeedSpelling.partOf(time) != part) {
                throw new InvalidRequestException("user_context.time and user_context.time_of_day differ ('" + n.get("time").asText()
                        + "' is " + SeedSpelling.partOf(time).wireName() + ", not " + part.wireName() + "); give one of them");
            }
        }
        Boolean exploring = false;
        if (n.hasNonNull("exploring")) {
            if (!n.get("exploring").isBoolean()) {
                throw new InvalidRequestException("user_context.exploring must be true or false, got " + n.get("exploring"));
            }
            exploring = n.get("exploring").asBoolean();
        }
        return new UserContext(time, word(n, "mood"), word(n, "activity"), word(n, "weather"), exploring);
    }

    private static String word(JsonNode n, String field) {
        return n.hasNonNull(field) ? JsonBody.text(n, field, "a word") : null;
    }

    static Filters filters(JsonNode n) {
        if (n == null || n.isNull()) {
            return Filters.NONE;
        }
        if (!n.isObject()) {
            throw new InvalidRequestException("filters must be an object like {\"genres\": [\"jazz\"], \"explicit\": false}");
        }
        JsonBody.checkFields(n, FILTER_FIELDS, "filters.");
        Boolean explicit = null;
        if (n.hasNonNull("explicit")) {
            if (!n.get("explicit").isBoolean()) {
                throw new InvalidRequestException("filters.explicit must be true or false, got " + n.get("explicit"));
            }
            explicit = n.get("explicit").asBoolean();
        }
        Map<String, Double> boosts = new LinkedHashMap<>();
        if (n.hasNonNull("boost_genres")) {
            JsonNode b = n.get("boost_genres");
            if (!b.isObject()) {
                throw new InvalidRequestException("filters.boost_genres must be an object like {\"jazz\": 1.5}");
            }
            b.fields().forEachRemaining(e -> boosts.put(e.getKey(), number(e.getValue(), "filters.boost_genres." + e.getKey())));
        }
        return new Filters(strings(n.get("genres"), "filters.genres"), strings(n.get("exclude_genres"), "filters.exclude_genres"), explicit,
                n.hasNonNull("min_popularity") ? JsonBody.intField(n, "min_popularity") : 0,
                n.hasNonNull("max_popularity") ? JsonBody.intField(n, "max_popularity") : 100, boosts);
    }

    private static Set<String> strings(JsonNode n, String field) {
        if (n == null || n.isNull()) {
            return Set.of();
        }
        if (!n.isArray()) {
            throw new InvalidRequestException(field + " must be an array of genre names");
        }
        Set<String> out = new HashSet<>();
        for (JsonNode x : n) {
            if (!x.isTextual()) {
                throw new InvalidRequestException(field + " must hold genre names, got " + x);
            }
            out.add(x.asText());
        }
        return out;
    }

    private static double number(JsonNode n, String field) {
        if (n == null || !n.isNumber()) {
            throw new InvalidRequestException(field + " must be a number, got " + n);
        }
        return n.asDouble();
    }

    /** Runs up to {@value #MAX_BATCH} requests in parallel; each answer or its error, in order (serialised). */
    public byte[] batch(JsonNode body) {
        JsonNode reqs = body.get("requests");
        if (reqs == null || !reqs.isArray()) {
            throw new InvalidRequestException("requests is required: an array of 1 to " + MAX_BATCH + " v2 requests");
        }
        if (reqs.isEmpty() || reqs.size() > MAX_BATCH) {
            throw new InvalidRequestException("requests must hold 1 to " + MAX_BATCH + " requests; got " + reqs.size());
        }
        long start = System.nanoTime();
        models(); // built once, before the parallel part
        List<JsonNode> list = new java.util.ArrayList<>();
        reqs.forEach(list::add);
        java.util.concurrent.atomic.AtomicInteger errors = new java.util.concurrent.atomic.AtomicInteger();
        List<byte[]> results = list.parallelStream().map(r -> {
            try {
                return recommend(r).body();
            } catch (InvalidRequestException e) {
                errors.incrementAndGet();
                return error(400, e.getMessage());
            } catch (NotFoundException e) {
                errors.incrementAndGet();
                return error(404, e.getMessage());
            }
        }).toList();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(results.stream().mapToInt(b -> b.length + 1).sum() + 128);
        out.writeBytes("{\"results\":[".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (int i = 0; i < results.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(results.get(i));
        }
        out.writeBytes(("],\"metadata\":{\"count\":" + results.size() + ",\"errors\":" + errors.get() + ",\"response_time_ms\":"
                + Math.round((System.nanoTime() - start) / 10_000.0) / 100.0 + "}}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static byte[] error(int status, String message) {
        ObjectNode e = NODES.objectNode();
        e.putObject("error").put("status", status).put("message", message);
        try {
            return JsonBody.JSON.writeValueAsBytes(e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
