package dev.mixtape.bench;

import dev.mixtape.algo.cf.ImplicitAlsConfig;
import dev.mixtape.algo.cf.ImplicitAlsTrainer;
import dev.mixtape.algo.cf.InteractionMatrix;
import dev.mixtape.algo.cf.ItemKnnConfig;
import dev.mixtape.algo.cf.ItemKnnTrainer;
import dev.mixtape.algo.cf.TopN;
import dev.mixtape.algo.cf.UserScorer;
import dev.mixtape.core.DataDir;
import dev.mixtape.eval.data.LastFmReader;
import java.nio.file.Path;
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
 * Recommend-top-20 latency for one user (full ranking over 17,632 artists, training items excluded)
 * with models trained once on all of Last.fm 2k: iALS (64 factors, 15 iterations) and item-kNN.
 * Users are taken round-robin. Reads {@code lastfm-hetrec2011-2k/} from the data directory ({@link DataDir}). Run with {@code ./mixtape bench cf}.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CfTopNBenchmark {
    @Param({"ials", "itemknn"})
    public String model;

    private InteractionMatrix seen;
    private UserScorer scorer;
    private int next;

    @Setup(Level.Trial)
    public void train() throws Exception {
        Path dir = BenchData.lastFmDir();
        var data = new LastFmReader().read(dir).interactions();
        InteractionMatrix all = InteractionMatrix.of(data.users().size(), data.items().size(), data.user(), data.item(),
                data.weight()).binarised();
        seen = all;
        scorer = switch (model) {
            case "ials" -> new ImplicitAlsTrainer(ImplicitAlsConfig.defaults()).train(all);
            case "itemknn" -> new ItemKnnTrainer(ItemKnnConfig.defaults()).train(all);
            default -> throw new IllegalArgumentException(model);
        };
    }

    @Benchmark
    public int[] recommendTop20() {
        int user = next;
        next = (next + 1) % seen.users();
        return TopN.recommend(scorer, seen, user, 20);
    }
}
