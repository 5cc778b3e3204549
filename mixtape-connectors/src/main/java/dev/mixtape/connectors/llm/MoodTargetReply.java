package dev.mixtape.connectors.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mixtape.algo.playlist.prompt.CatalogLexicon;
import dev.mixtape.algo.playlist.prompt.MoodTargets;
import dev.mixtape.core.Attribute;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.mood.Arc;
import dev.mixtape.core.mood.MoodTarget;
import dev.mixtape.core.mood.PromptAnalysis;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the model's JSON (already valid against {@link MoodTargetSchema}) into a
 * {@link PromptAnalysis}: features it left null get the neutral target, every target its soft range
 * ({@link MoodTargets#range}); genres must be the catalog's (else the reply is rejected); artists and
 * tracks are resolved against the catalog as the built-in interpreter resolves them
 * ({@link CatalogLexicon}), and the ones not found are listed as unknown. The caller's length and arc
 * win over the model's. Stateless.
 */
final class MoodTargetReply {
    static final int MAX_ITEMS = 50;
    static final int MAX_TEXT = 300;

    private MoodTargetReply() {}

    static PromptAnalysis read(JsonNode reply, String prompt, Catalog catalog, Integer lengthOverride, Arc arcOverride,
                               String interpreter) throws LlmFailure {
        CatalogLexicon lexicon = CatalogLexicon.of(catalog);
        Map<Attribute, Double> targets = new EnumMap<>(Attribute.class);
        Map<Attribute, MoodTarget.Range> ranges = new EnumMap<>(Attribute.class);
        for (Attribute a : MoodTargets.attributes()) {
            JsonNode v = reply.get("targets").get(a.wireName());
            double t = v.isNull() ? MoodTargets.neutral(a) : v.asDouble();
            targets.put(a, t);
            ranges.put(a, MoodTargets.range(a, t, !v.isNull()));
        }
        List<String> relaxed = texts(reply, "relaxed");
        List<String> unknown = new ArrayList<>();
        Set<String> genres = genres(reply, "genres", lexicon);
        Set<String> excludedGenres = genres(reply, "excluded_genres", lexicon);
        for (String g : excludedGenres) {
            if (genres.remove(g)) {
                relaxed.add("genre " + g + " is both asked for and excluded; kept the exclusion");
            }
        }
        Set<String> artists = artists(reply, "artists", lexicon, unknown);
        Set<String> excludedArtists = artists(reply, "excluded_artists", lexicon, unknown);
        artists.removeAll(excludedArtists);
        Set<String> tracks = new LinkedHashSet<>();
        for (JsonNode t : items(reply, "tracks")) {
            String title = text(t.get("title"), "tracks[].title");
            String artist = t.get("artist").isNull() ? null : text(t.get("artist"), "tracks[].artist");
            int found = lexicon.findTrack(title, artist);
            if (found >= 0) {
                tracks.add(catalog.trackId(found));
            } else {
                unknown.add(artist == null ? title : title + " by " + artist);
            }
        }
        int length = lengthOverride != null ? lengthOverride
                : reply.get("length").isNull() ? MoodTarget.DEFAULT_LENGTH : reply.get("length").asInt();
        if (lengthOverride != null && !reply.get("length").isNull() && reply.get("length").asInt() != lengthOverride) {
            relaxed.add("length: the request's length " + lengthOverride + " overrides the prompt's " + reply.get("length").asInt());
        }
        Arc fromReply = MoodTargets.arc(reply.get("arc").isNull() ? null : reply.get("arc").asText());
        Arc arc = arcOverride != null ? arcOverride : fromReply != null ? fromReply : Arc.PEAK;
        if (arcOverride != null && fromReply != null && fromReply != arcOverride) {
            relaxed.add("arc: the request's arc " + arcOverride.name().toLowerCase(Locale.ROOT) + " overrides the prompt's "
                    + fromReply.name().toLowerCase(Locale.ROOT));
        }
        MoodTarget target = new MoodTarget(targets, ranges, genres, excludedGenres, new ArrayList<>(artists),
                excludedArtists, new ArrayList<>(tracks), reply.get("allow_explicit").asBoolean(), length, arc);
        List<PromptAnalysis.Phrase> recognised = new ArrayList<>();
        for (JsonNode p : items(reply, "recognised")) {
            recognised.add(new PromptAnalysis.Phrase(text(p.get("text"), "recognised[].text"),
                    text(p.get("kind"), "recognised[].kind"), text(p.get("effect"), "recognised[].effect")));
        }
        return new PromptAnalysis(prompt, target, interpreter, recognised, texts(reply, "not_understood"), unknown,
                relaxed, reply.get("meaningless").asBoolean());
    }

    private static Set<String> genres(JsonNode reply, String field, CatalogLexicon lexicon) throws LlmFailure {
        Set<String> out = new LinkedHashSet<>();
        for (String name : texts(reply, field)) {
            int g = lexicon.findGenre(name);
            if (g < 0) {
                throw new LlmFailure("schema: " + field + ": '" + name + "' is not a genre of this catalog");
            }
            out.add(lexicon.catalog().genreName(g));
        }
        return out;
    }

    private static Set<String> artists(JsonNode reply, String field, CatalogLexicon lexicon, List<String> unknown)
            throws LlmFailure {
        Set<String> out = new LinkedHashSet<>();
        for (String name : texts(reply, field)) {
            int a = lexicon.findArtist(name);
            if (a >= 0) {
                out.add(lexicon.catalog().artistId(a));
            } else {
                unknown.add(name);
            }
        }
        return out;
    }

    private static List<JsonNode> items(JsonNode reply, String field) throws LlmFailure {
        JsonNode array = reply.get(field);
        if (array.size() > MAX_ITEMS) {
            throw new LlmFailure("schema: " + field + " has " + array.size() + " items, more than " + MAX_ITEMS);
        }
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    private static List<String> texts(JsonNode reply, String field) throws LlmFailure {
        List<String> out = new ArrayList<>();
        for (JsonNode n : items(reply, field)) {
            out.add(text(n, field + "[]"));
        }
        return out;
    }

    private static String text(JsonNode n, String field) throws LlmFailure {
        String s = n.asText();
        if (s.length() > MAX_TEXT) {
            throw new LlmFailure("schema: " + field + " is longer than " + MAX_TEXT + " characters");
        }
        return s;
    }
}
