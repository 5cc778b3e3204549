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
 * operation a provider does not offer throws {@link UnsupportedOperationException} naming both; check
 * {@link #capabilities()} first. Implementations are thread-safe.
 */
public interface MusicProvider {
    /** What a provider can do. */
    enum Capability { SEARCH_TRACKS, SEARCH_ARTISTS, TRACKS, ARTISTS, AUDIO_FEATURES, ARTIST_TOP_TRACKS, RELATED_ARTISTS, RECOMMEND, USER_TOP }

    String name();

    Set<Capability> capabilities();

    default boolean can(Capability c) {
        return capabilities().contains(c);
    }

    List<RemoteTrack> searchTracks(String query, int limit);

    List<RemoteArtist> searchArtists(String query, int limit);

    Map<String, RemoteTrack> tracks(List<String> ids);

    Map<String, RemoteArtist> artists(List<String> ids);

    Map<String, AudioFeatures> audioFeatures(List<String> ids);

    List<RemoteTrack> artistTopTracks(String artistId);

    List<RemoteArtist> relatedArtists(String artistId);

    /** Tracks like the seeds (guarded: checked, repaired, deny-listed and walked down the fallback ladder). */
    List<RemoteTrack> recommend(RecommendationQuery query);

    /** The user's top tracks; {@code userToken} is the user's own OAuth access token. */
    List<RemoteTrack> userTopTracks(String userToken, int limit);

    List<RemoteArtist> userTopArtists(String userToken, int limit);

    /** The exception for an operation {@code provider} does not offer. */
    static UnsupportedOperationException unsupported(String provider, Capability c) {
        return new UnsupportedOperationException(provider + " does not offer " + c.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
    }
}
