package dev.mixtape.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AttributeTest {

    @Test
    void unitAttributesAcceptZeroToOne() {
        for (Attribute a : new Attribute[] {Attribute.ACOUSTICNESS, Attribute.DANCEABILITY, Attribute.ENERGY,
                Attribute.INSTRUMENTALNESS, Attribute.LIVENESS, Attribute.SPEECHINESS, Attribute.VALENCE}) {
            assertThat(a.accepts(0)).as(a.wireName()).isTrue();
            assertThat(a.accepts(0.5)).as(a.wireName()).isTrue();
            assertThat(a.accepts(1)).as(a.wireName()).isTrue();
            assertThat(a.accepts(-0.001)).as(a.wireName()).isFalse();
            assertThat(a.accepts(1.001)).as(a.wireName()).isFalse();
            assertThat(a.accepts(Double.NaN)).as(a.wireName()).isFalse();
            assertThat(a.isInteger()).as(a.wireName()).isFalse();
        }
    }

    @Test
    void integerAttributesRejectFractions() {
        assertThat(Attribute.KEY.accepts(-1)).isTrue();
        assertThat(Attribute.KEY.accepts(11)).isTrue();
        assertThat(Attribute.KEY.accepts(12)).isFalse();
        assertThat(Attribute.KEY.accepts(-2)).isFalse();
        assertThat(Attribute.KEY.accepts(5.5)).isFalse();
        assertThat(Attribute.MODE.accepts(0)).isTrue();
        assertThat(Attribute.MODE.accepts(1)).isTrue();
        assertThat(Attribute.MODE.accepts(0.5)).isFalse();
        assertThat(Attribute.MODE.accepts(2)).isFalse();
        assertThat(Attribute.POPULARITY.accepts(100)).isTrue();
        assertThat(Attribute.POPULARITY.accepts(101)).isFalse();
        assertThat(Attribute.POPULARITY.accepts(99.9)).isFalse();
        assertThat(Attribute.TIME_SIGNATURE.accepts(0)).isTrue();
        assertThat(Attribute.TIME_SIGNATURE.accepts(11)).isTrue();
        assertThat(Attribute.TIME_SIGNATURE.accepts(12)).isFalse();
        assertThat(Attribute.DURATION_MS.accepts(86_400_000)).isTrue();
        assertThat(Attribute.DURATION_MS.accepts(86_400_001)).isFalse();
        assertThat(Attribute.DURATION_MS.accepts(1000.5)).isFalse();
        for (Attribute a : Attribute.values()) {
            assertThat(a.isInteger()).as(a.wireName())
                    .isEqualTo(a == Attribute.KEY || a == Attribute.MODE || a == Attribute.POPULARITY
                            || a == Attribute.DURATION_MS || a == Attribute.TIME_SIGNATURE);
        }
    }

    @Test
    void loudnessAndTempoRanges() {
        assertThat(Attribute.LOUDNESS.accepts(-60)).isTrue();
        assertThat(Attribute.LOUDNESS.accepts(10)).isTrue();
        assertThat(Attribute.LOUDNESS.accepts(-60.1)).isFalse();
        assertThat(Attribute.LOUDNESS.accepts(-5.25)).isTrue();
        assertThat(Attribute.TEMPO.accepts(0)).isTrue();
        assertThat(Attribute.TEMPO.accepts(300)).isTrue();
        assertThat(Attribute.TEMPO.accepts(300.01)).isFalse();
        assertThat(Attribute.TEMPO.accepts(Double.POSITIVE_INFINITY)).isFalse();
        assertThat(Attribute.TEMPO.accepts(Double.NEGATIVE_INFINITY)).isFalse();
    }

    @Test
    void wireNamesRoundTrip() {
        assertThat(Attribute.count()).isEqualTo(14);
        for (Attribute a : Attribute.values()) {
            assertThat(Attribute.fromWireName(a.wireName())).isSameAs(a);
            assertThat(Attribute.of(a.ordinal())).isSameAs(a);
            assertThat(a.scale()).as(a.wireName()).isPositive();
        }
        assertThat(Attribute.DURATION_MS.wireName()).isEqualTo("duration_ms");
        assertThat(Attribute.TIME_SIGNATURE.wireName()).isEqualTo("time_signature");
        assertThat(Attribute.fromWireName("energi")).isNull();
        assertThat(Attribute.fromWireName("ENERGY")).isNull();
        assertThat(Attribute.fromWireName(null)).isNull();
    }

    @Test
    void describeRangeForMessages() {
        assertThat(Attribute.ENERGY.describeRange()).isEqualTo("a number from 0 to 1");
        assertThat(Attribute.KEY.describeRange()).isEqualTo("an integer from -1 to 11");
        assertThat(Attribute.LOUDNESS.describeRange()).isEqualTo("a number from -60 to 10");
    }
}
