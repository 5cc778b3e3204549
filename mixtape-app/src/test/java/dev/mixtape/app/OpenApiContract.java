package dev.mixtape.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.mixtape.app.server.OpenApiDocument;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks real answers against the OpenAPI document the server serves ({@link OpenApiDocument}): the route and its
 * status must be documented, and a JSON body must match the documented schema (JSON Schema 2020-12, by the
 * networknt validator). {@link TestHttp} checks every answer the integration tests receive through it.
 */
public final class OpenApiContract {
    private static final String BASE = "https://mixtape.invalid/openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OpenApiContract INSTANCE = new OpenApiContract(OpenApiDocument.get().tree());
    private final JsonNode doc;
    private final SchemaRegistry registry;
    private final List<Route> routes = new ArrayList<>();
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    /** One documented path with its template as a pattern. */
    private record Route(String template, Pattern pattern, JsonNode item) {}

    private OpenApiContract(JsonNode doc) {
        this.doc = doc;
        String text;
        try {
            text = JSON.writeValueAsString(doc);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b.schemas(Map.of(BASE, text)));
        Iterator<Map.Entry<String, JsonNode>> it = doc.path("paths").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String regex = "\\Q" + e.getKey().replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q") + "\\E";
            routes.add(new Route(e.getKey(), Pattern.compile(regex), e.getValue()));
        }
    }

    public static OpenApiContract get() {
        return INSTANCE;
    }

    /** The document's operations, as {@code "GET /v1/tracks/{id}"}. */
    public List<String> operations() {
        List<String> out = new ArrayList<>();
        for (Route r : routes) {
            r.item().fieldNames().forEachRemaining(m -> {
                if (METHODS.contains(m)) {
                    out.add(m.toUpperCase(Locale.ROOT) + " " + r.template());
                }
            });
        }
        return out;
    }

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");

    /**
     * What is wrong with {@code response} to {@code method path} against the document, or null when it conforms. An
     * unknown route is fine only when the server answered 404 or 405 (the error object is still checked).
     */
    public String problem(String method, String path, HttpResponse<String> response) {
        String withSlash = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        // Javalin ignores a trailing slash when it routes (ignoreTrailingSlashes), so the document's paths have none
        String rawPath = withSlash.length() > 1 && withSlash.endsWith("/") ? withSlash.substring(0, withSlash.length() - 1) : withSlash;
        int status = response.statusCode();
        String contentType = response.headers().firstValue("Content-Type").orElse("").split(";")[0].trim();
        Route route = routes.stream().filter(r -> r.pattern().matcher(rawPath).matches()
                && r.item().has(method.toLowerCase(Locale.ROOT))).findFirst().orElse(null);
        if (route == null) {
            if (status == 404 || status == 405) {
                return errorProblem(response.body(), contentType);
            }
            return method + " " + rawPath + " answered " + status + " but the OpenAPI document has no such operation";
        }
        String op = "/paths/" + pointer(route.template()) + "/" + method.toLowerCase(Locale.ROOT);
        JsonNode responses = doc.at(op + "/responses");
        String key = responses.has(String.valueOf(status)) ? String.valueOf(status)
                : responses.has(status / 100 + "XX") ? status / 100 + "XX" : responses.has("default") ? "default" : null;
        if (key == null) {
            return method + " " + route.template() + " answered " + status + ", which the OpenAPI document does not list; body: " + cut(response.body());
        }
        String at = op + "/responses/" + key;
        JsonNode described = doc.at(at);
        if (described.has("$ref")) {
            at = described.get("$ref").asText().substring(1);
            described = doc.at(at);
        }
        JsonNode content = described.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            return response.body().isEmpty() || status == 204 ? null
                    : method + " " + route.template() + " " + status + " is documented without a body but had one: " + cut(response.body());
        }
        if (!content.has(contentType)) {
            return method + " " + route.template() + " " + status + " answered " + contentType + ", documented: " + content.properties().stream().map(Map.Entry::getKey).toList();
        }
        if (!contentType.endsWith("json")) {
            return null;
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            return method + " " + route.template() + " " + status + " answered malformed JSON: " + cut(response.body());
        }
        List<com.networknt.schema.Error> errors = schema(at + "/content/" + pointer(contentType) + "/schema").validate(body);
        return errors.isEmpty() ? null : method + " " + route.template() + " " + status + " does not match the OpenAPI schema: "
                + errors.stream().limit(8).map(Object::toString).toList() + "; body: " + cut(response.body());
    }

    /** Every example in the document checked against its schema: the problems, empty when all conform. */
    public List<String> exampleProblems() {
        List<String> out = new ArrayList<>();
        examples(doc, "", out);
        return out;
    }

    private void examples(JsonNode node, String at, List<String> out) {
        if (!node.isObject()) {
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    examples(node.get(i), at + "/" + i, out);
                }
            }
            return;
        }
        if (node.has("schema") && node.has("example")) {
            check(node.get("example"), at + "/schema", at + "/example", out);
        }
        if (at.matches("/components/schemas/[^/]+") && node.path("examples").isArray()) {
            for (int i = 0; i < node.get("examples").size(); i++) {
                check(node.get("examples").get(i), at, at + "/examples/" + i, out);
            }
        }
        node.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("example") && !e.getKey().equals("examples")) {
                examples(e.getValue(), at + "/" + pointer(e.getKey()), out);
            }
        });
    }

    private void check(JsonNode example, String schemaAt, String exampleAt, List<String> out) {
        List<com.networknt.schema.Error> errors = schema(schemaAt).validate(example);
        if (!errors.isEmpty()) {
            out.add(exampleAt + ": " + errors.stream().limit(5).map(Object::toString).toList());
        }
    }

    private String errorProblem(String body, String contentType) {
        if (!contentType.equals("application/json")) {
            return "an error answered " + contentType + " instead of the JSON error object: " + cut(body);
        }
        try {
            List<com.networknt.schema.Error> errors = schema("/components/schemas/Error").validate(JSON.readTree(body));
            return errors.isEmpty() ? null : "an error is not the error object: " + errors + "; body: " + cut(body);
        } catch (java.io.IOException e) {
            return "an error answered malformed JSON: " + cut(body);
        }
    }

    private Schema schema(String pointer) {
        return schemas.computeIfAbsent(pointer, p -> registry.getSchema(SchemaLocation.of(BASE + "#" + encode(p))));
    }

    /** A JSON pointer token ({@code /} and {@code ~} escaped), for one path or media type. */
    private static String pointer(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** A JSON pointer as a URI fragment: what a URI cannot hold literally ({@code {}}, ...) percent-encoded. */
    private static String encode(String pointer) {
        StringBuilder out = new StringBuilder();
        for (String part : pointer.substring(1).split("/", -1)) {
            out.append('/').append(URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20").replace("%7E", "~"));
        }
        return out.toString();
    }

    private static String cut(String body) {
        return body.length() > 600 ? body.substring(0, 600) + "..." : body;
    }
}
