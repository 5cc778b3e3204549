package dev.mixtape.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CatalogCodecTest {

    static Catalog sample() {
        Track longOne = new Track("long1", "A Very Long Piece", List.of(new ArtistRef("ar1", "Drone Band")),
                new AlbumRef("al1", "Hours"), 20_000_001, true, 12, Set.of("ambient", "drone"), TestTracks.features(0.2));
        return new CatalogBuilder()
                .add(TestTracks.track("t1", "Café del Mar", "Energy 52", "Café del Mar", 60, "trance", "chill"))
                .add(TestTracks.track("t2", "Other", "Energy 52;Guest", "Single", 40, "trance"))
                .add(longOne)
                .build();
    }

    static Catalog roundTrip(Catalog c) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CatalogCodec.write(c, new DataOutputStream(bytes));
        return CatalogCodec.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    }

    @Test
    void roundTripKeepsEveryTrackExactly() throws IOException {
        Catalog c = sample();
        Catalog back = roundTrip(c);
        assertThat(back.size()).isEqualTo(c.size());
        for (int t = 0; t < c.size(); t++) {
            assertThat(back.track(t)).isEqualTo(c.track(t));
        }
        assertThat(back.durationMs(back.indexOf("long1"))).isEqualTo(20_000_001);
        assertThat(back.artistTracks(back.artistIndexOf(TestTracks.artistId("Energy 52")))).containsExactly(0, 1);
        assertThat(back.genreNames()).isEqualTo(c.genreNames());
        assertThat(back.search().tracks(SearchQuery.parse("cafe"), 0, 10).items()).containsExactly(0);
    }

    @Test
    void rejectsWhatIsNotASnapshot() {
        byte[] junk = {1, 2, 3, 4, 5, 6, 7, 8};
        assertThatThrownBy(() -> CatalogCodec.read(new DataInputStream(new ByteArrayInputStream(junk))))
                .isInstanceOf(IOException.class).hasMessageContaining("not a mixtape catalog snapshot");
    }
}
