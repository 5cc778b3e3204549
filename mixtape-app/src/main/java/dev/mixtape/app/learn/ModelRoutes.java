package dev.mixtape.app.learn;

import dev.mixtape.app.server.JsonBody;
import dev.mixtape.core.NotFoundException;
import io.javalin.Javalin;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /api/v1/models} (versions, sizes, metrics, which one serves, recent jobs),
 * {@code POST /api/v1/models/train} (202 and a job), {@code GET /api/v1/models/train/{id}} (its progress) and
 * {@code GET /api/v1/models/evaluations} (the latest replay and coherence evaluations, {@link EvaluationResults});
 * docs/LEARNING.md.
 */
public final class ModelRoutes {
    static final Set<String> FIELDS = Set.of("reason");

    private final ListeningTraining training;
    private final java.nio.file.Path home;

    public ModelRoutes(ListeningTraining training, java.nio.file.Path home) {
        this.training = training;
        this.home = home;
    }

    public void register(Javalin app) {
        app.get("/api/v1/models", ctx -> ctx.json(training.describe()));
        app.get("/api/v1/models/evaluations", ctx -> ctx.json(EvaluationResults.latest(home)));
        app.post("/api/v1/models/train", ctx -> {
            String reason = "requested through the API";
            if (!ctx.body().isBlank()) {
                var body = JsonBody.object(ctx.body(), FIELDS, "{\"reason\": \"why (optional)\"}");
                if (body.hasNonNull("reason")) {
                    reason = JsonBody.text(body, "reason", "a short text");
                    if (reason.length() > 200) {
                        throw new dev.mixtape.core.InvalidRequestException("reason must be at most 200 characters, got " + reason.length());
                    }
                }
            }
            TrainingJob job = training.train(reason);
            String href = "/api/v1/models/train/" + job.id();
            Map<String, Object> out = new java.util.LinkedHashMap<>(job.view());
            out.put("href", href);
            ctx.status(202).header("Location", href).json(out);
        });
        app.get("/api/v1/models/train/{id}", ctx -> ctx.json(training.job(ctx.pathParam("id"))
                .orElseThrow(() -> new NotFoundException("no training job '" + ctx.pathParam("id") + "' (the last "
                        + ListeningTraining.JOBS_KEPT + " are kept; GET /api/v1/models lists them)")).view()));
    }
}
