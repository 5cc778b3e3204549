package dev.mixtape.bench;

import dev.mixtape.algo.content.SeedQuery;
import dev.mixtape.algo.content.SeedResult;
import dev.mixtape.app.server.Engine;
import dev.mixtape.core.Catalog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
import org.openjdk.jmh.infra.ThreadParams;

/**
 * {@code /v1/recommendations} on the full Spotify Tracks catalog (89,741 tracks), in process.
 *
 * <ul>
 *   <li>{@code recommend*}: {@code SeedRecommender.recommend} alone, on queries parsed up front;</li>
 *   <li>{@code request*}: the whole request minus HTTP: parameter parsing ({@code RecommendationParams}),
 *       recommending and writing the JSON body with every track ({@code SpotifyJson}).</li>
 * </ul>
 * Each comes as {@code *Latency} (sample time: p50/p99/p99.9 per call) and {@code *Throughput}
 * (calls per second). Every invocation takes the next of {@value QueryGenerator#DEFAULT_COUNT}
 * prebuilt queries in turn (see {@link QueryGenerator}). Target: p99 of {@code recommendLatency}
 * at most 5 ms. Run with {@code ./mixtape bench recommend} (docs/BENCHMARKS.md).
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xmx512m"})
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
public class RecommendBenchmark {
    /** How many distinct queries to cycle through. */
    @Param({"256"})
    public int queryCount;

    /** Seed of the query generator. */
    @Param({"20241127"})
    public long querySeed;

    /**
     * Whether the Last.fm artist model is imported first (into a temporary folder), so that track and artist seeds
     * draw from their collaborative neighbours as on a server with the Last.fm data.
     */
    @Param({"false", "true"})
    public boolean collaborative;

    Engine engine;
    SeedQuery[] queries;
    Map<String, List<String>>[] params;

    @Setup(Level.Trial)
    @SuppressWarnings("unchecked")
    public void load() throws IOException {
        Path file = BenchData.catalogFile(null);
        long start = System.nanoTime();
        Catalog catalog = BenchData.loadCatalog(file);
        engine = Engine.of(catalog);
        if (collaborative) {
            System.out.printf("[mixtape] collaborative neighbours: %s%n", BenchData.loadArtistModel(engine));
        }
        long loaded = System.nanoTime();
        List<QueryGenerator.Query> generated =
                QueryGenerator.generate(QueryGenerator.SeedPool.of(catalog), queryCount, querySeed);
        queries = new SeedQuery[generated.size()];
        params = (Map<String, List<String>>[]) new Map<?, ?>[generated.size()];
        long tracks = 0;
        long bytes = 0;
        long seeds = 0;
        for (int i = 0; i < queries.length; i++) {
            params[i] = generated.get(i).asParamMap();
            queries[i] = InProcessRequest.parse(params[i]);
            tracks += engine.recommender().recommend(queries[i]).tracks().length;
            bytes += InProcessRequest.handle(engine, params[i]).length;
            seeds += generated.get(i).seedCount();
        }
        System.out.printf("[mixtape] catalog %s: %,d tracks, %,d artists, %d genres, loaded in %d ms; "
                        + "%d queries (%.1f seeds, %.1f tracks, %,d JSON bytes per answer on average)%n",
                file, catalog.size(), catalog.artistCount(), catalog.genreCount(), (loaded - start) / 1_000_000,
                queries.length, (double) seeds / queries.length, (double) tracks / queries.length, bytes / queries.length);
    }

    /** Per-thread position in the query list; threads start at different offsets. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        @Setup(Level.Trial)
        public void start(ThreadParams t) {
            next = t.getThreadIndex() * 97;
        }

        int next(int n) {
            return (next++ & Integer.MAX_VALUE) % n;
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public SeedResult recommendLatency(Cursor c) {
        return engine.recommender().recommend(queries[c.next(queries.length)]);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public SeedResult recommendThroughput(Cursor c) {
        return engine.recommender().recommend(queries[c.next(queries.length)]);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public byte[] requestLatency(Cursor c) {
        return InProcessRequest.handle(engine, params[c.next(params.length)]);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public byte[] requestThroughput(Cursor c) {
        return InProcessRequest.handle(engine, params[c.next(params.length)]);
    }
}
