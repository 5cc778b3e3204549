package dev.mixtape.connectors.provider;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Objects in the wire formats of Spotify and ReccoBeats, for the stub servers. */
final class WireFormats {
    private WireFormats() {}


    static List<String> ids(String prefix, int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(prefix + i);
        }
        return ids;
    }

    // --- Spotify ---

    static String spotifyTrack(String id) {
        return "{\"id\":\"" + id + "\",\"name\":\"Song " + id + "\",\"type\":\"track\",\"duration_ms\":201000,\"explicit\":false,"
                + "\"popularity\":61,\"album\":{\"id\":\"al-" + id + "\",\"name\":\"Album\"},"
                + "\"artists\":[{\"id\":\"ar-" + id + "\",\"name\":\"Artist " + id + "\",\"type\":\"artist\"}]}";
    }

    static String spotifyArtist(String id) {
        return "{\"id\":\"" + id + "\",\"name\":\"Artist " + id + "\",\"type\":\"artist\",\"genres\":[\"indie\",\"dream pop\"],\"popularity\":48}";
    }

    /** Audio features; ReccoBeats has no time signature. */
    static String features(String id, boolean timeSignature) {
        return "{\"id\":\"" + id + "\",\"acousticness\":0.1,\"danceability\":0.6,\"energy\":0.8,\"instrumentalness\":0.0,"
                + "\"key\":5,\"liveness\":0.1,\"loudness\":-5.2,\"mode\":1,\"speechiness\":0.04,\"tempo\":121.0,\"valence\":0.7"
                + (timeSignature ? ",\"time_signature\":3" : "") + "}";
    }

    /** {@code {<field>:[obj | null, …]}}: Spotify's answer for a batch, with null for the ids {@code unknown} accepts. */
    static String spotifyBatch(String field, List<String> ids, Predicate<String> unknown, java.util.function.Function<String, String> obj) {
        return "{\"" + field + "\":[" + ids.stream().map(id -> unknown.test(id) ? "null" : obj.apply(id)).collect(Collectors.joining(","))
                + "]}";
    }

    static String spotifyError(int status, String message) {
        return "{\"error\":{\"status\":" + status + ",\"message\":\"" + message + "\"}}";
    }

    // --- ReccoBeats ---

    /** The ReccoBeats id of a Spotify id (a UUID, stable per id). */
    static String uuid(String spotifyId) {
        return UUID.nameUUIDFromBytes(spotifyId.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    static String reccoTrack(String spotifyId) {
        return "{\"id\":\"" + uuid(spotifyId) + "\",\"trackTitle\":\"Song " + spotifyId + "\",\"artists\":[{\"id\":\"" + uuid("ar-" + spotifyId)
                + "\",\"name\":\"Artist " + spotifyId + "\",\"href\":\"https://open.spotify.com/artist/ar-" + spotifyId + "\"}],"
                + "\"durationMs\":187000,\"isrc\":\"USUM70000000\",\"ean\":null,\"upc\":null,"
                + "\"href\":\"https://open.spotify.com/track/" + spotifyId + "\",\"availableCountries\":\"US\",\"popularity\":57}";
    }

    static String reccoArtist(String spotifyId) {
        return "{\"id\":\"" + uuid(spotifyId) + "\",\"name\":\"Artist " + spotifyId + "\",\"href\":\"https://open.spotify.com/artist/" + spotifyId
                + "\"}";
    }

    static String reccoFeatures(String spotifyId) {
        String f = features(uuid(spotifyId), false);
        return f.substring(0, f.length() - 1) + ",\"href\":\"https://open.spotify.com/track/" + spotifyId + "\"}";
    }

    /** {@code {content:[…]}} with the objects of the ids {@code known} accepts (ReccoBeats leaves unknown ids out). */
    static String content(List<String> ids, Predicate<String> known, java.util.function.Function<String, String> obj) {
        return "{\"content\":[" + ids.stream().filter(known).map(obj).collect(Collectors.joining(",")) + "]}";
    }
}
