package dev.mixtape.bench;

import dev.mixtape.algo.rerank.Filters;
import dev.mixtape.algo.strategy.ListenerState;
import dev.mixtape.algo.rerank.Reranker;
import dev.mixtape.algo.strategy.StrategyEngine;
import dev.mixtape.algo.strategy.StrategyRequest;
import dev.mixtape.algo.strategy.UserContext;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.listener.HistoryEntry;
import dev.mixtape.core.listener.Listener;
import dev.mixtape.core.listener.PersonalityProfile;
import dev.mixtape.core.listener.PlayDecay;
import dev.mixtape.core.listener.Traits;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One v2 recommendation per strategy, uncached (the engine directly, minus HTTP and the answer cache), on
 * the full catalog: 20 results, the seed track rotating over 256 tracks, and a listener of 500 events with a
 * personality profile for the strategies that read one (content, collaborative and hybrid get both). The
 * collaborative strategy has no model here and measures its fallback to content. {@code batch100}: 100
 * content requests run as the batch endpoint runs them (in parallel). Run with {@code ./mixtape bench strategies}.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 4, time = 2, timeUnit = TimeUnit.SECONDS)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StrategyBenchmark {
    @Param({"content", "collaborative", "popularity", "contextual", "exploration", "personality", "tempo", "hybrid"})
    public String strategy;

    private StrategyEngine engine;
    private Catalog catalog;
    private ListenerState listener;
    private int[] seeds;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        catalog = BenchData.loadCatalog(BenchData.catalogFile(null));
        engine = BenchData.strategyEngine(catalog);
        SplittableRandom rnd = new SplittableRandom(11);
        seeds = new int[256];
        for (int i = 0; i < seeds.length; i++) {
            seeds[i] = rnd.nextInt(catalog.size());
        }
        Instant now = Instant.now();
        List<HistoryEntry> history = new ArrayList<>();
        int[][] genres = {catalog.genreTracks(catalog.genreIndexOf("jazz")), catalog.genreTracks(catalog.genreIndexOf("soul")),
            catalog.genreTracks(catalog.genreIndexOf("indie"))};
        for (int i = 0; i < 300; i++) {
            int[] pool = genres[i % 3];
            int t = pool[rnd.nextInt(pool.length)];
            double plays = 1 + rnd.nextInt(4);
            history.add(new HistoryEntry(catalog.trackId(t), PlayDecay.weight(plays, now.minus(Duration.ofDays(rnd.nextInt(60)))), plays,
                    rnd.nextInt(2), rnd.nextInt(2), 0, 0, now));
        }
        history.sort((a, b) -> Double.compare(b.playScore(), a.playScore()));
        listener = new ListenerState(new Listener("bench", now.minus(Duration.ofDays(90)), null, 500), history,
                new PersonalityProfile(new Traits(0.8, 0.4, 0.6, 0.55, 0.3), "traits", now));
    }

    private StrategyRequest request(int seed) {
        boolean track = !strategy.equals("personality") && !strategy.equals("exploration");
        boolean user = !strategy.equals("popularity") && !strategy.equals("contextual") && !strategy.equals("tempo");
        Map<String, String> params = strategy.equals("tempo") ? Map.of("bpm", "128") : Map.of();
        return new StrategyRequest(track ? seed : -1, user ? listener : null, 20,
                new UserContext(Instant.now().atZone(ZoneOffset.UTC), "calm", null, "rainy", false), Set.of(), Filters.NONE, params, seed);
    }

    @Benchmark
    public Object recommend() {
        int seed = seeds[next++ & 255];
        return engine.recommend(strategy, request(seed), Reranker.DEFAULT_LAMBDA, Reranker.DEFAULT_PER_ARTIST);
    }
}
