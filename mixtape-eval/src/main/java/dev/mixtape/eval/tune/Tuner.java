package dev.mixtape.eval.tune;

import dev.mixtape.algo.cf.Trainer;
import dev.mixtape.eval.Evaluator;
import dev.mixtape.eval.ModelResult;
import dev.mixtape.eval.ProgressListener;
import dev.mixtape.eval.metric.MetricCatalog;
import dev.mixtape.eval.metric.SystemMetric;
import dev.mixtape.eval.split.Split;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hyper-parameter search on a validation split (carve it from training only:
 * {@link dev.mixtape.eval.split.Splitter#validation}): for each point a {@link SearchStrategy}
 * picks, the factory makes a trainer, which trains on the validation split's training side; the
 * model is scored by one metric (e.g. {@code ndcg@20}) and the best point wins — highest, or
 * lowest for metrics where lower is better; ties go to the earlier point. A point the factory or
 * trainer rejects with an {@link IllegalArgumentException} is recorded as a failed trial.
 *
 * <p>Immutable and thread-safe; trials run one after another, each evaluation in parallel.
 */
public final class Tuner {
    private static final Logger log = LoggerFactory.getLogger(Tuner.class);

    private final Evaluator evaluator;
    private final String metric;
    private final boolean higherIsBetter;

    /**
     * @param validation the split to tune on
     * @param metric     the metric to optimise, {@code <name>@<k>} (not {@code ild})
     * @param threads    evaluation threads (0: the common pool)
     */
    public Tuner(Split validation, String metric, int threads) {
        SystemMetric m = new MetricCatalog(validation.train(), validation.test(), null).create(metric);
        int k = Integer.parseInt(metric.substring(metric.indexOf('@') + 1).strip());
        this.evaluator = new Evaluator(validation, List.of(m), k, threads);
        this.metric = m.name();
        this.higherIsBetter = m.higherIsBetter();
    }

    public String metric() {
        return metric;
    }

    /** Runs the search; {@code onTrial} hears of each finished trial (may be a no-op). */
    public TuningResult tune(String model, ParamSpace space, SearchStrategy strategy,
                             Function<Map<String, Object>, ? extends Trainer<?>> factory, Consumer<Trial> onTrial) {
        List<Trial> trials = new ArrayList<>();
        Trial best = null;
        for (Map<String, Object> params : strategy.candidates(space)) {
            Trial trial;
            try {
                Trainer<?> trainer = factory.apply(params);
                ModelResult r = evaluator.trainAndEvaluate(model, params, trainer, ProgressListener.NONE);
                trial = new Trial(params, r, r.metric(metric), null);
            } catch (IllegalArgumentException e) {
                log.info("{} {}: rejected ({})", model, params, e.getMessage());
                trial = new Trial(params, null, Double.NaN, e.getMessage());
            }
            trials.add(trial);
            if (onTrial != null) {
                onTrial.accept(trial);
            }
            if (!Double.isNaN(trial.value()) && (best == null || better(trial.value(), best.value()))) {
                best = trial;
            }
        }
        if (best == null) {
            throw new IllegalStateException("no trial of " + model + " gave a value for " + metric + " (" + trials.size()
                    + " tried" + (trials.isEmpty() ? "" : ", first error: " + trials.get(0).error()) + ")");
        }
        return new TuningResult(metric, best.params(), best.value(), trials);
    }

    private boolean better(double v, double incumbent) {
        return higherIsBetter ? v > incumbent : v < incumbent;
    }
}
