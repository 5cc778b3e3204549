package dev.mixtape.core;

import static dev.mixtape.core.TestTracks.artistId;
import static dev.mixtape.core.TestTracks.track;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class CatalogTest {

    private static Catalog small() {
        return small(85);
    }

    private static Catalog small(int getLuckyPopularity) {
        return new CatalogBuilder()
                .add(track("t0", "Get Lucky", "Daft Punk;Pharrell Williams", "Random Access Memories", getLuckyPopularity, "french house", "disco"))
                .add(track("t1", "One More Time", "Daft Punk", "Discovery", 75, "french house"))
                .add(track("t2", "Digital Love", "Daft Punk", "Discovery", 90, "french house", "electronic"))
                .add(track("t3", "Happy", "Pharrell Williams", "G I R L", 80, "pop"))
                .add(track("t4", "Aerodynamic", "Daft Punk", "Discovery", 75, "electronic"))
                .build();
    }

    @Test
    void theFingerprintNamesTheTracksAndTheirPopularity() {
        Catalog a = small();
        assertThat(a.fingerprint()).isEqualTo(small().fingerprint()).isSameAs(a.fingerprint()).matches("[0-9a-z]{1,13}");
        Catalog morePopular = small(86);
        assertThat(morePopular.fingerprint()).isNotEqualTo(a.fingerprint());
        assertThat(Catalog.empty().fingerprint()).isNotEqualTo(a.fingerprint());
    }

    @Test
    void tracksGetDenseIndicesInOrderOfFirstAddition() {
        Catalog c = small();
        assertThat(c.size()).isEqualTo(5);
        for (int i = 0; i < 5; i++) {
            assertThat(c.trackId(i)).isEqualTo("t" + i);
            assertThat(c.indexOf("t" + i)).isEqualTo(i);
        }
        assertThat(c.indexOf("nope")).isEqualTo(-1);
        assertThat(c.indexOf(null)).isEqualTo(-1);
        assertThat(c.artistIndexOf("nope")).isEqualTo(-1);
        assertThat(c.artistIndexOf(null)).isEqualTo(-1);
        assertThat(c.genreIndexOf("nope")).isEqualTo(-1);
        assertThat(c.genreIndexOf(null)).isEqualTo(-1);
    }

    @Test
    void artistsHaveIndicesNamesAndTracksByPopularity() {
        Catalog c = small();
        assertThat(c.artistCount()).isEqualTo(2);
        int daft = c.artistIndexOf(artistId("Daft Punk"));
        int pharrell = c.artistIndexOf(artistId("Pharrell Williams"));
        assertThat(daft).isZero();
        assertThat(pharrell).isOne();
        assertThat(c.artistName(daft)).isEqualTo("Daft Punk");
        assertThat(c.artistId(pharrell)).isEqualTo(artistId("Pharrell Williams"));
        // popularity 90, 85, 75, 75 (tie: catalog order)
        assertThat(c.artistTracks(daft)).containsExactly(2, 0, 1, 4);
        assertThat(c.artistTracks(pharrell)).containsExactly(0, 3);
        assertThat(c.artistPopularity(daft)).isEqualTo(90);
        assertThat(c.artistPopularity(pharrell)).isEqualTo(85);
        assertThat(c.trackArtists(0)).containsExactly(daft, pharrell);
    }

    @Test
    void ownTracksAreTheArtistsAsPrimaryArtistMostPopularFirst() {
        Catalog c = small();
        int daft = c.artistIndexOf(artistId("Daft Punk"));
        int pharrell = c.artistIndexOf(artistId("Pharrell Williams"));
        assertThat(c.ownTrack(daft, t -> true, 0)).isEqualTo(2);
        assertThat(c.ownTrack(daft, t -> true, 1)).isZero();
        assertThat(c.ownTrack(daft, t -> t != 2, 0)).isZero();
        assertThat(c.ownTrack(daft, t -> true, 4)).isEqualTo(-1);
        // "Get Lucky" is Daft Punk's, featuring Pharrell: only "Happy" is his own
        assertThat(c.ownTrack(pharrell, t -> true, 0)).isEqualTo(3);
        assertThat(c.ownTrack(pharrell, t -> true, 1)).isEqualTo(-1);
    }

    @Test
    void artistGenresAreOrderedByFrequency() {
        Catalog c = small();
        int daft = c.artistIndexOf(artistId("Daft Punk"));
        // french house 3, electronic 2, disco 1
        assertThat(names(c, c.artistGenres(daft))).containsExactly("french house", "electronic", "disco");
        int pharrell = c.artistIndexOf(artistId("Pharrell Williams"));
        // disco 1, french house 1, pop 1: ties in genre index order
        assertThat(names(c, c.artistGenres(pharrell))).containsExactlyInAnyOrder("disco", "french house", "pop");
    }

    @Test
    void genresIndexTracksAndArtists() {
        Catalog c = small();
        assertThat(c.genreCount()).isEqualTo(4);
        assertThat(c.genreNames()).containsExactly("disco", "electronic", "french house", "pop");
        int fh = c.genreIndexOf("french house");
        assertThat(c.genreName(fh)).isEqualTo("french house");
        assertThat(c.genreTracks(fh)).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(c.genreTracks(c.genreIndexOf("pop"))).containsExactly(3);
        assertThat(c.genreArtists(fh)).containsExactlyInAnyOrder(0, 1);
        assertThat(c.genreArtists(c.genreIndexOf("pop"))).containsExactly(1);
        assertThat(names(c, c.trackGenres(0))).containsExactlyInAnyOrder("disco", "french house");
    }

    @Test
    void albumsAreSharedByTheirTracks() {
        Catalog c = small();
        assertThat(c.albumCount()).isEqualTo(3);
        assertThat(c.trackAlbum(1)).isEqualTo(c.trackAlbum(2)).isEqualTo(c.trackAlbum(4));
        assertThat(c.trackAlbum(0)).isNotEqualTo(c.trackAlbum(1));
        assertThat(c.albumName(c.trackAlbum(1))).isEqualTo("Discovery");
        assertThat(c.albumId(c.trackAlbum(1))).isEqualTo(c.track(1).album().id());
        assertThat(c.albumArtists(c.trackAlbum(0))).containsExactly(0, 1);
        assertThat(c.albumArtists(c.trackAlbum(3))).containsExactly(1);
    }

    @Test
    void duplicateIdsAreMerged() {
        Catalog c = new CatalogBuilder()
                .add(track("t0", "Song", "A", "X", 30, "rock"))
                .add(track("t1", "Other", "B", "Y", 50, "pop"))
                .add(track("t0", "Song", "A", "X", 60, "metal"))
                .build();
        assertThat(c.size()).isEqualTo(2);
        assertThat(c.indexOf("t0")).isZero();
        assertThat(c.popularity(0)).isEqualTo(60);
        assertThat(c.track(0).genres()).containsExactlyInAnyOrder("rock", "metal");
        assertThat(c.genreTracks(c.genreIndexOf("metal"))).containsExactly(0);
        assertThat(c.genreTracks(c.genreIndexOf("rock"))).containsExactly(0);
    }

    @Test
    void trackRoundTripsThroughTheColumns() {
        Track in = new Track("t9", "Name", List.of(new ArtistRef("a1", "One"), new ArtistRef("a2", "Two")),
                new AlbumRef("al", "Alb"), 123_456, true, 42, Set.of("x", "y"),
                new AudioFeatures(0.25, 0.5, 0.75, 0.125, 0.0625, 0.375, 1.0, 11, 0, -12.5, 174.25, 3));
        Catalog c = new CatalogBuilder().add(in).build();
        assertThat(c.track(0)).isEqualTo(in);
        assertThat(c.explicit(0)).isTrue();
        assertThat(c.durationMs(0)).isEqualTo(123_456);
        assertThat(c.value(Attribute.TEMPO, 0)).isEqualTo(174.25f);
        assertThat(c.column(Attribute.KEY)[0]).isEqualTo(11f);
        assertThat(c.features(0)).isEqualTo(in.features());
    }

    @Test
    void longDurationsSurviveExactly() {
        // Track accepts durations up to 86,400,000 ms; a float column holds integers exactly only up to 2^24.
        Track in = new Track("long", "Sleep", List.of(new ArtistRef("a1", "Max Richter")), new AlbumRef("al", "Sleep"),
                30_000_001, false, 10, Set.of(), TestTracks.features(0.1));
        Catalog c = new CatalogBuilder().add(in).build();
        assertThat(c.durationMs(0)).isEqualTo(30_000_001);
        assertThat(c.track(0).durationMs()).isEqualTo(30_000_001);
    }

    @Test
    void emptyCatalog() {
        Catalog c = Catalog.empty();
        assertThat(c.size()).isZero();
        assertThat(c.artistCount()).isZero();
        assertThat(c.genreNames()).isEmpty();
        assertThat(c.indexOf("x")).isEqualTo(-1);
        assertThat(c.search().tracks(SearchQuery.parse("x"), 0, 10).total()).isZero();
    }

    /** Oracle: the inverted indices against naive scans, on a seeded random catalog. */
    @Test
    void invertedIndicesMatchNaiveScans() {
        long seed = new Random().nextLong();
        System.out.println("CatalogTest.invertedIndicesMatchNaiveScans seed=" + seed);
        Random rnd = new Random(seed);
        CatalogBuilder b = new CatalogBuilder();
        Map<String, Track> expected = new HashMap<>();
        for (int i = 0; i < 400; i++) {
            String id = "t" + rnd.nextInt(300);
            List<String> artists = new ArrayList<>();
            int na = 1 + rnd.nextInt(3);
            for (int k = 0; k < na; k++) {
                String a = "artist" + rnd.nextInt(25);
                if (!artists.contains(a)) {
                    artists.add(a);
                }
            }
            Set<String> genres = new HashSet<>();
            for (int k = rnd.nextInt(3); k >= 0; k--) {
                genres.add("g" + rnd.nextInt(8));
            }
            Track t = track(id, "song " + rnd.nextInt(50), String.join(";", artists), "album" + rnd.nextInt(40),
                    rnd.nextInt(101), genres.toArray(String[]::new));
            Track prev = expected.get(id);
            // first listing wins everything but genres and popularity; the artists stay the first listing's
            expected.put(id, prev == null ? t : prev.mergedWith(t));
            b.add(t);
        }
        Catalog c = b.build();
        assertThat(c.size()).isEqualTo(expected.size());
        for (int t = 0; t < c.size(); t++) {
            Track e = expected.get(c.trackId(t));
            assertThat(c.popularity(t)).isEqualTo(e.popularity());
            assertThat(c.track(t).genres()).isEqualTo(e.genres());
        }
        for (int a = 0; a < c.artistCount(); a++) {
            String aid = c.artistId(a);
            List<Integer> naive = new ArrayList<>();
            Map<Integer, Integer> genreCounts = new HashMap<>();
            for (int t = 0; t < c.size(); t++) {
                if (c.track(t).artists().stream().anyMatch(r -> r.id().equals(aid))) {
                    naive.add(t);
                    for (int g : c.trackGenres(t)) {
                        genreCounts.merge(g, 1, Integer::sum);
                    }
                }
            }
            int[] tracks = c.artistTracks(a);
            assertThat(tracks).containsExactlyInAnyOrder(TestTracks.ints(naive));
            for (int k = 1; k < tracks.length; k++) {
                int p = c.popularity(tracks[k - 1]);
                int q = c.popularity(tracks[k]);
                assertThat(p > q || (p == q && tracks[k - 1] < tracks[k])).as("artist %d order at %d", a, k).isTrue();
            }
            assertThat(c.artistPopularity(a)).isEqualTo(c.popularity(tracks[0]));
            int[] genres = c.artistGenres(a);
            assertThat(genres).containsExactlyInAnyOrder(TestTracks.ints(genreCounts.keySet()));
            for (int k = 1; k < genres.length; k++) {
                assertThat(genreCounts.get(genres[k - 1])).isGreaterThanOrEqualTo(genreCounts.get(genres[k]));
            }
        }
        for (int g = 0; g < c.genreCount(); g++) {
            Set<Integer> naiveTracks = new TreeSet<>();
            Set<Integer> naiveArtists = new TreeSet<>();
            for (int t = 0; t < c.size(); t++) {
                if (c.track(t).genres().contains(c.genreName(g))) {
                    naiveTracks.add(t);
                    for (int a : c.trackArtists(t)) {
                        naiveArtists.add(a);
                    }
                }
            }
            assertThat(c.genreTracks(g)).containsExactlyInAnyOrder(TestTracks.ints(naiveTracks));
            assertThat(c.genreArtists(g)).containsExactlyInAnyOrder(TestTracks.ints(naiveArtists));
        }
    }

    private static List<String> names(Catalog c, int[] genres) {
        List<String> out = new ArrayList<>();
        for (int g : genres) {
            out.add(c.genreName(g));
        }
        return out;
    }
}
