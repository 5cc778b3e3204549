package dev.mixtape.app.learn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mixtape.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The latest replay and coherence evaluations ({@code mixtape eval replay|coherence}), kept under the server's home in
 * {@code evaluations/} so that {@code GET /api/v1/models/evaluations} and the web UI's Models page can chart them.
 * Each file is the command's JSON ({@code info} and {@code rows}, and more) with {@code saved_at}; written whole and
 * moved into place, so a reader never sees half a file.
 */
public final class EvaluationResults {
    /** The evaluations kept, by name: each is {@code evaluations/<name>.json}. */
    public static final List<String> KINDS = List.of("replay", "coherence");
    private static final ObjectMapper JSON = new ObjectMapper();

    private EvaluationResults() {}

    public static Path dir(Path home) {
        return home.resolve("evaluations");
    }

    /** Saves {@code result} (the command's JSON document) as the latest {@code kind}; returns the file. */
    public static Path save(Path home, String kind, Map<String, Object> result, Instant now) throws IOException {
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("unknown evaluation '" + kind + "'");
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("saved_at", now.toString());
        doc.putAll(result);
        return AtomicFiles.write(dir(home).resolve(kind + ".json"), out -> JSON.writeValue(out, doc));
    }

    /**
     * {@code {replay: {...}|null, coherence: {...}|null}}: the latest of each, or null where none was saved. The
     * {@code details} of a coherence run (one row per anchor and surface) are left out: the page charts the summary.
     * A file that cannot be read is reported as {@code {error: "..."}} in its place.
     */
    public static Map<String, Object> latest(Path home) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String kind : KINDS) {
            Path file = dir(home).resolve(kind + ".json");
            if (!Files.isRegularFile(file)) {
                out.put(kind, null);
                continue;
            }
            try {
                JsonNode doc = JSON.readTree(file.toFile());
                if (doc instanceof ObjectNode o) {
                    o.remove("details");
                }
                out.put(kind, doc);
            } catch (IOException e) {
                out.put(kind, Map.of("error", file + " cannot be read: " + e.getMessage()));
            }
        }
        return out;
    }
}
