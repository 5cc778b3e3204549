package dev.mixtape.algo.personality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixtape.algo.listener.GenreCatalog;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.listener.Traits;
import org.junit.jupiter.api.Test;

class PersonalityMusicModelTest {
    private final Catalog catalog = GenreCatalog.build(7);
    private final PersonalityMusicModel model = new PersonalityMusicModel(catalog);

    private double meanMatch(PersonalityMusicModel.Scorer s, String genre) {
        int[] tracks = catalog.genreTracks(catalog.genreIndexOf(genre));
        double sum = 0;
        for (int t : tracks) {
            sum += s.match(t);
        }
        return sum / tracks.length;
    }

    @Test
    void opennessDrawsToClassicalJazzAndFolkOverDancePop() {
        PersonalityMusicModel.Scorer open = model.scorer(new Traits(0.95, 0.5, 0.5, 0.5, 0.5));
        assertThat(meanMatch(open, "classical")).isGreaterThan(meanMatch(open, "dance"));
        assertThat(meanMatch(open, "jazz")).isGreaterThan(meanMatch(open, "pop"));
        assertThat(meanMatch(open, "folk")).isGreaterThan(meanMatch(open, "dance"));
        int classical = catalog.genreTracks(catalog.genreIndexOf("classical"))[0];
        assertThat(open.mainTrait(classical)).isEqualTo("high openness");
    }

    @Test
    void extraversionDrawsToDanceAndPop() {
        PersonalityMusicModel.Scorer extra = model.scorer(new Traits(0.5, 0.5, 0.95, 0.5, 0.5));
        assertThat(meanMatch(extra, "dance")).isGreaterThan(meanMatch(extra, "classical"));
        assertThat(meanMatch(extra, "pop")).isGreaterThan(meanMatch(extra, "jazz"));
        assertThat(extra.topGenres(3)).contains(catalog.genreIndexOf("dance"), catalog.genreIndexOf("pop"));
    }

    @Test
    void conscientiousnessStaysAwayFromMetalAndLowConscientiousnessDoesNot() {
        PersonalityMusicModel.Scorer high = model.scorer(new Traits(0.5, 0.95, 0.5, 0.5, 0.5));
        PersonalityMusicModel.Scorer low = model.scorer(new Traits(0.5, 0.05, 0.5, 0.5, 0.5));
        assertThat(meanMatch(high, "metal")).isLessThan(meanMatch(high, "pop"));
        assertThat(meanMatch(low, "metal")).isGreaterThan(meanMatch(high, "metal"));
        int metal = catalog.genreTracks(catalog.genreIndexOf("metal"))[0];
        assertThat(low.mainTrait(metal)).isEqualTo("low conscientiousness");
    }

    @Test
    void aNeutralProfileHasNoStrengthAndNoPreference() {
        PersonalityMusicModel.Scorer neutral = model.scorer(Traits.NEUTRAL);
        assertThat(neutral.strength()).isZero();
        assertThat(neutral.topGenres(5)).isEmpty();
        for (int t = 0; t < catalog.size(); t++) {
            assertThat(neutral.match(t)).isEqualTo(0.6 * 0.5 + 0.4 * 0.5);
            assertThat(neutral.mainTrait(t)).isNull();
        }
    }

    @Test
    void theWholeCatalogPassAgreesWithTheOneTrackMatch() {
        java.util.Random rnd = new java.util.Random(5);
        float[] all = new float[catalog.size()];
        for (int i = 0; i < 20; i++) {
            PersonalityMusicModel.Scorer s = model.scorer(i == 0 ? Traits.NEUTRAL : new Traits(rnd.nextDouble(), rnd.nextDouble(),
                    rnd.nextDouble(), rnd.nextDouble(), rnd.nextDouble()));
            s.matchAll(all);
            for (int t = 0; t < catalog.size(); t++) {
                assertThat((double) all[t]).isCloseTo(s.match(t), org.assertj.core.api.Assertions.within(1e-5));
            }
        }
    }

    @Test
    void matchesStayWithinZeroAndOne() {
        java.util.Random rnd = new java.util.Random(3);
        for (int i = 0; i < 50; i++) {
            PersonalityMusicModel.Scorer s = model.scorer(new Traits(rnd.nextDouble(), rnd.nextDouble(), rnd.nextDouble(),
                    rnd.nextDouble(), rnd.nextDouble()));
            for (int t = 0; t < catalog.size(); t++) {
                assertThat(s.match(t)).isBetween(0.0, 1.0);
            }
        }
    }
}
