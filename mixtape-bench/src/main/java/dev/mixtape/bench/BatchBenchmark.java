package dev.mixtape.bench;

import dev.mixtape.algo.rerank.Filters;
import dev.mixtape.algo.rerank.Reranker;
import dev.mixtape.algo.strategy.StrategyEngine;
import dev.mixtape.algo.strategy.StrategyRequest;
import dev.mixtape.algo.strategy.UserContext;
import dev.mixtape.core.Catalog;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A batch of 100 content requests (different seed tracks, 20 results each), run in parallel as
 * {@code POST /api/v2/recommendations/batch} runs them, uncached. Run with {@code ./mixtape bench strategies}.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 4, time = 2, timeUnit = TimeUnit.SECONDS)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BatchBenchmark {
    private StrategyEngine engine;
    private int[] seeds;
    private int round;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Catalog catalog = BenchData.loadCatalog(BenchData.catalogFile(null));
        engine = BenchData.strategyEngine(catalog);
        SplittableRandom rnd = new SplittableRandom(5);
        seeds = new int[1000];
        for (int i = 0; i < seeds.length; i++) {
            seeds[i] = rnd.nextInt(catalog.size());
        }
    }

    @Benchmark
    public Object batch100() {
        int base = (round++ % 10) * 100;
        UserContext ctx = UserContext.none(Instant.now());
        List<StrategyEngine.Result> out = IntStream.range(0, 100).parallel()
                .mapToObj(i -> engine.recommend("content", new StrategyRequest(seeds[base + i], null, 20, ctx, Set.of(), Filters.NONE,
                        Map.of(), i), Reranker.DEFAULT_LAMBDA, Reranker.DEFAULT_PER_ARTIST))
                .toList();
        return out;
    }
}
