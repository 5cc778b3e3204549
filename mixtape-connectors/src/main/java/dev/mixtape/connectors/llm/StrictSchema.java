package dev.mixtape.connectors.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * Checks a JSON value against the subset of JSON Schema that OpenAI's strict structured outputs use
 * (type, possibly with "null"; properties with every property required and none added; items;
 * enum; minimum/maximum), so the schema sent to the model is also the one its reply is held to:
 * a server that ignores {@code response_format} cannot slip anything past. Stateless.
 */
final class StrictSchema {
    private StrictSchema() {}

    static void validate(JsonNode schema, JsonNode value, String path) throws LlmFailure {
        checkType(schema.path("type"), value, path);
        if (value.isNull()) {
            return;
        }
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode e : schema.get("enum")) {
                found |= e.equals(value);
            }
            if (!found) {
                throw new LlmFailure("schema: " + path + ": " + brief(value) + " is not one of " + schema.get("enum"));
            }
        }
        if (value.isNumber()) {
            if (schema.has("minimum") && value.asDouble() < schema.get("minimum").asDouble()) {
                throw new LlmFailure("schema: " + path + ": " + value + " is below the minimum " + schema.get("minimum"));
            }
            if (schema.has("maximum") && value.asDouble() > schema.get("maximum").asDouble()) {
                throw new LlmFailure("schema: " + path + ": " + value + " is above the maximum " + schema.get("maximum"));
            }
        }
        if (value.isObject()) {
            JsonNode props = schema.path("properties");
            Set<String> seen = new HashSet<>();
            for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!props.has(name)) {
                    throw new LlmFailure("schema: " + path + ": unexpected property '" + name + "'");
                }
                seen.add(name);
                validate(props.get(name), value.get(name), path + "." + name);
            }
            for (Iterator<String> it = props.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!seen.contains(name)) {
                    throw new LlmFailure("schema: " + path + ": missing property '" + name + "'");
                }
            }
        }
        if (value.isArray()) {
            int i = 0;
            for (JsonNode item : value) {
                validate(schema.path("items"), item, path + "[" + i++ + "]");
            }
        }
    }

    private static void checkType(JsonNode type, JsonNode value, String path) throws LlmFailure {
        if (type.isMissingNode()) {
            return;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (is(t.asText(), value)) {
                    return;
                }
            }
        } else if (is(type.asText(), value)) {
            return;
        }
        throw new LlmFailure("schema: " + path + ": expected " + type + ", got " + brief(value));
    }

    private static boolean is(String type, JsonNode v) {
        return switch (type) {
            case "null" -> v.isNull();
            case "object" -> v.isObject();
            case "array" -> v.isArray();
            case "string" -> v.isTextual();
            case "boolean" -> v.isBoolean();
            case "integer" -> v.isIntegralNumber() || (v.isNumber() && v.asDouble() == Math.rint(v.asDouble()));
            case "number" -> v.isNumber() && Double.isFinite(v.asDouble());
            default -> false;
        };
    }

    private static String brief(JsonNode v) {
        String s = v.toString();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
