package dev.mixtape.algo.cf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mixtape.algo.match.TinyCatalog;
import dev.mixtape.core.Catalog;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ArtistNeighbours}: the table from a model, and neighbours leading to tracks. */
class ArtistNeighboursTest {
    static final Catalog CATALOG = new TinyCatalog()
            .track("Seed Hit", 90, "Seed")
            .track("N1 Big", 80, "Near")
            .track("N1 Mid", 40, "Near")
            .track("N1 Small", 10, "Near")
            .track("N1 Big", 30, "Near")                // a second release of "N1 Big": skipped
            .track("Duet", 60, "Near", "Seed")          // the seed plays on it: skipped
            .track("Shared", 50, "Far", "Near")         // by both neighbours: counted once, through Near
            .track("F Big", 100, "Far")
            .track("F Small", 20, "Far")
            .track("Lonely", 50, "Nobody")
            .build();
    static final int SEED = TinyCatalog.artist(CATALOG, "Seed");
    static final int NEAR = TinyCatalog.artist(CATALOG, "Near");
    static final int FAR = TinyCatalog.artist(CATALOG, "Far");
    static final int NOBODY = TinyCatalog.artist(CATALOG, "Nobody");

    static ArtistNeighbours table() {
        int n = CATALOG.artistCount();
        int[][] rows = new int[n][];
        float[][] scores = new float[n][];
        rows[SEED] = new int[] {FAR, NEAR};
        scores[SEED] = new float[] {0.25f, 0.5f};
        rows[NEAR] = new int[] {SEED};
        scores[NEAR] = new float[] {0.5f};
        return ArtistNeighbours.of(CATALOG, "test", rows, scores);
    }

    static int track(String name, int popularity) {
        for (int t = 0; t < CATALOG.size(); t++) {
            if (CATALOG.trackName(t).equals(name) && CATALOG.popularity(t) == popularity) {
                return t;
            }
        }
        throw new AssertionError(name);
    }

    @Test
    void rowsAreSortedBestFirstAndCoverageIsPerArtist() {
        ArtistNeighbours t = table();
        assertThat(t.neighbours(SEED, 20)).containsExactly(NEAR, FAR);
        assertThat(t.scores(SEED, 20)).containsExactly(0.5f, 0.25f);
        assertThat(t.neighbours(SEED, 1)).containsExactly(NEAR);
        assertThat(t.similarity(SEED, FAR)).isEqualTo(0.25f);
        assertThat(t.similarity(FAR, SEED)).isZero();
        assertThat(t.covers(SEED)).isTrue();
        assertThat(t.covers(FAR)).isFalse();
        assertThat(t.coveredArtists()).isEqualTo(2);
        assertThat(t.neighbours(NOBODY, 20)).isEmpty();
        assertThat(t.source()).isEqualTo("test");
    }

    @Test
    void tracksTakeEachNeighboursTopSongsByScoreWithExplanations() {
        List<ArtistNeighbours.Pick> picks = table().tracks(SEED, 20, 2);
        // Near (0.5): "N1 Big" 80, then "Duet" (seed plays) and the second "N1 Big" are skipped, "Shared" 50;
        // Far (0.25): "Shared" is taken already, so "F Big" 100 and "F Small" 20
        assertThat(picks).extracting(ArtistNeighbours.Pick::track).containsExactly(
                track("N1 Big", 80), track("Shared", 50), track("F Big", 100), track("F Small", 20));
        assertThat(picks.get(0).score()).isCloseTo(0.5f * (0.5f + 0.5f * 0.8f), within(1e-6f));
        assertThat(picks.get(2).score()).isCloseTo(0.25f * 1.0f, within(1e-6f));
        assertThat(picks.get(1).via()).isEqualTo(NEAR);
        assertThat(picks.get(2).explanation()).isEqualTo("listeners of Seed also play Far");
        assertThat(table().tracks(SEED, 3, 2)).hasSize(3);
        assertThat(table().tracks(SEED, 20, 1)).extracting(ArtistNeighbours.Pick::track)
                .containsExactly(track("N1 Big", 80), track("F Big", 100));
        assertThat(table().tracks(FAR, 20, 2)).isEmpty();
    }

    @Test
    void fromItemKnnMapsItemsToCatalogArtistsAndDropsUnmapped() {
        // items: 0 Seed, 1 Near, 2 an artist outside the catalog, 3 Far
        int[] user = {0, 0, 0, 1, 1, 2, 2, 3, 3};
        int[] item = {0, 1, 2, 0, 1, 0, 3, 2, 3};
        InteractionMatrix x = InteractionMatrix.of(4, 4, user, item, ones(user.length));
        ItemKnnModel model = new ItemKnnTrainer(ItemKnnConfig.defaults().withShrink(0)).train(x);
        ArtistNeighbours t = ArtistNeighbours.fromItemKnn(CATALOG, "knn", model, new int[] {SEED, NEAR, -1, FAR});
        assertThat(t.neighbours(SEED, 20)).containsExactly(NEAR, FAR);
        assertThat(t.scores(SEED, 20)[0]).isEqualTo(model.similarity(0, 1));
        assertThat(t.scores(SEED, 20)[1]).isEqualTo(model.similarity(0, 3));
        assertThat(t.neighbours(FAR, 20)).containsExactly(SEED);   // item 2 is dropped as a neighbour
        assertThat(t.covers(NOBODY)).isFalse();
        assertThatThrownBy(() -> ArtistNeighbours.fromItemKnn(CATALOG, "knn", model, new int[] {SEED, SEED, -1, FAR}))
                .hasMessageContaining("mapped by two items");
        assertThatThrownBy(() -> ArtistNeighbours.fromItemKnn(CATALOG, "knn", model, new int[] {SEED}))
                .hasMessageContaining("1 entries");
    }

    @Test
    void refusesBadRows() {
        int n = CATALOG.artistCount();
        int[][] rows = new int[n][];
        float[][] scores = new float[n][];
        rows[SEED] = new int[] {SEED};
        scores[SEED] = new float[] {1};
        assertThatThrownBy(() -> ArtistNeighbours.of(CATALOG, "x", rows, scores)).hasMessageContaining("neighbour " + SEED);
        rows[SEED] = new int[] {NEAR};
        scores[SEED] = new float[] {Float.NaN};
        assertThatThrownBy(() -> ArtistNeighbours.of(CATALOG, "x", rows, scores)).hasMessageContaining("finite and > 0");
        assertThatThrownBy(() -> ArtistNeighbours.of(CATALOG, "x", new int[1][], new float[1][]))
                .hasMessageContaining("one row per catalog artist");
        assertThatThrownBy(() -> table().tracks(SEED, 0, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    static float[] ones(int n) {
        float[] v = new float[n];
        java.util.Arrays.fill(v, 1);
        return v;
    }
}
