package dev.mixtape.eval.metric;

import dev.mixtape.algo.cf.InteractionMatrix;
import dev.mixtape.eval.data.ItemTags;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Makes metrics by name ({@code ndcg@20}) for one split: it holds what they judge by — binary
 * relevance from the test side, item popularity and the MostPopular baseline from the training
 * side, and optionally item tags for ILD. Immutable and thread-safe; the metrics it makes are
 * fresh accumulators.
 *
 * <p>Names: {@value #NAMES_DOC}.
 */
public final class MetricCatalog {
    static final String NAMES_DOC = "precision, recall, ndcg, map, mrr, hitrate, coverage, gini, epc, ild, serendipity, unexpectedness";
    /** Every metric name, in report order. */
    public static final List<String> NAMES = List.of(NAMES_DOC.split(", "));

    private final int items;
    private final BinaryRelevance relevance;
    private final ItemPopularity popularity;
    private final PopularityBaseline baseline;
    private final ItemTags tags;

    /**
     * @param tags item tags aligned with the split's item index, or null (then {@code ild} is not
     *             available and {@link #standard} leaves it out)
     */
    public MetricCatalog(InteractionMatrix train, InteractionMatrix test, ItemTags tags) {
        if (train.items() != test.items() || train.users() != test.users()) {
            throw new IllegalArgumentException("train is " + train.users() + " × " + train.items() + ", test is "
                    + test.users() + " × " + test.items());
        }
        this.items = train.items();
        this.relevance = new BinaryRelevance(test);
        this.popularity = new ItemPopularity(train);
        this.baseline = new PopularityBaseline(train);
        this.tags = tags;
    }

    public boolean hasTags() {
        return tags != null;
    }

    /**
     * The metric called {@code spec}, {@code <name>@<k>}.
     *
     * @throws IllegalArgumentException for an unknown name, a bad cutoff, or {@code ild} without tags
     */
    public SystemMetric create(String spec) {
        int at = spec.indexOf('@');
        if (at < 0) {
            throw new IllegalArgumentException("metric '" + spec + "' needs a cutoff, e.g. ndcg@20");
        }
        String name = spec.substring(0, at).strip().toLowerCase(Locale.ROOT);
        int k;
        try {
            k = Integer.parseInt(spec.substring(at + 1).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("metric '" + spec + "': cutoff is not an integer");
        }
        return create(name, k);
    }

    /** The metric {@code name} at cutoff {@code k}. */
    public SystemMetric create(String name, int k) {
        return switch (name) {
            case "precision" -> new MeanMetric(new Precision(k, relevance));
            case "recall" -> new MeanMetric(new Recall(k, relevance));
            case "ndcg" -> new MeanMetric(new Ndcg(k, relevance));
            case "map" -> new MeanMetric(new AveragePrecision(k, relevance));
            case "mrr" -> new MeanMetric(new ReciprocalRank(k, relevance));
            case "hitrate" -> new MeanMetric(new HitRate(k, relevance));
            case "coverage" -> new CatalogCoverage(k, items);
            case "gini" -> new GiniIndex(k, items);
            case "epc" -> new MeanMetric(new ExpectedPopularityComplement(k, popularity));
            case "ild" -> {
                if (tags == null) {
                    throw new IllegalArgumentException("ild@" + k + " needs item tags, and this evaluation has none");
                }
                yield new MeanMetric(new IntraListDiversity(k, tags));
            }
            case "serendipity" -> new MeanMetric(new Serendipity(k, baseline, relevance));
            case "unexpectedness" -> new MeanMetric(new Unexpectedness(k, baseline));
            default -> throw new IllegalArgumentException("unknown metric '" + name + "'; known: " + NAMES_DOC);
        };
    }

    /** Every metric at every cutoff, grouped by cutoff ({@code ild} only with tags). */
    public List<SystemMetric> standard(List<Integer> cutoffs) {
        List<SystemMetric> out = new ArrayList<>();
        for (int k : cutoffs) {
            for (String name : NAMES) {
                if (!name.equals("ild") || tags != null) {
                    out.add(create(name, k));
                }
            }
        }
        return out;
    }
}
