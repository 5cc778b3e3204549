package dev.mixtape.eval.report;

import dev.mixtape.eval.ModelResult;
import dev.mixtape.eval.split.Split;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What the report writers render: the split evaluated on and one {@link ModelResult} per model,
 * in the order given.
 */
public record EvaluationReport(String dataset, String protocol, long seed, int users, int items, int testUsers,
                               List<ModelResult> models) {
    public EvaluationReport {
        models = List.copyOf(models);
    }

    public static EvaluationReport of(Split split, List<ModelResult> models) {
        return new EvaluationReport(split.dataset(), split.protocol(), split.seed(), split.users().size(),
                split.items().size(), split.testUsers().length, models);
    }

    /** Every metric key of any model, in first-seen order. */
    public List<String> metricKeys() {
        List<String> keys = new ArrayList<>();
        for (ModelResult m : models) {
            for (String k : m.metrics().keySet()) {
                if (!keys.contains(k)) {
                    keys.add(k);
                }
            }
        }
        return keys;
    }

    /** The cutoffs at which any model has {@code metric} (e.g. {@code recall}), ascending. */
    public List<Integer> cutoffs(String metric) {
        TreeSet<Integer> ks = new TreeSet<>();
        for (String key : metricKeys()) {
            int at = key.indexOf('@');
            if (at > 0 && key.substring(0, at).equals(metric)) {
                try {
                    ks.add(Integer.parseInt(key.substring(at + 1)));
                } catch (NumberFormatException e) {
                    // not a cutoff metric
                }
            }
        }
        return List.copyOf(ks);
    }
}
