package dev.mixtape.app.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mixtape.algo.strategy.AutoBandit;
import dev.mixtape.storage.jdbc.JdbcExperimentStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code auto} has learned ({@link AutoBandit}), kept in the database so that it survives restarts and is shared by
 * every server on one database: each answer {@code auto} serves is an impression of experiment {@code auto:<kind>},
 * variant {@code <strategy>} (experiment names cannot contain {@code :}, so these never clash with A/B experiments), and
 * the outcome events naming its {@code recommendation_id} are its reward.
 *
 * <p>Impressions are written by one background thread in batches, after the answer (an impression lost to a crash
 * costs the bandit one data point, never a listener's data); the counts are read again at most every
 * {@link #REFRESH}, on that thread, when a request asks for the bandit. Thread-safe.
 */
public final class AutoBanditService implements AutoCloseable {
    public static final String PREFIX = "auto:";
    public static final Duration REFRESH = Duration.ofSeconds(30);
    /** Evidence older than this is forgotten (tastes and the catalog move). */
    public static final Duration WINDOW = Duration.ofDays(30);
    /** A play counts as a positive outcome from this long (Spotify counts a stream from 30 s). */
    public static final long MIN_PLAY_MS = 30_000;
    static final int QUEUE = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(AutoBanditService.class);

    private final Supplier<JdbcExperimentStore> store;
    private final double explore;
    private final Clock clock;
    private final BlockingQueue<JdbcExperimentStore.Impression> pending = new ArrayBlockingQueue<>(QUEUE);
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "mixtape-auto-bandit");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean writeScheduled = new AtomicBoolean();
    private final AtomicBoolean refreshScheduled = new AtomicBoolean();
    private final AtomicLong dropped = new AtomicLong();
    private volatile AutoBandit current;
    private volatile Instant refreshedAt;

    public AutoBanditService(Supplier<JdbcExperimentStore> store, double explore, Clock clock) {
        this.store = store;
        this.explore = explore;
        this.clock = clock;
        this.current = AutoBandit.empty(explore);
    }

    /** The bandit to choose with now; starts a refresh in the background when the counts are older than {@link #REFRESH}. */
    public AutoBandit current() {
        Instant at = refreshedAt;
        if ((at == null || at.plus(REFRESH).isBefore(clock.instant())) && refreshScheduled.compareAndSet(false, true)) {
            worker.execute(() -> {
                try {
                    refresh();
                } catch (RuntimeException e) {
                    LOG.warn("auto's bandit keeps its previous counts: {}", e.getMessage());
                    refreshedAt = clock.instant(); // do not retry at every request while the database is away
                } finally {
                    refreshScheduled.set(false);
                }
            });
        }
        return current;
    }

    /** Reads the counts now (on the calling thread), after writing the impressions still queued. */
    public AutoBandit refresh() {
        writePending();
        Map<String, Map<String, JdbcExperimentStore.ArmCounts>> counts = store.get().armCounts(PREFIX, clock.instant().minus(WINDOW), MIN_PLAY_MS);
        Map<String, Map<String, AutoBandit.Counts>> byKind = new LinkedHashMap<>();
        counts.forEach((experiment, arms) -> {
            Map<String, AutoBandit.Counts> m = new LinkedHashMap<>();
            arms.forEach((arm, c) -> m.put(arm, new AutoBandit.Counts(c.answers(), c.shown(), c.positive())));
            byKind.put(experiment.substring(PREFIX.length()), m);
        });
        AutoBandit b = new AutoBandit(byKind, explore);
        current = b;
        refreshedAt = clock.instant();
        return b;
    }

    /** Records that {@code auto} served {@code tracks} tracks of {@code strategy} for a request of {@code kind}. */
    public void served(String recommendationId, String kind, String strategy, String userId, int tracks) {
        if (!pending.offer(new JdbcExperimentStore.Impression(recommendationId, PREFIX + kind, strategy, userId == null ? "" : userId,
                tracks, clock.instant()))) {
            dropped.incrementAndGet();
        }
        if (writeScheduled.compareAndSet(false, true)) {
            worker.execute(() -> {
                writeScheduled.set(false);
                try {
                    writePending();
                } catch (RuntimeException e) {
                    LOG.warn("auto's bandit could not store impressions: {}", e.getMessage());
                }
            });
        }
    }

    /** Waits until every impression queued so far is written (for evaluations and tests). */
    public void flush() {
        Future<?> f = worker.submit(this::writePending);
        try {
            f.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot write auto's impressions: " + e.getMessage(), e);
        }
    }

    private void writePending() {
        List<JdbcExperimentStore.Impression> batch = new ArrayList<>();
        while (pending.drainTo(batch, 500) > 0) {
            store.get().logImpressions(batch);
            batch.clear();
        }
    }

    /** Impressions not stored because the queue was full. */
    public long dropped() {
        return dropped.get();
    }

    /** {@code GET /api/v2/strategies/auto}: per kind of request, every arm's evidence, posterior mean and which serves. */
    public ObjectNode toJson(List<String> strategies) {
        AutoBandit b = current();
        ObjectNode out = JsonBody.JSON.createObjectNode();
        out.put("learning", true);
        out.put("explore", b.explore());
        out.put("prior_answers", AutoBandit.PRIOR_ANSWERS);
        out.put("rule_bonus", AutoBandit.RULE_BONUS);
        out.put("window_days", WINDOW.toDays());
        out.put("counts_read_at", refreshedAt == null ? null : refreshedAt.toString());
        out.put("impressions_dropped", dropped.get());
        out.put("reward", "tracks liked, saved or played for at least " + MIN_PLAY_MS / 1000 + " s per track shown, over answers "
                + "with at least one outcome event naming their recommendation_id");
        ArrayNode kinds = out.putArray("kinds");
        new TreeMap<>(b.counts()).forEach((kind, arms) -> {
            ObjectNode k = kinds.addObject();
            k.put("kind", kind);
            k.put("pooled_rate", round(b.pooledRate(kind)));
            k.put("prior_tracks", b.priorTracks(kind));
            ArrayNode list = k.putArray("arms");
            String best = null;
            double bestMean = -1;
            for (String s : strategies) {
                AutoBandit.Counts c = arms.getOrDefault(s, new AutoBandit.Counts(0, 0, 0));
                double mean = b.posteriorMean(kind, s, null);
                ObjectNode a = list.addObject();
                a.put("strategy", s);
                a.put("answers", c.answers());
                a.put("tracks_shown", c.shown());
                a.put("positive", c.positive());
                a.put("rate", round(c.rate()));
                a.put("posterior_mean", round(mean));
                if (mean > bestMean) {
                    bestMean = mean;
                    best = s;
                }
            }
            k.put("leading", best);
        });
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 1e5) / 1e5;
    }

    @Override
    public void close() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warn("auto's bandit lost {} queued impression(s): {}", pending.size(), e.getMessage());
        }
        worker.shutdown();
    }
}
