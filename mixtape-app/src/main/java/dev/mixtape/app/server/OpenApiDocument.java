package dev.mixtape.app.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.mixtape.core.MixtapeException;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI 3.1 description of the HTTP API, served at {@code GET /openapi.json} (docs/API.md#openapi).
 * It is written by hand in YAML under the class-path folder {@code /openapi}: {@code openapi.yaml} holds the info,
 * servers, security and the shared components (the error object and its responses), and each file in {@link #PARTS}
 * adds the paths of one group of routes with the schemas only they use. They are merged once, at first use (the first
 * request for the document, not the server's start); a path, schema or component named by two files is an error, so
 * one file cannot silently replace another's. {@code OpenApiIT} fails when a route the server registers is missing here, or the document names a route
 * the server does not have; every answer the integration tests receive is checked against its schema.
 */
public final class OpenApiDocument {
    /** The path files under {@code /openapi/paths/}, in the order their paths appear in the document. */
    static final List<String> PARTS = List.of("system", "spotify", "listeners", "recommendations", "playlists",
            "providers", "experiments", "models");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile OpenApiDocument instance;
    private final JsonNode document;
    private final byte[] json;

    private OpenApiDocument(JsonNode document) {
        this.document = document;
        try {
            this.json = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The merged document (read from the class path once). */
    public static OpenApiDocument get() {
        OpenApiDocument d = instance;
        if (d == null) {
            synchronized (OpenApiDocument.class) {
                if (instance == null) {
                    instance = new OpenApiDocument(load());
                }
                d = instance;
            }
        }
        return d;
    }

    /** The document as a tree (a copy is not made: do not change it). */
    public JsonNode tree() {
        return document;
    }

    /** The document as pretty-printed JSON, as {@code GET /openapi.json} serves it. */
    public byte[] json() {
        return json.clone();
    }

    /** Registers {@code GET /openapi.json}: public, as the web UI's files are (it holds no secrets). */
    public static void register(Javalin app) {
        // merged at the first request, not at start-up: reading the YAML costs about half a second on a cold JVM
        app.get("/openapi.json", ctx -> ctx.contentType("application/json").header("Cache-Control", "no-cache").result(get().json));
    }

    private static JsonNode load() {
        ObjectNode root = (ObjectNode) read("openapi.yaml");
        String version = OpenApiDocument.class.getPackage().getImplementationVersion();
        if (version != null) {
            ((ObjectNode) root.get("info")).put("version", version);
        }
        ObjectNode paths = root.withObject("/paths");
        ObjectNode components = root.withObject("/components");
        for (String part : PARTS) {
            String file = "paths/" + part + ".yaml";
            JsonNode tree = read(file);
            merge(paths, tree.path("paths"), file, "paths");
            Iterator<Map.Entry<String, JsonNode>> kinds = tree.path("components").fields();
            while (kinds.hasNext()) {
                Map.Entry<String, JsonNode> kind = kinds.next();
                merge(components.withObject("/" + kind.getKey()), kind.getValue(), file, "components." + kind.getKey());
            }
        }
        return root;
    }

    private static void merge(ObjectNode into, JsonNode from, String file, String where) {
        Iterator<Map.Entry<String, JsonNode>> it = from.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (into.has(e.getKey())) {
                throw new MixtapeException("openapi/" + file + ": " + where + " '" + e.getKey() + "' is already defined by another file");
            }
            into.set(e.getKey(), e.getValue());
        }
    }

    private static JsonNode read(String file) {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream("/openapi/" + file)) {
            if (in == null) {
                throw new MixtapeException("openapi/" + file + " is missing from the class path");
            }
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new MixtapeException("openapi/" + file + " is not valid YAML: " + e.getMessage());
        }
    }
}
