package dev.mixtape.eval;

import dev.mixtape.algo.cf.InteractionMatrix;
import dev.mixtape.algo.cf.TopN;
import dev.mixtape.algo.cf.Trainer;
import dev.mixtape.algo.cf.UserScorer;
import dev.mixtape.eval.data.ItemTags;
import dev.mixtape.eval.metric.MetricCatalog;
import dev.mixtape.eval.metric.MetricSet;
import dev.mixtape.eval.metric.SystemMetric;
import dev.mixtape.eval.split.Split;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores a model on a {@link Split}: for every test user, a full ranking of all items with the
 * user's training items left out ({@link TopN#recommend}), cut to {@link #listLength()}, is fed to
 * every metric; users run in parallel as one {@code IntStream.collect} over a {@link MetricSet}.
 * Precomputed lists from other JVMs ({@link RecommendationLists}) are scored the same way, after
 * dropping any training items they contain.
 *
 * <p>Immutable and thread-safe: one evaluator can score many models, one after another or at once.
 */
public final class Evaluator {
    private static final Logger log = LoggerFactory.getLogger(Evaluator.class);

    private final Split split;
    private final MetricSet metrics;
    private final int listLength;
    private final int threads;

    /**
     * @param metrics    the metrics (prototypes; never mutated — each run works on fresh copies)
     * @param listLength how many items to rank per user (the largest cutoff)
     * @param threads    worker threads; 0 uses the common fork-join pool
     */
    public Evaluator(Split split, List<? extends SystemMetric> metrics, int listLength, int threads) {
        if (listLength <= 0) {
            throw new IllegalArgumentException("listLength must be positive, got " + listLength);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must not be negative, got " + threads);
        }
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("no metrics to evaluate");
        }
        this.split = split;
        this.metrics = new MetricSet(metrics);
        this.listLength = listLength;
        this.threads = threads;
    }

    /**
     * Every metric of {@link MetricCatalog} at every cutoff ({@code ild} only when {@code tags} is
     * given, aligned with the split's item index), on the common pool.
     */
    public static Evaluator standard(Split split, ItemTags tags, List<Integer> cutoffs) {
        if (cutoffs.isEmpty()) {
            throw new IllegalArgumentException("no cutoffs given");
        }
        List<Integer> ks = cutoffs.stream().distinct().sorted().toList();
        MetricCatalog catalog = new MetricCatalog(split.train(), split.test(), tags);
        return new Evaluator(split, catalog.standard(ks), ks.get(ks.size() - 1), 0);
    }

    /** The same evaluator on {@code threads} worker threads (0: the common pool). */
    public Evaluator withThreads(int threads) {
        return new Evaluator(split, metricPrototypes(), listLength, threads);
    }

    public Split split() {
        return split;
    }

    public int listLength() {
        return listLength;
    }

    public List<String> metricNames() {
        return metrics.names();
    }

    /** Trains on the split's training side (timed), then evaluates the model. */
    public ModelResult trainAndEvaluate(String model, Map<String, Object> params, Trainer<?> trainer, ProgressListener progress) {
        long t0 = System.nanoTime();
        UserScorer scorer = trainer.train(split.train());
        long trainMs = (System.nanoTime() - t0) / 1_000_000;
        return evaluate(model, params, scorer, trainMs, progress);
    }

    /**
     * Evaluates {@code scorer}, a model trained on {@code split().train()} in {@code trainMs}.
     *
     * @throws IllegalArgumentException when the scorer's item count differs from the split's
     */
    public ModelResult evaluate(String model, Map<String, Object> params, UserScorer scorer, long trainMs, ProgressListener progress) {
        if (scorer.items() != split.items().size()) {
            throw new IllegalArgumentException(model + " scores " + scorer.items() + " items, the split has " + split.items().size());
        }
        InteractionMatrix train = split.train();
        return run(model, params, trainMs, progress, user -> TopN.recommend(scorer, train, user, listLength));
    }

    /** Evaluates lists made elsewhere (training time as reported by whoever made them). */
    public ModelResult evaluate(String model, Map<String, Object> params, RecommendationLists lists, long trainMs, ProgressListener progress) {
        AtomicLong dropped = new AtomicLong();
        ModelResult r = run(model, params, trainMs, progress, user -> {
            int[] list = lists.list(user);
            int[] out = new int[Math.min(list.length, listLength)];
            int n = 0;
            for (int k = 0; k < list.length && n < out.length; k++) {
                if (isTraining(user, list[k])) {
                    dropped.incrementAndGet();
                } else {
                    out[n++] = list[k];
                }
            }
            return n == out.length ? out : Arrays.copyOf(out, n);
        });
        if (dropped.get() > 0) {
            log.warn("{}: dropped {} training item(s) from the precomputed lists before scoring", model, dropped.get());
        }
        return r;
    }

    private boolean isTraining(int user, int item) {
        InteractionMatrix train = split.train();
        int[] ptr = train.userPtr();
        return Arrays.binarySearch(train.userItems(), ptr[user], ptr[user + 1], item) >= 0;
    }

    private ModelResult run(String model, Map<String, Object> params, long trainMs, ProgressListener progress,
                            IntFunction<int[]> ranker) {
        int[] users = split.testUsers();
        int total = users.length;
        int step = Math.max(1, total / 100);
        AtomicInteger done = new AtomicInteger();
        ProgressListener listener = progress == null ? ProgressListener.NONE : progress;
        long t0 = System.nanoTime();
        MetricSet result = inPool(() -> IntStream.of(users).parallel().collect(metrics::fresh, (set, user) -> {
            set.add(user, ranker.apply(user));
            int d = done.incrementAndGet();
            if (d % step == 0 && d != total) {
                listener.progress(d, total);
            }
        }, MetricSet::combine));
        long evalMs = (System.nanoTime() - t0) / 1_000_000;
        listener.progress(total, total);
        log.debug("{}: {} users in {} ms", model, total, evalMs);
        return new ModelResult(model, params, trainMs, evalMs, total, result.values());
    }

    private MetricSet inPool(java.util.function.Supplier<MetricSet> task) {
        if (threads == 0) {
            return task.get();
        }
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return pool.submit(task::get).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("evaluation interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    private List<SystemMetric> metricPrototypes() {
        return metrics.fresh().metrics();
    }
}
