package dev.mixtape.bench;

import dev.mixtape.algo.strategy.AutoBandit;
import dev.mixtape.algo.rerank.Filters;
import dev.mixtape.algo.strategy.ListenerState;
import dev.mixtape.algo.strategy.StrategyEngine;
import dev.mixtape.algo.strategy.StrategyRequest;
import dev.mixtape.algo.strategy.UserContext;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.listener.Listener;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What auto's bandit adds to every {@code auto} request, cached or not: finding the strategies that accept the request
 * ({@link StrategyEngine#arms}) and choosing among them ({@link AutoBandit#choose}) with evidence for 20 kinds × 8 arms.
 * Run with {@code ./mixtape bench strategies -b AutoChoiceBenchmark}.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 4, time = 2, timeUnit = TimeUnit.SECONDS)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AutoChoiceBenchmark {
    private StrategyEngine engine;
    private AutoBandit bandit;
    private StrategyRequest[] requests;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Catalog catalog = BenchData.loadCatalog(BenchData.catalogFile(null));
        engine = BenchData.strategyEngine(catalog);
        SplittableRandom rnd = new SplittableRandom(3);
        List<String> arms = List.of("content", "collaborative", "popularity", "contextual", "exploration", "personality", "tempo", "hybrid");
        Map<String, Map<String, AutoBandit.Counts>> evidence = new HashMap<>();
        for (String seed : List.of("track", "listener", "new-listener", "anonymous")) {
            for (String context : List.of("exploring", "energetic", "morning", "evening", "day")) {
                Map<String, AutoBandit.Counts> m = new HashMap<>();
                for (String a : arms) {
                    long answers = 1 + rnd.nextInt(500);
                    m.put(a, new AutoBandit.Counts(answers, 20 * answers, rnd.nextInt((int) (2 * answers))));
                }
                evidence.put(seed + "/" + context, m);
            }
        }
        bandit = new AutoBandit(evidence, AutoBandit.DEFAULT_EXPLORE);
        Instant now = Instant.now();
        ListenerState listener = new ListenerState(new Listener("bench", now.minus(Duration.ofDays(90)), null, 500), List.of(), null);
        requests = new StrategyRequest[256];
        for (int i = 0; i < requests.length; i++) {
            boolean track = i % 2 == 0;
            requests[i] = new StrategyRequest(track ? rnd.nextInt(catalog.size()) : -1, track ? null : listener, 20,
                    new UserContext(now.plusSeconds(3600L * i).atZone(ZoneOffset.UTC), null, null, null, false), Set.of(), Filters.NONE,
                    Map.of(), i);
        }
    }

    @Benchmark
    public Object armsAndChoice() {
        int i = next++ & 255;
        StrategyRequest r = requests[i];
        return bandit.choose(r, engine.arms(r), i * 0x9E3779B97F4A7C15L);
    }
}
