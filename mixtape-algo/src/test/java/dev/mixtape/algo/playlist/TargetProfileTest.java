package dev.mixtape.algo.playlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mixtape.algo.content.FeatureSpace;
import dev.mixtape.algo.content.GenreSets;
import dev.mixtape.core.ArtistRef;
import dev.mixtape.core.Attribute;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.CatalogBuilder;
import dev.mixtape.core.Track;
import dev.mixtape.core.mood.MoodTarget;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TargetProfileTest {
    private final Catalog catalog = new CatalogBuilder()
            .add(Fixtures.track("t1", "x", Set.of("rock"), false, 50, 0.6, 0.5, 0.2, 120, 0, 1))
            .add(Fixtures.track("t2", "y", Set.of("hip-hop", "pop"), false, 50, 0.5, 0.5, 0.2, 100, 0, 1))
            .add(Fixtures.track("t3", "z", Set.of("pop"), true, 50, 0.5, 0.5, 0.2, 100, 0, 1))
            .add(feat(Fixtures.track("t4", "w", Set.of("jazz"), false, 50, 0.5, 0.5, 0.9, 100, 0, 1), "y"))
            .build();
    private final FeatureSpace space = new FeatureSpace(catalog);
    private final GenreSets genres = new GenreSets(catalog);

    private static Track feat(Track t, String artist) {
        return new Track(t.id(), t.name(), List.of(t.artists().get(0), new ArtistRef(artist, "Artist " + artist)), t.album(),
                t.durationMs(), t.explicit(), t.popularity(), t.genres(), t.features());
    }

    private TargetProfile profile(MoodTarget target) {
        return new TargetProfile(target, space, genres, new float[FeatureSpace.DIMS]);
    }

    private int t(String id) {
        return catalog.indexOf(id);
    }

    @Test
    void fitAddsDistanceOutsideTheRangeToDistanceFromTheTarget() {
        TargetProfile p = profile(Fixtures.target().set(Attribute.ENERGY, 0.5).range(Attribute.ENERGY, 0.4, 0.45)
                .set(Attribute.TEMPO, 100).build());
        // t1: energy |0.6-0.5| + (0.6-0.45) = 0.25 of 0.5 → 0.5; tempo 20 of 60 BPM → 2/3
        assertThat(p.fit(t("t1"))).isCloseTo((float) ((0.5 + (1 - 20.0 / 60)) / 2), within(1e-5f));
        // t2: energy 0 + 0.05 outside → 0.9; tempo exact → 1
        assertThat(p.fit(t("t2"))).isCloseTo(0.95f, within(1e-5f));
        assertThat(profile(Fixtures.target().build()).fit(t("t1"))).isEqualTo(1f);
        // a range alone counts only the distance outside it
        TargetProfile r = profile(Fixtures.target().range(Attribute.ACOUSTICNESS, 0.0, 0.5).build());
        assertThat(r.fit(t("t1"))).isEqualTo(1f);
        assertThat(r.fit(t("t4"))).isCloseTo(1 - 0.4f / 0.5f, within(1e-5f));
    }

    @Test
    void exclusionsCoverExplicitGenresAndEveryArtistOfATrack() {
        TargetProfile p = profile(Fixtures.target().noExplicit().excludeGenre("hip-hop").excludeArtist("y").build());
        assertThat(p.excluded(t("t1"))).isFalse();
        assertThat(p.excluded(t("t2"))).isTrue();  // hip-hop (and by y)
        assertThat(p.excluded(t("t3"))).isTrue();  // explicit
        assertThat(p.excluded(t("t4"))).isTrue();  // y features on it
        TargetProfile none = profile(Fixtures.target().build());
        for (int i = 0; i < catalog.size(); i++) {
            assertThat(none.excluded(i)).isFalse();
        }
    }

    @Test
    void unknownNamesAreNotedAndIgnored() {
        TargetProfile p = profile(Fixtures.target().genre("polka", "rock").excludeArtist("nobody").build());
        assertThat(p.genres()).containsExactly(catalog.genreIndexOf("rock"));
        assertThat(p.notes()).anyMatch(n -> n.contains("'polka'")).anyMatch(n -> n.contains("'nobody'"));
    }

    @Test
    void genreMatchUsesWantedGenresElseThoseImpliedByMentions() {
        TargetProfile wanted = profile(Fixtures.target().genre("pop").build());
        assertThat(wanted.genreMatch(t("t2"))).isEqualTo(1f);
        assertThat(wanted.genreMatch(t("t1"))).isEqualTo(0f);
        TargetProfile implied = profile(Fixtures.target().artist("w").build());
        assertThat(implied.genreMatch(t("t4"))).isEqualTo(1f);
        assertThat(implied.genreMatch(t("t1"))).isEqualTo(0f);
        assertThat(implied.genres()).isEmpty(); // implied genres never restrict a search
        assertThat(profile(Fixtures.target().build()).genreMatch(t("t1"))).isEqualTo(1f);
    }

    @Test
    void targetPointWeighsTargetedDimensionsFully() {
        TargetProfile p = profile(Fixtures.target().set(Attribute.ENERGY, 0.5).range(Attribute.VALENCE, 0.2, 0.4).build());
        int energy = FeatureSpace.dimension(Attribute.ENERGY);
        int valence = FeatureSpace.dimension(Attribute.VALENCE);
        int tempo = FeatureSpace.dimension(Attribute.TEMPO);
        assertThat(p.point()[energy]).isEqualTo(FeatureSpace.coordinate(Attribute.ENERGY, 0.5));
        assertThat(p.dimWeights()[energy]).isEqualTo(1f);
        assertThat(p.point()[valence]).isCloseTo(FeatureSpace.coordinate(Attribute.VALENCE, 0.3), within(1e-6f));
        assertThat(p.dimWeights()[valence]).isEqualTo(TargetProfile.RANGE_DIM_WEIGHT);
        assertThat(p.dimWeights()[tempo]).isEqualTo(TargetProfile.FREE_DIM_WEIGHT);
        // mentioning an artist fills free dimensions from its centroid, more firmly
        TargetProfile m = profile(Fixtures.target().artist("w").build());
        assertThat(m.dimWeights()[tempo]).isEqualTo(TargetProfile.REFERENCE_DIM_WEIGHT);
        int w = catalog.artistIndexOf("w");
        assertThat(m.point()[tempo]).isEqualTo(space.artistCentroids()[w * FeatureSpace.DIMS + tempo]);
    }
}
