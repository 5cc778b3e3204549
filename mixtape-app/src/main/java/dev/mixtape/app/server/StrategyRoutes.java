package dev.mixtape.app.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mixtape.algo.strategy.Strategy;
import dev.mixtape.core.InvalidRequestException;
import io.javalin.Javalin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The v2 recommendation API: {@code POST /api/v2/recommendations}, {@code POST /api/v2/recommendations/batch},
 * {@code GET /api/v2/strategies}, {@code GET /api/v2/strategies/auto} (what auto has learned) and {@code GET /api/v1/tracks/{id}/similar} (docs/STRATEGIES.md).
 */
public final class StrategyRoutes {
    private final StrategyService service;

    public StrategyRoutes(StrategyService service) {
        this.service = service;
    }

    public void register(Javalin app) {
        app.post("/api/v2/recommendations", ctx -> {
            JsonNode body = JsonBody.object(ctx.body(), SeedSpelling.FIELDS, "{\"track_id\": \"...\", \"strategy\": \"auto\", \"n\": 20}");
            StrategyService.Answer a = service.recommend(body);
            ctx.header("X-Cache", a.cacheStatus().wireName());
            ctx.contentType("application/json").result(a.body());
        });
        app.post("/api/v2/recommendations/batch", ctx -> {
            JsonNode body = JsonBody.object(ctx.body(), Set.of("requests"), "{\"requests\": [{...}, ...]}");
            ctx.contentType("application/json").result(service.batch(body));
        });
        app.get("/api/v2/strategies", ctx -> {
            List<Map<String, Object>> list = new ArrayList<>();
            for (Strategy s : service.engine().registry().all().values()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", s.name());
                m.put("description", s.description());
                m.put("parameters", new java.util.TreeSet<>(s.parameters()));
                list.add(m);
            }
            ctx.json(Map.of("strategies", list, "default", "auto"));
        });
        app.get("/api/v2/strategies/auto", ctx -> ctx.json(service.autoLearning()));
        app.get("/api/v1/tracks/{id}/similar", ctx -> {
            String n = ctx.queryParam("n");
            int count;
            try {
                count = n == null ? 20 : Integer.parseInt(n.trim());
            } catch (NumberFormatException e) {
                throw new InvalidRequestException("n must be an integer from 1 to 100, got '" + n + "'");
            }
            var body = JsonBody.JSON.createObjectNode().put("track_id", ctx.pathParam("id")).put("strategy", "content").put("n", count);
            StrategyService.Answer a = service.recommend(body);
            ctx.header("X-Cache", a.cacheStatus().wireName());
            ctx.contentType("application/json").result(a.body());
        });
    }
}
