package dev.mixtape.algo.playlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TransitionsTest {
    @Test
    void camelotNumbersOfKnownKeys() {
        assertThat(Transitions.camelot(0, 1)).isEqualTo(8);   // C major 8B
        assertThat(Transitions.camelot(9, 0)).isEqualTo(8);   // A minor 8A
        assertThat(Transitions.camelot(7, 1)).isEqualTo(9);   // G major 9B
        assertThat(Transitions.camelot(4, 0)).isEqualTo(9);   // E minor 9A
        assertThat(Transitions.camelot(5, 1)).isEqualTo(7);   // F major 7B
        assertThat(Transitions.camelot(11, 1)).isEqualTo(1);  // B major 1B
        assertThat(Transitions.camelot(8, 0)).isEqualTo(1);   // G#/Ab minor 1A
        assertThat(Transitions.camelot(-1, 1)).isZero();
    }

    @Test
    void keyCompatibilityFollowsTheWheel() {
        assertThat(Transitions.keyCompatibility(0, 1, 0, 1)).isEqualTo(Transitions.SAME_KEY);
        assertThat(Transitions.keyCompatibility(0, 1, 9, 0)).isEqualTo(Transitions.NEIGHBOUR);  // relative minor
        assertThat(Transitions.keyCompatibility(0, 1, 7, 1)).isEqualTo(Transitions.NEIGHBOUR);  // a fifth up
        assertThat(Transitions.keyCompatibility(0, 1, 5, 1)).isEqualTo(Transitions.NEIGHBOUR);  // a fifth down
        assertThat(Transitions.keyCompatibility(11, 1, 8, 0)).isEqualTo(Transitions.NEIGHBOUR);    // 1B - 1A, relative
        assertThat(Transitions.keyCompatibility(0, 1, 4, 0)).isEqualTo(Transitions.DIAGONAL);   // 8B → 9A
        assertThat(Transitions.keyCompatibility(0, 1, 2, 1)).isEqualTo(Transitions.TWO_STEPS);  // 8B → 10B
        assertThat(Transitions.keyCompatibility(0, 1, 6, 1)).isEqualTo(Transitions.CLASH);      // tritone
        assertThat(Transitions.keyCompatibility(11, 1, 6, 1)).isEqualTo(Transitions.NEIGHBOUR); // 1B → 2B, round the wheel
        assertThat(Transitions.keyCompatibility(-1, 1, 0, 1)).isEqualTo(Transitions.UNKNOWN);
    }

    @Test
    void tempoCountsHalfAndDoubleTime() {
        assertThat(Transitions.tempoSmoothness(120, 120)).isEqualTo(1f);
        assertThat(Transitions.tempoSmoothness(120, 60)).isEqualTo(1f);
        assertThat(Transitions.tempoSmoothness(120, 135)).isCloseTo(0.5f, within(1e-6f));
        assertThat(Transitions.tempoSmoothness(100, 170)).isZero();
        assertThat(Transitions.energySmoothness(0.5f, 0.65f)).isCloseTo(0.5f, within(1e-6f));
    }
}
