package dev.mixtape.eval.metric;

/**
 * The mean of a {@link UserMetric} over the users added, leaving out users for whom it is NaN
 * (undefined). Not thread-safe; see {@link SystemMetric}.
 */
public final class MeanMetric implements SystemMetric {
    private final UserMetric metric;
    private double sum;
    private long count;

    public MeanMetric(UserMetric metric) {
        this.metric = metric;
    }

    @Override
    public String name() {
        return metric.name();
    }

    @Override
    public void add(int user, int[] ranking) {
        double v = metric.evaluate(user, ranking);
        if (!Double.isNaN(v)) {
            sum += v;
            count++;
        }
    }

    @Override
    public void combine(SystemMetric other) {
        MeanMetric o = (MeanMetric) other;
        sum += o.sum;
        count += o.count;
    }

    @Override
    public double value() {
        return count == 0 ? Double.NaN : sum / count;
    }

    /** Number of users the metric was defined for. */
    public long count() {
        return count;
    }

    @Override
    public MeanMetric fresh() {
        return new MeanMetric(metric);
    }
}
