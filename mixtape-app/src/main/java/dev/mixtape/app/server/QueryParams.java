package dev.mixtape.app.server;

import dev.mixtape.core.Ids;
import dev.mixtape.core.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Typed, validated access to a request's query parameters. Every failure is an
 * {@link InvalidRequestException} whose message names the parameter and the offending value.
 */
public final class QueryParams {
    private final Map<String, List<String>> params;

    public QueryParams(Map<String, List<String>> params) {
        this.params = params;
    }

    public Map<String, List<String>> all() {
        return params;
    }

    /** The single value of {@code name}, or null when absent; a repeated parameter is an error. */
    public String single(String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new InvalidRequestException(name + " is given " + values.size() + " times; give it once");
        }
        return values.get(0).strip();
    }

    public int integer(String name, int defaultValue, int min, int max) {
        String v = single(name);
        if (v == null || v.isEmpty()) {
            return defaultValue;
        }
        try {
            int i = Integer.parseInt(v);
            if (i >= min && i <= max) {
                return i;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidRequestException(name + " must be an integer from " + min + " to " + max + ", got '" + v + "'");
    }

    /**
     * The comma-separated list in {@code name} (empty entries dropped), each checked as an id of
     * {@code kind}; at most {@code max} entries.
     */
    public List<String> ids(String name, String kind, int max, boolean required) {
        List<String> out = list(name);
        if (required && out.isEmpty()) {
            throw new InvalidRequestException(name + " is required: a comma-separated list of up to " + max + " " + kind + " ids");
        }
        if (out.size() > max) {
            throw new InvalidRequestException(name + " has " + out.size() + " ids; at most " + max + " are allowed");
        }
        for (String id : out) {
            if (!Ids.isValid(id)) {
                throw new InvalidRequestException(name + " has an invalid " + kind + " id: '" + id + "'");
            }
        }
        return out;
    }

    /** The comma-separated values of {@code name}, trimmed, empty entries dropped. */
    public List<String> list(String name) {
        String v = single(name);
        List<String> out = new ArrayList<>();
        if (v != null) {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }
}
