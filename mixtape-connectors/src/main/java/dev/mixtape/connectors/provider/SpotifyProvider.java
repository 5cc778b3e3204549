package dev.mixtape.connectors.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mixtape.connectors.http.AbsentIds;
import dev.mixtape.connectors.http.CachedCalls;
import dev.mixtape.connectors.http.Lookup;
import dev.mixtape.connectors.http.RemoteCache;
import dev.mixtape.connectors.http.RemoteJson;
import dev.mixtape.connectors.http.RemoteOptions;
import dev.mixtape.connectors.http.RemoteRequest;
import dev.mixtape.connectors.http.Resilience;
import dev.mixtape.connectors.http.Transport;
import dev.mixtape.connectors.spotify.SpotifyTokens;
import dev.mixtape.core.AudioFeatures;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Spotify Web API. App calls use a client-credentials token ({@link SpotifyTokens}, refreshed before it expires;
 * a 401 drops it and the call is sent once more with a new one); {@code /v1/me/top/*} use the user's own token.
 * Tracks and artists are fetched 50 per call, audio features 100 per call (only when the account still has them:
 * Spotify closed the endpoint to new apps, so it is off unless {@code audioFeatures}). Every call goes through the
 * transport chain of {@link RemoteOptions} and the caches of {@link RemoteCache} (tracks and artists 30 min, top
 * tracks and related artists 30 min, features 7 days, unknown ids 1 hour).
 */
public final class SpotifyProvider implements MusicProvider {
    public static final int TRACK_BATCH = 50;
    public static final int ARTIST_BATCH = 50;
    public static final int FEATURE_BATCH = 100;
    public static final String MARKET = "US";

    private final URI api;
    private final SpotifyTokens tokens;
    private final Transport transport;
    private final CachedCalls calls;
    private final Lookup tracks;
    private final Lookup artists;
    private final Lookup features;
    private final Set<Capability> capabilities;

    public SpotifyProvider(URI api, SpotifyTokens tokens, boolean audioFeatures, RemoteOptions options, RemoteCache cache, AbsentIds absent) {
        this(api, tokens, audioFeatures, options, options.transport(), cache, absent);
    }

    /** With a transport shared with other providers (one global concurrency bound for all of them). */
    public SpotifyProvider(URI api, SpotifyTokens tokens, boolean audioFeatures, RemoteOptions options, Transport transport, RemoteCache cache,
                           AbsentIds absent) {
        this.api = api;
        this.tokens = tokens;
        this.transport = transport;
        this.calls = new CachedCalls(cache, options.optimised());
        this.tracks = options.lookup(ids -> byId(app("GET /v1/tracks", "/v1/tracks?ids=" + String.join(",", ids)).path("tracks")),
                TRACK_BATCH, cache, RemoteCache.Kind.TRACKS, absent);
        this.artists = options.lookup(ids -> byId(app("GET /v1/artists", "/v1/artists?ids=" + String.join(",", ids)).path("artists")),
                ARTIST_BATCH, cache, RemoteCache.Kind.ARTISTS, absent);
        this.features = options.lookup(ids -> byId(app("GET /v1/audio-features", "/v1/audio-features?ids=" + String.join(",", ids))
                .path("audio_features")), FEATURE_BATCH, cache, RemoteCache.Kind.AUDIO_FEATURES, absent);
        this.capabilities = EnumSet.of(Capability.SEARCH_TRACKS, Capability.SEARCH_ARTISTS, Capability.TRACKS, Capability.ARTISTS,
                Capability.ARTIST_TOP_TRACKS, Capability.RELATED_ARTISTS, Capability.USER_TOP);
        if (audioFeatures) {
            capabilities.add(Capability.AUDIO_FEATURES);
        }
    }

    @Override
    public String name() {
        return "spotify";
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.copyOf(capabilities);
    }

    /** Fetches the app token in the background when it is missing or due (a failure shows on the first real call). */
    @Override
    public void warmUp() {
        Thread.ofVirtual().name("spotify-token").start(() -> {
            try {
                tokens.token();
            } catch (RuntimeException e) {
                // reported by the call that needs the token
            }
        });
    }

    @Override
    public List<RemoteTrack> searchTracks(String query, int limit) {
        String q = "/v1/search?type=track&limit=" + Math.min(50, limit) + "&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
        return SpotifyObjects.tracks(calls.get(RemoteCache.Kind.SEARCH, q, () -> app("GET /v1/search", q)).path("tracks").path("items"));
    }

    @Override
    public List<RemoteArtist> searchArtists(String query, int limit) {
        String q = "/v1/search?type=artist&limit=" + Math.min(50, limit) + "&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
        return SpotifyObjects.artists(calls.get(RemoteCache.Kind.SEARCH, q, () -> app("GET /v1/search", q)).path("artists").path("items"));
    }

    @Override
    public Map<String, RemoteTrack> tracks(List<String> ids) {
        // an object without a usable id, name or artist (a local file) is left out, not mapped to null
        return MusicProvider.parsed(tracks.get(ids), (id, n) -> SpotifyObjects.track(n));
    }

    @Override
    public Map<String, RemoteArtist> artists(List<String> ids) {
        return MusicProvider.parsed(artists.get(ids), (id, n) -> SpotifyObjects.artist(n));
    }

    @Override
    public Map<String, AudioFeatures> audioFeatures(List<String> ids) {
        if (!capabilities.contains(Capability.AUDIO_FEATURES)) {
            throw MusicProvider.unsupported(name() + " (audio features are closed to new Spotify apps; set spotify.audio-features=true if yours has them)",
                    Capability.AUDIO_FEATURES);
        }
        return FeatureJson.parseAll(features.get(ids));
    }

    @Override
    public List<RemoteTrack> artistTopTracks(String artistId) {
        String p = "/v1/artists/" + enc(artistId) + "/top-tracks?market=" + MARKET;
        return SpotifyObjects.tracks(calls.get(RemoteCache.Kind.TOP, p, () -> app("GET /v1/artists/{id}/top-tracks", p)).path("tracks"));
    }

    @Override
    public List<RemoteArtist> relatedArtists(String artistId) {
        String p = "/v1/artists/" + enc(artistId) + "/related-artists";
        return SpotifyObjects.artists(calls.get(RemoteCache.Kind.TOP, p, () -> app("GET /v1/artists/{id}/related-artists", p)).path("artists"));
    }

    @Override
    public List<RemoteTrack> userTopTracks(String userToken, int limit) {
        String p = "/v1/me/top/tracks?time_range=medium_term&limit=" + Math.min(50, limit);
        return SpotifyObjects.tracks(calls.get(RemoteCache.Kind.TOP, userKey(userToken) + p, () -> user("GET /v1/me/top/tracks", p, userToken))
                .path("items"));
    }

    @Override
    public List<RemoteArtist> userTopArtists(String userToken, int limit) {
        String p = "/v1/me/top/artists?time_range=medium_term&limit=" + Math.min(50, limit);
        return SpotifyObjects.artists(calls.get(RemoteCache.Kind.TOP, userKey(userToken) + p, () -> user("GET /v1/me/top/artists", p, userToken))
                .path("items"));
    }

    /** Cache keys of user data: a hash of the token, never the token itself. */
    private static String userKey(String token) {
        return "user:" + com.google.common.hash.Hashing.sha256().hashString(token, StandardCharsets.UTF_8).toString().substring(0, 16);
    }

    private static String enc(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    private static Map<String, JsonNode> byId(JsonNode list) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode n : list) {
            if (n != null && !n.isNull() && n.hasNonNull("id")) {
                out.put(n.get("id").asText(), n);
            }
        }
        return out;
    }

    /** An app call: the client-credentials token; a 401 drops it and sends once more with a new one. */
    private JsonNode app(String endpoint, String pathAndQuery) {
        for (int attempt = 0; ; attempt++) {
            String token = tokens.token();
            try {
                return RemoteJson.get(transport, RemoteRequest.get(api.resolve(pathAndQuery), endpoint, Map.of("Authorization", "Bearer " + token)));
            } catch (Resilience.HttpStatusException e) {
                if (e.status() == 401 && attempt == 0) {
                    tokens.invalidate(token);
                    continue;
                }
                throw e;
            }
        }
    }

    private JsonNode user(String endpoint, String pathAndQuery, String userToken) {
        if (userToken == null || userToken.isBlank()) {
            throw new dev.mixtape.core.InvalidRequestException(endpoint + " needs the user's Spotify access token");
        }
        try {
            return RemoteJson.get(transport, RemoteRequest.get(api.resolve(pathAndQuery), endpoint, Map.of("Authorization", "Bearer " + userToken)));
        } catch (Resilience.HttpStatusException e) {
            if (e.status() == 401) {
                throw new dev.mixtape.core.InvalidRequestException("Spotify rejected the user's access token (" + e.getMessage()
                        + "): it has expired or was revoked; get a new one");
            }
            if (e.status() == 403) {
                throw new dev.mixtape.core.InvalidRequestException("Spotify refused " + endpoint + " (" + e.getMessage()
                        + "): the user's token needs the user-top-read scope");
            }
            throw e;
        }
    }
}
