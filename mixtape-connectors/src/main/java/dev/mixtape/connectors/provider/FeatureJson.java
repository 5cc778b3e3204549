package dev.mixtape.connectors.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mixtape.core.AudioFeatures;
import dev.mixtape.core.InvalidRequestException;
import java.util.Map;

/**
 * Reads audio features as Spotify and ReccoBeats both write them ({@code acousticness}, …, {@code tempo}; ReccoBeats
 * has no {@code time_signature}: 4 is assumed). An object with a missing or out-of-range value is left out, as if
 * the track had no features.
 */
final class FeatureJson {
    private FeatureJson() {}

    static Map<String, AudioFeatures> parseAll(Map<String, JsonNode> byId) {
        return MusicProvider.parsed(byId, (id, n) -> parse(n));
    }

    static AudioFeatures parse(JsonNode n) {
        for (String f : new String[] {"acousticness", "danceability", "energy", "instrumentalness", "liveness", "speechiness", "valence",
                "loudness", "tempo"}) {
            if (!n.path(f).isNumber()) {
                return null;
            }
        }
        try {
            return new AudioFeatures(n.get("acousticness").asDouble(), n.get("danceability").asDouble(), n.get("energy").asDouble(),
                    n.get("instrumentalness").asDouble(), n.get("liveness").asDouble(), n.get("speechiness").asDouble(),
                    n.get("valence").asDouble(), n.path("key").asInt(-1), n.path("mode").asInt(1), n.get("loudness").asDouble(),
                    n.get("tempo").asDouble(), n.path("time_signature").asInt(4));
        } catch (InvalidRequestException e) {
            return null;
        }
    }
}
