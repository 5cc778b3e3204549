package dev.mixtape.algo.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixtape.algo.content.Scenes.Scene;
import dev.mixtape.core.AlbumRef;
import dev.mixtape.core.ArtistRef;
import dev.mixtape.core.AudioFeatures;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.CatalogBuilder;
import dev.mixtape.core.Track;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScenesTest {
    private final List<Track> tracks = new ArrayList<>();

    /** {@code n} tracks by {@code artist}, each filed under {@code genres}. */
    private void add(String artist, int n, String... genres) {
        for (int i = 0; i < n; i++) {
            tracks.add(new Track(artist + "-" + tracks.size(), "Song " + tracks.size(), List.of(new ArtistRef(artist, artist)),
                    new AlbumRef("al" + tracks.size(), "Album"), 200_000, false, 50, Set.of(genres),
                    new AudioFeatures(0.5, 0.5, 0.5, 0.5, 0.5, 0.1, 0.5, 5, 1, -8, 120, 4)));
        }
    }

    private Scenes scenes() {
        return new Scenes(new CatalogBuilder().addAll(tracks).build());
    }

    @Test
    void anArtistBelongsToAScenesWhenItsTracksAreMostlyFiledThere() {
        add("bollywood", 8, "pop-film");
        add("bollywood", 2, "pop", "indian");
        add("kpop", 10, "k-pop");
        add("rock", 10, "rock");
        Scenes s = scenes();
        Catalog c = s.catalog();
        assertThat(s.ofArtist(c.artistIndexOf("bollywood"))).isEqualTo(Scene.INDIAN.bit());
        assertThat(s.ofArtist(c.artistIndexOf("kpop"))).isEqualTo(Scene.KOREAN.bit());
        assertThat(s.ofArtist(c.artistIndexOf("rock"))).isZero();
    }

    @Test
    void aPopularArtistFiledUnderARegionalGenreStaysOutsideTheScene() {
        // filed under k-pop on 6 of 10 tracks, under hip-hop on all of them (Jack Harlow in the real catalog)
        add("rapper", 6, "hip-hop", "k-pop");
        add("rapper", 4, "hip-hop");
        // under latin on 3 of 10: below the member share
        add("singer", 3, "latin", "dance");
        add("singer", 7, "dance");
        Scenes s = scenes();
        assertThat(s.ofArtist(s.catalog().artistIndexOf("rapper"))).isZero();
        assertThat(s.ofArtist(s.catalog().artistIndexOf("singer"))).isZero();
    }

    @Test
    void genericGenresAreNoEvidenceOfBeingOutsideAScene() {
        // every scene's pop is filed under pop too: pop on all tracks does not outweigh indian on all of them
        add("indipop", 10, "indian", "pop", "indie-pop");
        Scenes s = scenes();
        assertThat(s.ofArtist(s.catalog().artistIndexOf("indipop"))).isEqualTo(Scene.INDIAN.bit());
    }

    @Test
    void kpopCountsAsIndianForAnArtistWithIndianTracks() {
        // in this catalog half the k-pop genre is Tamil and Hindi film songs
        add("tamil", 7, "k-pop");
        add("tamil", 3, "pop-film");
        Scenes s = scenes();
        assertThat(s.ofArtist(s.catalog().artistIndexOf("tamil"))).isEqualTo(Scene.INDIAN.bit());
    }

    @Test
    void allowedMeansNoSceneASharedSceneOrBridging() {
        add("latin", 10, "reggaeton");
        add("brazil", 10, "samba");
        add("rock", 10, "rock");
        // filed under j-pop as often as under jazz: a jazz singer whom a regional filing must not fence in
        add("crooner", 5, "j-pop", "jazz");
        add("crooner", 3, "j-pop");
        add("crooner", 2, "jazz");
        Scenes s = scenes();
        Catalog c = s.catalog();
        int latin = c.artistIndexOf("latin");
        int brazil = c.artistIndexOf("brazil");
        int rock = c.artistIndexOf("rock");
        int crooner = c.artistIndexOf("crooner");
        assertThat(s.ofArtist(crooner)).isEqualTo(Scene.JAPANESE.bit());
        assertThat(s.bridges(crooner)).isTrue();
        int none = s.ofArtist(rock);
        assertThat(s.allowsArtist(none, rock)).isTrue();
        assertThat(s.allowsArtist(none, crooner)).isTrue();
        assertThat(s.allowsArtist(none, latin)).isFalse();
        assertThat(s.allowsArtist(s.ofArtist(latin), latin)).isTrue();
        assertThat(s.allowsArtist(s.ofArtist(latin), brazil)).isFalse();
        assertThat(s.allowsArtist(s.ofArtist(latin) | s.ofArtist(brazil), brazil)).isTrue();
        // a genre seed opens its scene
        assertThat(s.allowsArtist(s.ofGenre(c.genreIndexOf("samba")), brazil)).isTrue();
        for (int t : c.artistTracks(latin)) {
            assertThat(s.allowsTrack(none, t)).isFalse();
            assertThat(s.allowsTrack(Scene.LATIN.bit(), t)).isTrue();
        }
        assertThat(Scenes.labels(Scene.LATIN.bit() | Scene.BRAZILIAN.bit())).containsExactly("Latin", "Brazilian");
        assertThat(s.memberCounts()[Scene.LATIN.ordinal()]).isEqualTo(1);
    }
}
