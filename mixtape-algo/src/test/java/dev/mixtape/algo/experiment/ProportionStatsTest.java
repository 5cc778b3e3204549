package dev.mixtape.algo.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mixtape.core.InvalidRequestException;
import dev.mixtape.core.experiment.Experiment;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProportionStatsTest {
    @Test
    void wilsonIntervalMatchesAWorkedExample() {
        // 10 of 100 at 95%: the Wilson interval is [0.0552, 0.1744] (Newcombe 1998, method 3)
        ProportionStats.Interval ci = ProportionStats.wilson(10, 100, 0.95);
        assertThat(ci.low()).isCloseTo(0.0552, within(5e-4));
        assertThat(ci.high()).isCloseTo(0.1744, within(5e-4));
        assertThat(ProportionStats.wilson(0, 0, 0.95)).isEqualTo(new ProportionStats.Interval(0, 1));
        assertThat(ProportionStats.wilson(0, 20, 0.95).low()).isZero();
    }

    @Test
    void twoProportionZTestMatchesAHandComputation() {
        // 45/100 against 60/100: pooled 0.525, se = sqrt(0.525*0.475*0.02) = 0.070622, z = 0.15/0.070622 = 2.1240
        ProportionStats.ZTest t = ProportionStats.twoProportion(45, 100, 60, 100);
        assertThat(t.z()).isCloseTo(2.1240, within(1e-3));
        assertThat(t.pValue()).isCloseTo(0.03367, within(2e-4));
        assertThat(ProportionStats.twoProportion(5, 10, 5, 10).pValue()).isEqualTo(1.0);
        assertThat(ProportionStats.twoProportion(0, 0, 5, 10).pValue()).isEqualTo(1.0);
    }

    @Test
    void assignmentIsStableAndFollowsTheWeights() {
        Experiment e = new Experiment("exp", List.of(new Experiment.Variant("a", "content", 0.2), new Experiment.Variant("b", "hybrid", 0.8)),
                null, null, Instant.EPOCH);
        Map<String, Integer> count = new HashMap<>();
        for (int u = 0; u < 20_000; u++) {
            String v = e.assign("user-" + u).name();
            assertThat(e.assign("user-" + u).name()).isEqualTo(v);
            count.merge(v, 1, Integer::sum);
        }
        assertThat(count.get("a") / 20_000.0).isCloseTo(0.2, within(0.015));
        // another experiment splits the same listeners independently
        Experiment other = new Experiment("other", e.variants(), null, null, Instant.EPOCH);
        long same = 0;
        for (int u = 0; u < 2000; u++) {
            same += e.assign("user-" + u).name().equals(other.assign("user-" + u).name()) ? 1 : 0;
        }
        assertThat(same / 2000.0).isCloseTo(0.2 * 0.2 + 0.8 * 0.8, within(0.04));
    }

    @Test
    void badExperimentsAreRejected() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Experiment("x", List.of(new Experiment.Variant("a", "content", 0.5),
                new Experiment.Variant("a", "hybrid", 0.5)), null, null, Instant.EPOCH)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("appears twice");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Experiment("x", List.of(new Experiment.Variant("a", "content", 0.5),
                new Experiment.Variant("b", "hybrid", 0.5)), Instant.ofEpochSecond(10), Instant.ofEpochSecond(5), Instant.EPOCH))
                .hasMessageContaining("ends_at must be after starts_at");
    }
}
