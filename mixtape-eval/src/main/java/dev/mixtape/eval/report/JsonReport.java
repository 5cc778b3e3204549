package dev.mixtape.eval.report;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mixtape.eval.ModelResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report as JSON: the split's description, then {@code models}, one entry per model with
 * {@code name}, {@code params}, {@code train_ms}, {@code eval_ms}, {@code users} and every metric
 * keyed by its name ({@code "ndcg@20": 0.1234}); an undefined metric is {@code null}.
 * {@link #read} parses it back (metric keys are the ones with an {@code @}).
 *
 * <p>Stateless and thread-safe.
 */
public final class JsonReport {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final List<String> FIXED = List.of("name", "params", "train_ms", "eval_ms", "users");

    private JsonReport() {}

    public static String render(EvaluationReport report) {
        try {
            return MAPPER.writeValueAsString(tree(report)) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("cannot render the report as JSON", e);
        }
    }

    public static void write(EvaluationReport report, Path file) throws IOException {
        java.nio.file.Files.writeString(file, render(report));
    }

    static ObjectNode tree(EvaluationReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("dataset", report.dataset());
        root.put("protocol", report.protocol());
        root.put("seed", report.seed());
        root.put("users", report.users());
        root.put("items", report.items());
        root.put("test_users", report.testUsers());
        ArrayNode models = root.putArray("models");
        for (ModelResult m : report.models()) {
            ObjectNode e = models.addObject();
            e.put("name", m.name());
            e.set("params", MAPPER.valueToTree(m.params()));
            e.put("train_ms", m.trainMs());
            e.put("eval_ms", m.evalMs());
            e.put("users", m.users());
            for (Map.Entry<String, Double> metric : m.metrics().entrySet()) {
                double v = metric.getValue();
                if (Double.isFinite(v)) {
                    e.put(metric.getKey(), v);
                } else {
                    e.putNull(metric.getKey());
                }
            }
        }
        return root;
    }

    /** Reads a report written by {@link #write}. */
    public static EvaluationReport read(Path file) throws IOException {
        JsonNode root = MAPPER.readTree(file.toFile());
        if (root == null || !root.path("models").isArray()) {
            throw new IOException(file + " is not an evaluation report (no models array)");
        }
        List<ModelResult> models = new ArrayList<>();
        for (JsonNode e : root.path("models")) {
            Map<String, Object> params = MAPPER.convertValue(e.path("params"), new TypeReference<LinkedHashMap<String, Object>>() {});
            Map<String, Double> metrics = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> f : e.properties()) {
                if (!FIXED.contains(f.getKey()) && f.getKey().contains("@")) {
                    metrics.put(f.getKey(), f.getValue().isNull() ? Double.NaN : f.getValue().asDouble());
                }
            }
            models.add(new ModelResult(e.path("name").asText(), params, e.path("train_ms").asLong(),
                    e.path("eval_ms").asLong(), e.path("users").asInt(), metrics));
        }
        return new EvaluationReport(root.path("dataset").asText(), root.path("protocol").asText(), root.path("seed").asLong(),
                root.path("users").asInt(), root.path("items").asInt(), root.path("test_users").asInt(), models);
    }
}
