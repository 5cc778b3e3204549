package dev.mixtape.connectors.provider;

import dev.mixtape.connectors.reccobeats.RecommendationQuery;
import dev.mixtape.core.AudioFeatures;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Several providers as one: each operation goes to the first provider of the list that offers it. The common set-up
 * is {@code spotify+reccobeats}: Spotify for search, details, genres and users' top lists, ReccoBeats for audio
 * features and recommendations (which Spotify closed to new apps).
 */
public final class CompositeProvider implements MusicProvider {
    private final List<MusicProvider> providers;

    public CompositeProvider(List<MusicProvider> providers) {
        if (providers.isEmpty()) {
            throw new IllegalArgumentException("a composite provider needs at least one provider");
        }
        this.providers = List.copyOf(providers);
    }

    @Override
    public String name() {
        return providers.stream().map(MusicProvider::name).collect(Collectors.joining("+"));
    }

    @Override
    public Set<Capability> capabilities() {
        Set<Capability> all = EnumSet.noneOf(Capability.class);
        providers.forEach(p -> all.addAll(p.capabilities()));
        return all;
    }

    @Override
    public void warmUp() {
        providers.forEach(MusicProvider::warmUp);
    }

    /** The provider that serves {@code c}. */
    public MusicProvider route(Capability c) {
        return providers.stream().filter(p -> p.can(c)).findFirst().orElseThrow(() -> MusicProvider.unsupported(name(), c));
    }

    @Override
    public List<RemoteTrack> searchTracks(String query, int limit) {
        return route(Capability.SEARCH_TRACKS).searchTracks(query, limit);
    }

    @Override
    public List<RemoteArtist> searchArtists(String query, int limit) {
        return route(Capability.SEARCH_ARTISTS).searchArtists(query, limit);
    }

    @Override
    public Map<String, RemoteTrack> tracks(List<String> ids) {
        return route(Capability.TRACKS).tracks(ids);
    }

    @Override
    public Map<String, RemoteArtist> artists(List<String> ids) {
        return route(Capability.ARTISTS).artists(ids);
    }

    @Override
    public Map<String, AudioFeatures> audioFeatures(List<String> ids) {
        return route(Capability.AUDIO_FEATURES).audioFeatures(ids);
    }

    @Override
    public List<RemoteTrack> artistTopTracks(String artistId) {
        return route(Capability.ARTIST_TOP_TRACKS).artistTopTracks(artistId);
    }

    @Override
    public List<RemoteArtist> relatedArtists(String artistId) {
        return route(Capability.RELATED_ARTISTS).relatedArtists(artistId);
    }

    @Override
    public List<RemoteTrack> recommend(RecommendationQuery query) {
        return route(Capability.RECOMMEND).recommend(query);
    }

    @Override
    public List<RemoteTrack> userTopTracks(String userToken, int limit) {
        return route(Capability.USER_TOP).userTopTracks(userToken, limit);
    }

    @Override
    public List<RemoteArtist> userTopArtists(String userToken, int limit) {
        return route(Capability.USER_TOP).userTopArtists(userToken, limit);
    }
}
