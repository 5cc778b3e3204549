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
import dev.mixtape.connectors.reccobeats.RecommendationGuard;
import dev.mixtape.connectors.reccobeats.RecommendationQuery;
import dev.mixtape.core.AlbumRef;
import dev.mixtape.core.ArtistRef;
import dev.mixtape.core.AudioFeatures;
import dev.mixtape.core.Ids;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * ReccoBeats ({@code https://api.reccobeats.com}, no key): track recommendation ({@code GET /v1/track/recommendation}
 * with {@code seeds}, {@code negativeSeeds}, {@code size}, feature targets and {@code featureWeight}, through
 * {@link RecommendationGuard}; answers kept 15 min), audio features ({@code GET /v1/audio-features}), track and artist
 * lookup ({@code GET /v1/track}, {@code GET /v1/artist}), 40 ids per call, and artist search
 * ({@code GET /v1/artist/search?searchText=}). All answer {@code {content:[…]}}. Ids may be ReccoBeats UUIDs or
 * Spotify ids; answers are keyed by the id asked for (a Spotify id is matched through the object's {@code href}).
 * ReccoBeats keeps no genres, no top tracks and no related artists.
 */
public final class ReccoBeatsProvider implements MusicProvider {
    public static final int BATCH = 40;
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);

    private final URI base;
    private final Transport transport;
    private final CachedCalls calls;
    private final RecommendationGuard guard;
    private final Lookup tracks;
    private final Lookup artists;
    private final Lookup features;

    public ReccoBeatsProvider(URI base, RemoteOptions options, RemoteCache cache, AbsentIds absent, RecommendationGuard guard) {
        this(base, options, options.transport(), cache, absent, guard);
    }

    /** With a transport shared with other providers (one global concurrency bound for all of them). */
    public ReccoBeatsProvider(URI base, RemoteOptions options, Transport transport, RemoteCache cache, AbsentIds absent, RecommendationGuard guard) {
        this.base = base;
        this.transport = transport;
        this.calls = new CachedCalls(cache, options.optimised());
        this.guard = guard;
        this.tracks = options.lookup(ids -> byRequestedId(ids, get("GET /v1/track", "/v1/track", Map.of("ids", String.join(",", ids)))),
                BATCH, cache, RemoteCache.Kind.TRACKS, absent);
        this.artists = options.lookup(ids -> byRequestedId(ids, get("GET /v1/artist", "/v1/artist", Map.of("ids", String.join(",", ids)))),
                BATCH, cache, RemoteCache.Kind.ARTISTS, absent);
        this.features = options.lookup(ids -> byRequestedId(ids, get("GET /v1/audio-features", "/v1/audio-features",
                Map.of("ids", String.join(",", ids)))), BATCH, cache, RemoteCache.Kind.AUDIO_FEATURES, absent);
    }

    @Override
    public String name() {
        return "reccobeats";
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.SEARCH_ARTISTS, Capability.TRACKS, Capability.ARTISTS, Capability.AUDIO_FEATURES, Capability.RECOMMEND);
    }

    @Override
    public List<RemoteArtist> searchArtists(String query, int limit) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("searchText", query);
        p.put("size", Integer.toString(Math.max(1, Math.min(50, limit))));
        p.put("page", "0");
        String key = "artist-search|" + query + "|" + p.get("size");
        List<RemoteArtist> out = new ArrayList<>();
        for (JsonNode a : calls.get(RemoteCache.Kind.SEARCH, key, () -> get("GET /v1/artist/search", "/v1/artist/search", p)).path("content")) {
            RemoteArtist r = artist(a);
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    @Override
    public Map<String, RemoteTrack> tracks(List<String> ids) {
        return MusicProvider.parsed(tracks.get(ids), (id, n) -> track(n, id));
    }

    @Override
    public Map<String, RemoteArtist> artists(List<String> ids) {
        return MusicProvider.parsed(artists.get(ids), (id, n) -> {
            RemoteArtist a = artist(n);
            return a == null ? null : new RemoteArtist(id, a.name(), a.genres(), a.popularity());
        });
    }

    @Override
    public Map<String, AudioFeatures> audioFeatures(List<String> ids) {
        return FeatureJson.parseAll(features.get(ids));
    }

    /** Recommendations through the guard; the answer of a query is kept 15 minutes. */
    @Override
    public List<RemoteTrack> recommend(RecommendationQuery query) {
        return recommendWithSteps(query).answer();
    }

    /** As {@link #recommend}, with the query finally sent and the guard's steps (repairs, fallbacks). */
    public RecommendationGuard.Outcome<List<RemoteTrack>> recommendWithSteps(RecommendationQuery query) {
        return guard.recommend(query, q -> {
            JsonNode body;
            try {
                body = calls.get(RemoteCache.Kind.RECOMMENDATIONS, q.combination() + "|" + params(q),
                        () -> get("GET /v1/track/recommendation", "/v1/track/recommendation", params(q)));
            } catch (Resilience.HttpStatusException e) {
                if (!e.transientFailure()) {
                    String m = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
                    throw new RecommendationGuard.Rejected(e.status(), e.getMessage(), m.contains("negative"));
                }
                throw e;
            }
            List<RemoteTrack> out = new ArrayList<>();
            for (JsonNode t : body.path("content")) {
                RemoteTrack r = track(t, null);
                if (r != null) {
                    out.add(r);
                }
            }
            return out;
        });
    }

    static Map<String, String> params(RecommendationQuery q) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("seeds", String.join(",", q.seeds()));
        if (!q.negativeSeeds().isEmpty()) {
            p.put("negativeSeeds", String.join(",", q.negativeSeeds()));
        }
        p.put("size", Integer.toString(q.size()));
        q.features().forEach((k, v) -> p.put(k, Double.toString(v)));
        if (q.featureWeight() != null) {
            p.put("featureWeight", Integer.toString(q.featureWeight()));
        }
        return p;
    }

    private JsonNode get(String endpoint, String path, Map<String, String> params) {
        StringJoiner query = new StringJoiner("&");
        params.forEach((k, v) -> query.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        URI uri = base.resolve(path + (params.isEmpty() ? "" : "?" + query));
        return RemoteJson.get(transport, RemoteRequest.get(uri, endpoint, Map.of("Accept", "application/json")));
    }

    /** The Spotify id in a ReccoBeats {@code href} ({@code https://open.spotify.com/track/ID}), or null. */
    static String spotifyId(JsonNode n) {
        String href = n.path("href").asText("");
        int slash = href.lastIndexOf('/');
        return href.contains("spotify.com/") && slash >= 0 ? href.substring(slash + 1).split("\\?")[0] : null;
    }

    /** The answer's objects keyed by the id asked for: their own (ReccoBeats) id, or the Spotify id in their href. */
    static Map<String, JsonNode> byRequestedId(List<String> asked, JsonNode body) {
        Set<String> wanted = Set.copyOf(asked);
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode n : body.path("content")) {
            String own = n.path("id").asText(null);
            String spotify = spotifyId(n);
            if (own != null && wanted.contains(own)) {
                out.put(own, n);
            } else if (spotify != null && wanted.contains(spotify)) {
                out.put(spotify, n);
            }
        }
        return out;
    }

    /** A ReccoBeats track; its id is {@code askedAs} when given, else its Spotify id when known, else its own. */
    private static RemoteTrack track(JsonNode t, String askedAs) {
        String spotify = spotifyId(t);
        String id = askedAs != null ? askedAs : spotify != null && Ids.isValid(spotify) ? spotify : t.path("id").asText(null);
        String name = t.path("trackTitle").asText(t.path("name").asText(""));
        if (!Ids.isValid(id) || name.isBlank()) {
            return null;
        }
        List<ArtistRef> artists = new ArrayList<>();
        for (JsonNode a : t.path("artists")) {
            String aid = spotifyId(a) != null ? spotifyId(a) : a.path("id").asText(null);
            if (Ids.isValid(aid)) {
                artists.add(new ArtistRef(aid, a.path("name").asText("")));
            }
        }
        if (artists.isEmpty()) {
            return null;
        }
        return new RemoteTrack(id, name, artists, (AlbumRef) null, t.path("durationMs").asInt(0), false,
                SpotifyObjects.clampPopularity(t.path("popularity").asInt(0)));
    }

    private static RemoteArtist artist(JsonNode a) {
        String id = spotifyId(a) != null ? spotifyId(a) : a.path("id").asText(null);
        return Ids.isValid(id) ? new RemoteArtist(id, a.path("name").asText(""), List.of(), SpotifyObjects.clampPopularity(a.path("popularity").asInt(0))) : null;
    }
}
