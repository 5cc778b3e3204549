package dev.mixtape.algo.playlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PlaylistConfigTest {
    @Test
    void defaultsAreTheDocumentedOnes() {
        PlaylistConfig c = PlaylistConfig.DEFAULT;
        assertThat(c.qualityThreshold()).isEqualTo(0.75);
        assertThat(c.cohesionThreshold()).isEqualTo(0.65);
        assertThat(c.maxIterations()).isEqualTo(2);
        assertThat(c.fastMode()).isFalse();
        assertThat(c.maxPerArtist()).isEqualTo(2);
        assertThat(c.minPool()).isEqualTo(200);
        assertThat(c.maxPool()).isEqualTo(500);
        assertThat(c.weights()).isEqualTo(new QualityWeights(0.35, 0.25, 0.15, 0.15, 0.10));
        assertThat(c.weights().sum()).isEqualTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void builderChangesOnlyWhatItIsTold() {
        PlaylistConfig c = PlaylistConfig.DEFAULT.toBuilder().fastMode(true).maxIterations(5).build();
        assertThat(c.fastMode()).isTrue();
        assertThat(c.maxIterations()).isEqualTo(5);
        assertThat(c.toBuilder().fastMode(false).maxIterations(2).build()).isEqualTo(PlaylistConfig.DEFAULT);
    }

    @Test
    void badValuesAreNamedInTheMessage() {
        PlaylistConfig.Builder b = PlaylistConfig.DEFAULT.toBuilder();
        assertThatThrownBy(() -> b.qualityThreshold(1.5).build()).hasMessageContaining("qualityThreshold").hasMessageContaining("1.5");
        assertThatThrownBy(() -> PlaylistConfig.DEFAULT.toBuilder().cohesionThreshold(Double.NaN).build())
                .hasMessageContaining("cohesionThreshold").hasMessageContaining("NaN");
        assertThatThrownBy(() -> PlaylistConfig.DEFAULT.toBuilder().maxIterations(-1).build())
                .hasMessageContaining("maxIterations").hasMessageContaining("-1");
        assertThatThrownBy(() -> PlaylistConfig.DEFAULT.toBuilder().maxPerArtist(0).build())
                .hasMessageContaining("maxPerArtist").hasMessageContaining("0");
        assertThatThrownBy(() -> PlaylistConfig.DEFAULT.toBuilder().minPool(300).maxPool(250).build())
                .hasMessageContaining("maxPool").hasMessageContaining("250");
        assertThatThrownBy(() -> PlaylistConfig.DEFAULT.toBuilder().replaceFraction(0).build())
                .hasMessageContaining("replaceFraction");
        assertThatThrownBy(() -> PlaylistConfig.DEFAULT.toBuilder().weights(null).build()).hasMessageContaining("weights");
    }

    @Test
    void qualityWeightsMustBeNonNegativeAndNotAllZero() {
        assertThatThrownBy(() -> new QualityWeights(-0.1, 1, 1, 1, 1)).hasMessageContaining("targetFit").hasMessageContaining("-0.1");
        assertThatThrownBy(() -> new QualityWeights(0, 0, 0, 0, 0)).hasMessageContaining("all be 0");
        assertThat(new QualityWeights(0, 0, 0, 0, 2).sum()).isEqualTo(2);
    }
}
