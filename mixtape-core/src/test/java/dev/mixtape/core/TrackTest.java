package dev.mixtape.core;

import static dev.mixtape.core.TestTracks.features;
import static dev.mixtape.core.TestTracks.track;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrackTest {
    private static final List<ArtistRef> ARTISTS = List.of(new ArtistRef("a1", "Artist"));
    private static final AlbumRef ALBUM = new AlbumRef("al1", "Album");

    @Test
    void mergeUnitesGenresAndKeepsHigherPopularity() {
        Track pop = track("t1", "Song", "Artist", "Album", 40, "pop");
        Track dance = new Track("t1", "Other Name", ARTISTS, ALBUM, 1000, true, 70, Set.of("dance", "pop"), features(0.9));
        Track m = pop.mergedWith(dance);
        assertThat(m.genres()).containsExactlyInAnyOrder("pop", "dance");
        assertThat(m.popularity()).isEqualTo(70);
        // everything else is the receiver's
        assertThat(m.name()).isEqualTo("Song");
        assertThat(m.durationMs()).isEqualTo(200_000);
        assertThat(m.explicit()).isFalse();
        assertThat(m.features()).isEqualTo(pop.features());
        assertThat(m.artists()).isEqualTo(pop.artists());
        assertThat(m.album()).isEqualTo(pop.album());

        Track other = dance.mergedWith(pop);
        assertThat(other.popularity()).isEqualTo(70);
        assertThat(other.genres()).containsExactlyInAnyOrder("pop", "dance");
        assertThat(other.name()).isEqualTo("Other Name");
    }

    @Test
    void mergeKeepsHigherPopularityOfTheReceiverToo() {
        Track high = track("t1", "Song", "Artist", "Album", 90, "rock");
        Track low = track("t1", "Song", "Artist", "Album", 10, "metal");
        assertThat(high.mergedWith(low).popularity()).isEqualTo(90);
        assertThat(high.mergedWith(low).genres()).containsExactlyInAnyOrder("rock", "metal");
    }

    @Test
    void validatesItsFields() {
        assertThatThrownBy(() -> new Track("bad id", "n", ARTISTS, ALBUM, 1, false, 0, Set.of(), features(0.5)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("invalid track id");
        assertThatThrownBy(() -> new Track("t", " ", ARTISTS, ALBUM, 1, false, 0, Set.of(), features(0.5)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> new Track("t", "n", List.of(), ALBUM, 1, false, 0, Set.of(), features(0.5)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("artist");
        assertThatThrownBy(() -> new Track("t", "n", ARTISTS, ALBUM, 0, false, 0, Set.of(), features(0.5)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("duration_ms");
        assertThatThrownBy(() -> new Track("t", "n", ARTISTS, ALBUM, -5, false, 0, Set.of(), features(0.5)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("duration_ms");
        assertThatThrownBy(() -> new Track("t", "n", ARTISTS, ALBUM, 1, false, 101, Set.of(), features(0.5)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("popularity").hasMessageContaining("101");
        assertThatThrownBy(() -> new ArtistRef("a", " "))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("artist name");
        assertThatThrownBy(() -> new AlbumRef("no/slash", "x"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("invalid album id");
    }

    @Test
    void collectionsAreDefensivelyCopied() {
        Set<String> genres = new HashSet<>(Set.of("pop"));
        Track t = new Track("t", "n", ARTISTS, ALBUM, 1, false, 0, genres, features(0.5));
        genres.add("rock");
        assertThat(t.genres()).containsExactly("pop");
        assertThatThrownBy(() -> t.genres().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> t.artists().add(null)).isInstanceOf(UnsupportedOperationException.class);
    }
}
