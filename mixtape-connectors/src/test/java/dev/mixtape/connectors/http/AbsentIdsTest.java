package dev.mixtape.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AbsentIdsTest {
    @Test
    void everyIdReportedAbsentIsSuspectedAndFewOthersAre() {
        AbsentIds absent = new AbsentIds(10_000, 0.01, Duration.ofHours(1));
        IntStream.range(0, 10_000).forEach(i -> absent.add("TRACKS:gone" + i));
        assertThat(IntStream.range(0, 10_000).filter(i -> !absent.mightBeAbsent("TRACKS:gone" + i)).count())
                .as("false negatives").isZero();
        long falsePositives = IntStream.range(0, 10_000).filter(i -> absent.mightBeAbsent("TRACKS:here" + i)).count();
        assertThat(falsePositives).as("false positives among 10 000 ids never reported").isLessThan(500); // 1 % expected; two generations
    }

    @Test
    void anIdNeverReportedIsNotSuspected() {
        AbsentIds absent = new AbsentIds(1_000, 0.001, Duration.ofHours(1));
        absent.add("TRACKS:a");
        assertThat(absent.mightBeAbsent("TRACKS:a")).isTrue();
        assertThat(absent.mightBeAbsent("TRACKS:b")).isFalse();
        assertThat(absent.mightBeAbsent("ARTISTS:a")).isFalse();
    }

    @Test
    void rotationKeepsOneGenerationThenForgets() {
        // rotating on every call: what was added survives one rotation (the previous generation), not two
        AbsentIds absent = new AbsentIds(1_000, 0.001, Duration.ZERO);
        absent.add("TRACKS:a");
        assertThat(absent.mightBeAbsent("TRACKS:a")).as("after one rotation").isTrue();
        assertThat(absent.mightBeAbsent("TRACKS:a")).as("after two rotations").isFalse();
    }
}
