package dev.mixtape.connectors.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mixtape.connectors.provider.MusicProvider.Capability;
import dev.mixtape.connectors.reccobeats.RecommendationQuery;
import dev.mixtape.core.AudioFeatures;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CompositeProviderTest {
    /** A provider that offers {@code offers}, records what it was asked, and refuses the rest as a real one does. */
    static final class Fake implements MusicProvider {
        final String name;
        final Set<Capability> offers;
        final List<String> asked = new ArrayList<>();

        Fake(String name, Set<Capability> offers) {
            this.name = name;
            this.offers = offers;
        }

        private void ask(Capability c) {
            if (!offers.contains(c)) {
                throw MusicProvider.unsupported(name, c);
            }
            asked.add(c.name());
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Set<Capability> capabilities() {
            return offers;
        }

        @Override
        public List<RemoteTrack> searchTracks(String query, int limit) {
            ask(Capability.SEARCH_TRACKS);
            return List.of();
        }

        @Override
        public List<RemoteArtist> searchArtists(String query, int limit) {
            ask(Capability.SEARCH_ARTISTS);
            return List.of();
        }

        @Override
        public Map<String, RemoteTrack> tracks(List<String> ids) {
            ask(Capability.TRACKS);
            return Map.of();
        }

        @Override
        public Map<String, RemoteArtist> artists(List<String> ids) {
            ask(Capability.ARTISTS);
            return Map.of();
        }

        @Override
        public Map<String, AudioFeatures> audioFeatures(List<String> ids) {
            ask(Capability.AUDIO_FEATURES);
            return Map.of();
        }

        @Override
        public List<RemoteTrack> artistTopTracks(String artistId) {
            ask(Capability.ARTIST_TOP_TRACKS);
            return List.of();
        }

        @Override
        public List<RemoteArtist> relatedArtists(String artistId) {
            ask(Capability.RELATED_ARTISTS);
            return List.of();
        }

        @Override
        public List<RemoteTrack> recommend(RecommendationQuery query) {
            ask(Capability.RECOMMEND);
            return List.of();
        }

        @Override
        public List<RemoteTrack> userTopTracks(String userToken, int limit) {
            ask(Capability.USER_TOP);
            return List.of();
        }

        @Override
        public List<RemoteArtist> userTopArtists(String userToken, int limit) {
            ask(Capability.USER_TOP);
            return List.of();
        }
    }

    // as SpotifyProvider without audio features, and ReccoBeatsProvider
    final Fake spotify = new Fake("spotify", EnumSet.of(Capability.SEARCH_TRACKS, Capability.SEARCH_ARTISTS, Capability.TRACKS,
            Capability.ARTISTS, Capability.ARTIST_TOP_TRACKS, Capability.RELATED_ARTISTS, Capability.USER_TOP));
    final Fake recco = new Fake("reccobeats", EnumSet.of(Capability.SEARCH_ARTISTS, Capability.TRACKS, Capability.ARTISTS,
            Capability.AUDIO_FEATURES, Capability.RECOMMEND));
    final CompositeProvider both = new CompositeProvider(List.of(spotify, recco));

    static void everyOperation(MusicProvider p) {
        RecommendationQuery q = new RecommendationQuery(List.of("s1"), List.of(), 10, Map.of(), null);
        p.searchTracks("q", 5);
        p.searchArtists("q", 5);
        p.tracks(List.of("t"));
        p.artists(List.of("a"));
        p.audioFeatures(List.of("t"));
        p.artistTopTracks("a");
        p.relatedArtists("a");
        p.recommend(q);
        p.userTopTracks("user-token", 5);
        p.userTopArtists("user-token", 5);
    }

    @Test
    void eachOperationGoesToTheFirstProviderThatOffersIt() {
        everyOperation(both);
        assertThat(spotify.asked).containsExactly("SEARCH_TRACKS", "SEARCH_ARTISTS", "TRACKS", "ARTISTS", "ARTIST_TOP_TRACKS",
                "RELATED_ARTISTS", "USER_TOP", "USER_TOP");
        assertThat(recco.asked).containsExactly("AUDIO_FEATURES", "RECOMMEND");
        assertThat(both.route(Capability.TRACKS)).isSameAs(spotify);
        assertThat(both.route(Capability.RECOMMEND)).isSameAs(recco);
    }

    @Test
    void theOrderOfTheListDecides() {
        CompositeProvider reccoFirst = new CompositeProvider(List.of(recco, spotify));
        everyOperation(reccoFirst);
        assertThat(recco.asked).containsExactly("SEARCH_ARTISTS", "TRACKS", "ARTISTS", "AUDIO_FEATURES", "RECOMMEND");
        assertThat(spotify.asked).containsExactly("SEARCH_TRACKS", "ARTIST_TOP_TRACKS", "RELATED_ARTISTS", "USER_TOP", "USER_TOP");
        assertThat(reccoFirst.name()).isEqualTo("reccobeats+spotify");
    }

    @Test
    void itOffersWhatAnyOfItsProvidersOffers() {
        assertThat(both.capabilities()).containsExactlyInAnyOrder(Capability.values());
        assertThat(both.name()).isEqualTo("spotify+reccobeats");
        assertThat(both.can(Capability.AUDIO_FEATURES)).isTrue();
    }

    @Test
    void anOperationNoneOffersIsRefusedNamingTheComposite() {
        CompositeProvider onlyRecco = new CompositeProvider(List.of(recco));
        assertThatThrownBy(() -> onlyRecco.userTopTracks("t", 5)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("reccobeats does not offer user top");
        assertThatThrownBy(() -> onlyRecco.searchTracks("q", 5)).hasMessage("reccobeats does not offer search tracks");
        assertThat(recco.asked).isEmpty();
    }

    @Test
    void anEmptyListIsRefused() {
        assertThatThrownBy(() -> new CompositeProvider(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
