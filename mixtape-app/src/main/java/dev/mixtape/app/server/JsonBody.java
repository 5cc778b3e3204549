package dev.mixtape.app.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixtape.core.InvalidRequestException;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reading JSON request bodies with errors that name the problem: malformed JSON, a body that is not an
 * object, unknown fields (a typo should not be silently ignored), fields of the wrong type.
 */
public final class JsonBody {
    static final ObjectMapper JSON = new ObjectMapper();

    private JsonBody() {}

    /** The body as an object whose fields are all in {@code fields}; {@code example} shows the expected shape. */
    public static JsonNode object(String raw, Set<String> fields, String example) {
        JsonNode body;
        try {
            body = JSON.readTree(raw == null || raw.isBlank() ? "{}" : raw);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new InvalidRequestException("the request body is not valid JSON: " + ex.getOriginalMessage());
        }
        if (!body.isObject()) {
            throw new InvalidRequestException("the request body must be a JSON object like " + example);
        }
        checkFields(body, fields, "");
        return body;
    }

    /** Rejects a field of {@code node} outside {@code fields}, naming it with {@code where} as a prefix. */
    static void checkFields(JsonNode node, Set<String> fields, String where) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!fields.contains(f)) {
                throw new InvalidRequestException("unknown field '" + where + f + "' (known: " + String.join(", ", new TreeSet<>(fields)) + ")");
            }
        }
    }

    static int intField(JsonNode body, String name) {
        JsonNode n = body.get(name);
        if (!n.canConvertToInt() || !n.isIntegralNumber()) {
            throw new InvalidRequestException(name + " must be an integer, got " + n);
        }
        return n.asInt();
    }

    static long longField(JsonNode body, String name) {
        JsonNode n = body.get(name);
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw new InvalidRequestException(name + " must be an integer, got " + n);
        }
        return n.asLong();
    }

    /** A required string field. */
    public static String text(JsonNode body, String name, String what) {
        JsonNode n = body.get(name);
        if (n == null || n.isNull()) {
            throw new InvalidRequestException(name + " is required: " + what);
        }
        if (!n.isTextual()) {
            throw new InvalidRequestException(name + " must be a string (" + what + "), got " + n);
        }
        return n.asText();
    }

    /** An instant from ISO-8601 with an offset or epoch milliseconds; errors name {@code field}. */
    static java.time.Instant instant(JsonNode n, String field) {
        if (n == null || n.isNull()) {
            throw new InvalidRequestException(field + " is required: ISO-8601 (2026-01-01T12:00:00Z) or epoch milliseconds");
        }
        if (n.isIntegralNumber() || (n.isTextual() && n.asText().matches("\\d{1,15}"))) {
            long ms = n.asLong();
            if (ms < 100_000_000_000L) {
                throw new InvalidRequestException(field + " " + ms + " looks like epoch seconds; send epoch milliseconds or ISO-8601");
            }
            return java.time.Instant.ofEpochMilli(ms);
        }
        if (n.isTextual()) {
            String s = n.asText().trim();
            try {
                return java.time.OffsetDateTime.parse(s).toInstant();
            } catch (java.time.format.DateTimeParseException e) {
                try {
                    return java.time.Instant.parse(s);
                } catch (java.time.format.DateTimeParseException e2) {
                    throw new InvalidRequestException(field + " '" + s + "' is not ISO-8601 with an offset (2026-01-01T12:00:00Z) "
                            + "nor epoch milliseconds");
                }
            }
        }
        throw new InvalidRequestException(field + " must be an ISO-8601 string or epoch milliseconds, got " + n);
    }
}
