package dev.mixtape.app.learn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BlendFitTest {
    private static final List<BlendFit.Param> GRID = List.of(
            new BlendFit.Param("a", new double[] {0, 0.1, 0.2, 0.3, 0.4}),
            new BlendFit.Param("b", new double[] {0, 0.5, 1.0}));

    @Test
    void findsTheBestPointOfASeparableObjective() {
        AtomicInteger calls = new AtomicInteger();
        BlendFit.Result r = BlendFit.coordinate(Map.of("a", 0.0, "b", 0.0), GRID, p -> {
            calls.incrementAndGet();
            return -Math.pow(p.get("a") - 0.3, 2) - Math.pow(p.get("b") - 0.5, 2);
        }, 5);
        assertThat(r.best()).containsEntry("a", 0.3).containsEntry("b", 0.5);
        assertThat(r.bestScore()).isEqualTo(0.0);
        assertThat(r.startScore()).isLessThan(r.bestScore());
        // every point is scored once: the trials are the distinct points visited, and the search stopped after a pass
        // that changed nothing
        assertThat(calls.get()).isEqualTo(r.trials().size());
        assertThat(r.passes()).isEqualTo(2);
    }

    @Test
    void staysAtTheStartWhenNoMoveGainsMoreThanTheNoiseMargin() {
        BlendFit.Result r = BlendFit.coordinate(Map.of("a", 0.0, "b", 0.0), GRID,
                p -> (p.get("a") + p.get("b")) * BlendFit.MIN_GAIN / 2, 5);
        assertThat(r.best()).isEqualTo(r.start());
        assertThat(r.passes()).isEqualTo(1);
    }

    @Test
    void interactingParametersAreFoundOverSeveralPasses() {
        // the best a depends on b: the first pass sets a for b = 0, then b; the second moves a again; the third changes nothing
        BlendFit.Result r = BlendFit.coordinate(Map.of("a", 0.0, "b", 0.0), GRID,
                p -> -Math.pow(p.get("a") - (0.2 + 0.2 * p.get("b")), 2) + 0.1 * p.get("b"), 5);
        assertThat(r.best()).containsEntry("a", 0.4).containsEntry("b", 1.0);
        assertThat(r.passes()).isEqualTo(3);
    }
}
