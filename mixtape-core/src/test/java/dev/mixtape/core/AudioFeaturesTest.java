package dev.mixtape.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AudioFeaturesTest {

    @Test
    void validValuesAreKept() {
        AudioFeatures f = new AudioFeatures(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, -1, 0, -60, 0, 0);
        assertThat(f.energy()).isEqualTo(0.3);
        assertThat(f.key()).isEqualTo(-1);
        assertThat(f.loudness()).isEqualTo(-60);
    }

    @Test
    void messageNamesTheOffendingField() {
        assertThatThrownBy(() -> new AudioFeatures(0.1, 0.2, 1.5, 0.4, 0.5, 0.6, 0.7, 1, 0, -5, 120, 4))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("energy")
                .hasMessageContaining("1.5")
                .hasMessageContaining("from 0 to 1");
        assertThatThrownBy(() -> new AudioFeatures(-0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 1, 0, -5, 120, 4))
                .hasMessageStartingWith("acousticness");
        assertThatThrownBy(() -> new AudioFeatures(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 1.01, 1, 0, -5, 120, 4))
                .hasMessageStartingWith("valence");
        assertThatThrownBy(() -> new AudioFeatures(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 12, 0, -5, 120, 4))
                .hasMessageStartingWith("key");
        assertThatThrownBy(() -> new AudioFeatures(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 1, 2, -5, 120, 4))
                .hasMessageStartingWith("mode");
        assertThatThrownBy(() -> new AudioFeatures(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 1, 0, -61, 120, 4))
                .hasMessageStartingWith("loudness");
        assertThatThrownBy(() -> new AudioFeatures(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 1, 0, -5, Double.NaN, 4))
                .hasMessageStartingWith("tempo");
        assertThatThrownBy(() -> new AudioFeatures(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 1, 0, -5, 120, 12))
                .hasMessageStartingWith("time_signature");
    }

    @Test
    void firstBadValueIsTheOneReported() {
        assertThatThrownBy(() -> new AudioFeatures(0.1, 2, 3, 0.4, 0.5, 0.6, 0.7, 1, 0, -5, 120, 4))
                .hasMessageStartingWith("danceability");
    }
}
