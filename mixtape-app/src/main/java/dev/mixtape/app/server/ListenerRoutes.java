package dev.mixtape.app.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mixtape.algo.listener.SessionRecommender;
import dev.mixtape.algo.personality.Inventory;
import dev.mixtape.core.InvalidRequestException;
import dev.mixtape.core.listener.Listener;
import dev.mixtape.core.listener.ListenerStore;
import dev.mixtape.core.listener.PersonalityProfile;
import dev.mixtape.core.listener.Traits;
import dev.mixtape.storage.ratelimit.RateLimiter;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The listener API (docs/LISTENERS.md): users, event batches, history, Big Five personality, session
 * picks and cache statistics. Requests about one listener draw on that listener's rate limit (429 with
 * {@code Retry-After} when it is spent).
 */
public final class ListenerRoutes {
    private static final Set<String> USER_FIELDS = Set.of("id", "created_at");
    private static final Set<String> PERSONALITY_FIELDS = Set.of("inventory", "answers", "traits");
    private static final Set<String> SESSION_FIELDS = Set.of("user_id", "size");

    private final ListenerService service;
    private final EventIngest events;
    private final SessionService sessions;
    private final RateLimiter limiter;
    private final InventoryItems inventories;
    private final ListenerExport export;

    public ListenerRoutes(ListenerService service, EventIngest events, SessionService sessions, RateLimiter limiter, Path dataDir,
                          ListenerExport export) {
        this.service = service;
        this.events = events;
        this.sessions = sessions;
        this.limiter = limiter;
        this.export = export;
        this.inventories = new InventoryItems(dataDir);
    }

    public void register(Javalin app) {
        app.post("/api/v1/users", this::createUser);
        app.get("/api/v1/users/{id}", ctx -> {
            ListenerService.UserData d = service.userData(limited(ctx, ctx.pathParam("id")));
            ctx.json(userJson(d.listener(), d.personality() != null));
        });
        app.delete("/api/v1/users/{id}", ctx -> {
            service.deleteUser(limited(ctx, ctx.pathParam("id")));
            ctx.status(204);
        });
        app.get("/api/v1/users/{id}/export", ctx -> {
            dev.mixtape.core.listener.Listener l = export.require(limited(ctx, ctx.pathParam("id")));
            ctx.contentType("application/json");
            ctx.header("Content-Disposition", "attachment; filename=\"mixtape-listener-" + l.id().replaceAll("[^A-Za-z0-9._-]", "_") + ".json\"");
            export.write(l, ctx.outputStream());
        });
        app.post("/api/v1/events", this::events);
        app.get("/api/v1/users/{id}/history", ctx -> {
            String limit = ctx.queryParam("limit");
            int n;
            try {
                n = limit == null ? ListenerService.HISTORY_LIMIT : Integer.parseInt(limit.trim());
            } catch (NumberFormatException e) {
                throw new InvalidRequestException("limit must be an integer from 1 to " + ListenerService.HISTORY_LIMIT + ", got '" + limit + "'");
            }
            ctx.json(service.history(limited(ctx, ctx.pathParam("id")), n));
        });
        app.put("/api/v1/users/{id}/personality", this::putPersonality);
        app.get("/api/v1/users/{id}/personality", ctx -> ctx.json(personalityJson(service.personality(limited(ctx, ctx.pathParam("id"))))));
        app.get("/api/v1/personality/inventories", ctx -> {
            List<Map<String, Object>> list = new ArrayList<>();
            for (Inventory inv : Inventory.values()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", inv.wireName());
                m.put("items", inv.items());
                m.put("item_texts", inventories.available(inv));
                list.add(m);
            }
            ctx.json(Map.of("inventories", list));
        });
        app.get("/api/v1/personality/inventories/{name}", ctx -> ctx.json(inventories.document(Inventory.parse(ctx.pathParam("name")))));
        app.post("/api/v1/sessions", this::session);
        app.get("/api/v1/stats/cache", ctx -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("shared_tier", service.cache().hasSharedTier() ? (service.cache().sharedTierAvailable() ? "up" : "down") : "off");
            m.put("kinds", service.cache().stats());
            ctx.json(m);
        });
    }

    /** Checks the listener's rate limit (429 with Retry-After when spent) and returns the id. */
    private String limited(Context ctx, String userId) {
        ListenerService.checkUserId(userId, "user id");
        RateLimiter.Decision d = limiter.tryAcquire(userId);
        ctx.header("X-RateLimit-Remaining", Long.toString(Math.max(0, d.remaining())));
        if (!d.allowed()) {
            ctx.header("Retry-After", Long.toString(d.retryAfterSeconds()));
            throw new ApiException(429, "rate limit exceeded for listener '" + userId + "': at most the configured "
                    + "requests per minute; retry after " + d.retryAfterSeconds() + " s");
        }
        return userId;
    }

    private void createUser(Context ctx) {
        JsonNode body = JsonBody.object(ctx.body(), USER_FIELDS, "{\"id\": \"u1\", \"created_at\": \"2024-01-01T00:00:00Z\"}");
        String id = limited(ctx, JsonBody.text(body, "id", "the listener's id"));
        Instant created = body.hasNonNull("created_at") ? JsonBody.instant(body.get("created_at"), "created_at") : null;
        ListenerStore.Created c = service.createUser(id, created);
        ctx.status(c.created() ? 201 : 200).json(userJson(c.listener(), false));
    }

    private void events(Context ctx) {
        JsonNode body = JsonBody.object(ctx.body(), Set.of("events"), "{\"events\": [...]}");
        EventIngest.BatchResult r = events.ingest(body);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("received", r.received());
        out.put("accepted", r.accepted());
        out.put("duplicates", r.duplicates());
        List<Map<String, Object>> rejected = new ArrayList<>();
        for (EventIngest.Rejection x : r.rejected()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("index", x.index());
            if (x.idempotencyKey() != null) {
                m.put("idempotency_key", x.idempotencyKey());
            }
            m.put("error", x.error());
            rejected.add(m);
        }
        out.put("rejected", rejected);
        ctx.json(out);
    }

    private void putPersonality(Context ctx) {
        String id = limited(ctx, ctx.pathParam("id"));
        JsonNode body = JsonBody.object(ctx.body(), PERSONALITY_FIELDS,
                "{\"inventory\": \"mini-ipip-20\", \"answers\": [1-5, ...]} or {\"traits\": {\"openness\": 0.7, ...}}");
        Traits traits;
        String source;
        if (body.has("traits")) {
            if (body.has("answers") || body.has("inventory")) {
                throw new InvalidRequestException("send either traits or inventory with answers, not both");
            }
            JsonNode t = body.get("traits");
            if (!t.isObject()) {
                throw new InvalidRequestException("traits must be an object with openness, conscientiousness, extraversion, "
                        + "agreeableness and neuroticism, each from 0 to 1");
            }
            JsonBody.checkFields(t, Set.of(Traits.NAMES), "traits.");
            double[] v = new double[5];
            for (int i = 0; i < 5; i++) {
                JsonNode n = t.get(Traits.NAMES[i]);
                if (n == null || !n.isNumber()) {
                    throw new InvalidRequestException("traits." + Traits.NAMES[i] + " is required: a number from 0 to 1"
                            + (n == null ? "" : ", got " + n));
                }
                v[i] = n.asDouble();
            }
            traits = Traits.of(v);
            source = "traits";
        } else {
            if (!body.has("inventory")) {
                throw new InvalidRequestException("send inventory (one of " + String.join(", ", Inventory.names())
                        + ") with answers, or traits");
            }
            Inventory inv = Inventory.parse(JsonBody.text(body, "inventory", "one of " + String.join(", ", Inventory.names())));
            JsonNode a = body.get("answers");
            if (a == null || !a.isArray()) {
                throw new InvalidRequestException("answers is required: an array of " + inv.items() + " numbers from 1 to 5, "
                        + "in the inventory's item order");
            }
            List<Number> answers = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                JsonNode n = a.get(i);
                if (!n.isNumber()) {
                    throw new InvalidRequestException("answers[" + i + "] (item " + (i + 1) + ") must be a whole number from 1 to 5; got " + n);
                }
                answers.add(n.numberValue());
            }
            traits = inv.score(answers);
            source = inv.wireName();
        }
        ctx.json(personalityJson(service.putPersonality(id, traits, source)));
    }

    private void session(Context ctx) {
        JsonNode body = JsonBody.object(ctx.body(), SESSION_FIELDS, "{\"user_id\": \"u1\"}");
        String id = limited(ctx, JsonBody.text(body, "user_id", "the listener's id"));
        int size = SessionRecommender.DEFAULT_SIZE;
        if (body.hasNonNull("size")) {
            size = JsonBody.intField(body, "size");
            if (size < 1 || size > 100) {
                throw new InvalidRequestException("size must be from 1 to 100, got " + size);
            }
        }
        SessionService.Session s = sessions.session(id, size);
        ctx.header("X-Cache", s.cacheStatus().wireName());
        ctx.contentType("application/json").result(s.json());
    }

    static Map<String, Object> userJson(Listener l, boolean hasPersonality) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", l.id());
        m.put("created_at", l.createdAt().toString());
        m.put("first_event_at", l.firstEventAt() == null ? null : l.firstEventAt().toString());
        m.put("event_count", l.eventCount());
        m.put("has_personality", hasPersonality);
        return m;
    }

    static Map<String, Object> personalityJson(PersonalityProfile p) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> t = new LinkedHashMap<>();
        double[] v = p.traits().toArray();
        for (int i = 0; i < 5; i++) {
            t.put(Traits.NAMES[i], Math.round(v[i] * 10_000) / 10_000.0);
        }
        m.put("traits", t);
        m.put("source", p.source());
        m.put("updated_at", p.updatedAt().toString());
        return m;
    }
}
