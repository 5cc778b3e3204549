package dev.mixtape.connectors.provider;

import dev.mixtape.connectors.reccobeats.RecommendationQuery;
import dev.mixtape.core.AudioFeatures;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where tracks, artists, audio features and recommendations come from: the port that {@code ./mixtape import} and
 * the playlist workflow use. Implementations: {@link LocalProvider} (the embedded catalog), {@link SpotifyProvider}
 * (Spotify Web API), {@link ReccoBeatsProvider} (ReccoBeats), and {@link CompositeProvider}, which routes each
 * operation to the first provider of a list that offers it (e.g. Spotify for search and details, ReccoBeats for
 * features and recommendations). Lookups by id answer only the ids that exist, keyed by the id asked for. An
 * operation a provider does not offer throws {@link UnsupportedOperationException} naming both (the default of the
 * optional operations); check {@link #capabilities()} first. Implementations are thread-safe.
 */
public interface MusicProvider {
    /** What a provider can do. */
    enum Capability { SEARCH_TRACKS, SEARCH_ARTISTS, TRACKS, ARTISTS, AUDIO_FEATURES, ARTIST_TOP_TRACKS, RELATED_ARTISTS, RECOMMEND, USER_TOP }

    String name();

    Set<Capability> capabilities();

    default boolean can(Capability c) {
        return capabilities().contains(c);
    }

    default List<RemoteTrack> searchTracks(String query, int limit) {
        throw unsupported(name(), Capability.SEARCH_TRACKS);
    }

    List<RemoteArtist> searchArtists(String query, int limit);

    /**
     * Starts, without waiting, what the first calls would otherwise wait for (an access token): called when a
     * workflow begins, so that it overlaps the work before the first remote call.
     */
    default void warmUp() {}

    Map<String, RemoteTrack> tracks(List<String> ids);

    Map<String, RemoteArtist> artists(List<String> ids);

    Map<String, AudioFeatures> audioFeatures(List<String> ids);

    default List<RemoteTrack> artistTopTracks(String artistId) {
        throw unsupported(name(), Capability.ARTIST_TOP_TRACKS);
    }

    default List<RemoteArtist> relatedArtists(String artistId) {
        throw unsupported(name(), Capability.RELATED_ARTISTS);
    }

    /** Tracks like the seeds (guarded: checked, repaired, deny-listed and walked down the fallback ladder). */
    default List<RemoteTrack> recommend(RecommendationQuery query) {
        throw unsupported(name(), Capability.RECOMMEND);
    }

    /** The user's top tracks; {@code userToken} is the user's own OAuth access token. */
    default List<RemoteTrack> userTopTracks(String userToken, int limit) {
        throw unsupported(name(), Capability.USER_TOP);
    }

    default List<RemoteArtist> userTopArtists(String userToken, int limit) {
        throw unsupported(name(), Capability.USER_TOP);
    }

    /** {@code parse} applied to each found object; objects it cannot read (null) are left out. */
    static <V> Map<String, V> parsed(Map<String, com.fasterxml.jackson.databind.JsonNode> found,
                                     java.util.function.BiFunction<String, com.fasterxml.jackson.databind.JsonNode, V> parse) {
        Map<String, V> out = new java.util.LinkedHashMap<>();
        found.forEach((id, n) -> {
            V v = parse.apply(id, n);
            if (v != null) {
                out.put(id, v);
            }
        });
        return out;
    }

    /** The exception for an operation {@code provider} does not offer. */
    static UnsupportedOperationException unsupported(String provider, Capability c) {
        return new UnsupportedOperationException(provider + " does not offer " + c.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
    }
}
