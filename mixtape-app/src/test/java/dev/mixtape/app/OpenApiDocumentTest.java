package dev.mixtape.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mixtape.app.server.OpenApiDocument;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document as merged from its files: every example it gives matches its own schema, every operation has a
 * unique id and a tag, and every error answer is the error object (readiness's 503 excepted: it is the readiness body).
 */
class OpenApiDocumentTest {
    @Test
    void everyExampleMatchesItsSchema() {
        assertThat(OpenApiContract.get().exampleProblems()).isEmpty();
    }

    @Test
    void everyOperationIsIdentifiedTaggedAndAnswersErrorsWithTheErrorObject() {
        JsonNode doc = OpenApiDocument.get().tree();
        assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
        java.util.Set<String> ids = new java.util.HashSet<>();
        doc.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            String where = op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
            JsonNode o = op.getValue();
            if (!o.isObject() || !o.has("responses")) {
                return;
            }
            assertThat(ids.add(o.path("operationId").asText())).as(where + " has a unique operationId").isTrue();
            assertThat(o.path("tags").isArray() && !o.path("tags").isEmpty()).as(where + " has a tag").isTrue();
            o.get("responses").properties().forEach(r -> {
                // readiness answers 503 with its own body (which check failed), as probes expect
                boolean error = r.getKey().startsWith("4") || r.getKey().startsWith("5");
                if (error && !where.equals("GET /health/ready")) {
                    String ref = r.getValue().path("$ref").asText(r.getValue().at("/content/application~1json/schema/$ref").asText());
                    assertThat(ref).as(where + " " + r.getKey() + " is the error object").matches("#/components/(responses/.+|schemas/Error)");
                }
            });
        }));
        assertThat(ids).hasSizeGreaterThan(40);
    }
}
