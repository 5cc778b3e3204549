package dev.mixtape.algo.cf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ParallelTest {

    @Test
    void everyIndexRunsOnceOnAValidWorker() {
        for (int threads = 1; threads <= 4; threads++) {
            try (Parallel par = new Parallel(threads)) {
                for (int n : new int[] {0, 1, 7, 1000}) {
                    for (int grain : new int[] {1, 3, 64}) {
                        AtomicIntegerArray seen = new AtomicIntegerArray(n);
                        int t = threads;
                        par.forRange(n, grain, (w, from, to) -> {
                            assertThat(w).isBetween(0, t - 1);
                            assertThat(to - from).isBetween(1, grain);
                            for (int i = from; i < to; i++) {
                                seen.incrementAndGet(i);
                            }
                        });
                        for (int i = 0; i < n; i++) {
                            assertThat(seen.get(i)).as("threads " + t + " n " + n + " grain " + grain + " index " + i).isEqualTo(1);
                        }
                    }
                }
            }
        }
    }

    @Test
    void aFailureInAWorkerReachesTheCaller() {
        try (Parallel par = new Parallel(3)) {
            assertThatThrownBy(() -> par.forRange(100, 1, (w, from, to) -> {
                if (from == 57) {
                    throw new IllegalStateException("boom at 57");
                }
            })).isInstanceOf(IllegalStateException.class).hasMessage("boom at 57");
            // still usable afterwards
            int[] sum = new int[1];
            par.forRange(10, 10, (w, from, to) -> sum[0] += to - from);
            assertThat(sum[0]).isEqualTo(10);
        }
    }
}
