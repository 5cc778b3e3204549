package dev.mixtape.connectors.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mixtape.algo.playlist.prompt.MoodTargets;
import dev.mixtape.core.Attribute;
import dev.mixtape.core.Catalog;
import java.util.List;
import java.util.Locale;

/**
 * The strict JSON schema the model must answer in ({@code response_format} {@code json_schema},
 * name {@code mood_target}, {@code strict: true}) and the instructions that go with it. Every property
 * is required and nothing else is allowed, as OpenAI's strict mode demands; "not said" is null.
 * Genres are an enum of the catalog's genres when it has at most {@value #MAX_GENRE_ENUM}.
 */
final class MoodTargetSchema {
    static final String NAME = "mood_target";
    static final int MAX_GENRE_ENUM = 500;
    private static final List<String> ARCS = List.of("steady", "build_up", "wind_down", "peak");

    private MoodTargetSchema() {}

    static ObjectNode schema(ObjectMapper json, Catalog catalog) {
        ObjectNode targets = object(json);
        for (Attribute a : MoodTargets.attributes()) {
            ObjectNode p = nullable(json, "number");
            p.put("minimum", MoodTargets.low(a));
            p.put("maximum", MoodTargets.high(a));
            property(targets, a.wireName(), p);
        }
        ObjectNode genre = json.createObjectNode().put("type", "string");
        if (catalog.genreCount() <= MAX_GENRE_ENUM) {
            ArrayNode names = genre.putArray("enum");
            catalog.genreNames().forEach(names::add);
        }
        ObjectNode track = object(json);
        property(track, "title", json.createObjectNode().put("type", "string"));
        property(track, "artist", nullable(json, "string"));
        ObjectNode phrase = object(json);
        for (String f : List.of("text", "kind", "effect")) {
            property(phrase, f, json.createObjectNode().put("type", "string"));
        }
        ObjectNode length = nullable(json, "integer");
        length.put("minimum", 5);
        length.put("maximum", 200);
        ObjectNode arc = nullable(json, "string");
        ArrayNode arcs = arc.putArray("enum");
        ARCS.forEach(arcs::add);
        arcs.addNull();

        ObjectNode root = object(json);
        property(root, "targets", targets);
        property(root, "genres", array(json, genre));
        property(root, "excluded_genres", array(json, genre.deepCopy()));
        property(root, "artists", array(json, json.createObjectNode().put("type", "string")));
        property(root, "excluded_artists", array(json, json.createObjectNode().put("type", "string")));
        property(root, "tracks", array(json, track));
        property(root, "allow_explicit", json.createObjectNode().put("type", "boolean"));
        property(root, "length", length);
        property(root, "arc", arc);
        property(root, "recognised", array(json, phrase));
        property(root, "not_understood", array(json, json.createObjectNode().put("type", "string")));
        property(root, "relaxed", array(json, json.createObjectNode().put("type", "string")));
        property(root, "meaningless", json.createObjectNode().put("type", "boolean"));
        return root;
    }

    /** The {@code response_format} object of the request. */
    static ObjectNode responseFormat(ObjectMapper json, ObjectNode schema) {
        ObjectNode rf = json.createObjectNode().put("type", "json_schema");
        rf.putObject("json_schema").put("name", NAME).put("strict", true).set("schema", schema);
        return rf;
    }

    static String instructions(Catalog catalog) {
        StringBuilder sb = new StringBuilder();
        sb.append("You read a request for a music playlist and answer only with JSON in the given schema.\n")
                .append("targets: the preferred audio features, Spotify's scales: valence (0 sad .. 1 happy), ")
                .append("energy, danceability, acousticness, instrumentalness, speechiness (all 0..1), tempo (BPM), ")
                .append("loudness (dB, -35 quiet .. -2 loud). Use null for every feature the request does not imply. ")
                .append("Typical values when nothing is said:");
        for (Attribute a : MoodTargets.attributes()) {
            sb.append(' ').append(a.wireName()).append(' ').append(String.format(Locale.ROOT, "%.2f", MoodTargets.neutral(a)));
        }
        sb.append(".\ngenres / excluded_genres: only genres of this catalog");
        if (catalog.genreCount() <= MAX_GENRE_ENUM) {
            sb.append(" (the schema lists them)");
        } else {
            sb.append(": ").append(String.join(", ", catalog.genreNames()));
        }
        sb.append(". artists / excluded_artists / tracks: names exactly as the request writes them.\n")
                .append("allow_explicit: false only if the request rules out explicit content. length: number of tracks ")
                .append("if the request gives one (convert durations at 3.5 minutes per track), else null. ")
                .append("arc: the energy shape if the request asks for one, else null.\n")
                .append("recognised: each phrase you used, its kind (mood, activity, time, weather, genre, artist, track, ")
                .append("exclude, length, arc, explicit) and its effect in a few words. not_understood: words you could ")
                .append("not use. relaxed: contradictions you resolved and how. meaningless: true when the request says ")
                .append("nothing about music.");
        return sb.toString();
    }

    private static ObjectNode object(ObjectMapper json) {
        ObjectNode o = json.createObjectNode().put("type", "object");
        o.putObject("properties");
        o.putArray("required");
        o.put("additionalProperties", false);
        return o;
    }

    private static void property(ObjectNode object, String name, ObjectNode schema) {
        ((ObjectNode) object.get("properties")).set(name, schema);
        ((ArrayNode) object.get("required")).add(name);
    }

    private static ObjectNode nullable(ObjectMapper json, String type) {
        ObjectNode o = json.createObjectNode();
        o.putArray("type").add(type).add("null");
        return o;
    }

    private static ObjectNode array(ObjectMapper json, ObjectNode items) {
        ObjectNode o = json.createObjectNode().put("type", "array");
        o.set("items", items);
        return o;
    }
}
