package dev.mixtape.algo.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mixtape.core.Attribute;
import dev.mixtape.core.InvalidRequestException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeedQueryTest {

    @Test
    void needsAtLeastOneSeed() {
        assertThatThrownBy(() -> SeedQuery.of(List.of(), List.of(), List.of(), 20))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("seed_artists").hasMessageContaining("seed_genres").hasMessageContaining("seed_tracks");
    }

    @Test
    void atMostFiveSeedsInTotal() {
        assertThat(SeedQuery.of(List.of("a", "b"), List.of("c", "d"), List.of("e"), 20).seedGenres()).containsExactly("e");
        assertThatThrownBy(() -> SeedQuery.of(List.of("a", "b"), List.of("c", "d"), List.of("e", "f"), 20))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("at most 5 seeds in total, got 6");
    }

    @Test
    void limitFromOneToHundred() {
        assertThat(SeedQuery.of(List.of("a"), List.of(), List.of(), 1).limit()).isEqualTo(1);
        assertThat(SeedQuery.of(List.of("a"), List.of(), List.of(), 100).limit()).isEqualTo(100);
        assertThatThrownBy(() -> SeedQuery.of(List.of("a"), List.of(), List.of(), 0))
                .isInstanceOf(InvalidRequestException.class).hasMessage("limit must be from 1 to 100, got 0");
        assertThatThrownBy(() -> SeedQuery.of(List.of("a"), List.of(), List.of(), 101))
                .isInstanceOf(InvalidRequestException.class).hasMessage("limit must be from 1 to 100, got 101");
    }

    @Test
    void maxPerArtistMustBePositive() {
        assertThatThrownBy(() -> new SeedQuery(List.of("a"), List.of(), List.of(), 20, null, null, null, 0))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("max per artist").hasMessageContaining("0");
    }

    @Test
    void minAboveMaxNamesBothParameters() {
        double[] min = none(Double.NEGATIVE_INFINITY);
        double[] max = none(Double.POSITIVE_INFINITY);
        min[Attribute.ENERGY.ordinal()] = 0.8;
        max[Attribute.ENERGY.ordinal()] = 0.2;
        assertThatThrownBy(() -> new SeedQuery(List.of("a"), List.of(), List.of(), 20, min, max, null, 3))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("min_energy (0.8)")
                .hasMessageContaining("max_energy (0.2)");
        min[Attribute.ENERGY.ordinal()] = 0.2;
        assertThat(new SeedQuery(List.of("a"), List.of(), List.of(), 20, min, max, null, 3).min()[Attribute.ENERGY.ordinal()])
                .isEqualTo(0.2);
    }

    @Test
    void missingArraysMeanNoBoundsAndNoTargets() {
        SeedQuery q = SeedQuery.of(List.of("a"), List.of(), List.of(), 20);
        assertThat(q.min()).containsOnly(Double.NEGATIVE_INFINITY).hasSize(Attribute.count());
        assertThat(q.max()).containsOnly(Double.POSITIVE_INFINITY).hasSize(Attribute.count());
        assertThat(q.target()).hasSize(Attribute.count());
        assertThat(Arrays.stream(q.target()).allMatch(Double::isNaN)).isTrue();
        assertThat(q.hasTargets()).isFalse();
        assertThat(q.maxPerArtist()).isEqualTo(SeedQuery.DEFAULT_MAX_PER_ARTIST);
    }

    @Test
    void arraysAreCopiedInAndChecked() {
        double[] target = none(Double.NaN);
        target[Attribute.TEMPO.ordinal()] = 120;
        SeedQuery q = new SeedQuery(List.of("a"), List.of(), List.of(), 20, null, null, target, 3);
        target[Attribute.TEMPO.ordinal()] = 60;
        assertThat(q.target()[Attribute.TEMPO.ordinal()]).isEqualTo(120);
        assertThat(q.hasTargets()).isTrue();
        assertThatThrownBy(() -> new SeedQuery(List.of("a"), List.of(), List.of(), 20, new double[3], null, null, 3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equalityIsByValue() {
        double[] t = none(Double.NaN);
        t[0] = 0.5;
        SeedQuery a = new SeedQuery(List.of("x"), List.of("y"), List.of("pop"), 20, null, null, t, 3);
        SeedQuery b = new SeedQuery(List.of("x"), List.of("y"), List.of("pop"), 20, null, null, t.clone(), 3);
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(new SeedQuery(List.of("x"), List.of("y"), List.of("pop"), 21, null, null, t, 3));
    }

    private static double[] none(double v) {
        double[] a = new double[Attribute.count()];
        Arrays.fill(a, v);
        return a;
    }
}
