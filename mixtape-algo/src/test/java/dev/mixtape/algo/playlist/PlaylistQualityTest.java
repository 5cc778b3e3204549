package dev.mixtape.algo.playlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mixtape.algo.content.FeatureSpace;
import dev.mixtape.algo.content.GenreSets;
import dev.mixtape.core.Attribute;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.CatalogBuilder;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The quality formula against values worked out by hand on three tracks. */
class PlaylistQualityTest {
    // Three tracks that differ only in energy, tempo, key/mode, artist and genre.
    private final Catalog catalog = new CatalogBuilder()
            .add(Fixtures.track("t1", "x", Set.of("rock"), false, 50, 0.5, 0.5, 0.2, 120, 0, 1))  // C major, 8B
            .add(Fixtures.track("t2", "x", Set.of("rock"), false, 50, 0.6, 0.5, 0.2, 120, 7, 1))  // G major, 9B
            .add(Fixtures.track("t3", "y", Set.of("pop"), false, 50, 0.8, 0.5, 0.2, 60, 9, 0))    // A minor, 8A
            .build();
    private final FeatureSpace space = new FeatureSpace(catalog);
    private final PlaylistQuality quality = new PlaylistQuality(space, QualityWeights.DEFAULT);
    private final int[] order = {catalog.indexOf("t1"), catalog.indexOf("t2"), catalog.indexOf("t3")};

    private TargetProfile profile() {
        return new TargetProfile(Fixtures.target().set(Attribute.ENERGY, 0.5).genre("rock").build(), space,
                new GenreSets(catalog), new float[FeatureSpace.DIMS]);
    }

    @Test
    void componentsMatchHandComputedValues() {
        PlaylistQuality.Scores s = quality.evaluate(order, 3, profile(), 2);

        // fit: energy off by 0, 0.1, 0.3 with tolerance 0.5
        double fit = (1 + (1 - 0.1 / 0.5) + (1 - 0.3 / 0.5)) / 3;
        assertThat(s.targetFit()).isCloseTo(fit, within(1e-5));

        // cohesion: points differ in energy (× 1.2) and tempo ((bpm - 40) / 160 × 0.6)
        double[] e = {0.5 * 1.2, 0.6 * 1.2, 0.8 * 1.2};
        double[] tempo = {0.5 * 0.6, 0.5 * 0.6, 0.125 * 0.6};
        double ce = (e[0] + e[1] + e[2]) / 3;
        double ct = (tempo[0] + tempo[1] + tempo[2]) / 3;
        double cohesion = 0;
        for (int i = 0; i < 3; i++) {
            double d2 = (e[i] - ce) * (e[i] - ce) + (tempo[i] - ct) * (tempo[i] - ct);
            cohesion += Math.exp(-d2 / 0.09) / 3;
        }
        assertThat(s.cohesion()).isCloseTo(cohesion, within(1e-5));

        // diversity: 2 distinct artists, none over the cap of 2, 3 tracks
        assertThat(s.diversity()).isCloseTo(2.0 / 3, within(1e-12));
        // genre: 2 of 3 tracks are rock
        assertThat(s.genreFit()).isCloseTo(2.0 / 3, within(1e-12));

        // transitions: t1→t2 same tempo, 8B→9B (0.9), energy +0.1; t2→t3 half time (tempo 1), 9B→8A (0.6), energy +0.2
        double s12 = 0.4 * 1 + 0.35 * 0.9 + 0.25 * (1 - 0.1 / 0.3);
        double s23 = 0.4 * 1 + 0.35 * 0.6 + 0.25 * (1 - 0.2 / 0.3);
        assertThat(s.transitions()).isCloseTo((s12 + s23) / 2, within(1e-5));

        double overall = 0.35 * fit + 0.25 * cohesion + 0.15 * (2.0 / 3) + 0.15 * (2.0 / 3) + 0.10 * (s12 + s23) / 2;
        assertThat(s.overall()).isCloseTo(overall, within(1e-5));
    }

    @Test
    void tracksOverTheCapCostDiversity() {
        // three tracks by x with a cap of 1: 1 distinct artist, 2 over → max(0, -1/3) = 0; with cap 3: 1/3
        int[] xs = {catalog.indexOf("t1"), catalog.indexOf("t2")};
        assertThat(PlaylistQuality.diversity(catalog, xs, 2, 1)).isCloseTo(0.0, within(1e-12));
        assertThat(PlaylistQuality.diversity(catalog, xs, 2, 2)).isCloseTo(0.5, within(1e-12));
        assertThat(PlaylistQuality.diversity(catalog, order, 3, 1)).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void weightsAreNormalised() {
        PlaylistQuality onlyGenre = new PlaylistQuality(space, new QualityWeights(0, 0, 0, 3, 0));
        assertThat(onlyGenre.evaluate(order, 3, profile(), 2).overall()).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void edgeCases() {
        assertThat(quality.evaluate(order, 0, profile(), 2)).isEqualTo(PlaylistQuality.Scores.EMPTY);
        PlaylistQuality.Scores one = quality.evaluate(order, 1, profile(), 2);
        assertThat(one.transitions()).isEqualTo(1.0);
        assertThat(one.cohesion()).isCloseTo(1.0, within(1e-6));
        assertThat(one.diversity()).isEqualTo(1.0);
    }

    @Test
    void meetsNeedsBothThresholds() {
        PlaylistConfig c = PlaylistConfig.DEFAULT;
        assertThat(new PlaylistQuality.Scores(1, 0.65, 1, 1, 1, 0.75).meets(c)).isTrue();
        assertThat(new PlaylistQuality.Scores(1, 0.64, 1, 1, 1, 0.9).meets(c)).isFalse();
        assertThat(new PlaylistQuality.Scores(1, 0.9, 1, 1, 1, 0.74).meets(c)).isFalse();
    }
}
