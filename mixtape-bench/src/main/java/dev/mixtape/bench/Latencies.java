package dev.mixtape.bench;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Latencies of a bench run, for its percentiles: an HdrHistogram (3 significant digits, so a percentile is within
 * 0.1% of the exact value), safe to record into from several threads.
 */
final class Latencies {
    private final Histogram h = new ConcurrentHistogram(3);

    static Latencies of(long[] nanos) {
        Latencies l = new Latencies();
        for (long n : nanos) {
            l.record(n);
        }
        return l;
    }

    static Latencies of(Iterable<Long> nanos) {
        Latencies l = new Latencies();
        nanos.forEach(l::record);
        return l;
    }

    void record(long nanos) {
        h.recordValue(Math.max(0, nanos));
    }

    long count() {
        return h.getTotalCount();
    }

    /** The latency at quantile {@code q} (0–1) in milliseconds. */
    double millis(double q) {
        return h.getValueAtPercentile(100 * q) / 1e6;
    }

    double maxMillis() {
        return h.getMaxValue() / 1e6;
    }
}
