package dev.mixtape.app.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.mixtape.core.experiment.Experiment;
import io.javalin.Javalin;

/** {@code POST /api/v1/experiments}, {@code GET /api/v1/experiments}, {@code GET /api/v1/experiments/{name}} (docs/STRATEGIES.md). */
public final class ExperimentRoutes {
    private final ExperimentService service;

    public ExperimentRoutes(ExperimentService service) {
        this.service = service;
    }

    public void register(Javalin app) {
        app.post("/api/v1/experiments", ctx -> {
            var body = JsonBody.object(ctx.body(), ExperimentService.FIELDS,
                    "{\"name\": \"x\", \"variants\": [{\"name\": \"control\", \"strategy\": \"content\", \"weight\": 0.5}, ...]}");
            ctx.status(201).json(ExperimentService.json(service.create(body)));
        });
        app.get("/api/v1/experiments", ctx -> {
            var out = JsonBody.JSON.createObjectNode();
            ArrayNode list = out.putArray("experiments");
            for (Experiment e : service.list()) {
                list.add(ExperimentService.json(e));
            }
            ctx.json(out);
        });
        app.get("/api/v1/experiments/{name}", ctx -> ctx.json(service.report(ctx.pathParam("name"))));
    }
}
