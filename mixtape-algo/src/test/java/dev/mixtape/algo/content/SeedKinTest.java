package dev.mixtape.algo.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixtape.algo.listener.GenreCatalog;
import dev.mixtape.core.Catalog;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Seeds drawing from collaborative neighbours ({@link ArtistKin}): on a catalog of six genres whose sound sets them
 * apart, a metal seed whose listeners also play one jazz artist gets that artist's tracks, which sound nothing like
 * it; without the neighbours it stays with metal; and artists spread over the answer.
 */
class SeedKinTest {
    static final Catalog CATALOG = GenreCatalog.build(17);
    static final FeatureSpace SPACE = new FeatureSpace(CATALOG);
    static final GenreSets GENRES = new GenreSets(CATALOG);
    static final RelatedArtists RELATED = new RelatedArtists(SPACE, GENRES);
    static final int METAL = CATALOG.artistIndexOf("metal-artist-0");
    static final int JAZZ = CATALOG.artistIndexOf("jazz-artist-1");
    /** metal artist 0's listeners also play jazz artist 1, then metal artist 2 */
    static final ArtistKin KIN = (artist, limit) -> artist == METAL
            ? Arrays.copyOf(new int[] {JAZZ, CATALOG.artistIndexOf("metal-artist-2")}, Math.min(2, limit)) : new int[0];

    private static long tracksBy(SeedResult r, int artist) {
        return Arrays.stream(r.tracks()).filter(t -> CATALOG.trackArtists(t)[0] == artist).count();
    }

    @Test
    void aTrackSeedDrawsFromTheArtistsItsListenersAlsoPlay() {
        SeedQuery q = SeedQuery.of(List.of("metal-0-0"), List.of(), List.of(), 10);
        SeedResult with = new SeedRecommender(SPACE, GENRES, RELATED, KIN).recommend(q);
        SeedResult without = new SeedRecommender(SPACE, GENRES, RELATED).recommend(q);
        assertThat(tracksBy(with, JAZZ)).isBetween(1L, 3L); // at most the default cap of 3
        assertThat(tracksBy(without, JAZZ)).isZero();
        // the neighbours come before metal artists no one co-listens: before the first jazz track, only the seed's
        // own artist and its co-listened metal neighbour
        int other = CATALOG.artistIndexOf("metal-artist-2");
        for (int t : with.tracks()) {
            int a = CATALOG.trackArtists(t)[0];
            if (a == JAZZ) {
                break;
            }
            assertThat(a).isIn(METAL, other);
        }
    }

    @Test
    void anArtistSeedUsesItsCollaborativeNeighboursInsteadOfTheSoundAlikes() {
        SeedQuery q = SeedQuery.of(List.of(), List.of(CATALOG.artistId(METAL)), List.of(), 10);
        SeedResult r = new SeedRecommender(SPACE, GENRES, RELATED, KIN).recommend(q);
        assertThat(tracksBy(r, JAZZ)).isPositive();
        assertThat(tracksBy(r, METAL)).isPositive();
    }

    @Test
    void aSecondTrackOfAnArtistMustBeatTheNextArtistsBestByAMargin() {
        // ten tracks of a genre seed over six artists of five tracks: all six artists appear before any has a third
        SeedResult r = new SeedRecommender(SPACE, GENRES, RELATED).recommend(SeedQuery.of(List.of(), List.of(), List.of("jazz"), 10));
        Map<Integer, Long> perArtist = Arrays.stream(r.tracks()).boxed()
                .collect(java.util.stream.Collectors.groupingBy(t -> CATALOG.trackArtists(t)[0], java.util.stream.Collectors.counting()));
        assertThat(perArtist).hasSize(6);
        for (int i = 1; i < r.scores().length; i++) {
            assertThat(r.scores()[i]).isLessThanOrEqualTo(r.scores()[i - 1]);
        }
    }
}
